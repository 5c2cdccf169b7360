// `mnemo-bench locomo --consolidate JOB,...`: runs CONSOLIDATE jobs on a
// loaded conversation before its questions, and reports what they did.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.hpp"
#include "engine/mnemo.hpp"

namespace mnemo::bench::locomo {

// Runs `CONSOLIDATE <job>` for each job, in order. Returns, per job, its
// time and notice; for COMMUNITIES also the topics (name, members, top
// entities). Errors: the first failing job's Status, naming the job.
Result<nlohmann::ordered_json> RunConsolidation(Connection& conn, const std::vector<std::string>& jobs);

}  // namespace mnemo::bench::locomo
