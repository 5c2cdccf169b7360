// mnemo-tck: runs openCypher TCK feature files against the engine.
//
//   mnemo-tck [--min-pass R] [--verbose] [--side-effects graph|stats]
//             [--filter TEXT] [--timeout SECONDS] [--no-fork] DIR|FILE...
//
// Prints one `FAIL <file>:<line> <scenario>: <reason>` line per failing
// scenario, a `<dir>: passed/total` line per directory of feature files, and
// finally `N passed, M failed`. Exit status: 0; 1 when --min-pass R is given
// and passed/(passed+failed) < R; 2 on usage errors or a missing DIR.
// See tests/tck/README.md.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "tests/tck/gherkin.hpp"
#include "tests/tck/tck_runner.hpp"

namespace fs = std::filesystem;
using mnemo::tck::Feature;
using mnemo::tck::RunOptions;
using mnemo::tck::Scenario;
using mnemo::tck::ScenarioOutcome;

namespace {

constexpr const char* kUsage =
    "usage: mnemo-tck [--min-pass R] [--verbose] [--side-effects graph|stats] [--filter TEXT]\n"
    "                 [--timeout SECONDS] [--no-fork] DIR|FILE...\n"
    "  Runs every scenario of the .feature files under each DIR (recursively) against a\n"
    "  fresh in-memory database and prints failures and a summary.\n"
    "  --min-pass R       exit 1 when passed/(passed+failed) < R (0 <= R <= 1)\n"
    "  --verbose          also print passing scenarios, and queries and tables of failures\n"
    "  --side-effects M   graph (default): compare with the observed change of the graph;\n"
    "                     stats: compare with the statement's QueryStats\n"
    "  --filter TEXT      run only scenarios whose 'file:line name' contains TEXT\n"
    "  --timeout SECONDS  time limit per scenario (default 30; 0 = none)\n"
    "  --no-fork          run scenarios in this process (a crash ends the run)\n";

int Usage(const std::string& error) {
  if (!error.empty()) std::cerr << "mnemo-tck: " << error << "\n";
  std::cerr << kUsage;
  return 2;
}

struct Options {
  double min_pass = -1;
  bool verbose = false;
  bool fork = true;
  unsigned timeout = 30;
  std::string filter;
  RunOptions run;
  std::vector<std::string> inputs;
};

bool ParseDouble(const std::string& s, double& out) {
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return !s.empty() && end == s.c_str() + s.size();
}

// Runs the scenario in a child process so that a crash or a hang fails only
// that scenario.
ScenarioOutcome RunIsolated(const Feature& f, const Scenario& s, const Options& o) {
  if (!o.fork) return mnemo::tck::RunScenario(f, s, o.run);
  int fds[2];
  if (pipe(fds) != 0) return mnemo::tck::RunScenario(f, s, o.run);
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return mnemo::tck::RunScenario(f, s, o.run);
  }
  if (pid == 0) {
    close(fds[0]);
    if (o.timeout > 0) alarm(o.timeout);
    const ScenarioOutcome out = mnemo::tck::RunScenario(f, s, o.run);
    std::string msg = (out.passed ? "P" : "F") + out.reason;
    msg += '\0';
    msg += out.details;
    size_t done = 0;
    while (done < msg.size()) {
      const ssize_t n = write(fds[1], msg.data() + done, msg.size() - done);
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    close(fds[1]);
    _exit(0);
  }
  close(fds[1]);
  std::string msg;
  char buf[4096];
  while (true) {
    const ssize_t n = read(fds[0], buf, sizeof buf);
    if (n > 0) {
      msg.append(buf, static_cast<size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      break;
    }
  }
  close(fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  ScenarioOutcome out;
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    out.reason = sig == SIGALRM ? "timed out after " + std::to_string(o.timeout) + "s"
                                : std::string("crashed: signal ") + std::to_string(sig) + " (" + strsignal(sig) + ")";
    return out;
  }
  if (msg.empty()) {
    out.reason = "the scenario process exited with status " + std::to_string(WEXITSTATUS(status)) +
                 " without a result";
    return out;
  }
  out.passed = msg[0] == 'P';
  const size_t nul = msg.find('\0');
  out.reason = msg.substr(1, nul == std::string::npos ? std::string::npos : nul - 1);
  if (nul != std::string::npos) out.details = msg.substr(nul + 1);
  return out;
}

std::string OneLine(std::string s) {
  for (char& c : s)
    if (c == '\n') c = ' ';
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= argc) return false;
      out = argv[++i];
      return true;
    };
    std::string v;
    if (a == "--min-pass") {
      if (!value(v) || !ParseDouble(v, o.min_pass) || o.min_pass < 0 || o.min_pass > 1)
        return Usage("--min-pass needs a ratio between 0 and 1");
    } else if (a == "--verbose" || a == "-v") {
      o.verbose = true;
    } else if (a == "--no-fork") {
      o.fork = false;
    } else if (a == "--side-effects") {
      if (!value(v) || (v != "graph" && v != "stats")) return Usage("--side-effects needs graph or stats");
      o.run.side_effects = v == "graph" ? mnemo::tck::SideEffectMode::kGraph : mnemo::tck::SideEffectMode::kStats;
    } else if (a == "--filter") {
      if (!value(o.filter)) return Usage("--filter needs a text");
    } else if (a == "--timeout") {
      double t = 0;
      if (!value(v) || !ParseDouble(v, t) || t < 0) return Usage("--timeout needs a number of seconds");
      o.timeout = static_cast<unsigned>(t);
    } else if (a == "--help" || a == "-h") {
      std::cout << kUsage;
      return 0;
    } else if (!a.empty() && a[0] == '-') {
      return Usage("unknown option " + a);
    } else {
      o.inputs.push_back(a);
    }
  }
  if (o.inputs.empty()) return Usage("no DIR given");

  // Feature files, grouped by the directory name that holds them.
  struct Input {
    std::string path;
    std::string group;
  };
  std::vector<Input> files;
  for (const auto& in : o.inputs) {
    std::error_code ec;
    if (fs::is_regular_file(in, ec)) {
      files.push_back({in, fs::path(in).parent_path().filename().string()});
      continue;
    }
    if (!fs::is_directory(in, ec)) {
      std::cerr << "mnemo-tck: " << in << ": no such directory\n";
      return 2;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(in, fs::directory_options::follow_directory_symlink, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      if (it->is_regular_file() && it->path().extension() == ".feature") found.push_back(it->path().string());
    if (ec) {
      std::cerr << "mnemo-tck: " << in << ": " << ec.message() << "\n";
      return 2;
    }
    std::sort(found.begin(), found.end());
    for (auto& f : found) files.push_back({f, fs::path(f).parent_path().filename().string()});
  }

  std::map<std::string, std::pair<int, int>> by_group;  // group -> (passed, total)
  int passed = 0, failed = 0;
  for (const auto& file : files) {
    auto feature = mnemo::tck::ParseFeatureFile(file.path);
    if (!feature.ok()) {
      std::cout << "FAIL " << file.path << ":0 (feature file): " << feature.status().message() << "\n";
      ++failed;
      ++by_group[file.group].second;
      continue;
    }
    for (const Scenario& s : feature->scenarios) {
      const std::string where = file.path + ":" + std::to_string(s.line) + " " + s.name;
      if (!o.filter.empty() && where.find(o.filter) == std::string::npos) continue;
      const ScenarioOutcome out = RunIsolated(*feature, s, o);
      auto& g = by_group[file.group];
      ++g.second;
      if (out.passed) {
        ++passed;
        ++g.first;
        if (o.verbose) std::cout << "PASS " << where << "\n";
      } else {
        ++failed;
        std::cout << "FAIL " << where << ": " << OneLine(out.reason) << "\n";
        if (o.verbose && !out.details.empty()) std::cout << out.details;
      }
      std::cout.flush();
    }
  }
  for (const auto& [group, counts] : by_group)
    std::cout << group << ": " << counts.first << "/" << counts.second << "\n";
  std::cout << passed << " passed, " << failed << " failed" << std::endl;

  if (o.min_pass >= 0) {
    const int total = passed + failed;
    const double ratio = total == 0 ? 0.0 : static_cast<double>(passed) / total;
    if (ratio < o.min_pass) return 1;
  }
  return 0;
}
