#include "tests/queries/query_runner.hpp"

#include <exception>
#include <fstream>
#include <sstream>

#include "engine/mnemo.hpp"
#include "tests/queries/query_file.hpp"
#include "tests/tck/tck_compare.hpp"

namespace mnemo::querytest {

namespace {

std::string Indented(std::string text) {
  if (!text.empty() && text.back() == '\n') text.pop_back();
  std::string out = "    ";
  for (char c : text) {
    out += c;
    if (c == '\n') out += "    ";
  }
  return out + "\n";
}

std::string Lines(const std::vector<std::string>& rows) {
  std::string out;
  for (const auto& r : rows) out += r + "\n";
  return out.empty() ? "(no rows)\n" : out;
}

class FileRun {
 public:
  FileRun(const std::string& path, std::ostream& out) : path_(path), out_(out) {}

  FileOutcome Run() {
    FileOutcome outcome;
    std::ifstream in(path_, std::ios::binary);
    if (!in) {
      out_ << path_ << ": cannot read the file\n";
      outcome.unreadable = true;
      return outcome;
    }
    std::ostringstream text;
    text << in.rdbuf();
    auto blocks = ParseQueryFile(text.str());
    if (!blocks.ok()) {
      out_ << path_ << ":" << blocks.status().message() << "\n";
      outcome.unreadable = true;
      return outcome;
    }
    if (!Reset()) {
      outcome.unreadable = true;
      return outcome;
    }
    for (const Block& b : *blocks) {
      if (b.kind == Block::Kind::kReset) {
        if (!Reset()) {
          outcome.unreadable = true;
          return outcome;
        }
        continue;
      }
      ++outcome.blocks;
      std::optional<std::string> failure;
      try {
        failure = RunBlock(b);
      } catch (const std::exception& e) {
        failure = std::string("exception: ") + e.what();
      }
      if (failure) {
        ++outcome.failed;
        out_ << path_ << ":" << b.line << ": " << *failure << "\n" << Indented(b.statement) << details_;
      }
      details_.clear();
    }
    return outcome;
  }

 private:
  bool Reset() {
    conn_.reset();
    auto db = Database::Open();
    if (!db.ok()) {
      out_ << path_ << ": cannot open a database: " << db.status().ToString() << "\n";
      return false;
    }
    db_ = std::move(db).value();
    conn_.emplace(db_->Connect());
    return true;
  }

  tck::GraphSnapshot Snapshot() {
    return conn_->Read([](const graph::Hypergraph& g) { return tck::TakeSnapshot(g); });
  }

  std::optional<std::string> RunBlock(const Block& b) {
    switch (b.kind) {
      case Block::Kind::kStatementOk: {
        auto r = conn_->Query(b.statement);
        if (!r.ok()) return "expected success, got " + r.status().ToString();
        return std::nullopt;
      }
      case Block::Kind::kStatementError: {
        const tck::GraphSnapshot before = Snapshot();
        auto r = conn_->Query(b.statement);
        const tck::GraphSnapshot after = Snapshot();
        const std::string wanted = b.error_code ? std::string(StatusCodeName(*b.error_code)) : "an error";
        if (r.ok()) return "expected " + wanted + ", the statement succeeded";
        if (b.error_code && r.status().code() != *b.error_code)
          return "expected " + wanted + ", got " + r.status().ToString();
        if (!b.error_substring.empty() && r.status().ToString().find(b.error_substring) == std::string::npos)
          return "expected an error containing '" + b.error_substring + "', got " + r.status().ToString();
        if (!(before == after))
          return "the failed statement changed the store: " + tck::Diff(before, after).ToString() + ", records " +
                 std::to_string(before.entities) + "/" + std::to_string(before.hyperedges) + "/" +
                 std::to_string(before.episodes) + " -> " + std::to_string(after.entities) + "/" +
                 std::to_string(after.hyperedges) + "/" + std::to_string(after.episodes) +
                 " (entities/hyperedges/episodes)";
        return std::nullopt;
      }
      case Block::Kind::kQuery: {
        auto r = conn_->Query(b.statement);
        if (!r.ok()) return "query failed: " + r.status().ToString();
        std::vector<std::string> rows;
        for (const auto& row : r->rows) {
          std::vector<std::string> cells;
          for (const auto& v : row) cells.push_back(r->Render(v));
          rows.push_back(JoinCells(cells));
        }
        const std::string columns = JoinCells(r->columns);
        auto diff = CompareRows(b, columns, rows);
        if (!diff) return std::nullopt;
        details_ = "  expected:\n" + Indented((b.header ? "# " + *b.header + "\n" : "") + Lines(b.rows)) +
                   "  actual:\n" + Indented("# " + columns + "\n" + Lines(rows));
        return diff;
      }
      case Block::Kind::kReset: return std::nullopt;
    }
    return std::nullopt;
  }

  const std::string& path_;
  std::ostream& out_;
  std::unique_ptr<Database> db_;
  std::optional<Connection> conn_;
  std::string details_;
};

}  // namespace

FileOutcome RunQueryFile(const std::string& path, std::ostream& out) { return FileRun(path, out).Run(); }

}  // namespace mnemo::querytest
