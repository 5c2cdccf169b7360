#include "bench/snapshot_bench.hpp"

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "bench/stopwatch.hpp"
#include "engine/mnemo.hpp"
#include "serialize/checksum.hpp"
#include "serialize/durable_store.hpp"
#include "serialize/file_util.hpp"
#include "serialize/record_codec.hpp"
#include "serialize/snapshot_reader.hpp"
#include "serialize/snapshot_writer.hpp"

namespace mnemo::bench {

namespace {

struct Config {
  size_t facts = 1'000'000;
  size_t log_writes = 10'000;
  size_t writes = 2'000;
  size_t runs = 3;
  std::string dir;
  bool recall = false;
};

void Usage() {
  std::fprintf(
      stderr,
      "usage: mnemo-bench snapshot [--facts N] [--log-writes L] [--writes W] [--runs R] [--dir DIR] [--recall]\n"
      "  A synthetic memory of N facts (default 1000000) and the entities they bind:\n"
      "  snapshot write, open (then with L log records to replay, default 10000), size, the\n"
      "  median of R runs (default 3); then W single-fact writes (default 2000) under each\n"
      "  fsync policy. DIR: where the files go (default: a new directory under /tmp, removed\n"
      "  at the end). --recall: also time the recall index rebuild of Database::Open.\n");
}

int Parse(int argc, char** argv, Config& c) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--recall") {
      c.recall = true;
      continue;
    }
    if (arg == "--help") {
      Usage();
      return -1;
    }
    if (arg == "--dir" && i + 1 < argc) {
      c.dir = argv[++i];
      continue;
    }
    size_t* target = arg == "--facts"        ? &c.facts
                     : arg == "--log-writes" ? &c.log_writes
                     : arg == "--writes"     ? &c.writes
                     : arg == "--runs"       ? &c.runs
                                             : nullptr;
    if (target && i + 1 < argc) {
      char* end = nullptr;
      const unsigned long long v = std::strtoull(argv[++i], &end, 10);
      if (*end == '\0' && argv[i][0] != '-' && (v > 0 || target == &c.log_writes)) {
        *target = v;
        continue;
      }
    }
    std::fprintf(stderr, "mnemo-bench snapshot: bad option '%s'\n", argv[i]);
    Usage();
    return 2;
  }
  return 0;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// The synthetic memory: people and cities (with a declared KEY), and N
// facts: where people live (UNIQUE, so a third are superseded versions),
// who knows whom (with a property), and n-ary trips with a value role; a
// few properties changed over time.
struct Shape {
  size_t people, cities;
};

