/**
 * `corpus-lens reuse [--min-words N] PATH…`: one JSON line per passage two articles share.
 * `--fingerprints` and `--align` are the map and align stages of the same run, reading
 * JSON lines on stdin, for a join done by a cluster engine in between.
 */
import { parseArgs } from 'util';
import { DEFAULT_ALIGN, type AlignOptions } from '../core/reuse/align';
import { findReuse, prepareFromText, withMinWords, type ReusePair } from '../core/reuse/corpusReuse';
import { alignStage, fingerprintStage, readArticleRecord, readPairRecord } from '../core/reuse/stages';
import type { Cli } from './io';
import { loadArticles } from './loadArticles';

export const REUSE_HELP = `Usage: corpus-lens reuse [--min-words N] PATH…
       corpus-lens reuse --fingerprints < articles.jsonl > fingerprints.jsonl
       corpus-lens reuse --align [--min-words N] < pairs.jsonl > passages.jsonl

Text reuse: every passage of at least N words (default ${DEFAULT_ALIGN.minWords}) that one article shares
with another, copied verbatim, edited or rewritten. PATHs are .txt files or folders
of them. One JSON line per shared passage pair, each pair once:
  {"a": {"file", "start", "end"}, "b": {"file", "start", "end"},
   "words", "similarity", "kind": "verbatim"|"edited"|"rewritten", "earlier": "a"|"b"|null}
start/end are character offsets into each file (as in \`entities\`); "earlier" comes
from the articles' dates and is null when either is unknown or both are the same day.
Boilerplate lines are never reuse, nor words inside a quotation both articles carry.

Staged run (for a join in Spark or another engine):
  --fingerprints  stdin: {"id", "text"[, "date", "title", "outlet"]} lines;
                  stdout: {"id", "fingerprints": [int…]} lines
  --align         stdin: {"a": article, "b": article} lines (articles as above);
                  stdout: passage lines as above, "file" being each article's id
Between them, group fingerprints by value, drop those carried by more than 200
articles, and keep pairs of articles sharing at least 2.
`;

export async function reuseCommand(cli: Cli, args: string[], stdin: () => Promise<string> = readStdin): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        'min-words': { type: 'string' },
        fingerprints: { type: 'boolean' },
        align: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    return cli.usage(`reuse: ${(e as Error).message}\n${REUSE_HELP}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    cli.out(REUSE_HELP);
    return 0;
  }
  let minWords = DEFAULT_ALIGN.minWords;
  if (values['min-words'] !== undefined) {
    minWords = Number(values['min-words']);
    if (!Number.isInteger(minWords) || minWords < 5) return cli.usage(`reuse: --min-words needs a whole number of at least 5, not "${values['min-words']}"`);
  }
  const align: AlignOptions = { ...DEFAULT_ALIGN, minWords };
  if (values.fingerprints && values.align) return cli.usage('reuse: --fingerprints and --align are two stages; give one');
  if (values.fingerprints || values.align) {
    if (positionals.length) return cli.usage(`reuse: --${values.align ? 'align' : 'fingerprints'} reads JSON lines on stdin, not files`);
    const input = await stdin();
    let good = 0;
    let bad = 0;
    input.split(/\r?\n/).forEach((line, i) => {
      if (!line.trim()) return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        cli.warn(`stdin:${i + 1}: not valid JSON; line skipped`);
        bad++;
        return;
      }
      if (values.fingerprints) {
        const record = readArticleRecord(value);
        if (typeof record === 'string') {
          cli.warn(`stdin:${i + 1}: ${record}; line skipped`);
          bad++;
          return;
        }
        cli.out(JSON.stringify(fingerprintStage(record)));
      } else {
        const pair = readPairRecord(value);
        if (typeof pair === 'string') {
          cli.warn(`stdin:${i + 1}: ${pair}; line skipped`);
          bad++;
          return;
        }
        for (const p of alignStage(pair, align)) cli.out(pairLine(p));
      }
      good++;
    });
    return good > 0 || bad === 0 ? 0 : 1;
  }
  if (positionals.length === 0) return cli.usage(`reuse needs files or folders\n${REUSE_HELP}`);
  const loaded = await loadArticles(cli, positionals);
  const articles = loaded.map((l) => prepareFromText(l.file, l.text, l.metadata));
  for (const p of findReuse(articles, withMinWords(minWords))) cli.out(pairLine(p));
  return loaded.length > 0 ? 0 : 1;
}

function pairLine(p: ReusePair): string {
  return JSON.stringify({ a: p.a, b: p.b, words: p.words, similarity: p.similarity, kind: p.kind, earlier: p.earlier });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
