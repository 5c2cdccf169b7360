// Helpers for the durability tests: scratch directories, a canonical dump of
// a whole store (every field of every record, derived indexes included), and
// query results as text.
#pragma once

#include <unistd.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "engine/mnemo.hpp"

namespace mnemo::testing {

// A fresh directory under the system temp dir, removed with everything in it
// when the object goes.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& tag = "durable") {
    std::random_device rd;
    path_ = (std::filesystem::temp_directory_path() /
             ("mnemo-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(rd())))
                .string();
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline void CopyDirectory(const std::string& from, const std::string& to) {
  std::filesystem::remove_all(to);
  std::filesystem::copy(from, to, std::filesystem::copy_options::recursive);
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}
inline void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// The one snapshot file of a memory directory ("" when there is none).
inline std::string SnapshotIn(const std::string& dir) {
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("snapshot-", 0) == 0 && name.size() > 6 && name.substr(name.size() - 6) == ".mnemo")
      return entry.path().string();
  }
  return "";
}

// A value with its kind and exact bits (floats in hex), nested.
inline std::string DumpValue(const graph::Value& v) {
  using K = graph::Value::Kind;
  char buf[64];
  switch (v.kind()) {
    case K::kNull:
      return "null";
    case K::kBool:
      return v.as_bool() ? "true" : "false";
    case K::kInt:
      return "i" + std::to_string(v.as_int());
    case K::kFloat:
      std::snprintf(buf, sizeof(buf), "f%a", v.as_float());
      return buf;
    case K::kString: {
      std::string out = "s'";
      for (unsigned char c : v.as_string()) {
        if (c < 0x20 || c == '\'' || c == '\\') {
          std::snprintf(buf, sizeof(buf), "\\x%02x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
      }
      return out + "'";
    }
    case K::kDate:
      return "d" + std::to_string(v.as_date().micros);
    case K::kDateTime:
      return "t" + std::to_string(v.as_datetime().micros);
    case K::kList: {
      std::string out = "[";
      for (const auto& x : v.as_list()) out += DumpValue(x) + ",";
      return out + "]";
    }
    case K::kMap: {
      std::string out = "{";
      for (const auto& [k, x] : v.as_map()) out += k + ":" + DumpValue(x) + ",";
      return out + "}";
    }
    default:
      return "<ref " + v.ToString() + ">";
  }
}

inline std::string DumpTime(const temporal::Bitemporal& t) {
  std::ostringstream out;
  out << "[" << t.valid_from << "," << t.valid_to << ") tx[" << t.recorded_at << "," << t.retracted_at << ") closed "
      << t.closed_at << " before " << t.valid_to_before_close;
  return out.str();
}

// Every record, every field, names as text; incidence lists as sets (their
// order is not part of the contract); the type and key indexes as lookups.
inline std::string DumpStore(const graph::Hypergraph& g) {
  const auto& names = g.names();
  auto text = [&](graph::Symbol s) {
    return s == graph::kNoSymbol ? std::string("-") : "'" + std::string(names.Text(s)) + "'";
  };
  std::ostringstream out;
  out << "next_id " << g.next_id() << "\n";
  for (const auto& def : g.schema().entities()) {
    out << "entity type " << def.name << ":";
    for (const auto& p : def.properties)
      out << " " << p.name << "/" << graph::PropertyTypeName(p.type) << (p.is_key ? "/KEY" : "");
    out << "\n";
  }
  for (const auto& def : g.schema().relations()) {
    out << (def.is_event ? "event " : "relation ") << def.name << ":";
    for (const auto& r : def.roles)
      out << " " << r.name << "/" << r.entity_type << "/"
          << (r.value_type ? std::string(graph::PropertyTypeName(*r.value_type)) : "entity") << "/"
          << (r.cardinality == graph::Cardinality::kMany ? "MANY" : "ONE");
    for (const auto& p : def.properties) out << " prop " << p.name << "/" << graph::PropertyTypeName(p.type);
    out << " unique";
    for (const auto& u : def.unique_roles) out << " " << u;
    out << "\n";
  }
  std::vector<std::string> types;
  for (const auto& [id, e] : g.entities()) {
    out << "E" << id << " types";
    for (auto t : e.types) {
      out << " " << text(t);
      types.emplace_back(names.Text(t));
    }
    out << " key " << text(e.key_type) << "=" << DumpValue(e.key) << " props";
    for (const auto& [k, v] : e.properties.entries()) out << " " << text(k) << "=" << DumpValue(v);
    out << " history";
    for (const auto& h : e.property_history)
      out << " " << text(h.key) << "=" << DumpValue(h.value) << "@" << DumpTime(h.time);
    out << " aliases";
    for (const auto& a : e.aliases) out << " '" << a << "'";
    out << " " << DumpTime(e.time) << (e.forgotten ? " forgotten" : "");
    auto lines = [&](std::vector<graph::Incidence> v) {
      std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
        return std::tie(a.edge, a.type, a.role) < std::tie(b.edge, b.type, b.role);
      });
      std::string s;
      for (const auto& inc : v) s += " " + std::to_string(inc.edge) + "/" + text(inc.type) + "/" + text(inc.role);
      return s;
    };
    out << " incidence" << lines(e.incidence) << " past" << lines(e.past_incidence) << "\n";
  }
  for (const auto& [id, h] : g.hyperedges()) {
    char conf[64];
    std::snprintf(conf, sizeof(conf), "%a", h.confidence);
    out << "H" << id << " " << text(h.type) << (h.is_event ? " event" : "") << " roles";
    for (const auto& r : h.roles)
      out << " " << text(r.role) << "=" << (r.is_entity() ? "E" + std::to_string(r.entity) : DumpValue(r.value));
    out << " props";
    for (const auto& [k, v] : h.properties.entries()) out << " " << text(k) << "=" << DumpValue(v);
    out << " " << DumpTime(h.time) << " prov";
    for (auto p : h.provenance) out << " " << p;
    out << " conf " << conf << " next " << h.superseded_by << (h.forgotten ? " forgotten" : "") << " closes";
    for (const auto& [a, b] : h.earlier_closes) out << " " << a << ":" << b;
    out << " embedding";
    for (float f : h.embedding) {
      char b[32];
      std::snprintf(b, sizeof(b), " %a", static_cast<double>(f));
      out << b;
    }
    out << "\n";
  }
  for (const auto& [id, ep] : g.episodes()) {
    char trust[64];
    std::snprintf(trust, sizeof(trust), "%a", ep.trust);
    out << "P" << id << " " << DumpValue(graph::Value(ep.text)) << " at " << ep.time << " by " << ep.speaker
        << " session " << text(ep.session) << " source " << text(ep.source) << " trust " << trust << " about";
    for (auto a : ep.about) out << " " << a;
    out << " embedding";
    for (float f : ep.embedding) {
      char b[32];
      std::snprintf(b, sizeof(b), " %a", static_cast<double>(f));
      out << b;
    }
    out << " " << DumpTime(ep.timeline) << (ep.forgotten ? " forgotten" : "") << "\n";
  }
  for (const auto& t : g.tombstones())
    out << "tombstone " << t.id << " kind " << static_cast<int>(t.kind) << " at " << t.purged_at << "\n";
  std::sort(types.begin(), types.end());
  types.erase(std::unique(types.begin(), types.end()), types.end());
  for (const auto& type : types) {
    out << "type " << type << ":";
    for (auto id : g.EntitiesOfType(type)) out << " " << id;
    out << "\n";
  }
  for (const auto& [id, e] : g.entities())
    for (auto t : e.types) {
      const std::string type(names.Text(t));
      if (const graph::Value* key = g.EntityProperty(id, g.KeyPropertyOf(type))) {
        out << "key " << type << "=" << DumpValue(*key) << ":";
        for (auto found : g.FindByKey(type, *key)) out << " " << found;
        out << "\n";
      }
    }
  return out.str();
}

inline std::string DumpDatabase(Database& db) {
  return db.Connect().Read([](const graph::Hypergraph& g) { return DumpStore(g); });
}

// A statement's result as text: columns, then rows (sorted when `sorted`),
// or the error.
inline std::string ResultText(Connection& conn, const std::string& statement, bool sorted = false) {
  auto r = conn.Query(statement);
  if (!r.ok()) return "error " + r.status().ToString();
  std::string out;
  for (const auto& c : r->columns) out += c + "|";
  out += "\n";
  std::vector<std::string> rows;
  for (const auto& row : r->rows) {
    std::string line;
    for (const auto& v : row) line += DumpValue(v) + "|";
    rows.push_back(line);
  }
  if (sorted) std::sort(rows.begin(), rows.end());
  for (const auto& line : rows) out += line + "\n";
  return out;
}

}  // namespace mnemo::testing
