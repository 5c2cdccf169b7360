#!/usr/bin/env bash
# End-to-end test of `mnemo shell` on a pseudo-terminal (tmux): a multi-line
# statement, Tab completion, history recall with the up arrow (also across
# sessions), Ctrl-C, an error with its caret, .export dot rendered by
# `dot -Tpng`; then the shell reading a pipe. Every step waits for what it
# expects on the screen (polling, 10 s at most), never for a fixed time.
# Usage: repl_test.sh path/to/mnemo [repository root]
set -u
MNEMO=${1:?usage: repl_test.sh path/to/mnemo [repository root]}
MNEMO=$(cd "$(dirname "$MNEMO")" && pwd)/$(basename "$MNEMO")
TMP=$(mktemp -d)
SOCKET="$TMP/tmux.sock"
failures=0

cleanup() {
  tmux -S "$SOCKET" kill-server >/dev/null 2>&1
  rm -rf "$TMP"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

for tool in tmux dot; do
  if ! command -v "$tool" >/dev/null; then
    echo "FAIL: '$tool' is missing (make deps installs it: tmux, graphviz)" >&2
    exit 1
  fi
done

unset TMUX  # the test runs its own tmux server, even from inside tmux
export HOME="$TMP/home" MNEMO_HISTORY="$TMP/home/history" INPUTRC=/dev/null TERM=${TERM:-xterm}
[ "$TERM" = dumb ] && TERM=xterm
mkdir -p "$HOME"

tm() { tmux -S "$SOCKET" "$@"; }
screen() { tm capture-pane -p -S -1000 2>/dev/null; }

# Types TEXT literally (tmux reads a final ';' as a command separator: escape it).
type_text() {
  local text=$1
  [ "${text: -1}" = ";" ] && text="${text%;}\\;"
  tm send-keys -l -- "$text"
}
# Types TEXT and Enter.
enter() {
  type_text "$1"
  tm send-keys Enter
}

# Waits until CONDITION (a shell command reading $SCREEN) holds; fails with
# MESSAGE and the screen after 10 s.
wait_until() {
  local message=$1 condition=$2
  for _ in $(seq 1 200); do
    SCREEN=$(screen)
    if eval "$condition"; then return 0; fi
    sleep 0.05
  done
  fail "$message"
  echo "--- screen:" >&2
  screen | sed -e '/^$/d' | tail -25 >&2
  echo "---" >&2
  return 1
}
# The screen contains TEXT (fixed string).
wait_for() {
  NEEDLE=$1
  wait_until "timed out waiting for '$1'" 'grep -qF -- "$NEEDLE" <<<"$SCREEN"'
}
# The screen contains TEXT at least N times (as lines holding it).
wait_count() {
  NEEDLE=$1 COUNT=$2
  wait_until "timed out waiting for $2 lines with '$1'" '[ "$(grep -cF -- "$NEEDLE" <<<"$SCREEN")" -ge "$COUNT" ]'
}
# The last non-blank line, without blanks around it.
last_line() { sed -e '/^[[:space:]]*$/d' <<<"$SCREEN" | tail -1 | sed -e 's/^[[:space:]]*//; s/[[:space:]]*$//'; }
# The last non-blank line is PROMPT with nothing typed after it.
wait_prompt() {
  NEEDLE=${1:-mnemo>}
  wait_until "timed out waiting for an empty '$NEEDLE' prompt" '[ "$(last_line)" = "$NEEDLE" ]'
}
# The current (last non-blank) line ends with TEXT.
wait_line_ends() {
  NEEDLE=$1
  wait_until "timed out waiting for the line to end with '$1'" '[[ "$(last_line)" == *"$NEEDLE" ]]'
}

start_shell() {  # starts a session; its exit status goes to $TMP/status
  rm -f "$TMP/status"
  tm -f /dev/null new-session -d -x 150 -y 50 \
    "cd '$TMP' && '$MNEMO' shell; echo \$? > '$TMP/status'; sleep 60"
  wait_for "Enter .help for help" && wait_prompt
}

wait_exit() {  # waits for the shell to end; prints its exit status
  for _ in $(seq 1 200); do
    if [ -s "$TMP/status" ]; then cat "$TMP/status"; return 0; fi
    sleep 0.05
  done
  echo "none"
}

cat >"$TMP/setup.mq" <<'EOF'
DEFINE ENTITY Person (name TEXT KEY);
DEFINE ENTITY City (name TEXT KEY);
DEFINE RELATION lives_in (resident: Person, city: City) UNIQUE (resident);
DEFINE EVENT Trip (traveler: Person MANY, destination: City, purpose TEXT);
ASSERT lives_in(resident: Person 'Caroline', city: City 'Berlin') VALID FROM 2023-04-01;
ASSERT lives_in(resident: Person 'Melanie', city: City 'Lisbon') VALID FROM 2022-01-01 VALID UNTIL 2030-01-01;
ASSERT Trip(traveler: [Person 'Caroline', Person 'Melanie'], destination: City 'Paris', purpose: 'holiday') AT 2023-06-01;
EOF

# --- session 1 -----------------------------------------------------------------
start_shell || { echo "FAIL: the shell did not start" >&2; exit 1; }

enter ".read $TMP/setup.mq"
wait_count "Facts created: 1" 3 && wait_prompt

# A multi-line statement: the prompt becomes '...>' until the ';'.
enter "MATCH (p:Person)-[:lives_in]->(c:City)"
wait_prompt "...>"
enter "RETURN p.name AS person, c.name AS city"
wait_prompt "...>"
enter "ORDER BY person;"
wait_for "(2 rows)" && wait_prompt
grep -qE '^ Caroline +\| Berlin' <<<"$SCREEN" || fail "multi-line statement: no 'Caroline | Berlin' row"
grep -qE '^ Melanie +\| Lisbon' <<<"$SCREEN" || fail "multi-line statement: no 'Melanie | Lisbon' row"

# Tab completion: a keyword, a label, a property name.
type_text "RETU"
tm send-keys Tab
wait_line_ends "mnemo> RETURN"
tm send-keys C-u
type_text "MATCH (x:Pers"
tm send-keys Tab
wait_line_ends "MATCH (x:Person"
type_text ") WHERE x.na"
tm send-keys Tab
wait_line_ends "WHERE x.name"
enter "= 'Melanie' RETURN x.name AS found;"
wait_for " found" && wait_prompt
grep -qE '^ Melanie$' <<<"$SCREEN" || fail "completion: the completed statement did not find Melanie"

# History: the up arrow brings back an earlier entry.
enter "RETURN 40 + 2 AS answer;"
wait_count "(1 row)" 2 && wait_prompt
enter "RETURN 'other' AS o;"
wait_count "(1 row)" 3 && wait_prompt
tm send-keys Up Up
wait_line_ends "mnemo> RETURN 40 + 2 AS answer;"
tm send-keys Enter
wait_count "(1 row)" 4 && wait_prompt
[ "$(grep -cE '^ +42$' <<<"$SCREEN")" -ge 2 ] || fail "history: the recalled statement did not run again"

# Ctrl-C drops the entry being typed, even a continued one.
enter "RETURN 'never"
wait_prompt "...>"
type_text "finished"
wait_line_ends "finished"  # Ctrl-C flushes input not yet read: let it be read first
tm send-keys C-c
wait_for "finished^C" && wait_prompt

# An error shows the statement line and a caret under the column.
enter "MATCH (n RETURN n;"
wait_for "Error (SyntaxError) at line 1, column 10" && wait_prompt
grep -qF "  MATCH (n RETURN n;" <<<"$SCREEN" || fail "error: the statement line is not shown"
grep -qE '^           \^$' <<<"$SCREEN" || fail "error: no caret under column 10"

# .export dot without a query: the whole memory, which dot renders.
enter ".export dot $TMP/memory.dot"
wait_for "Wrote 6 nodes and 5 edges to $TMP/memory.dot." && wait_prompt
if dot -Tpng "$TMP/memory.dot" -o "$TMP/memory.png" 2>"$TMP/dot.err"; then
  [ "$(head -c 4 "$TMP/memory.png" | od -An -c | tr -d ' ')" = "211PNG" ] || fail "dot: the output is not a PNG"
else
  fail "dot -Tpng failed: $(cat "$TMP/dot.err")"
fi
grep -qF 'label="lives_in\nfrom 2023-04-01"' "$TMP/memory.dot" || fail ".export dot: no valid time on lives_in"
grep -qF 'label="Trip\nfrom 2023-06-01"' "$TMP/memory.dot" || fail ".export dot: no Trip event node"
enter ".export graphml $TMP/trip.graphml MATCH (t:Trip)-[r]->(x) RETURN t, r, x"
wait_for "Wrote 4 nodes and 3 edges to $TMP/trip.graphml." && wait_prompt
grep -qF '<key id="n_label" for="node" attr.name="label" attr.type="string"/>' "$TMP/trip.graphml" ||
  fail ".export graphml: keys are not declared"

enter ".quit"
status=$(wait_exit)
[ "$status" = 0 ] || fail ".quit: exit status '$status', expected 0"
tm kill-server >/dev/null 2>&1

# The history file keeps a multi-line entry whole.
grep -qF "ORDER BY person;" "$MNEMO_HISTORY" || fail "history file: the multi-line entry is missing"

# --- session 2: history from session 1, Ctrl-D ends ------------------------------
start_shell || { echo "FAIL: the shell did not start again" >&2; exit 1; }
tm send-keys Up
wait_line_ends "mnemo> .quit"
tm send-keys C-u C-r
type_text "person, c.name"
wait_for "ORDER BY person;"
tm send-keys Enter  # the recalled multi-line entry runs whole (in a new, empty memory)
wait_for "(0 rows)" && wait_prompt
tm send-keys C-d
status=$(wait_exit)
[ "$status" = 0 ] || fail "Ctrl-D: exit status '$status', expected 0"
tm kill-server >/dev/null 2>&1

# --- not a terminal: statements from standard input, no prompts ---------------------
OUT=$(printf '%s\n' "RETURN 1 AS one;" "RETURN" "  2 AS two;" ".format csv" "RETURN 3 AS three" |
  "$MNEMO" shell 2>"$TMP/err")
STATUS=$?
[ "$STATUS" = 0 ] || fail "pipe: exit status $STATUS, expected 0 ($(cat "$TMP/err"))"
grep -qF "mnemo>" <<<"$OUT" && fail "pipe: a prompt was printed"
grep -qE '^ +2$' <<<"$OUT" || fail "pipe: the two-line statement did not run"
grep -qF "three" <<<"$OUT" || fail "pipe: the last statement without ';' did not run"
OUT=$(printf '%s\n' "RETURN 1 AS one;" "" "RETURN 1 +;" "RETURN 2 AS two;" | "$MNEMO" shell 2>"$TMP/err")
STATUS=$?
[ "$STATUS" = 1 ] || fail "pipe with an error: exit status $STATUS, expected 1"
grep -qF "Error (SyntaxError) in <stdin> at line 3, column 11" "$TMP/err" ||
  fail "pipe with an error: got '$(cat "$TMP/err")'"
grep -qE '^ +2$' <<<"$OUT" || fail "pipe with an error: the statements after it did not run"
# --db: a durable memory outlives the shell (or, where it cannot be opened, a clean error).
if echo "CREATE (:Person {name: 'Kept'});" | "$MNEMO" shell --db "$TMP/memory" >/dev/null 2>"$TMP/err"; then
  OUT=$(echo "MATCH (p:Person) RETURN p.name AS name;" | "$MNEMO" shell --db "$TMP/memory" 2>&1)
  grep -qF "Kept" <<<"$OUT" || fail "--db: the memory did not outlive the shell: $OUT"
else
  grep -qF "cannot open the memory" "$TMP/err" || fail "--db: got '$(cat "$TMP/err")'"
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "repl_test: all passed"
