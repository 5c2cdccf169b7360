// The English vocabulary of synthetic episodes (synthetic_memory.hpp).
//
// Words are listed by rank, most frequent first: the function words of
// conversation (which include the tokenizer's stopwords), then content words
// of everyday talk (work, family, food, travel, health, hobbies, ...), with
// the most common of each kind earlier. Words are lower case ASCII with no
// separators, and every word appears once. The list is fixed: changing it
// changes every generated memory.
#pragma once

#include <span>
#include <string_view>

namespace mnemo::bench {

// Every word, by rank (index 0 the most frequent).
std::span<const std::string_view> VocabularyWords();
// How many of the first words are function words (rank < this).
size_t VocabularyFunctionWords();

}  // namespace mnemo::bench
