// ScopeRegistry: the memories of `mnemo serve`, one Database per scope.
//
// A scope is a namespace of memories (a tenant, an agent, a user): every
// scope is its own Database, so nothing one scope records is visible from
// another. Scopes are opened on first use. Without a root directory each
// scope is an in-process memory, gone when it is dropped or the registry is
// destroyed. With root DIR the scope "default" lives in DIR and scope S in
// DIR/scopes/S.
//
// Scope names match [A-Za-z0-9_-]{1,64}.
//
// Thread-safety: every method may be called from many threads at once. A
// ScopeLease keeps its scope's Database open and in the registry; Drop()
// and CloseAll() wait until the leases of the scopes they close are gone.
#pragma once

#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "engine/mnemo.hpp"

namespace mnemo::shell {

inline constexpr std::string_view kDefaultScope = "default";

// One open scope: its Database and the lock that leases share.
struct OpenScope {
  std::string name;
  std::unique_ptr<Database> database;
  std::shared_mutex in_use;  // shared by each lease; exclusive while closing
};

// The right to use one scope's Database. Cheap to move; not copyable.
class ScopeLease {
 public:
  ScopeLease(std::shared_ptr<OpenScope> scope, std::shared_lock<std::shared_mutex> lock)
      : scope_(std::move(scope)), lock_(std::move(lock)) {}
  Database& database() const { return *scope_->database; }
  const std::string& name() const { return scope_->name; }

 private:
  std::shared_ptr<OpenScope> scope_;
  std::shared_lock<std::shared_mutex> lock_;  // released before scope_ (declared after it)
};

class ScopeRegistry {
 public:
  // `root`: the memory directory (--db DIR), or empty for in-process
  // memories. Every scope's Database is opened with `base` (fsync policy,
  // clock, ...), its directory set to the scope's.
  explicit ScopeRegistry(std::string root, Options base = {});
  // Closes every open scope (CloseAll()).
  ~ScopeRegistry();
  ScopeRegistry(const ScopeRegistry&) = delete;
  ScopeRegistry& operator=(const ScopeRegistry&) = delete;

  // OK when `name` is a valid scope name, else InvalidArgument saying why.
  static Status ValidateName(std::string_view name);

  bool durable() const { return !root_.empty(); }
  // The directory of scope `name` (DIR, or DIR/scopes/NAME); empty when not durable.
  std::string DirectoryOf(std::string_view name) const;

  // A lease on scope `name`, opening (creating) the scope when it is not
  // open. Waits while the scope is being dropped, then opens it afresh.
  // Errors: InvalidArgument (bad name), IOError (DIR/scopes cannot be
  // created), or what Database::Open fails with.
  Result<ScopeLease> Acquire(std::string_view name);

  // The names of all scopes, sorted: the open ones and, when durable, those
  // with a directory under DIR/scopes. "default" is always among them.
  std::vector<std::string> List() const;

  // Calls f(name, database) for every open scope, in name order, each under
  // a lease. f must not call back into the registry.
  void ForEachOpen(const std::function<void(const std::string&, Database&)>& f);

  // Drops scope `name`: waits for its in-flight leases, closes its Database
  // and, when durable, removes its directory. Errors: InvalidArgument (bad
  // name, or "default", which cannot be dropped), NotFound (no such scope),
  // IOError (the directory cannot be removed).
  Status Drop(std::string_view name);

  // Closes every open scope, waiting for in-flight leases. Later Acquire()
  // calls open scopes again; call it once no request can arrive any more.
  void CloseAll();

 private:
  // Opens scope `name`. Called with mutex_ held.
  Result<std::shared_ptr<OpenScope>> OpenLocked(const std::string& name);
  // Waits, mutex_ held by `lock`, until no drop of `name` is in progress.
  void WaitForDrop(std::unique_lock<std::mutex>& lock, const std::string& name);

  const std::string root_;
  const Options base_;
  mutable std::mutex mutex_;           // guards open_ and dropping_
  std::condition_variable drop_done_;  // signalled when a drop ends
  std::map<std::string, std::shared_ptr<OpenScope>> open_;
  std::set<std::string> dropping_;
};

}  // namespace mnemo::shell
