#include "shell/scopes.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace mnemo::shell {

namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxScopeName = 64;

bool IsNameChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// Waits for the scope's leases to end, then destroys its Database.
void Close(OpenScope& scope) {
  std::unique_lock in_use(scope.in_use);
  // Destroying a Database is where a durable memory writes its last
  // checkpoint; nothing else is needed here once durability exists.
  scope.database.reset();
}

}  // namespace

ScopeRegistry::ScopeRegistry(std::string root, Options base) : root_(std::move(root)), base_(std::move(base)) {}

ScopeRegistry::~ScopeRegistry() { CloseAll(); }

Status ScopeRegistry::ValidateName(std::string_view name) {
  if (name.empty()) return Status::InvalidArgument("a scope name cannot be empty");
  if (name.size() > kMaxScopeName)
    return Status::InvalidArgument("a scope name has at most " + std::to_string(kMaxScopeName) + " characters");
  if (!std::all_of(name.begin(), name.end(), IsNameChar))
    return Status::InvalidArgument("a scope name has only letters, digits, '_' and '-' ([A-Za-z0-9_-]{1,64})");
  return Status::OK();
}

std::string ScopeRegistry::DirectoryOf(std::string_view name) const {
  if (!durable()) return "";
  if (name == kDefaultScope) return root_;
  return (fs::path(root_) / "scopes" / std::string(name)).string();
}

void ScopeRegistry::WaitForDrop(std::unique_lock<std::mutex>& lock, const std::string& name) {
  drop_done_.wait(lock, [&] { return dropping_.count(name) == 0; });
}

Result<std::shared_ptr<OpenScope>> ScopeRegistry::OpenLocked(const std::string& name) {
  Options options = base_;
  options.directory = DirectoryOf(name);
  if (durable() && name != kDefaultScope) {
    std::error_code error;
    fs::create_directories(fs::path(root_) / "scopes", error);
    if (error)
      return Status::IOError("cannot create '" + (fs::path(root_) / "scopes").string() + "': " + error.message());
  }
  auto database = Database::Open(options);
  if (!database.ok()) return database.status();
  auto scope = std::make_shared<OpenScope>();
  scope->name = name;
  scope->database = std::move(database).value();
  return scope;
}

Result<ScopeLease> ScopeRegistry::Acquire(std::string_view name_view) {
  MNEMO_RETURN_IF_ERROR(ValidateName(name_view));
  const std::string name(name_view);
  std::unique_lock lock(mutex_);
  WaitForDrop(lock, name);
  auto it = open_.find(name);
  if (it == open_.end()) {
    // Opening under the registry lock keeps two requests from opening the
    // same directory twice; a slow recovery delays other scopes' first use.
    auto opened = OpenLocked(name);
    if (!opened.ok()) return opened.status();
    it = open_.emplace(name, std::move(opened).value()).first;
  }
  // Never blocks: a scope in open_ is never being closed.
  std::shared_lock in_use(it->second->in_use);
  return ScopeLease(it->second, std::move(in_use));
}

std::vector<std::string> ScopeRegistry::List() const {
  std::set<std::string> names{std::string(kDefaultScope)};
  {
    std::lock_guard lock(mutex_);
    for (const auto& [name, scope] : open_) names.insert(name);
  }
  if (durable()) {
    std::error_code error;
    for (fs::directory_iterator it(fs::path(root_) / "scopes", error), end; !error && it != end; it.increment(error)) {
      const std::string name = it->path().filename().string();
      if (it->is_directory(error) && ValidateName(name).ok()) names.insert(name);
    }
  }
  return {names.begin(), names.end()};
}

void ScopeRegistry::ForEachOpen(const std::function<void(const std::string&, Database&)>& f) {
  std::vector<std::shared_ptr<OpenScope>> scopes;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [name, scope] : open_) scopes.push_back(scope);
  }
  for (const auto& scope : scopes) {
    std::shared_lock in_use(scope->in_use);
    if (scope->database) f(scope->name, *scope->database);  // null: dropped meanwhile
  }
}

Status ScopeRegistry::Drop(std::string_view name_view) {
  MNEMO_RETURN_IF_ERROR(ValidateName(name_view));
  if (name_view == kDefaultScope) return Status::InvalidArgument("the default scope cannot be dropped");
  const std::string name(name_view);
  const std::string directory = DirectoryOf(name);

  std::shared_ptr<OpenScope> scope;
  {
    std::unique_lock lock(mutex_);
    WaitForDrop(lock, name);
    auto it = open_.find(name);
    std::error_code error;
    const bool on_disk = durable() && fs::is_directory(directory, error);
    if (it == open_.end() && !on_disk) return Status::NotFound("no scope is named '" + name + "'");
    if (it != open_.end()) {
      scope = std::move(it->second);
      open_.erase(it);
    }
    dropping_.insert(name);
  }

  Status status;
  if (scope) Close(*scope);
  if (durable()) {
    std::error_code error;
    fs::remove_all(directory, error);
    if (error) status = Status::IOError("cannot remove '" + directory + "': " + error.message());
  }

  {
    std::lock_guard lock(mutex_);
    dropping_.erase(name);
  }
  drop_done_.notify_all();
  return status;
}

void ScopeRegistry::CloseAll() {
  std::map<std::string, std::shared_ptr<OpenScope>> closing;
  {
    std::lock_guard lock(mutex_);
    closing.swap(open_);
  }
  for (auto& [name, scope] : closing) Close(*scope);
}

}  // namespace mnemo::shell