Status BuildMemory(graph::Hypergraph& g, size_t facts, Shape& shape) {
  MNEMO_RETURN_IF_ERROR(g.DefineEntity(
      {"Person", {{"name", graph::PropertyType::kText, true}, {"age", graph::PropertyType::kInt, false}}}));
  MNEMO_RETURN_IF_ERROR(g.DefineEntity({"City", {{"name", graph::PropertyType::kText, true}}}));
  graph::RelationTypeDef lives{
      "lives_in",
      false,
      {{"resident", "Person", {}, graph::Cardinality::kOne}, {"city", "City", {}, graph::Cardinality::kOne}},
      {},
      {"resident"}};
  MNEMO_RETURN_IF_ERROR(g.DefineRelation(lives));
  shape.people = std::max<size_t>(facts / 5, 2);
  shape.cities = std::max<size_t>(shape.people / 100, 2);
  std::vector<graph::Id> people, cities;
  for (size_t i = 0; i < shape.cities; ++i) {
    MNEMO_ASSIGN_OR_RETURN(graph::Id id,
                           g.AddEntity({{"City"}, {{"name", graph::Value("city-" + std::to_string(i))}}, {}, {}, {}}));
    cities.push_back(id);
  }
  for (size_t i = 0; i < shape.people; ++i) {
    MNEMO_ASSIGN_OR_RETURN(graph::Id id, g.AddEntity({{"Person"},
                                                      {{"name", graph::Value("person-" + std::to_string(i))},
                                                       {"age", graph::Value(static_cast<int64_t>(20 + i % 60))}},
                                                      {},
                                                      {},
                                                      {}}));
    people.push_back(id);
  }
  std::mt19937_64 rng(7);
  std::vector<graph::Id> home(shape.people, graph::kNoId);
  temporal::Timestamp t = 1'600'000'000'000'000;
  for (size_t i = 0; i < facts; ++i) {
    const size_t p = rng() % shape.people;
    graph::HyperedgeSpec s;
    t += 1000;
    switch (i % 3) {
      case 0: {  // a move: supersedes the person's current home
        s.type = "lives_in";
        s.roles = {{"resident", people[p], {}}, {"city", cities[rng() % shape.cities], {}}};
        s.valid_from = t;
        MNEMO_ASSIGN_OR_RETURN(graph::Id id, g.AddHyperedge(s));
        if (home[p] != graph::kNoId) MNEMO_RETURN_IF_ERROR(g.CloseHyperedge(home[p], t, id, t));
        home[p] = id;
        break;
      }
      case 1:
        s.type = "knows";
        s.roles = {{"a", people[p], {}}, {"b", people[rng() % shape.people], {}}};
        s.properties = {{"since", graph::Value(static_cast<int64_t>(1990 + rng() % 30))}};
        s.confidence = 0.9;
        MNEMO_RETURN_IF_ERROR(g.AddHyperedge(s).status());
        break;
      default:
        s.type = "trip";
        s.is_event = true;
        s.roles = {{"traveler", people[p], {}},
                   {"traveler", people[rng() % shape.people], {}},
                   {"destination", cities[rng() % shape.cities], {}},
                   {"purpose", graph::kNoId, graph::Value(i % 2 ? "work" : "holiday")}};
        s.valid_from = t;
        MNEMO_RETURN_IF_ERROR(g.AddHyperedge(s).status());
        break;
    }
  }
  for (size_t i = 0; i < shape.people; i += 10)
    MNEMO_RETURN_IF_ERROR(g.SetEntityProperty(people[i], "age", graph::Value(static_cast<int64_t>(21 + i % 60))));
  return Status::OK();
}

// Visits every record of a verified snapshot through Cap'n Proto's readers
// alone (ids, names, role bindings), building nothing: the parsing share of
// an open.
uint64_t TraverseOnly(const serialize::VerifiedSnapshot& snap) {
  uint64_t sum = 0;
  const auto* words = reinterpret_cast<const capnp::word*>(snap.file.data() + serialize::kSnapshotHeaderSize);
  kj::ArrayPtr<const capnp::word> rest(words, snap.header.body_size / sizeof(capnp::word));
  bool head = true;
  while (rest.size() > 0) {
    capnp::FlatArrayMessageReader reader(rest, serialize::StoredMessageOptions());
    if (head) {
      sum += reader.getRoot<serialize::schema::SnapshotHead>().getNextId();
      head = false;
    } else {
      auto chunk = reader.getRoot<serialize::schema::RecordChunk>();
      for (auto e : chunk.getEntities()) {
        sum += e.getId() + e.getTypes().size() + e.getProperties().size();
        for (auto p : e.getProperties()) sum += p.getName().size();
      }
      for (auto h : chunk.getHyperedges()) {
        sum += h.getId() + h.getType().size() + static_cast<uint64_t>(h.getTime().getValidFrom());
        for (auto r : h.getRoles()) sum += r.getEntity() + r.getRole().size();
      }
    }
    rest = kj::ArrayPtr<const capnp::word>(reader.getEnd(), rest.end());
  }
  return sum;
}

// The baseline of a snapshot write: the same bytes, written the same way
// (temporary file, fdatasync, rename, directory fsync).
Status RawWrite(const std::string& path, const std::string& bytes) {
  const std::string temp = path + ".tmp";
  MNEMO_ASSIGN_OR_RETURN(serialize::UniqueFd fd, serialize::OpenFile(temp, O_WRONLY | O_CREAT | O_TRUNC));
  MNEMO_RETURN_IF_ERROR(serialize::WriteAll(fd.get(), bytes.data(), bytes.size(), temp));
  MNEMO_RETURN_IF_ERROR(serialize::SyncData(fd.get(), temp));
  MNEMO_RETURN_IF_ERROR(fd.Close(temp));
  MNEMO_RETURN_IF_ERROR(serialize::RenameFile(temp, path));
  return serialize::SyncDirectory(std::filesystem::path(path).parent_path().string());
}

