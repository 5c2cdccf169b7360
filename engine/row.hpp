// Scope and Row: the variables of a query pipeline and their values.
//
// A Scope names the slots of the rows flowing between two clauses; a Row
// holds one value per slot. Slots are only ever appended within a clause;
// WITH/RETURN start a new scope.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/value.hpp"

namespace mnemo::engine {

using Row = std::vector<graph::Value>;
using Params = std::unordered_map<std::string, graph::Value>;

class Scope {
 public:
  // The slot of `name`, or -1.
  int Find(std::string_view name) const {
    for (size_t i = 0; i < names_.size(); ++i)
      if (names_[i] == name) return static_cast<int>(i);
    return -1;
  }
  // The slot of `name`, added when absent.
  int Add(const std::string& name) {
    const int found = Find(name);
    if (found >= 0) return found;
    names_.push_back(name);
    return static_cast<int>(names_.size()) - 1;
  }
  size_t size() const { return names_.size(); }
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
};

}  // namespace mnemo::engine
