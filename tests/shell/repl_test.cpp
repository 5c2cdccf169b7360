// The shell's loop without a terminal (shell/repl*, shell/dot_commands*): when
// typed lines form a statement, prompts, history entries, dot commands, error
// positions and exit status. The terminal itself is tested by repl_test.sh.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include "shell/dot_commands.hpp"
#include "shell/line_reader.hpp"
#include "shell/repl.hpp"
#include "shell/repl_scanner.hpp"
#include "shell/repl_session.hpp"

namespace shell = mnemo::shell;

namespace {

bool Ends(std::string_view text) {
  shell::StatementScanner scanner;
  scanner.Feed(text);
  return shell::EndsStatement(text, scanner);
}

bool Blank(std::string_view text) {
  shell::StatementScanner scanner;
  scanner.Feed(text);
  return scanner.blank();
}

// A reader that plays lines (or Ctrl-C, written "^C") and records what the
// shell asked and kept.
class ScriptedReader final : public shell::LineReader {
 public:
  explicit ScriptedReader(std::vector<std::string> lines) : lines_(std::move(lines)) {}
  shell::ReadStatus ReadLine(std::string_view prompt, std::string& line) override {
    prompts.emplace_back(prompt);
    if (next_ >= lines_.size()) return shell::ReadStatus::kEndOfInput;
    line = lines_[next_++];
    return line == "^C" ? shell::ReadStatus::kInterrupted : shell::ReadStatus::kLine;
  }
  void AddHistory(const std::string& entry) override { history.push_back(entry); }

  std::vector<std::string> prompts, history;

 private:
  std::vector<std::string> lines_;
  size_t next_ = 0;
};

struct Shell {
  std::unique_ptr<mnemo::Database> db = mnemo::Database::Open().value();
  mnemo::Connection conn = db->Connect();
  std::ostringstream out, err;

  // Runs `lines` through the loop; returns the exit status.
  int Run(std::vector<std::string> lines, bool interactive = false, ScriptedReader** reader_out = nullptr) {
    shell::ReplSettings settings;
    settings.timer = false;
    settings.interactive = interactive;
    session = std::make_unique<shell::ReplSession>(conn, settings, out, err);
    reader = std::make_unique<ScriptedReader>(std::move(lines));
    if (reader_out) *reader_out = reader.get();
    return shell::RunRepl(*session, *reader);
  }

