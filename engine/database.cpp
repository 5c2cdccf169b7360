#include "engine/database.hpp"

#include "engine/connection.hpp"

namespace mnemo {

Result<std::unique_ptr<Database>> Database::Open(const Options& options) {
  if (!options.directory.empty())
    return Status::Unsupported("durable memories (a directory, --db) are not implemented in this version; "
                               "open an in-memory database by leaving the directory empty");
  return std::unique_ptr<Database>(new Database(options));
}

Database::Database(const Options& options) : options_(options), store_(options.clock) {}

Database::~Database() = default;

Connection Database::Connect() { return Connection(this); }

}  // namespace mnemo
