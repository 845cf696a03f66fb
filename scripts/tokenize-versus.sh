#!/usr/bin/env bash
# The tokeniser against earlier versions of itself (issue #16), in one process:
#   scripts/tokenize-versus.sh [EQUAL-REV [SPEED-REV]]
# EQUAL-REV (default 9ce812d^, the #13 regular-expression tokeniser) must give the same tokens as
# the working tree's on every text of ../shared/eval and the seeds (whole texts, each line, each
# sentence as a range); the exit status is 1 on any difference. Then tokens/s of the working tree,
# EQUAL-REV and SPEED-REV (default 188fe8a, before #13) on CoNLL testa and train sentences written
# with spaces and on the PolNeAR dev texts, in turns (best of 6 after a warm-up); the ratios matter,
# not the figures, on a shared machine.
set -eu
EQUAL=${1:-9ce812d^}
SPEED=${2:-188fe8a}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
for r in equal:$EQUAL speed:$SPEED; do
  git -C "$ROOT" show "${r#*:}:src/core/ner/tokenize.ts" | sed "s#'\.\./sentences'#'$ROOT/src/core/sentences'#" >"$TMP/${r%%:*}.ts"
done
"$ROOT/node_modules/.bin/esbuild" "$ROOT/scripts/tokenize-versus.ts" --bundle --platform=node --log-level=warning \
  --alias:tokenize-equal="$TMP/equal.ts" --alias:tokenize-speed="$TMP/speed.ts" --outfile="$TMP/versus.js"
node ${NODE_FLAGS:-} "$TMP/versus.js" "$EQUAL" "$SPEED"
