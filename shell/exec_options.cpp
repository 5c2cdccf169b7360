#include "shell/exec_options.hpp"

#include <iostream>

#include "shell/format/json_value.hpp"

namespace mnemo::shell {

void AddExecOptions(CLI::App& app, ExecOptions& options) {
  app.add_option("--db", options.db,
                 "A durable memory directory (created when missing): every acknowledged write\n"
                 "survives a crash. Without it the memory lives in the process and is gone at exit")
      ->type_name("DIR");
  app.add_option("--fsync", options.fsync,
                 "With --db, when a write reaches the disk: always (default; before it is\n"
                 "acknowledged), batch (within 50 ms), off (at checkpoints and exit). Every\n"
                 "policy survives a crash of mnemo; only always survives a power cut unharmed")
      ->type_name("POLICY")
      ->check(CLI::IsMember({"always", "batch", "off"}));
  app.add_option("-f,--format", options.format, "Output format (default: table)")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  app.add_option("-p,--param", options.params,
                 "Parameter $NAME (repeatable). VALUE is JSON: 42, 1.5, true, null,\n"
                 "[1,2], {\"a\":1}, '\"text\"'; anything else is a plain string")
      ->type_name("NAME=VALUE")
      ->allow_extra_args(false);
  app.add_flag("--no-timer", options.no_timer, "Table format: do not print the time of each statement");
}

Options DatabaseOptionsOf(const ExecOptions& options) {
  Options db;
  db.directory = options.db;
  db.fsync = options.fsync == "off"     ? Options::Fsync::kOff
             : options.fsync == "batch" ? Options::Fsync::kBatch
                                        : Options::Fsync::kAlways;
  return db;
}

Result<engine::Params> ParseParams(const std::vector<std::string>& specs) {
  engine::Params params;
  for (const std::string& spec : specs) {
    const size_t eq = spec.find('=');
    if (eq == std::string::npos) return Status::InvalidArgument("--param expects NAME=VALUE, got '" + spec + "'");
    std::string name = spec.substr(0, eq);
    if (!name.empty() && name[0] == '$') name.erase(0, 1);
    if (name.empty()) return Status::InvalidArgument("--param '" + spec + "' has no name before '='");
    params[name] = ParseParamValue(std::string_view(spec).substr(eq + 1));
  }
  return params;
}

std::unique_ptr<Database> OpenMemory(const ExecOptions& options) {
  auto db = Database::Open(DatabaseOptionsOf(options));
  if (db.ok()) return std::move(db).value();
  std::cerr << "mnemo: cannot open the memory";
  if (!options.db.empty()) std::cerr << " in '" << options.db << "'";
  std::cerr << ": " << db.status().message() << " (" << StatusCodeName(db.status().code()) << ")\n";
  return nullptr;
}

}  // namespace mnemo::shell
