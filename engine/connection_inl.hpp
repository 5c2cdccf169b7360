// Template bodies of Connection (included by connection.hpp only).
#pragma once

#include <mutex>
#include <shared_mutex>

#include "engine/database.hpp"

namespace mnemo {

template <typename F>
auto Connection::Read(F&& f) const -> decltype(f(std::declval<const graph::Hypergraph&>())) {
  std::shared_lock lock(mutex());
  return f(store());
}

}  // namespace mnemo
