/**
 * `corpus-lens reuse [--min-words N] PATH…`: one JSON line per passage two articles share.
 * `--fingerprints` and `--align` are the map and align stages of the same run, reading
 * JSON lines on stdin, for a join done by a cluster engine in between.
 */
import { DEFAULT_ALIGN, type AlignOptions } from '../core/reuse/align';
import { findReuse, prepareFromText, withMinWords, type ReusePair } from '../core/reuse/corpusReuse';
import { DEFAULT_CANDIDATES } from '../core/reuse/fingerprints';
import { alignStage, fingerprintStage, readArticleRecord, readPairRecord } from '../core/reuse/stages';
import { defineCommand } from './command';
import { readStdin, type Cli } from './io';
import { loadArticles } from '../engine/loadArticles';

const SUMMARY = `text reuse: one JSON line per passage two articles share,
{"a": {"file", "start", "end"}, "b": {…}, "words", "similarity", "kind", "earlier"}
(kind verbatim|edited|rewritten; earlier "a"|"b"|null from the dates)
--fingerprints / --align: the map and align stages of a run on a cluster engine;
between them group by fingerprint, drop those in more than ${DEFAULT_CANDIDATES.maxArticles} articles,
keep pairs sharing at least ${DEFAULT_CANDIDATES.minShared}`;

/** The command, reading stdin through `stdin` (tests give the input directly). */
export function makeReuseCommand(stdin: () => Promise<string> = readStdin) {
  return defineCommand({
    name: 'reuse',
    synopsis: 'reuse [--min-words N] <folder|files…>',
    summary: SUMMARY,
    options: {
      'min-words': { type: 'string', valueName: 'N', number: { min: 5, max: 100000 }, description: `shortest passage reported, in words (default ${DEFAULT_ALIGN.minWords})` },
      fingerprints: { type: 'boolean', description: 'map stage: article JSON lines on stdin to fingerprint lines' },
      align: { type: 'boolean', description: 'align stage: candidate pair JSON lines on stdin to passage lines' },
    },
    positionals: { min: 0, name: 'a folder or files' },
    async run(cli, { values, positionals }) {
      const minWords = values['min-words'] ?? DEFAULT_ALIGN.minWords;
      if (!Number.isInteger(minWords)) return cli.usage(`reuse: --min-words must be a whole number, not ${minWords}`);
      const align: AlignOptions = { ...DEFAULT_ALIGN, minWords };
      if (values.fingerprints && values.align) return cli.usage('reuse: --fingerprints and --align are two stages; give one');
      if (values.fingerprints || values.align) {
        if (positionals.length) return cli.usage(`reuse: --${values.align ? 'align' : 'fingerprints'} reads JSON lines on stdin, not files`);
        return stage(cli, await stdin(), values.align ? 'align' : 'fingerprints', align);
      }
      if (positionals.length === 0) return cli.usage('reuse: needs a folder or files\nusage: corpus-lens reuse [--min-words N] <folder|files…> (corpus-lens reuse --help for more)');
      const loaded = await loadArticles(cli, positionals);
      const articles = loaded.map((l) => prepareFromText(l.file, l.text, l.metadata));
      for (const p of findReuse(articles, withMinWords(minWords))) cli.out(pairLine(p));
      return loaded.length > 0 ? 0 : 1;
    },
  });
}

export const reuseCommand = makeReuseCommand();

function stage(cli: Cli, input: string, which: 'align' | 'fingerprints', align: AlignOptions): number {
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
    const record = which === 'fingerprints' ? readArticleRecord(value) : readPairRecord(value);
    if (typeof record === 'string') {
      cli.warn(`stdin:${i + 1}: ${record}; line skipped`);
      bad++;
      return;
    }
    if ('a' in record) for (const p of alignStage(record, align)) cli.out(pairLine(p));
    else cli.out(JSON.stringify(fingerprintStage(record)));
    good++;
  });
  return good > 0 || bad === 0 ? 0 : 1;
}

function pairLine(p: ReusePair): string {
  return JSON.stringify({ a: p.a, b: p.b, words: p.words, similarity: p.similarity, kind: p.kind, earlier: p.earlier });
}
