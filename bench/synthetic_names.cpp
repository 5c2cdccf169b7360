#include "bench/synthetic_names.hpp"

#include <array>
#include <string_view>

#include "bench/synthetic_vocabulary.hpp"

namespace mnemo::bench {

namespace {

constexpr std::array<std::string_view, 24> kOnsets = {"b", "br", "c", "d", "dr", "f", "g",  "gr", "h",  "j", "k", "kr",
                                                      "l", "m",  "n", "p", "r",  "s", "sh", "st", "th", "t", "v", "z"};
constexpr std::array<std::string_view, 10> kVowels = {"a", "e", "i", "o", "u", "ai", "ea", "ou", "ia", "y"};
constexpr std::array<std::string_view, 8> kCodas = {"", "", "", "n", "r", "l", "s", "x"};
constexpr std::array<std::string_view, 8> kFirstEndings = {"", "", "a", "o", "en", "is", "el", "ine"};
constexpr std::array<std::string_view, 8> kSurnameEndings = {"", "son", "ick", "ley", "ner", "ford", "man", "ez"};
constexpr std::array<std::string_view, 10> kPlaceEndings = {"",      "",     "ton",  "ford", "burg",
                                                            "mouth", "vale", "port", "cove", "field"};
constexpr std::array<std::string_view, 14> kOrganisationWords = {"Labs",      "Group",  "Partners", "Foods", "Systems",
                                                                 "Clinic",    "Studio", "Bank",     "Works", "Media",
                                                                 "Logistics", "Bakery", "Academy",  "Trust"};

template <size_t N>
std::string_view Pick(const std::array<std::string_view, N>& from, SplitMix64& rng) {
  return from[rng.Below(N)];
}

std::string Syllables(size_t n, SplitMix64& rng) {
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out += Pick(kOnsets, rng);
    out += Pick(kVowels, rng);
    if (i + 1 == n || rng.Chance(0.3)) out += Pick(kCodas, rng);
  }
  return out;
}

std::string Capitalised(std::string word) {
  if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

}  // namespace

NameMaker::NameMaker() {
  for (std::string_view w : VocabularyWords()) taken_.emplace(w);
}

std::string NameMaker::Candidate(EntityKind kind, SplitMix64& rng) const {
  switch (kind) {
    case EntityKind::kPerson: {
      std::string first = Syllables(rng.Chance(0.6) ? 2 : 1, rng);
      first += Pick(kFirstEndings, rng);
      std::string last = Syllables(rng.Chance(0.5) ? 2 : 1, rng);
      last += Pick(kSurnameEndings, rng);
      return Capitalised(first) + " " + Capitalised(last);
    }
    case EntityKind::kPlace: {
      std::string name = Syllables(rng.Chance(0.5) ? 2 : 3, rng);
      name += Pick(kPlaceEndings, rng);
      return Capitalised(name);
    }
    case EntityKind::kOrganisation:
      return Capitalised(Syllables(2, rng)) + " " + std::string(Pick(kOrganisationWords, rng));
  }
  return {};
}

std::string NameMaker::Make(EntityKind kind, SplitMix64& rng) {
  for (;;) {
    std::string name = Candidate(kind, rng);
    if (name.size() >= 4 && taken_.insert(Lower(name)).second) return name;
  }
}

}  // namespace mnemo::bench
