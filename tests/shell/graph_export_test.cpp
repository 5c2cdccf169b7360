// Pictures of query results (shell/graph_export*): DOT and GraphML text,
// valid times from the store, escaping, and the whole-memory export.
#include <catch2/catch.hpp>

#include <memory>
#include <sstream>

#include "shell/graph_export.hpp"
#include "shell/graph_export_text.hpp"

namespace shell = mnemo::shell;
using mnemo::QueryResult;

namespace {

class Memory {
 public:
  Memory() : db_(mnemo::Database::Open().value()), conn_(db_->Connect()) {
    Run("DEFINE ENTITY Person (name TEXT KEY);"
        "DEFINE ENTITY City (name TEXT KEY);"
        "DEFINE RELATION lives_in (resident: Person, city: City) UNIQUE (resident);"
        "DEFINE EVENT Trip (traveler: Person MANY, destination: City, purpose TEXT);"
        "ASSERT lives_in(resident: Person 'Caroline', city: City 'Berlin') VALID FROM 2023-04-01;"
        "ASSERT lives_in(resident: Person 'Melanie', city: City 'Lisbon') VALID FROM 2022-01-01 "
        "  VALID UNTIL 2030-01-01T12:30:00Z;"
        "ASSERT Trip(traveler: [Person 'Caroline', Person 'Melanie'], destination: City 'Paris', "
        "  purpose: 'holiday') AT 2023-06-01;");
  }

  void Run(std::string_view script) {
    for (const auto& outcome : conn_.Run(script)) REQUIRE(outcome.status.ok());
  }
  QueryResult Query(std::string_view text) {
    auto result = conn_.Query(text);
    REQUIRE(result.ok());
    return std::move(result).value();
  }
  std::string Write(const QueryResult& result, shell::GraphFormat format, shell::GraphCounts* counts = nullptr) {
    std::ostringstream out;
    REQUIRE(shell::WriteGraph(conn_, result, format, out, counts).ok());
    return out.str();
  }
  mnemo::Connection& conn() { return conn_; }

