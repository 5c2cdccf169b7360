// The only file of mnemo that includes igraph (see igraph_bridge.hpp).
#include "graph/igraph_bridge.hpp"

#include <igraph.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <string>

namespace mnemo::graph {

namespace {

// --- igraph global state -----------------------------------------------------

std::mutex& IgraphMutex() {
  static std::mutex m;
  return m;
}

// The reason igraph gave for its last error (written under IgraphMutex).
std::string& LastReason() {
  static std::string reason;
  return reason;
}

// Instead of aborting (igraph's default) or printing, keep the reason for the
// Status and free igraph's pending temporaries, as an ignoring handler must.
void CaptureError(const char* reason, const char* /*file*/, int /*line*/, igraph_error_t /*code*/) {
  LastReason() = reason ? reason : "";
  IGRAPH_FINALLY_FREE();
}

// Holds the mutex and installs CaptureError for the duration of one call,
// restoring the previous handler afterwards.
class IgraphSession {
 public:
  IgraphSession() : lock_(IgraphMutex()), previous_(igraph_set_error_handler(&CaptureError)) {
    LastReason().clear();
  }
  ~IgraphSession() { igraph_set_error_handler(previous_); }
  IgraphSession(const IgraphSession&) = delete;
  IgraphSession& operator=(const IgraphSession&) = delete;

 private:
  std::lock_guard<std::mutex> lock_;
  igraph_error_handler_t* previous_;
};

Status Check(igraph_error_t code, const char* what) {
  if (code == IGRAPH_SUCCESS) return Status::OK();
  std::string msg = std::string(what) + " failed: " + igraph_strerror(code);
  if (!LastReason().empty()) msg += " (" + LastReason() + ")";
  return Status::Internal(std::move(msg));
}

// --- RAII owners of igraph objects ---------------------------------------------

// Owns an igraph object once its init function succeeded.
template <typename T, void (*Destroy)(T*)>
class Owned {
 public:
  Owned() = default;
  ~Owned() {
    if (live_) Destroy(&obj_);
  }
  Owned(const Owned&) = delete;
  Owned& operator=(const Owned&) = delete;
  // Passes the init call's result through; marks the object live on success.
  Status Init(igraph_error_t code, const char* what) {
    live_ = code == IGRAPH_SUCCESS;
    return Check(code, what);
  }
  T* get() { return &obj_; }
  const T* get() const { return &obj_; }