// The baseline of an open: the file's bytes read into memory, checksummed.
Result<uint64_t> RawRead(const std::string& path) {
  MNEMO_ASSIGN_OR_RETURN(serialize::UniqueFd fd, serialize::OpenFile(path, O_RDONLY));
  MNEMO_ASSIGN_OR_RETURN(uint64_t size, serialize::FileSize(fd.get(), path));
  std::string bytes(size, '\0');
  size_t done = 0;
  while (done < size) {
    const ssize_t n = ::read(fd.get(), bytes.data() + done, size - done);
    if (n <= 0) return Status::IOError("cannot read " + path);
    done += static_cast<size_t>(n);
  }
  return serialize::Checksum(bytes.data(), bytes.size());
}

// Single-fact write groups: into a durable store under `policy`, or (null
// durable) into the in-memory store only. Returns writes per second.
Result<double> TimeWrites(graph::Hypergraph& g, serialize::DurableStore* durable, const std::vector<graph::Id>& people,
                          size_t writes) {
  std::mt19937_64 rng(11);
  const auto start = std::chrono::steady_clock::now();
  for (size_t i = 0; i < writes; ++i) {
    graph::HyperedgeSpec s;
    s.type = "knows";
    s.roles = {{"a", people[rng() % people.size()], {}}, {"b", people[rng() % people.size()], {}}};
    s.properties = {{"since", graph::Value(static_cast<int64_t>(i))}};
    g.Begin();
    auto id = g.AddHyperedge(s);
    if (!id.ok()) return id.status();
    if (durable) {
      Status st = durable->Append(g);
      if (!st.ok()) {
        g.Rollback();
        return st;
      }
    }
    g.Commit();
  }
  return static_cast<double>(writes) / std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int Fail(const char* what, const Status& st) {
  std::fprintf(stderr, "mnemo-bench snapshot: %s: %s\n", what, st.ToString().c_str());
  return 1;
}

}  // namespace

