#include "engine/database.hpp"

#include "engine/connection.hpp"
#include "engine/recall_index.hpp"

namespace mnemo {

Result<std::unique_ptr<Database>> Database::Open(const Options& options) {
  if (!options.directory.empty())
    return Status::Unsupported("durable memories (a directory, --db) are not implemented in this version; "
                               "open an in-memory database by leaving the directory empty");
  return std::unique_ptr<Database>(new Database(options));
}

Database::Database(const Options& options)
    : options_(options), store_(options.clock),
      recall_(std::make_unique<engine::RecallIndex>(options.embedder, options.exact_vectors)) {}

Database::~Database() = default;

Connection Database::Connect() { return Connection(this); }

Status Database::CommitGroup() {
  store_.Commit();
  recall_->Apply(store_, store_.changes());
  return Status::OK();
}

Status Database::Checkpoint() {
  return Status::Unsupported("SNAPSHOT needs a durable memory (open it with a directory, --db DIR)");
}

}  // namespace mnemo
