#!/usr/bin/env bash
# End-to-end tests of the mnemo binary: commands, options, exit codes and the
# three output formats. Usage: cli_test.sh path/to/mnemo [repository root]
#
# Checks marked [executor] need the query engine (parser + executor) to run
# statements; when one fails, the message says so.
set -u
MNEMO=${1:?usage: cli_test.sh path/to/mnemo [repository root]}
ROOT=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# run NAME EXPECTED_STATUS ARGS... : runs mnemo, keeps stdout/stderr in $OUT/$ERR.
run() {
  local name=$1 expected=$2
  shift 2
  "$MNEMO" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  STATUS=$?
  OUT=$(cat "$TMP/out")
  ERR=$(cat "$TMP/err")
  if [ "$STATUS" -ne "$expected" ]; then
    fail "$name: exit status $STATUS, expected $expected (mnemo $*)"
    echo "  stdout: ${OUT:0:400}" >&2
    echo "  stderr: ${ERR:0:400}" >&2
    return 1
  fi
  return 0
}

expect_contains() {  # NAME HAYSTACK NEEDLE
  case "$2" in *"$3"*) ;; *) fail "$1: output does not contain '$3'"; echo "  got: ${2:0:600}" >&2 ;; esac
}

expect_equal() {  # NAME ACTUAL EXPECTED
  [ "$2" == "$3" ] || { fail "$1: got '$2', expected '$3'"; }
}

# --- help, version, usage errors (no engine needed) ---------------------------
run "--help" 0 --help && expect_contains "--help" "$OUT" "usage: mnemo"
run "help" 0 help && expect_contains "help" "$OUT" "query"
run "help run" 0 help run && expect_contains "help run" "$OUT" "Examples"
run "run --help" 0 run --help && expect_contains "run --help" "$OUT" "--format"
run "query --help" 0 query --help && expect_contains "query --help" "$OUT" "Examples"
run "version" 0 version && expect_contains "version" "$OUT" "mnemo 0."
run "no command" 2
run "unknown command" 2 frobnicate && expect_contains "unknown command" "$ERR" "unknown command 'frobnicate'"
run "unknown option" 2 query --bogus 'RETURN 1' && expect_contains "unknown option" "$ERR" "--bogus"
run "missing argument" 2 query
run "missing option value" 2 query 'RETURN 1' --format
run "bad format" 2 query --format xml 'RETURN 1'
run "bad param" 2 query --param novalue 'RETURN 1' && expect_contains "bad param" "$ERR" "NAME=VALUE"
run "missing file" 2 run "$TMP/nope.mq" && expect_contains "missing file" "$ERR" "nope.mq': No such file"
run "directory as file" 2 run "$TMP" && expect_contains "directory as file" "$ERR" "$TMP"
echo "not a directory" >"$TMP/plain"
run "--db on a file" 1 query --db "$TMP/plain" 'RETURN 1' && expect_contains "--db on a file" "$ERR" "cannot open the memory"
run "bad --fsync" 2 query --db "$TMP/memory" --fsync sometimes 'RETURN 1'

# --- statements: these need the parser and the executor [executor] ------------
X="[executor]"
if run "$X --db write" 0 query --db "$TMP/memory" --fsync batch "CREATE (:Person {name: 'Ann'})"; then
  run "$X --db reopened" 0 query --db "$TMP/memory" --format csv 'MATCH (p:Person) RETURN p.name AS name' &&
    expect_contains "$X --db reopened" "$OUT" "Ann"
fi
if run "$X json RETURN" 0 query --format json 'RETURN 1 AS x'; then
  expect_equal "$X json RETURN" "$OUT" '{"columns":["x"],"rows":[[1]],"stats":{}}'
fi

if run "$X json syntax error" 1 query --format json 'RETURN 1 AS x;
MATCH (n RETURN n'; then
  expect_contains "$X json syntax error" "$OUT" '{"error":{"code":"SyntaxError"'
  expect_contains "$X json syntax error" "$OUT" '"line":2,"column":'
fi

if run "$X table syntax error" 1 query 'MATCH (n RETURN n'; then
  expect_contains "$X table syntax error" "$ERR" "Error (SyntaxError) at line 1, column"
  printf '%s\n' "$ERR" | grep -Eq '^ +\^$' || fail "$X table syntax error: no caret line in: $ERR"
fi

if run "$X table" 0 query "UNWIND [1, 2] AS n RETURN n, 'x' + n AS s"; then
  expect_contains "$X table" "$OUT" "(2 rows)"
  expect_contains "$X table" "$OUT" "Time: "
fi
if run "$X table --no-timer" 0 query --no-timer 'RETURN 1 AS x'; then
  expect_equal "$X table --no-timer" "$OUT" " x
---
 1
(1 row)"
fi

if run "$X csv" 0 query --format csv "RETURN 'a,b' AS x, 'say \"hi\"' AS y, null AS z, '' AS w, 2 AS n"; then
  expected=$(printf 'x,y,z,w,n\r\n"a,b","say ""hi""",,"",2\r')
  expect_equal "$X csv" "$OUT" "$expected"
fi

if run "$X params" 0 query --format json --param n=41 --param 'who=Caroline' --param 'l=[1,"a"]' \
    'RETURN $n + 1 AS a, $who AS b, $l AS c'; then
  expect_equal "$X params" "$OUT" '{"columns":["a","b","c"],"rows":[[42,"Caroline",[1,"a"]]],"stats":{}}'
fi

# Several files and stdin run in one memory, in order; a failed statement does
# not stop the others but makes the exit status 1.
printf "CREATE (:Person {name: 'Ann'});\n" >"$TMP/a.mq"
printf "MATCH (p:Person) RETURN count(p) AS people;\n" >"$TMP/b.mq"
if run "$X files in one memory" 0 run --format json "$TMP/a.mq" "$TMP/b.mq"; then
  expect_contains "$X files in one memory" "$OUT" '"stats":{"nodes_created":1'
  expect_contains "$X files in one memory" "$OUT" '{"columns":["people"],"rows":[[1]]'
fi
"$MNEMO" run --format json - "$TMP/b.mq" >"$TMP/out" 2>"$TMP/err" <<<"CREATE (:Person {name: 'Bo'}), (:Person {name: 'Cy'});"
[ $? -eq 0 ] && grep -q '"rows":\[\[2\]\]' "$TMP/out" || fail "$X stdin then file: $(cat "$TMP/out" "$TMP/err")"
printf "RETURN 1 AS one;\nRETURN 1 / 0 AS boom;\nRETURN 3 AS three;\n" >"$TMP/c.mq"
if run "$X go on after failure" 1 run --format json "$TMP/c.mq"; then
  [ "$(printf '%s\n' "$OUT" | wc -l)" -eq 3 ] || fail "$X go on after failure: expected 3 JSON lines: $OUT"
  expect_contains "$X go on after failure" "$OUT" '"rows":[[3]]'
fi

if [ -f "$ROOT/samples/quickstart.mq" ]; then
  run "$X samples/quickstart.mq" 0 run --no-timer "$ROOT/samples/quickstart.mq"
fi

if [ "$failures" -ne 0 ]; then
  echo "cli_test: $failures check(s) failed (checks marked $X need the executor)" >&2
  exit 1
fi
echo "cli_test: all checks passed"