 private:
  T obj_{};
  bool live_ = false;
};

using Graph = Owned<igraph_t, igraph_destroy>;
using RealVector = Owned<igraph_vector_t, igraph_vector_destroy>;
using IntVector = Owned<igraph_vector_int_t, igraph_vector_int_destroy>;

// Builds the undirected igraph graph and its edge weights from the projection.
Status ToIgraph(const IncidenceGraph& g, Graph& out, RealVector& weights) {
  const auto m = static_cast<igraph_integer_t>(g.edges.size());
  IntVector ends;
  MNEMO_RETURN_IF_ERROR(ends.Init(igraph_vector_int_init(ends.get(), 2 * m), "igraph_vector_int_init"));
  MNEMO_RETURN_IF_ERROR(weights.Init(igraph_vector_init(weights.get(), m), "igraph_vector_init"));
  for (igraph_integer_t i = 0; i < m; ++i) {
    VECTOR(*ends.get())[2 * i] = g.edges[i].u;
    VECTOR(*ends.get())[2 * i + 1] = g.edges[i].v;
    VECTOR(*weights.get())[i] = g.edges[i].weight;
  }
  return out.Init(igraph_create(out.get(), ends.get(), static_cast<igraph_integer_t>(g.num_vertices()),
                                IGRAPH_UNDIRECTED),
                  "igraph_create");
}

Status CheckDamping(double damping) {
  if (!(damping >= 0.0 && damping <= 1.0))
    return Status::InvalidArgument("PageRank damping must be in [0, 1], got " + std::to_string(damping));
  return Status::OK();
}

// Runs (personalized, when `reset` is given) PageRank and pairs scores with ids.
Result<VertexScores> RunPageRank(const IncidenceGraph& g, double damping, const std::vector<double>* reset) {
  MNEMO_RETURN_IF_ERROR(CheckDamping(damping));
  if (g.num_vertices() == 0) return VertexScores{};
  IgraphSession session;
  Graph graph;
  RealVector weights, scores, reset_vec;
  MNEMO_RETURN_IF_ERROR(ToIgraph(g, graph, weights));
  MNEMO_RETURN_IF_ERROR(scores.Init(igraph_vector_init(scores.get(), 0), "igraph_vector_init"));
  igraph_real_t value = 0;
  if (reset) {
    const auto n = static_cast<igraph_integer_t>(reset->size());
    MNEMO_RETURN_IF_ERROR(reset_vec.Init(igraph_vector_init(reset_vec.get(), n), "igraph_vector_init"));
    for (igraph_integer_t i = 0; i < n; ++i) VECTOR(*reset_vec.get())[i] = (*reset)[i];
    MNEMO_RETURN_IF_ERROR(Check(igraph_personalized_pagerank(graph.get(), IGRAPH_PAGERANK_ALGO_PRPACK, scores.get(),
                                                             &value, igraph_vss_all(), /*directed=*/false, damping,
                                                             reset_vec.get(), weights.get(), nullptr),
                                "igraph_personalized_pagerank"));
  } else {
    MNEMO_RETURN_IF_ERROR(Check(igraph_pagerank(graph.get(), IGRAPH_PAGERANK_ALGO_PRPACK, scores.get(), &value,
                                                igraph_vss_all(), /*directed=*/false, damping, weights.get(),
                                                nullptr),
                                "igraph_pagerank"));
  }
  VertexScores out;
  out.reserve(g.num_vertices());
  for (size_t v = 0; v < g.num_vertices(); ++v)
    out.emplace_back(g.ids[v], VECTOR(*scores.get())[static_cast<igraph_integer_t>(v)]);
  return out;
}

}  // namespace

Result<VertexScores> PageRank(const IncidenceGraph& graph, double damping) {
  return RunPageRank(graph, damping, nullptr);
}

Result<VertexScores> PageRank(const Hypergraph& store, double damping, Projection projection) {
  return PageRank(BuildIncidenceGraph(store, projection), damping);
}

Result<VertexScores> PersonalizedPageRank(const IncidenceGraph& graph, const std::vector<Id>& seeds,
                                          double damping) {
  if (seeds.empty()) return Status::InvalidArgument("personalized PageRank needs at least one seed");
  std::vector<double> reset(graph.num_vertices(), 0.0);
  for (Id seed : seeds) {
    const auto v = graph.VertexOf(seed);
    if (!v) return Status::NotFound("seed " + std::to_string(seed) + " is not a vertex of the projected graph");
    reset[*v] += 1.0;
  }
  return RunPageRank(graph, damping, &reset);
}

Result<VertexScores> PersonalizedPageRank(const Hypergraph& store, const std::vector<Id>& seeds, double damping,
                                          Projection projection) {
  return PersonalizedPageRank(BuildIncidenceGraph(store, projection), seeds, damping);
}

Result<Communities> LeidenCommunities(const IncidenceGraph& g, double resolution, int seed) {
  if (!(resolution >= 0.0) || std::isinf(resolution))
    return Status::InvalidArgument("Leiden resolution must be a finite number >= 0, got " +
                                   std::to_string(resolution));
  if (g.num_vertices() == 0) return Communities{};
  // Without edges every vertex is its own community (and igraph's Leiden,
  // asked to iterate until stable, would not return).
  if (g.edges.empty()) {
    Communities singletons;
    for (Id id : g.ids) singletons.push_back({id});
    std::sort(singletons.begin(), singletons.end());
    return singletons;
  }
  IgraphSession session;
  Graph graph;
  RealVector weights, strengths;
  IntVector membership;
  MNEMO_RETURN_IF_ERROR(ToIgraph(g, graph, weights));
  // Modularity as CPM: node weight = weighted degree, resolution / (2m).
  const auto n = static_cast<igraph_integer_t>(g.num_vertices());
  MNEMO_RETURN_IF_ERROR(strengths.Init(igraph_vector_init(strengths.get(), n), "igraph_vector_init"));
  for (const GraphEdge& e : g.edges) {
    VECTOR(*strengths.get())[e.u] += e.weight;
    VECTOR(*strengths.get())[e.v] += e.weight;
  }
  const double two_m = 2.0 * g.total_weight();
  const double cpm_resolution = two_m > 0 ? resolution / two_m : 0.0;
  MNEMO_RETURN_IF_ERROR(membership.Init(igraph_vector_int_init(membership.get(), n), "igraph_vector_int_init"));
  MNEMO_RETURN_IF_ERROR(Check(igraph_rng_seed(igraph_rng_default(), static_cast<igraph_uint_t>(seed)),
                              "igraph_rng_seed"));
  igraph_integer_t clusters = 0;
  igraph_real_t quality = 0;
  MNEMO_RETURN_IF_ERROR(Check(igraph_community_leiden(graph.get(), weights.get(), strengths.get(), cpm_resolution,
                                                      /*beta=*/0.01, /*start=*/false, /*n_iterations=*/-1,
                                                      membership.get(), &clusters, &quality),
                              "igraph_community_leiden"));
  // Group by community, then order deterministically by ids.
  std::map<igraph_integer_t, std::vector<Id>> groups;
  for (igraph_integer_t v = 0; v < n; ++v) groups[VECTOR(*membership.get())[v]].push_back(g.ids[v]);
  Communities out;
  out.reserve(groups.size());
  for (auto& [label, members] : groups) {
    std::sort(members.begin(), members.end());
    out.push_back(std::move(members));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.front() < b.front(); });
  return out;
}

Result<Communities> LeidenCommunities(const Hypergraph& store, double resolution, int seed, Projection projection) {
  return LeidenCommunities(BuildIncidenceGraph(store, projection), resolution, seed);
}

}  // namespace mnemo::graph
