#!/usr/bin/env bash
# expect_exit.sh CODES [--stderr REGEX] [--max-stderr BYTES] [--stdin FILE] [--check-output] -- COMMAND [ARGS...]
# Runs COMMAND and passes when its exit status is one of CODES (comma
# separated, e.g. "2" or "0,1"), its standard error matches REGEX (if given),
# is no longer than BYTES (default 65536), and shows no report from a
# sanitizer or valgrind. Used by tests/robust.cmake for bad inputs,
# regression reproducers, hostile sizes and valgrind runs: a crash, an abort,
# a sanitizer report or a leak fails the test, whatever the exit status.
# --check-output: COMMAND is `sortie check`; its standard output must be
# "valid", or one line per violation (at most 20, then "... and N more")
# followed by "N violations": a message that spans lines fails.
set -uo pipefail
codes=$1
shift
regex='' max=65536 stdin=/dev/null check_output=
while [ $# -gt 0 ] && [ "$1" != -- ]; do
  case $1 in
    --stderr) regex=$2; shift 2 ;;
    --max-stderr) max=$2; shift 2 ;;
    --stdin) stdin=$2; shift 2 ;;
    --check-output) check_output=1; shift ;;
    *) echo "expect_exit.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
shift # --
err=$(mktemp)
out=$(mktemp)
trap 'rm -f "$err" "$out"' EXIT
"$@" <"$stdin" >"$out" 2>"$err"
status=$?
size=$(wc -c <"$err")
fail=''
case ",$codes," in
  *",$status,"*) ;;
  *) fail="exit status $status, expected one of $codes" ;;
esac
if grep -qE 'ERROR: (Address|Leak|Memory|Thread)Sanitizer|runtime error:|==[0-9]+== (Invalid|Conditional|Use of uninit|Mismatched|Source and destination)|definitely lost: [1-9]|indirectly lost: [1-9]|ERROR SUMMARY: [1-9]' "$err"; then
  fail="${fail:+$fail; }a sanitizer or valgrind reported an error"
fi
if [ -n "$regex" ] && ! grep -qE -- "$regex" "$err"; then
  fail="${fail:+$fail; }standard error does not match /$regex/"
fi
if [ -n "$check_output" ] && [ -s "$out" ]; then
  lines=$(wc -l <"$out")
  last=$(tail -n 1 "$out")
  if [ "$last" = valid ]; then
    want=1
  elif [[ $last =~ ^([0-9]+)\ violations?$ ]]; then
    k=${BASH_REMATCH[1]}
    if [ "$k" -gt 20 ]; then want=22; else want=$((k + 1)); fi
  else
    want=-1
  fi
  if [ "$lines" -ne "$want" ]; then
    fail="${fail:+$fail; }standard output has $lines lines for its last line '$last'"
    head -c 2000 "$out" >&2
  fi
fi
if [ "$size" -gt "$max" ]; then
  fail="${fail:+$fail; }standard error is $size bytes (at most $max)"
fi
head -c 4000 "$err" >&2
[ "$size" -gt 4000 ] && echo "... ($size bytes in all)" >&2
if [ -n "$fail" ]; then
  echo "FAIL: $fail: $*" | cut -c1-600 >&2
  exit 1
fi
echo "ok: exit $status: $*" | cut -c1-300
