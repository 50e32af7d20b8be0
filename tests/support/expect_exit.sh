#!/usr/bin/env bash
# expect_exit.sh CODES [--stderr REGEX] [--max-stderr BYTES] [--stdin FILE] -- COMMAND [ARGS...]
# Runs COMMAND and passes when its exit status is one of CODES (comma
# separated, e.g. "2" or "0,1"), its standard error matches REGEX (if given),
# is no longer than BYTES (default 65536), and shows no report from a
# sanitizer or valgrind. Used by tests/robust.cmake for bad inputs,
# regression reproducers, hostile sizes and valgrind runs: a crash, an abort,
# a sanitizer report or a leak fails the test, whatever the exit status.
set -uo pipefail
codes=$1
shift
regex='' max=65536 stdin=/dev/null
while [ $# -gt 0 ] && [ "$1" != -- ]; do
  case $1 in
    --stderr) regex=$2; shift 2 ;;
    --max-stderr) max=$2; shift 2 ;;
    --stdin) stdin=$2; shift 2 ;;
    *) echo "expect_exit.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
shift # --
err=$(mktemp)
trap 'rm -f "$err"' EXIT
"$@" <"$stdin" >/dev/null 2>"$err"
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