  std::unique_ptr<shell::ReplSession> session;
  std::unique_ptr<ScriptedReader> reader;
};

bool Contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("scanner: a statement ends with ';' outside strings and comments", "[shell][repl]") {
  CHECK(Ends("RETURN 1;"));
  CHECK(Ends("RETURN 1;  \n"));
  CHECK(Ends("RETURN 1; -- done\n"));
  CHECK(Ends("RETURN 1; /* done */"));
  CHECK(Ends("RETURN 'a;b', \"c;d\", `e;f`;"));
  CHECK(Ends("RETURN 'it\\'s';"));
  CHECK(Ends("MATCH (a)--(b) RETURN a;"));
  CHECK(Ends("MATCH (a)-- >(b) RETURN a;"));
  CHECK(Ends("RETURN 1; RETURN 2;"));
  CHECK_FALSE(Ends("RETURN 1"));
  CHECK_FALSE(Ends("RETURN ';"));
  CHECK_FALSE(Ends("RETURN \"it\\\";"));
  CHECK_FALSE(Ends("RETURN `a;"));
  CHECK_FALSE(Ends("RETURN 1 // ;"));
  CHECK_FALSE(Ends("RETURN 1 -- ;"));
  CHECK_FALSE(Ends("RETURN 1 /* ; "));
  CHECK_FALSE(Ends("RETURN 1; RETURN 2"));
  CHECK_FALSE(Ends(""));
}

TEST_CASE("scanner: fed line by line, blank text and open brackets", "[shell][repl]") {
  shell::StatementScanner scanner;
  scanner.Feed("MATCH (p:Person {name: 'a\n");
  CHECK(scanner.inside_literal());
  scanner.Feed("b'}) /* ;\n");
  CHECK(scanner.inside_literal());
  CHECK(scanner.open_bracket() == '\0');
  scanner.Feed("*/ RETURN [p,\n");
  CHECK(scanner.open_bracket() == '[');
  scanner.Feed("1];\n");
  CHECK(scanner.ends_statement());
  CHECK(Blank("  -- only a comment\n"));
  CHECK(Blank("/* a */ // b\n"));
  CHECK(Blank(""));
  CHECK_FALSE(Blank("/* open\n"));
  CHECK_FALSE(Blank(";"));
}

TEST_CASE("repl: lines gather into statements; prompts and history follow", "[shell][repl]") {
  Shell sh;
  ScriptedReader* reader = nullptr;
  const int status = sh.Run({"RETURN 1 AS one;", "-- a comment", "RETURN", "  2 AS two", ";", "RETURN 'drop", "^C", "",
                             ".timer off", "RETURN 3 AS three"},
                            true, &reader);
  CHECK(status == 0);
  CHECK(reader->prompts == std::vector<std::string>{"mnemo> ", "mnemo> ", "mnemo> ", "  ...> ", "  ...> ", "mnemo> ",
                                                    "  ...> ", "mnemo> ", "mnemo> ", "mnemo> ", "  ...> "});
  CHECK(reader->history ==
        std::vector<std::string>{"RETURN 1 AS one;", "RETURN\n  2 AS two\n;", ".timer off", "RETURN 3 AS three"});
  CHECK(Contains(sh.out.str(), " one\n-----\n   1\n(1 row)\n\n"));
  CHECK(Contains(sh.out.str(), " two\n-----\n   2\n(1 row)\n\n"));
  CHECK(Contains(sh.out.str(), " three\n"));  // at the end of input, without ';'
  CHECK_FALSE(Contains(sh.out.str(), "drop"));
  CHECK(sh.err.str().empty());
}

TEST_CASE("repl: without a terminal, errors count lines of the whole input and set the status", "[shell][repl]") {
  Shell sh;
  const int status = sh.Run({"RETURN 1 AS one;", "", "RETURN", "  1 +;", "RETURN 2 AS two;"});
  CHECK(status == 1);
  CHECK(sh.err.str() ==
        "Error (SyntaxError) in <stdin> at line 4, column 6: unexpected ';': expected an expression after the "
        "operator\n    1 +;\n       ^\n");
  CHECK(Contains(sh.out.str(), " one\n-----\n   1\n(1 row)\n\n two\n"));  // one blank line between results
}

TEST_CASE("repl: in a terminal, a failed statement does not change the exit status", "[shell][repl]") {
  Shell sh;
  CHECK(sh.Run({"RETURN 1 +;", "RETURN 1/0 AS x;"}, true) == 0);
  CHECK(Contains(sh.err.str(), "Error (SyntaxError) at line 1, column 11"));
  CHECK(Contains(sh.err.str(), "Error (TypeError)"));
}

TEST_CASE("dot commands: .format, .timer, .help, .quit", "[shell][repl]") {
  Shell sh;
  CHECK(sh.Run({".format json", "RETURN 1 AS x;", ".format csv", "RETURN 'a,b' AS y;", ".help", ".quit",
                "RETURN 'after quit';"}) == 0);
  const std::string out = sh.out.str();
  CHECK(Contains(out, "{\"columns\":[\"x\"],\"rows\":[[1]],\"stats\":{}}\n"));
  CHECK(Contains(out, "y\r\n\"a,b\"\r\n"));
  CHECK(Contains(out, ".export dot|graphml FILE [QUERY]"));
  CHECK(Contains(out, "Ctrl-C"));
  CHECK_FALSE(Contains(out, "after quit"));
}

TEST_CASE("dot commands: bad ones are errors, and the loop goes on", "[shell][repl]") {
  Shell sh;
  CHECK(sh.Run({".nope", ".format xml", ".timer maybe", ".read", ".read /nonexistent/x.mq", ".export png f",
                ".export dot", ".export dot '/tmp/unterminated", ".export dot /nonexistent/dir/x.dot",
                ".export dot /tmp/x.dot MATCH (n RETURN n", ".quit now", "RETURN 5 AS five;"}) == 1);
  const std::string err = sh.err.str();
  CHECK(Contains(err, "Error: unknown command '.nope' (.help lists the commands)\n"));
  CHECK(Contains(err, "Error: unknown format 'xml' (table, json or csv)\n"));
  CHECK(Contains(err, "Error: usage: .timer on|off\n"));
  CHECK(Contains(err, "Error: usage: .read FILE\n"));
  CHECK(Contains(err, "Error: cannot read '/nonexistent/x.mq': No such file or directory\n"));
  CHECK(Contains(err, "Error: unknown picture format 'png' (dot or graphml)\n"));
  CHECK(Contains(err, "Error: usage: .export dot|graphml FILE [QUERY]\n"));
  CHECK(Contains(err, "Error: unterminated ' quote\n"));
  CHECK(Contains(err, "Error: cannot write '/nonexistent/dir/x.dot': No such file or directory\n"));
  CHECK(Contains(err, "Error (SyntaxError) at line 1, column 10: unexpected 'RETURN'"));
  CHECK(Contains(err, "  MATCH (n RETURN n\n           ^\n"));
  CHECK(Contains(err, "Error: usage: .quit\n"));
  CHECK(Contains(sh.out.str(), " five\n"));
}

TEST_CASE("dot commands: .read runs a file, naming it in errors", "[shell][repl]") {
  const std::string path = "/tmp/mnemo_repl_test_read.mq";
  std::ofstream(path) << "CREATE (:Person {name: 'Ann'});\nRETURN 1 / 0 AS x;\n";
  Shell sh;
  CHECK(sh.Run({".read " + path, "MATCH (p:Person) RETURN p.name AS name;"}) == 1);
  std::remove(path.c_str());
  CHECK(Contains(sh.err.str(), "Error (TypeError) in " + path + " at line 2"));
  CHECK(Contains(sh.out.str(), " name\n------\n Ann\n"));
}

TEST_CASE("dot commands: .schema lists declared and used types with counts", "[shell][repl]") {
  Shell sh;
  CHECK(sh.Run({"DEFINE ENTITY Person (name TEXT KEY);", "CREATE (:Person {name: 'Ann'}), (:Pet {name: 'Rex'});",
                ".format csv", ".schema"}) == 0);
  CHECK(Contains(sh.out.str(),
                 "kind,name,definition,records\r\nENTITY,Person,(name TEXT KEY),1\r\nENTITY,Pet,(not declared),1\r\n"));
}

TEST_CASE("dot commands: .export writes a picture of a query or of the whole memory", "[shell][repl]") {
  const std::string whole = "/tmp/mnemo_repl_test_whole.dot", part = "/tmp/mnemo_repl_test_part.graphml";
  Shell sh;
  CHECK(sh.Run({"CREATE (:Person {name: 'Ann'})-[:KNOWS]->(:Person {name: 'Bob'}), (:City {name: 'Oslo'});",
                ".export dot " + whole, ".export graphml " + part + " MATCH (c:City) RETURN c;"},
               true) == 0);
  CHECK(Contains(sh.out.str(), "Wrote 3 nodes and 1 edge to " + whole + ".\n"));
  CHECK(Contains(sh.out.str(), "Wrote 1 node and 0 edges to " + part + ".\n"));
  std::stringstream dot, xml;
  dot << std::ifstream(whole).rdbuf();
  xml << std::ifstream(part).rdbuf();
  std::remove(whole.c_str());
  std::remove(part.c_str());
  CHECK(Contains(dot.str(), "[label=\"Person\\nAnn\""));
  CHECK(Contains(dot.str(), "\"n1\" -> \"n2\" [label=\"KNOWS"));
  CHECK(Contains(xml.str(), "<data key=\"n_key\">Oslo</data>"));
  CHECK_FALSE(Contains(xml.str(), "Ann"));
}

TEST_CASE("dot commands: recognised by a leading '.'", "[shell][repl]") {
  CHECK(shell::IsDotCommand(".help"));
  CHECK(shell::IsDotCommand("  .quit"));
  CHECK_FALSE(shell::IsDotCommand("RETURN .5"));
  CHECK_FALSE(shell::IsDotCommand(""));
  CHECK(shell::FindDotCommand(".export") != nullptr);
  CHECK(shell::FindDotCommand(".EXPORT") == nullptr);
}

TEST_CASE("repl: any input, however odd, is answered without a crash", "[shell][repl]") {
  std::vector<std::string> lines = {".",
                                    "..",
                                    ". export",
                                    ".export dot",
                                    "'",
                                    "\"",
                                    "`",
                                    "/*",
                                    "*/ ;",
                                    "--(",
                                    ")",
                                    std::string("\0;", 2),
                                    "\xff\xfe;",
                                    std::string(10000, '('),
                                    ";",
                                    ".export graphml /dev/null MATCH (n) RETURN n",
                                    ".schema",
                                    ".timer on",
                                    ".format table",
                                    "RETURN 1 AS x;;;",
                                    ";;"};
  uint32_t seed = 12345;
  for (int i = 0; i < 200; ++i) {
    std::string line;
    for (int k = 0; k < 12; ++k) {
      seed = seed * 1103515245 + 12345;
      line.push_back("();:'\"`/*-{}[].,aZ \\\n#$"[(seed >> 16) % 24]);
    }
    lines.push_back(line);
  }
  Shell sh;
  const int status = sh.Run(lines);
  CHECK((status == 0 || status == 1));
}
