#!/usr/bin/env bash
# Every CLI command's output (stdout, stderr, exit code, files written) on the seeds and the
# evaluation sets, into one folder, so two builds can be compared byte for byte:
#
#   node esbuild.js && mkdir -p dist-baseline && git stash … (or build an older commit into dist-baseline/cli.js)
#   scripts/cli-outputs.sh dist-baseline/cli.js /tmp/cli-before
#   scripts/cli-outputs.sh dist/cli.js /tmp/cli-after
#   diff -r /tmp/cli-before /tmp/cli-after && echo identical
#
# The CLI must sit one folder below the project root (it finds models/ beside its folder).
# Runs from the project root; paths in the outputs are relative, so both runs print the same.
# The on-disk cache is bypassed when the build knows it (CORPUS_LENS_CACHE_ARGS is appended to
# the analysing commands, e.g. "--no-cache"), so the figures are the analysis, not the cache.
set -u
CLI=${1:?usage: cli-outputs.sh CLI.js OUT-DIR}
OUT=${2:?usage: cli-outputs.sh CLI.js OUT-DIR}
EXTRA=${CORPUS_LENS_CACHE_ARGS:-}
EVAL=../shared/eval
rm -rf "$OUT" && mkdir -p "$OUT"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

run() { # name, then the CLI's arguments
  local name=$1
  shift
  node "$CLI" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"
  echo $? >"$OUT/$name.rc"
}

# A small polnear sample keeps the run short on a shared machine; the whole dev set for the fast commands.
POL=$EVAL/quotes/polnear-dev/text
POL10=$(ls "$POL"/*.txt | head -10)
POL3=$(ls "$POL"/*.txt | head -3)

run help --help
for c in analyze ner entities boilerplate quotes compare events reuse export import agreement; do run "help-$c" "$c" --help; done
run usage-none
run usage-unknown nosuch

run analyze-seeds analyze seeds $EXTRA
run analyze-json-seeds analyze --json seeds $EXTRA
run analyze-json-polnear analyze --json "$POL" $EXTRA
run boilerplate-seeds boilerplate seeds/*.txt $EXTRA
run boilerplate-polnear boilerplate $POL10 $EXTRA
run entities-seeds entities seeds $EXTRA
run entities-seeds-files entities seeds/003_4e62b330e5a51c98.txt seeds/000_94812cde6ce96dcc.txt $EXTRA
run entities-polnear entities "$POL" $EXTRA
run quotes-seeds quotes seeds $EXTRA
run quotes-partial-seeds quotes --partial seeds $EXTRA
run quotes-polnear quotes "$POL" $EXTRA
run compare-seeds compare seeds/*.txt $EXTRA
run compare-json-seeds compare --json seeds/*.txt $EXTRA
run compare-polnear compare --json $POL3 $EXTRA
run events-giveme events $EVAL/events/giveme5w1h-news-cluster.jsonl
run events-basil events $EVAL/events/basil-articles.jsonl
run events-giveme-t03 events --threshold 0.3 $EVAL/events/giveme5w1h-news-cluster.jsonl
# (events on a corpus folder is new with the engine: the old CLI refuses a folder)
run events-folder-seeds events seeds $EXTRA
run events-folder-polnear events --threshold 0.2 "$POL" $EXTRA
run reuse-seeds reuse seeds
run reuse-polnear reuse --min-words 8 "$POL"
run ner-testa ner --conll $EVAL/ner/conll2003-eng.testa
run ner-sec ner --conll $EVAL/ner/sec-filings-fin3.test
run agreement-polnear agreement $EVAL/quotes/polnear-dev $EVAL/quotes/polnear-dev

# Bad input never crashes: empty, binary, missing.
printf '' >"$WORK/empty.txt"
printf '\x00\x01\x02\xff\xfe' >"$WORK/binary.txt"
run bad-entities entities "$WORK/empty.txt" "$WORK/binary.txt" "$WORK/missing.txt"
run bad-events events "$WORK/binary.txt"

for f in brat jsonl conll w3c; do
  run "export-$f-seeds" export --format $f --out "$WORK/export-$f" seeds $EXTRA
  (cd "$WORK/export-$f" 2>/dev/null && find . -type f | sort | xargs cat) >"$OUT/export-$f-seeds.files" 2>/dev/null
done
run export-conll4-polnear export --format conll --conll-columns 4 --out "$WORK/export-conll4" $POL10 $EXTRA
(cd "$WORK/export-conll4" && find . -type f | sort | xargs cat) >"$OUT/export-conll4-polnear.files"
run export-jsonl-polnear export --format jsonl --out "$WORK/export-jsonl-polnear" "$POL" $EXTRA
cat "$WORK/export-jsonl-polnear/annotations.jsonl" >"$OUT/export-jsonl-polnear.files"
run export-w3c-base-seeds export --format w3c --base-uri https://example.org/c/ --out "$WORK/export-w3c-base" seeds $EXTRA
(cd "$WORK/export-w3c-base" && find . -type f | sort | xargs cat) >"$OUT/export-w3c-base-seeds.files"

# Import the brat export back into a copy of the seeds: the sidecars it writes (ids are random: left out).
mkdir -p "$WORK/corpus" && cp seeds/*.txt "$WORK/corpus/"
run import-brat import --format brat --into "$WORK/corpus" "$WORK/export-brat"
(cd "$WORK/corpus" && find . -name '*.json' -type f | sort | xargs cat | sed -E 's/"id": ?"[^"]*"/"id":"…"/g') >"$OUT/import-brat.files"
# PolNeAR's attributions imported into a copy of its texts: each annotator's .ann beside its .txt,
# the annotator's suffix taken off so that the file names match (brat numbers a repeated role: Content2).
mkdir -p "$WORK/polnear-corpus" && cp "$POL"/*.txt "$WORK/polnear-corpus/"
for f in "$EVAL"/quotes/polnear-dev/attributions/*.ann; do
  b=$(basename "$f" .ann) && mkdir -p "$WORK/polnear-ann/${b##*_}" && cp "$f" "$WORK/polnear-ann/${b##*_}/${b%_*}.ann" && cp "$POL/${b%_*}.txt" "$WORK/polnear-ann/${b##*_}/"
done
run import-polnear import --format brat --into "$WORK/polnear-corpus" "$WORK/polnear-ann"
(cd "$WORK/polnear-corpus" && find . -name '*.json' -type f | sort | xargs cat | sed -E 's/"id": ?"[^"]*"/"id":"…"/g') >"$OUT/import-polnear.files"
run entities-imported entities "$WORK/corpus" $EXTRA
run export-jsonl-imported export --format jsonl --out "$WORK/export-imported" "$WORK/corpus" $EXTRA
(cd "$WORK/export-imported" && find . -type f | sort | xargs cat | sed -E 's/"id": ?"[^"]*"/"id":"…"/g') >"$OUT/export-jsonl-imported.files"

# The work folder's name differs between runs: written as WORK.
sed -i "s#$WORK#WORK#g" "$OUT"/*
echo "outputs in $OUT ($(ls "$OUT" | wc -l) files)"
