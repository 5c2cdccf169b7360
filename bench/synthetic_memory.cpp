#include "bench/synthetic_memory.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "bench/synthetic_names.hpp"
#include "bench/synthetic_random.hpp"
#include "bench/synthetic_vocabulary.hpp"

namespace mnemo::bench {

namespace {

using temporal::kMicrosPerSecond;
using temporal::Timestamp;

constexpr Timestamp kHour = 3600 * kMicrosPerSecond;
constexpr size_t kMinWords = 15, kMaxWords = 30;
constexpr uint64_t kQueryStream = 0x5eed0f0e1e5ull;  // mixed into the seed for the query stream

// Relations: index, shape, and the cue an episode stating one uses.
enum Relation : uint32_t { kLivesIn, kWorksFor, kBasedIn, kKnows, kRelations };
constexpr std::array<std::string_view, kRelations> kCues = {"moved to", "started working at", "opened in", "met"};
// How often each relation is chosen, out of 100.
constexpr std::array<uint32_t, kRelations> kRelationShares = {40, 40, 5, 15};

std::vector<SyntheticRelation> Relations() {
  using K = EntityKind;
  return {{"lives_in", "resident", "city", K::kPerson, K::kPlace, true},
          {"works_for", "employee", "employer", K::kPerson, K::kOrganisation, true},
          {"based_in", "organisation", "city", K::kOrganisation, K::kPlace, true},
          {"knows", "person", "other", K::kPerson, K::kPerson, false}};
}

class Generator {
 public:
  explicit Generator(const SyntheticOptions& o) : o_(o), rng_(o.seed), words_(VocabularyWords().size(), o.word_skew) {
    const size_t n = o.episodes;
    counts_ = {o.people ? o.people : std::max<size_t>(50, n / 40), o.places ? o.places : std::max<size_t>(20, n / 100),
               o.organisations ? o.organisations : std::max<size_t>(20, n / 100)};
    for (size_t k = 0; k < 3; ++k) popularity_.emplace_back(counts_[k], o.entity_skew);
  }

  SyntheticMemory Generate() {
    m_.relations = Relations();
    MakeEntities();
    MakeEpisodes();
    MakeQueries();
    return std::move(m_);
  }

 private:
  uint32_t First(EntityKind kind) const {
    uint32_t first = 0;
    for (size_t k = 0; k < static_cast<size_t>(kind); ++k) first += static_cast<uint32_t>(counts_[k]);
    return first;
  }
  uint32_t Popular(EntityKind kind) {
    return First(kind) + static_cast<uint32_t>(popularity_[static_cast<size_t>(kind)].Sample(rng_));
  }
  EntityKind KindOf(uint32_t entity) const { return m_.entities[entity].kind; }

  void MakeEntities() {
    NameMaker names;
    for (EntityKind kind : {EntityKind::kPerson, EntityKind::kPlace, EntityKind::kOrganisation})
      for (size_t i = 0; i < counts_[static_cast<size_t>(kind)]; ++i)
        m_.entities.push_back({kind, names.Make(kind, rng_)});
  }

  Relation PickRelation() {
    uint32_t roll = static_cast<uint32_t>(rng_.Below(100));
    for (uint32_t r = 0; r < kRelations; ++r) {
      if (roll < kRelationShares[r]) return static_cast<Relation>(r);
      roll -= kRelationShares[r];
    }
    return kKnows;
  }

  // A fact of `relation` on `subject` (kNoIndex: a popular one), with an
  // object that is not the subject and, for a UNIQUE relation, not its current object.
  SyntheticFact MakeFact(Relation relation, uint32_t subject, uint32_t episode, uint32_t provenance) {
    const SyntheticRelation& r = m_.relations[relation];
    if (subject == kNoIndex) subject = Popular(r.subject_kind);
    SyntheticFact f;
    f.relation = relation;
    f.subject = subject;
    const uint64_t key = (uint64_t{relation} << 32) | subject;
    const auto current = current_.find(key);
    do f.object = Popular(r.object_kind);
    while (f.object == subject || (r.unique_subject && current != current_.end() && current->second == f.object));
    f.after_episode = episode;
    f.provenance = provenance;
    if (r.unique_subject) {
      f.supersedes = current != current_.end();
      current_[key] = f.object;
    }
    return f;
  }

