// Tab completion in the shell: what to offer for the word at the cursor.
//
//  - a dot command's name (".fo" -> ".format"), its word arguments
//    (".format j" -> "json"), or a file name where it takes a FILE;
//  - after ':' a label or relationship type: entity types, relation and
//    event types, roles;
//  - after 'name.' a property name; a map key after '{' or ',' inside '{...}';
//  - elsewhere keywords (upper case, or lower case when the word typed so far
//    is lower case), function names, types and roles;
//  - nothing inside strings, backquoted names and comments.
// Keywords and functions match case-insensitively; names from the memory
// match with their case first, and ignoring case when nothing else matches.
#pragma once

#include <string_view>

#include "shell/completion_catalog.hpp"
#include "shell/line_reader.hpp"

namespace mnemo::shell {

// The completions of `request` given the memory's names.
Completions CompleteInput(const CompletionRequest& request, const CompletionCatalog& catalog);

// Whether the words of `line` (up to the cursor) are separated by blanks only:
// true in a dot command's arguments other than a QUERY, whose words are
// statement words.
bool BlankSeparatedWords(std::string_view line);

}  // namespace mnemo::shell
