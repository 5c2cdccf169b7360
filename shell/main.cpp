// The mnemo binary: entry point and sub-command dispatch.
#include <cstdio>
#include <cstring>
#include <string_view>

namespace {

constexpr const char* kUsage = R"(usage: mnemo <command> [options]

commands:
  version     print the version
  help        print this help

mnemo is a memory engine for LLM agents; see README.md.
)";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::string_view(argv[1]) == "help" || std::string_view(argv[1]) == "--help" ||
      std::string_view(argv[1]) == "-h") {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  if (std::string_view(argv[1]) == "version" || std::string_view(argv[1]) == "--version") {
    std::puts("mnemo 0.1.0");
    return 0;
  }
  std::fprintf(stderr, "mnemo: unknown command '%s'\n%s", argv[1], kUsage);
  return 2;
}