  // 1-3 distinct entities: people half the time, places and organisations a quarter each.
  std::vector<uint32_t> Mentions() {
    const uint64_t roll = rng_.Below(100);
    const size_t n = roll < 50 ? 1 : roll < 85 ? 2 : 3;
    std::vector<uint32_t> out;
    while (out.size() < n) {
      const uint64_t k = rng_.Below(4);
      const uint32_t e = Popular(k < 2 ? EntityKind::kPerson : k == 2 ? EntityKind::kPlace : EntityKind::kOrganisation);
      if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
    }
    return out;
  }

  // The text: filler words by Zipf, each mention's name at a random place
  // (a stated fact's object after its cue). Records the episode's words.
  std::string Text(const std::vector<uint32_t>& mentions, const SyntheticFact* stated, std::vector<uint16_t>& words) {
    std::vector<std::string> names;
    size_t name_words = 0;
    for (uint32_t e : mentions) {
      std::string name = m_.entities[e].name;
      if (stated && e == stated->object) name = std::string(kCues[stated->relation]) + " " + name;
      name_words += 1 + std::count(name.begin(), name.end(), ' ');
      names.push_back(std::move(name));
    }
    const size_t total = static_cast<size_t>(rng_.Between(kMinWords, kMaxWords));
    const size_t filler = total > name_words + 5 ? total - name_words : 5;
    words.clear();
    for (size_t i = 0; i < filler; ++i) words.push_back(static_cast<uint16_t>(words_.Sample(rng_)));
    // Slot i holds the names placed before filler word i (slot `filler`: at the end).
    std::vector<std::vector<size_t>> slots(filler + 1);
    for (size_t n = 0; n < names.size(); ++n) slots[rng_.Below(filler + 1)].push_back(n);
    std::string text;
    auto append = [&](std::string_view piece) {
      if (!text.empty()) text += rng_.Chance(0.06) ? ", " : " ";
      text += piece;
    };
    const auto vocabulary = VocabularyWords();
    for (size_t i = 0; i <= filler; ++i) {
      for (size_t n : slots[i]) append(names[n]);
      if (i < filler) append(vocabulary[words[i]]);
    }
    if (text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
    text += rng_.Chance(0.15) ? "?" : ".";
    return text;
  }

  void MakeEpisodes() {
    const uint32_t user = First(EntityKind::kPerson);
    Timestamp time = temporal::DaysFromCivil(2020, 1, 1) * temporal::kMicrosPerDay;
    uint32_t session = 0;
    words_of_.reserve(o_.episodes);
    while (m_.episodes.size() < o_.episodes) {
      ++session;
      uint32_t other;
      do other = Popular(EntityKind::kPerson);
      while (other == user);
      const size_t length = static_cast<size_t>(rng_.Between(static_cast<int64_t>(o_.session_length * 3 / 4),
                                                             static_cast<int64_t>((o_.session_length * 5 + 3) / 4)));
      bool user_speaks = rng_.Chance(0.5);
      time += rng_.Between(2 * kHour, 12 * kHour);
      for (size_t turn = 0; turn < std::max<size_t>(1, length) && m_.episodes.size() < o_.episodes; ++turn) {
        const uint32_t index = static_cast<uint32_t>(m_.episodes.size());
        time += rng_.Between(20, 120) * kMicrosPerSecond;
        SyntheticEpisode ep;
        ep.time = time;
        ep.speaker = user_speaks ? user : other;
        ep.session = session;
        user_speaks = !user_speaks;
        ep.mentions = Mentions();
        std::vector<SyntheticFact> facts;
        if (rng_.Chance(o_.stated_fact_rate)) {
          // The episode states a fact about its first mention of the subject's kind (or a popular one).
          const Relation relation = PickRelation();
          const SyntheticRelation& r = m_.relations[relation];
          uint32_t subject = kNoIndex;
          for (uint32_t e : ep.mentions)
            if (KindOf(e) == r.subject_kind && subject == kNoIndex) subject = e;
          facts.push_back(MakeFact(relation, subject, index, index));
          const SyntheticFact& f = facts.back();
          std::erase_if(ep.mentions, [&](uint32_t e) { return e == f.subject || e == f.object; });
          ep.mentions.insert(ep.mentions.begin(), {f.subject, f.object});
          if (ep.mentions.size() > 3) ep.mentions.resize(3);
        }
        if (rng_.Chance(o_.background_fact_rate)) {
          // Learned elsewhere; never on the subject of this episode's stated fact (both would hold from the same time).
          const Relation relation = PickRelation();
          const uint32_t subject = Popular(m_.relations[relation].subject_kind);
          if (facts.empty() || facts[0].relation != relation || facts[0].subject != subject)
            facts.push_back(MakeFact(relation, subject, index, kNoIndex));
        }
        words_of_.emplace_back();
        ep.text =
            Text(ep.mentions, facts.empty() || facts[0].provenance == kNoIndex ? nullptr : &facts[0], words_of_.back());
        for (SyntheticFact& f : facts) {
          f.valid_from = ep.time;
          m_.facts.push_back(f);
        }
        m_.episodes.push_back(std::move(ep));
      }
    }
  }

  void MakeQueries() {
    if (m_.episodes.empty()) return;
    SplitMix64 rng(o_.seed ^ kQueryStream);
    const auto vocabulary = VocabularyWords();
    const size_t function_words = VocabularyFunctionWords();
    for (size_t q = 0; q < o_.queries; ++q) {
      SyntheticQuery query;
      query.episode = static_cast<uint32_t>(rng.Below(m_.episodes.size()));
      const SyntheticEpisode& ep = m_.episodes[query.episode];
      query.entity = ep.mentions[rng.Below(ep.mentions.size())];
      // Distinct words of the episode, content words first, in random order within each group.
      std::vector<uint16_t> words = words_of_[query.episode];
      std::sort(words.begin(), words.end());
      words.erase(std::unique(words.begin(), words.end()), words.end());
      for (size_t i = words.size(); i > 1; --i) std::swap(words[i - 1], words[rng.Below(i)]);
      std::stable_partition(words.begin(), words.end(), [&](uint16_t w) { return w >= function_words; });
      words.resize(std::min<size_t>(words.size(), 3));
      std::vector<std::string_view> pieces(words.size());
      for (size_t i = 0; i < words.size(); ++i) pieces[i] = vocabulary[words[i]];
      pieces.insert(pieces.begin() + static_cast<std::ptrdiff_t>(rng.Below(pieces.size() + 1)),
                    m_.entities[query.entity].name);
      for (std::string_view piece : pieces) query.text += (query.text.empty() ? "" : " ") + std::string(piece);
      m_.queries.push_back(std::move(query));
    }
  }

  const SyntheticOptions& o_;
  SplitMix64 rng_;
  Zipf words_;
  std::array<size_t, 3> counts_{};
  std::vector<Zipf> popularity_;                    // by kind
  std::unordered_map<uint64_t, uint32_t> current_;  // (relation, subject) -> current object, UNIQUE relations
  std::vector<std::vector<uint16_t>> words_of_;     // each episode's filler words (vocabulary ranks)
  SyntheticMemory m_;
};

}  // namespace

std::string_view EntityTypeName(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson:
      return "Person";
    case EntityKind::kPlace:
      return "Place";
    case EntityKind::kOrganisation:
      return "Organisation";
  }
  return "";
}

SyntheticMemory GenerateSyntheticMemory(const SyntheticOptions& options) { return Generator(options).Generate(); }

}  // namespace mnemo::bench
