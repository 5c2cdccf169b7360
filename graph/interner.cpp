#include "graph/interner.hpp"

#include <xxhash.h>

namespace mnemo::graph {

Interner::Interner() { texts_.emplace_back(); }

uint64_t Interner::HashOf(std::string_view text) { return XXH3_64bits(text.data(), text.size()); }

Symbol Interner::Find(std::string_view text) const {
  auto it = by_hash_.find(HashOf(text));
  if (it == by_hash_.end()) return kNoSymbol;
  for (Symbol s : it->second)
    if (texts_[s] == text) return s;
  return kNoSymbol;
}

Symbol Interner::Intern(std::string_view text) {
  auto& bucket = by_hash_[HashOf(text)];
  for (Symbol s : bucket)
    if (texts_[s] == text) return s;
  const auto s = static_cast<Symbol>(texts_.size());
  texts_.emplace_back(text);
  bucket.push_back(s);
  return s;
}

std::string_view Interner::Text(Symbol s) const { return s < texts_.size() ? std::string_view(texts_[s]) : ""; }

}  // namespace mnemo::graph
