#include "bench/locomo_consolidate.hpp"

#include <chrono>

namespace mnemo::bench::locomo {

using Json = nlohmann::ordered_json;

Result<Json> RunConsolidation(Connection& conn, const std::vector<std::string>& jobs) {
  Json out = Json::array();
  for (const std::string& job : jobs) {
    const auto t0 = std::chrono::steady_clock::now();
    auto r = conn.Query("CONSOLIDATE " + job);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (!r.ok()) return Status(r.status().code(), "CONSOLIDATE " + job + ": " + r.status().message());
    Json entry{{"job", job}, {"ms", static_cast<double>(static_cast<int64_t>(ms * 10)) / 10}};
    if (!r->notices.empty()) entry["notice"] = r->notices.front();
    if (r->columns.size() >= 6 &&
        r->columns[0] == "topic") {  // COMMUNITIES: topic, name, status, members, episodes, top
      Json topics = Json::array();
      for (const auto& row : r->rows) {
        if (row[2].kind() == graph::Value::Kind::kString && row[2].as_string() == "superseded") continue;
        Json top = Json::array();
        if (row[5].kind() == graph::Value::Kind::kList)
          for (const auto& name : row[5].as_list())
            top.push_back(name.kind() == graph::Value::Kind::kString ? name.as_string() : name.ToString());
        topics.push_back(Json{{"name", row[1].kind() == graph::Value::Kind::kString ? row[1].as_string() : ""},
                              {"members", row[3].as_int()},
                              {"episodes", row[4].is_number() ? row[4].as_int() : 0},
                              {"top", top}});
      }
      entry["topics"] = topics;
    }
    out.push_back(entry);
  }
  return out;
}

}  // namespace mnemo::bench::locomo
