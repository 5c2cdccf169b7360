#include "shell/dot_commands.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <ostream>
#include <string>

#include "shell/format/error_report.hpp"
#include "shell/graph_export.hpp"
#include "shell/repl_session.hpp"

namespace mnemo::shell {

namespace {

const std::vector<DotCommandSpec>& Specs() {
  static const std::vector<DotCommandSpec> specs = {
      {".help", {}, "show this help"},
      {".schema", {}, "the declared schema and the types in use, with their number of records"},
      {".format", {"table|json|csv"}, "print results as aligned tables, JSON objects or CSV"},
      {".timer", {"on|off"}, "show or hide each statement's time (table format)"},
      {".read", {"FILE"}, "run the statements of FILE"},
      {".export",
       {"dot|graphml", "FILE", "[QUERY]"},
       "write the nodes and relationships QUERY returns (default: the whole memory)\n"
       "as a Graphviz or GraphML picture"},
      {".quit", {}, "leave the shell (also Ctrl-D)"},
      {".exit", {}, "leave the shell"},
  };
  return specs;
}

constexpr const char* kKeysHelp = R"(
Statements end with ';' and may span lines (the prompt becomes '...>').
Keys: Tab completes keywords, labels, types and property names; Up and Down
recall earlier entries (kept in ~/.mnemo_history, or $MNEMO_HISTORY);
Ctrl-C drops the entry being typed; Ctrl-D on an empty line leaves.
)";

// One argument of a dot-command line, quotes removed.
struct Word {
  std::string text;
  size_t end = 0;  // offset in the line just past the word
};

// The blank-separated words of `line`; a word may be quoted with '...' or "...".
// Returns false (with `why`) for an unterminated quote.
bool SplitWords(std::string_view line, std::vector<Word>& words, std::string& why) {
  size_t i = 0;
  while (true) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size()) return true;
    Word word;
    if (line[i] == '\'' || line[i] == '"') {
      const size_t close = line.find(line[i], i + 1);
      if (close == std::string_view::npos) {
        why = std::string("unterminated ") + line[i] + " quote";
        return false;
      }
      word.text = std::string(line.substr(i + 1, close - i - 1));
      i = close + 1;
    } else {
      const size_t begin = i;
      while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
      word.text = std::string(line.substr(begin, i - begin));
    }
    word.end = i;
    words.push_back(std::move(word));
  }
}

std::string Usage(const DotCommandSpec& spec) {
  std::string usage(spec.name);
  for (std::string_view argument : spec.arguments) usage += " " + std::string(argument);
  return usage;
}

DotOutcome Fail(ReplSession& session, const std::string& message) {
  session.err() << "Error: " << message << '\n';
  session.err().flush();
  return DotOutcome::kFailed;
}

DotOutcome UsageError(ReplSession& session, const DotCommandSpec& spec) {
  return Fail(session, "usage: " + Usage(spec));
}

// A confirmation for people; scripts and pipes get none.
void Confirm(ReplSession& session, const std::string& message) {
  if (!session.settings().interactive) return;
  session.out() << message << "\n\n";
  session.out().flush();
}

DotOutcome Help(ReplSession& session) {
  size_t width = 0;
  for (const DotCommandSpec& spec : Specs()) width = std::max(width, Usage(spec).size());
  std::ostream& out = session.out();
  for (const DotCommandSpec& spec : Specs()) {
    const std::string usage = Usage(spec);
    std::string help(spec.help);
    for (size_t nl = help.find('\n'); nl != std::string::npos; nl = help.find('\n', nl + 1))
      help.insert(nl + 1, width + 4, ' ');
    out << "  " << usage << std::string(width - usage.size() + 2, ' ') << help << '\n';
  }
  out << kKeysHelp << (session.settings().interactive ? "\n" : "");
  out.flush();
  return DotOutcome::kDone;
}

// The declared schema (SHOW SCHEMA) with the number of records of each type,
// then the types in use that are not declared.
DotOutcome Schema(ReplSession& session) {
  Connection& conn = session.connection();
  Result<QueryResult> declared = conn.Query("SHOW SCHEMA");
  if (!declared.ok()) return Fail(session, declared.status().message());
  QueryResult table;
  table.columns = {"kind", "name", "definition", "records"};
  conn.Read([&](const graph::Hypergraph& store) {
    auto records = [&](const std::string& kind, const std::string& name) {
      return static_cast<int64_t>(kind == "ENTITY" ? store.EntitiesOfType(name).size()
                                                   : store.HyperedgesOfType(name).size());
    };
    for (const auto& row : declared->rows) {
      if (row.size() < 3 || row[0].kind() != graph::Value::Kind::kString ||
          row[1].kind() != graph::Value::Kind::kString)
        continue;
      table.rows.push_back({row[0], row[1], row[2], graph::Value(records(row[0].as_string(), row[1].as_string()))});
    }
    const CompletionCatalog catalog = ReadCompletionCatalog(store);
    for (const std::string& name : catalog.entity_types)
      if (!store.schema().FindEntity(name))
        table.rows.push_back({graph::Value("ENTITY"), graph::Value(name), graph::Value("(not declared)"),
                              graph::Value(records("ENTITY", name))});
    for (const std::string& name : catalog.relation_types) {
      if (store.schema().FindRelation(name)) continue;
      const std::vector<graph::Id>& ids = store.HyperedgesOfType(name);
      const graph::Hyperedge* first = ids.empty() ? nullptr : store.hyperedge(ids.front());
      const bool event = first && first->is_event;
      table.rows.push_back({graph::Value(event ? "EVENT" : "RELATION"), graph::Value(name),
                            graph::Value("(not declared)"), graph::Value(records("RELATION", name))});
    }
  });
  session.Show(table);
  return DotOutcome::kDone;
}