 private:
  std::unique_ptr<mnemo::Database> db_;
  mnemo::Connection conn_;
};

bool Contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

size_t Count(const std::string& text, std::string_view part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

}  // namespace

TEST_CASE("graph export: DOT of binary facts with valid time", "[shell][export]") {
  Memory memory;
  const QueryResult result = memory.Query("MATCH (p:Person)-[r:lives_in]->(c:City) RETURN p, r, c");
  shell::GraphCounts counts;
  const std::string dot = memory.Write(result, shell::GraphFormat::kDot, &counts);
  CHECK(counts.nodes == 4);
  CHECK(counts.edges == 2);
  CHECK(dot.rfind("digraph mnemo {\n", 0) == 0);
  CHECK(dot.substr(dot.size() - 2) == "}\n");
  CHECK(Contains(dot, "\"n1\" [label=\"Person\\nCaroline\", tooltip=\"{name: 'Caroline'}\"];"));
  CHECK(Contains(dot, "\"n1\" -> \"n2\" [label=\"lives_in\\nfrom 2023-04-01\"];"));
  CHECK(Contains(dot, "[label=\"lives_in\\n2022-01-01 \xE2\x80\x93 2030-01-01 12:30:00\"]"));
}

TEST_CASE("graph export: an event is a node linked to its participants by roles", "[shell][export]") {
  Memory memory;
  const QueryResult result = memory.Query("MATCH (t:Trip)-[r]->(x) RETURN t, r, x");
  shell::GraphCounts counts;
  const std::string dot = memory.Write(result, shell::GraphFormat::kDot, &counts);
  CHECK(counts.nodes == 4);  // the Trip, Caroline, Melanie, Paris
  CHECK(counts.edges == 3);
  CHECK(Contains(dot, "[label=\"Trip\\nfrom 2023-06-01\", shape=box, style=\"rounded,filled\""));
  CHECK(Contains(dot, "tooltip=\"{purpose: 'holiday'}\""));
  CHECK(Count(dot, "[label=\"traveler\", style=dashed") == 2);
  CHECK(Count(dot, "[label=\"destination\", style=dashed") == 1);
}

TEST_CASE("graph export: GraphML declares its keys and carries the same graph", "[shell][export]") {
  Memory memory;
  auto whole = shell::WholeMemory(memory.conn());
  REQUIRE(whole.ok());
  CHECK(whole->rows.empty());
  shell::GraphCounts counts;
  const std::string xml = memory.Write(*whole, shell::GraphFormat::kGraphml, &counts);
  CHECK(counts.nodes == 6);  // five entities and the Trip
  CHECK(counts.edges == 5);  // two lives_in, three role links
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml ", 0) == 0);
  for (const char* key : {"n_label", "n_kind", "n_type", "n_key", "n_valid_from", "n_valid_to", "n_properties",
                          "e_label", "e_kind", "e_type", "e_valid_from", "e_valid_to", "e_properties"})
    CHECK(Contains(xml, std::string("<key id=\"") + key + "\" for=\"" + (key[0] == 'n' ? "node" : "edge") + "\""));
  CHECK(Count(xml, "<node id=") == 6);
  CHECK(Count(xml, "<edge id=") == 5);
  CHECK(Contains(xml, "<edge id=\"e3\" source=\"n1\" target=\"n2\">"));
  CHECK(Contains(xml, "<data key=\"e_valid_from\">2023-04-01</data>"));
  CHECK(Contains(xml, "<data key=\"e_valid_to\">2030-01-01T12:30:00Z</data>"));
  CHECK(Contains(xml, "<data key=\"n_kind\">event</data>"));
  CHECK(Contains(xml, "<data key=\"e_kind\">role</data>"));
  CHECK(Contains(xml, "<data key=\"n_label\">Person Caroline</data>"));
  CHECK(Count(xml, "<node") == Count(xml, "</node>"));
  CHECK(xml.substr(xml.size() - 22) == "  </graph>\n</graphml>\n");
}

TEST_CASE("graph export: the same memory gives the same file", "[shell][export]") {
  Memory memory;
  auto whole = shell::WholeMemory(memory.conn());
  REQUIRE(whole.ok());
  CHECK(memory.Write(*whole, shell::GraphFormat::kDot) == memory.Write(*whole, shell::GraphFormat::kDot));
  CHECK(memory.Write(*whole, shell::GraphFormat::kGraphml) == memory.Write(*whole, shell::GraphFormat::kGraphml));
}

TEST_CASE("graph export: ends the result does not describe are read from the store", "[shell][export]") {
  Memory memory;
  QueryResult result = memory.Query("MATCH ()-[r:lives_in]->() RETURN r");
  result.nodes.clear();
  const std::string dot = memory.Write(result, shell::GraphFormat::kDot);
  CHECK(Contains(dot, "\"n1\" [label=\"Person\\nCaroline\", tooltip=\"{name: 'Caroline'}\"];"));
  CHECK(Contains(dot, "\"n2\" [label=\"City\\nBerlin\""));
}

TEST_CASE("graph export: nothing to draw gives an empty graph", "[shell][export]") {
  Memory memory;
  shell::GraphCounts counts{9, 9};
  const std::string dot = memory.Write(memory.Query("RETURN 1 AS x"), shell::GraphFormat::kDot, &counts);
  CHECK(counts.nodes == 0);
  CHECK(counts.edges == 0);
  CHECK(Count(dot, "->") == 0);
  const std::string xml = memory.Write(QueryResult{}, shell::GraphFormat::kGraphml);
  CHECK(Count(xml, "<node") == 0);
}

TEST_CASE("graph export: quotes, markup, control characters and bad UTF-8 are escaped", "[shell][export]") {
  Memory memory;
  memory.Run("CREATE (:Note {name: 'say \"hi\" \\\\ <b>&amp;</b>'})");
  memory.conn()
      .AddEntity({{"Note"},
                  {{"name", std::string("tab\there\x01"
                                        "bad\xff")}},
                  {},
                  {},
                  {}})
      .value();
  const QueryResult result = memory.Query("MATCH (n:Note) RETURN n");
  const std::string dot = memory.Write(result, shell::GraphFormat::kDot);
  CHECK(Contains(dot, "label=\"Note\\nsay \\\"hi\\\" \\\\ <b>&amp;</b>\""));
  CHECK(Contains(dot, "label=\"Note\\ntab here bad\xEF\xBF\xBD\""));
  const std::string xml = memory.Write(result, shell::GraphFormat::kGraphml);
  CHECK(Contains(xml, "<data key=\"n_key\">say &quot;hi&quot; \\ &lt;b&gt;&amp;amp;&lt;/b&gt;</data>"));
  CHECK(Contains(xml, "<data key=\"n_key\">tab here bad\xEF\xBF\xBD</data>"));
  CHECK(xml.find('\x01') == std::string::npos);
}

TEST_CASE("graph export: long keys are shortened in labels", "[shell][export]") {
  Memory memory;
  memory.Run("CREATE (:Note {name: '" + std::string(100, 'x') + "'})");
  const std::string dot = memory.Write(memory.Query("MATCH (n:Note) RETURN n"), shell::GraphFormat::kDot);
  CHECK(Contains(dot, "label=\"Note\\n" + std::string(60, 'x') + "\xE2\x80\xA6\""));
}

TEST_CASE("graph export text: clean text, shortening, valid-time captions", "[shell][export]") {
  CHECK(shell::CleanText("a\nb\tc\x7f"
                         "d") == "a b c d");
  CHECK(shell::CleanText("caf\xC3\xA9 \xE2\x82\xAC") == "caf\xC3\xA9 \xE2\x82\xAC");
  CHECK(shell::CleanText("\xC3") == "\xEF\xBF\xBD");
  CHECK(shell::CleanText("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  CHECK(shell::CleanText("\xC2\x85") == " ");                                         // C1 control
  CHECK(shell::Shorten("h\xC3\xA9llo", 2) == "h\xC3\xA9\xE2\x80\xA6");
  CHECK(shell::Shorten("hello", 5) == "hello");
  namespace t = mnemo::temporal;
  const t::Timestamp may8 = t::DaysFromCivil(2023, 5, 8) * t::kMicrosPerDay;
  const t::Timestamp later = may8 + 13 * 3600 * t::kMicrosPerSecond + 56 * 60 * t::kMicrosPerSecond + 123;
  CHECK(shell::ValidTimeCaption(may8, t::kForever) == "from 2023-05-08");
  CHECK(shell::ValidTimeCaption(t::kBeginningOfTime, may8) == "until 2023-05-08");
  CHECK(shell::ValidTimeCaption(may8, later) == "2023-05-08 \xE2\x80\x93 2023-05-08 13:56:00");
  CHECK(shell::ValidTimeCaption(t::kBeginningOfTime, t::kForever).empty());
  CHECK(shell::BoundText(later) == "2023-05-08T13:56:00.000123Z");
  CHECK(shell::BoundText(t::kForever).empty());
}

TEST_CASE("graph export: format names", "[shell][export]") {
  CHECK(shell::ParseGraphFormat("dot") == shell::GraphFormat::kDot);
  CHECK(shell::ParseGraphFormat("graphml") == shell::GraphFormat::kGraphml);
  CHECK_FALSE(shell::ParseGraphFormat("png").has_value());
}
