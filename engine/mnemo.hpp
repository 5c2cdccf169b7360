// mnemo: a memory engine for LLM agents. The one header an application includes.
//
//   auto db = mnemo::Database::Open();          // in-memory
//   mnemo::Connection conn = db.value()->Connect();
//   auto caroline = conn.EnsureEntity("Person", "Caroline");
//
// Every failure a caller can cause comes back as a Status (or a Result<T>
// holding one); no exception crosses this API.
#pragma once

#include "base/status.hpp"
#include "engine/connection.hpp"
#include "engine/database.hpp"
#include "graph/hypergraph.hpp"
#include "graph/schema.hpp"
#include "graph/value.hpp"
#include "temporal/clock.hpp"
#include "temporal/time.hpp"