DotOutcome Format(ReplSession& session, const DotCommandSpec& spec, const std::vector<Word>& words) {
  if (words.size() != 2) return UsageError(session, spec);
  const std::optional<OutputFormat> format = ParseOutputFormat(words[1].text);
  if (!format) return Fail(session, "unknown format '" + words[1].text + "' (table, json or csv)");
  session.SetFormat(*format);
  Confirm(session, "Format: " + words[1].text + ".");
  return DotOutcome::kDone;
}

DotOutcome Timer(ReplSession& session, const DotCommandSpec& spec, const std::vector<Word>& words) {
  if (words.size() != 2 || (words[1].text != "on" && words[1].text != "off")) return UsageError(session, spec);
  session.SetTimer(words[1].text == "on");
  Confirm(session, "Timer " + words[1].text + ".");
  return DotOutcome::kDone;
}

// The whole content of `path`, or false with the reason in `why`.
bool ReadFile(const std::string& path, std::string& text, std::string& why) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) {
    why = std::strerror(errno);
    return false;
  }
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) text.append(buffer, n);
  if (std::ferror(file.get())) {  // EISDIR for a directory
    why = std::strerror(errno);
    return false;
  }
  return true;
}

DotOutcome Read(ReplSession& session, const DotCommandSpec& spec, const std::vector<Word>& words) {
  if (words.size() != 2) return UsageError(session, spec);
  const std::string& path = words[1].text;
  std::string text, why;
  if (!ReadFile(path, text, why)) return Fail(session, "cannot read '" + path + "': " + why);
  return session.RunScript(text, ScriptOrigin{path, {}, 1}) ? DotOutcome::kDone : DotOutcome::kFailed;
}

DotOutcome Export(ReplSession& session, const DotCommandSpec& spec, std::string_view line,
                  const std::vector<Word>& words) {
  if (words.size() < 3) return UsageError(session, spec);
  const std::optional<GraphFormat> format = ParseGraphFormat(words[1].text);
  if (!format) return Fail(session, "unknown picture format '" + words[1].text + "' (dot or graphml)");
  const std::string& path = words[2].text;
  std::string query(line.substr(words[2].end));
  query.erase(0, query.find_first_not_of(" \t"));

  Connection& conn = session.connection();
  Result<QueryResult> result = query.empty() ? WholeMemory(conn) : conn.Query(query, session.settings().params);
  if (!result.ok()) {
    StatementOutcome failed;
    failed.status = result.status();
    failed.line = failed.column = 1;
    session.err() << ErrorReport(failed, StatementSource{query, ""});
    session.err().flush();
    return DotOutcome::kFailed;
  }
  errno = 0;
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) {
    const int error = errno;
    return Fail(session, "cannot write '" + path + "': " + (error ? std::strerror(error) : "open failed"));
  }
  GraphCounts counts;
  const Status written = WriteGraph(conn, *result, *format, file, &counts);
  file.close();
  if (!written.ok() || file.fail()) return Fail(session, "cannot write '" + path + "': " + std::strerror(errno));
  Confirm(session, "Wrote " + std::to_string(counts.nodes) + (counts.nodes == 1 ? " node and " : " nodes and ") +
                       std::to_string(counts.edges) + (counts.edges == 1 ? " edge" : " edges") + " to " + path + ".");
  return DotOutcome::kDone;
}

}  // namespace

std::span<const DotCommandSpec> DotCommandSpecs() { return Specs(); }

const DotCommandSpec* FindDotCommand(std::string_view name) {
  for (const DotCommandSpec& spec : Specs())
    if (spec.name == name) return &spec;
  return nullptr;
}

bool IsDotCommand(std::string_view line) {
  const size_t first = line.find_first_not_of(" \t");
  return first != std::string_view::npos && line[first] == '.';
}

DotOutcome RunDotCommand(ReplSession& session, std::string_view line) {
  std::vector<Word> words;
  std::string why;
  if (!SplitWords(line, words, why)) return Fail(session, why);
  if (words.empty()) return DotOutcome::kDone;
  const DotCommandSpec* spec = FindDotCommand(words[0].text);
  if (spec == nullptr) return Fail(session, "unknown command '" + words[0].text + "' (.help lists the commands)");
  const std::string_view name = spec->name;
  if (name == ".quit" || name == ".exit") return words.size() == 1 ? DotOutcome::kQuit : UsageError(session, *spec);
  if (name == ".help") return words.size() == 1 ? Help(session) : UsageError(session, *spec);
  if (name == ".schema") return words.size() == 1 ? Schema(session) : UsageError(session, *spec);
  if (name == ".format") return Format(session, *spec, words);
  if (name == ".timer") return Timer(session, *spec, words);
  if (name == ".read") return Read(session, *spec, words);
  return Export(session, *spec, line, words);
}

}  // namespace mnemo::shell
