// Interner: one Symbol per distinct string (type, role and property names,
// sessions, sources), found by its XXH3 hash.
//
// Symbols are dense (1, 2, 3, ...; 0 is "none"), never reused, and the text
// of a symbol stays at a stable address for the interner's lifetime.
// Thread-safety: not synchronised; the owning store's lock covers it.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/ids.hpp"

namespace mnemo::graph {

class Interner {
 public:
  Interner();
  Interner(const Interner&) = delete;
  Interner& operator=(const Interner&) = delete;

  // The symbol of `text`, adding it on first sight.
  Symbol Intern(std::string_view text);
  // The symbol of `text`, or kNoSymbol when it was never interned.
  Symbol Find(std::string_view text) const;
  // The text of a symbol; "" for kNoSymbol or an unknown symbol.
  std::string_view Text(Symbol s) const;
  size_t size() const { return texts_.size() - 1; }

 private:
  static uint64_t HashOf(std::string_view text);
  std::deque<std::string> texts_;  // index = symbol; stable addresses
  // XXH3 hash -> symbols with that hash (more than one only on a collision).
  std::unordered_map<uint64_t, std::vector<Symbol>> by_hash_;
};

}  // namespace mnemo::graph
