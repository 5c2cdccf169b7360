// The crash test: a child process (mnemo-crash-writer) writes facts into a
// durable memory and reports each acknowledged one; it is killed with
// SIGKILL at a random moment — while opening, writing, or checkpointing —
// sixty times in a row, under each fsync policy in turn. After every kill the
// reopened memory must hold every fact the child reported, nothing it could
// not have written, and a consistent supersession chain.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <set>
#include <sstream>

#include "tests/serialize/durable_fixture.hpp"

using namespace mnemo;

namespace {

struct ChildRun {
  std::vector<long long> acknowledged;
  int status = 0;
};

// Starts the writer, lets it run for `run`, kills it, and collects what it
// reported on standard output.
ChildRun RunAndKill(const std::string& memory, long long first, const char* policy, std::chrono::milliseconds run) {
  int out[2];
  REQUIRE(::pipe2(out, O_CLOEXEC) == 0);
  const std::string first_text = std::to_string(first);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::execl(MNEMO_CRASH_WRITER, MNEMO_CRASH_WRITER, memory.c_str(), first_text.c_str(), policy,
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(out[1]);
  std::string text;
  char buffer[4096];
  const auto deadline = std::chrono::steady_clock::now() + run;
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd p{out[0], POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
    const ssize_t n = ::read(out[0], buffer, sizeof(buffer));
    if (n <= 0) break;  // the child is gone
    text.append(buffer, static_cast<size_t>(n));
  }
  ::kill(pid, SIGKILL);
  ChildRun result;
  REQUIRE(::waitpid(pid, &result.status, 0) == pid);
  for (ssize_t n; (n = ::read(out[0], buffer, sizeof(buffer))) > 0;) text.append(buffer, static_cast<size_t>(n));
  ::close(out[0]);
  // Lines are written whole (one write of a few bytes to a pipe): a line
  // without its newline cannot occur, but would not count.
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty() && !lines.eof())
      result.acknowledged.push_back(std::stoll(line));
    else if (!line.empty() && text.back() == '\n')
      result.acknowledged.push_back(std::stoll(line));
  return result;
}

}  // namespace

TEST_CASE("a writer killed at random moments loses no acknowledged write", "[serialize][crash]") {
  testing::ScratchDir dir("crash");
  const std::string memory = dir / "memory";
  const unsigned seed = std::random_device{}();
  INFO("seed " << seed);
  std::mt19937 rng(seed);
  const char* policies[] = {"always", "batch", "off"};
  long long next = 0;
  std::set<long long> acknowledged;  // over all rounds
  for (int round = 0; round < 60; ++round) {
    const char* policy = policies[round % 3];
    const auto run = std::chrono::milliseconds(std::uniform_int_distribution<int>(1, 120)(rng));
    INFO("round " << round << ", policy " << policy << ", killed after " << run.count() << " ms, first " << next);
    const ChildRun child = RunAndKill(memory, next, policy, run);
    REQUIRE(WIFSIGNALED(child.status));
    REQUIRE(WTERMSIG(child.status) == SIGKILL);
    for (size_t i = 0; i < child.acknowledged.size(); ++i)
      REQUIRE(child.acknowledged[i] == next + static_cast<long long>(i));
    acknowledged.insert(child.acknowledged.begin(), child.acknowledged.end());
    const long long last_ack = child.acknowledged.empty() ? next - 1 : child.acknowledged.back();

    Options o;
    o.directory = memory;
    o.checkpoint_on_close = false;
    o.exact_vectors = true;
    o.on_warning = [](const std::string&) {};  // a torn tail is expected after a kill
    auto db = Database::Open(o);
    INFO(db.status().ToString());
    REQUIRE(db.ok());
    std::set<long long> facts, versions;
    long long current = -1;
    size_t current_versions = 0;
    bool links_resolve = true;
    (*db)->Connect().Read([&](const graph::Hypergraph& g) {
      const graph::Symbol n = g.names().Find("n");
      for (graph::Id id : g.EntitiesOfType("Fact")) facts.insert(g.entity(id)->properties.Get(n)->as_int());
      for (graph::Id id : g.HyperedgesOfType("counter")) {
        const graph::Hyperedge* h = g.hyperedge(id);
        versions.insert(h->roles[1].value.as_int());
        if (h->superseded_by == graph::kNoId) {
          ++current_versions;
          current = h->roles[1].value.as_int();
        } else if (!g.hyperedge(h->superseded_by)) {
          links_resolve = false;
        }
      }
      return 0;
    });
    // Facts 0..k: every acknowledged one, and at most the one being written.
    const long long k = facts.empty() ? -1 : *facts.rbegin();
    CHECK(static_cast<long long>(facts.size()) == k + 1);
    CHECK(k >= last_ack);
    CHECK(k <= last_ack + 1);
    // Every acknowledged number is a fact and a version of the counter; the
    // counter's versions form one chain whose current version is the latest.
    std::vector<long long> lost, stray;
    for (long long a : acknowledged)
      if (!facts.count(a) || !versions.count(a)) lost.push_back(a);
    for (long long v : versions)
      if (!facts.count(v)) stray.push_back(v);
    CHECK(lost.empty());
    CHECK(stray.empty());
    CHECK(current_versions == (versions.empty() ? 0u : 1u));
    CHECK(current == (versions.empty() ? -1 : *versions.rbegin()));
    CHECK(links_resolve);
    next = k + 1;
  }
  CHECK(acknowledged.size() > 100);
}