int RunSnapshotBench(int argc, char** argv) {
  Config c;
  if (int rc = Parse(argc, argv, c); rc != 0) return rc < 0 ? 0 : rc;
  const bool own_dir = c.dir.empty();
  if (own_dir)
    c.dir = (std::filesystem::temp_directory_path() / ("mnemo-snapshot-bench-" + std::to_string(::getpid()))).string();
  std::filesystem::remove_all(c.dir);
  std::filesystem::create_directories(c.dir);
  struct Cleanup {
    std::string dir;
    bool own;
    ~Cleanup() {
      if (own) std::filesystem::remove_all(dir);
    }
  } cleanup{c.dir, own_dir};

  temporal::ManualClock clock(1'700'000'000'000'000);
  graph::Hypergraph g(&clock);
  Shape shape{};
  Stopwatch build_watch;
  if (Status st = BuildMemory(g, c.facts, shape); !st.ok()) return Fail("building the memory", st);
  const double build_s = build_watch.Elapsed().seconds;
  const auto counts = g.counts();
  std::printf("snapshot benchmark: %zu facts, %zu entities (%zu people, %zu cities), built in %.2f s\n",
              counts.hyperedges, counts.entities, shape.people, shape.cities, build_s);

  // --- snapshot write -------------------------------------------------------------
  const std::string memory = c.dir + "/memory";
  std::filesystem::create_directories(memory);
  const std::string snapshot_path = memory + "/" + serialize::SnapshotFileName(1);
  serialize::IndexMetadata indexes{"hashing-256", 256, true};
  std::vector<double> write_s, raw_s;
  uint64_t bytes = 0;
  for (size_t r = 0; r < c.runs; ++r) {
    Stopwatch w;
    auto written = serialize::WriteSnapshot(snapshot_path, g, 1, indexes);
    if (!written.ok()) return Fail("writing the snapshot", written.status());
    write_s.push_back(w.Elapsed().seconds);
    bytes = written->bytes;
  }
  {
    const std::string copy = c.dir + "/raw.bin";
    std::string content(bytes, '\0');
    {
      auto mapped = serialize::MappedFile::Open(snapshot_path);
      if (!mapped.ok()) return Fail("mapping the snapshot", mapped.status());
      std::memcpy(content.data(), mapped->data(), bytes);
    }
    for (size_t r = 0; r < c.runs; ++r) {
      Stopwatch w;
      if (Status st = RawWrite(copy, content); !st.ok()) return Fail("the raw write", st);
      raw_s.push_back(w.Elapsed().seconds);
    }
    std::filesystem::remove(copy);
  }

  // --- open: verify, traverse, load -------------------------------------------------
  std::vector<double> verify_s, traverse_s, load_s, read_s, open_s, open_cpu_s;
  volatile uint64_t sink = 0;
  for (size_t r = 0; r < c.runs; ++r) {
    Stopwatch raw;
    auto sum = RawRead(snapshot_path);
    if (!sum.ok()) return Fail("the raw read", sum.status());
    read_s.push_back(raw.Elapsed().seconds);
    sink = sink + *sum;

    Stopwatch v;
    auto verified = serialize::VerifySnapshot(snapshot_path);
    if (!verified.ok()) return Fail("verifying the snapshot", verified.status());
    verify_s.push_back(v.Elapsed().seconds);
    Stopwatch t;
    sink = sink + TraverseOnly(*verified);
    traverse_s.push_back(t.Elapsed().seconds);
    graph::Hypergraph loaded;
    Stopwatch l;
    auto contents = serialize::LoadSnapshot(*verified, loaded);
    if (!contents.ok()) return Fail("loading the snapshot", contents.status());
    load_s.push_back(l.Elapsed().seconds);
    if (loaded.counts().hyperedges != counts.hyperedges)
      return Fail("loading the snapshot", Status::Internal("count mismatch"));
  }
  for (size_t r = 0; r < c.runs; ++r) {
    graph::Hypergraph opened;
    Stopwatch o;
    serialize::DurableOptions options;
    options.directory = memory;
    options.indexes = indexes;
    auto durable = serialize::DurableStore::Open(options, opened);
    if (!durable.ok()) return Fail("opening the memory", durable.status());
    open_s.push_back(o.Elapsed().seconds);
    open_cpu_s.push_back(o.Elapsed().cpu_seconds);
  }

  // --- open with a log to replay ------------------------------------------------------
  std::vector<double> replay_s;
  uint64_t log_bytes = 0;
  if (c.log_writes > 0) {
    std::vector<graph::Id> people;
    for (graph::Id id : g.EntitiesOfType("Person")) people.push_back(id);
    {
      serialize::DurableOptions options;
      options.directory = memory;
      options.fsync = serialize::FsyncPolicy::kOff;
      options.checkpoint_bytes = UINT64_MAX;
      graph::Hypergraph base;
      auto durable = serialize::DurableStore::Open(options, base);
      if (!durable.ok()) return Fail("opening the memory", durable.status());
      auto rate = TimeWrites(base, durable->get(), people, c.log_writes);
      if (!rate.ok()) return Fail("writing the log", rate.status());
      log_bytes = (*durable)->log_bytes();
    }
    for (size_t r = 0; r < c.runs; ++r) {
      graph::Hypergraph opened;
      serialize::DurableOptions options;
      options.directory = memory;
      auto durable = serialize::DurableStore::Open(options, opened);
      if (!durable.ok()) return Fail("opening the memory", durable.status());
      replay_s.push_back((*durable)->recovery().replay_seconds);
    }
  }

  const double n = static_cast<double>(counts.hyperedges);
  std::printf("\n%-44s %12s %12s %10s\n", "snapshot (median of runs)", "ours", "baseline", "ratio");
  auto row = [](const char* what, double ours, double base, const char* base_name) {
    std::printf("%-44s %10.3f s %10.3f s %9.2fx  (baseline: %s)\n", what, ours, base, base > 0 ? ours / base : 0.0,
                base_name);
  };
  row("write (encode, write, sync, rename)", Median(write_s), Median(raw_s), "raw write of the same bytes, same syncs");
  row("open = verify + decode + place", Median(open_s), Median(read_s), "read(2) of the file + checksum");
  row("  verify: header + body checksum (mmap)", Median(verify_s), Median(read_s), "read(2) of the file + checksum");
  row("  Cap'n Proto traversal alone", Median(traverse_s), Median(load_s), "the full decode + place");
  row("  decode + place records into the store", Median(load_s), Median(open_s), "the whole open");
  if (!replay_s.empty())
    std::printf("%-44s %10.3f s   (%zu records, %.1f MB of log; %.0f records/s)\n", "  + log replay", Median(replay_s),
                c.log_writes, static_cast<double>(log_bytes) / 1e6,
                static_cast<double>(c.log_writes) / Median(replay_s));
  std::printf("%-44s %10.1f MB   (%.0f bytes per fact, entities included)\n", "size", static_cast<double>(bytes) / 1e6,
              static_cast<double>(bytes) / n);
  std::printf("%-44s %10.0f facts/s written, %.0f facts/s opened\n", "throughput", n / Median(write_s),
              n / Median(open_s));
  std::printf("%-44s %10.3f s   (CPU time of the open's thread: wall time above includes waiting on a busy machine)\n",
              "open, CPU", Median(open_cpu_s));
  std::printf("(open excludes the recall index rebuild%s)\n", c.recall ? "; it is timed below" : "; --recall times it");

  if (c.recall) {
    Options options;
    options.directory = memory;
    options.exact_vectors = true;
    options.checkpoint_on_close = false;
    Stopwatch w;
    auto db = Database::Open(options);
    if (!db.ok()) return Fail("opening the Database", db.status());
    std::printf("%-44s %10.3f s   (of which recall index rebuild %.3f s, flat vectors; one run)\n",
                "Database::Open with recall rebuild", w.Elapsed().seconds, (*db)->open_stats().recall_seconds);
  }

  // --- write throughput per fsync policy ------------------------------------------------
  std::printf("\n%-44s %12s %12s\n", "single-fact writes", "writes/s", "vs off");
  graph::Hypergraph small(&clock);
  Shape small_shape{};
  if (Status st = BuildMemory(small, 1000, small_shape); !st.ok()) return Fail("building the small memory", st);
  std::vector<graph::Id> people;
  for (graph::Id id : small.EntitiesOfType("Person")) people.push_back(id);
  std::vector<std::pair<const char*, double>> rates;
  const std::pair<const char*, serialize::FsyncPolicy> policies[] = {{"off", serialize::FsyncPolicy::kOff},
                                                                     {"batch (50 ms)", serialize::FsyncPolicy::kBatch},
                                                                     {"always", serialize::FsyncPolicy::kAlways}};
  for (const auto& [name, policy] : policies) {
    std::vector<double> runs;
    for (size_t r = 0; r < c.runs; ++r) {
      const std::string dir = c.dir + "/writes-" + std::to_string(r);
      std::filesystem::remove_all(dir);
      serialize::DurableOptions options;
      options.directory = dir;
      options.fsync = policy;
      options.checkpoint_bytes = UINT64_MAX;
      graph::Hypergraph store(&clock);
      auto durable = serialize::DurableStore::Open(options, store);
      if (!durable.ok()) return Fail("opening a write memory", durable.status());
      Shape unused{};
      if (Status st = BuildMemory(store, 1000, unused); !st.ok()) return Fail("building a write memory", st);
      std::vector<graph::Id> ids;
      for (graph::Id id : store.EntitiesOfType("Person")) ids.push_back(id);
      auto rate = TimeWrites(store, durable->get(), ids, c.writes);
      if (!rate.ok()) return Fail("timing writes", rate.status());
      runs.push_back(*rate);
    }
    rates.emplace_back(name, Median(runs));
  }
  std::vector<double> memory_runs;
  for (size_t r = 0; r < c.runs; ++r) {
    auto rate = TimeWrites(small, nullptr, people, c.writes);
    if (!rate.ok()) return Fail("timing in-memory writes", rate.status());
    memory_runs.push_back(*rate);
  }
  const double off = rates.front().second;
  for (const auto& [name, rate] : rates) std::printf("%-44s %12.0f %11.3fx\n", name, rate, rate / off);
  std::printf("%-44s %12.0f %11.3fx  (baseline: no log)\n", "in-memory store, no log", Median(memory_runs),
              Median(memory_runs) / off);
  std::printf(
      "(%zu writes per run, median of %zu runs; a write = one group: one fact, encoded, appended, synced as "
      "the policy says)\n",
      c.writes, c.runs);
  (void)sink;
  return 0;
}

}  // namespace mnemo::bench
