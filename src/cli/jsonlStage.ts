/**
 * `entities --jsonl -` and `quotes --jsonl -`: JSON lines of articles in (stdin or a file),
 * one result line per article out, in input order — a map stage for a cluster engine
 * (Spark's `RDD.pipe`, Ray Data, GNU parallel). Each article is analysed as a corpus of
 * its own, so a line's result depends on that line alone: any split of the input into
 * shards gives the same lines.
 */
import { createReadStream } from 'fs';
import { createInterface } from 'readline';
import { readArticleRecord } from '../core/reuse/stages';
import type { LoadedArticle } from '../engine/loadArticles';
import type { Cli } from './io';

/** The lines of stdin (`-`) or of a file. */
export type LineSource = (where: string) => AsyncIterable<string>;

export const readLines: LineSource = (where) => createInterface({ input: where === '-' ? process.stdin : createReadStream(where), crlfDelay: Infinity });

/**
 * Reads article lines (`{"id", "text"}`, optionally `"date"`, `"title"`, `"outlet"`, as
 * `reuse --fingerprints` reads them) and writes `result(article)` for each. A line that is
 * not such an article is reported on stderr and skipped; exit 1 only if no line was good.
 */
export async function mapArticleLines(cli: Cli, lines: AsyncIterable<string>, result: (article: LoadedArticle) => unknown): Promise<number> {
  let good = 0;
  let bad = 0;
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (!line.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        cli.warn(`line ${n}: not valid JSON; line skipped`);
        bad++;
        continue;
      }
      const record = readArticleRecord(value);
      if (typeof record === 'string') {
        cli.warn(`line ${n}: ${record}; line skipped`);
        bad++;
        continue;
      }
      cli.out(JSON.stringify(result({ file: record.id, text: record.text, metadata: record.metadata, annotations: [] })));
      good++;
    }
  } catch (e) {
    cli.warn(`cannot read the JSON lines: ${(e as Error).message}`);
    return 1;
  }
  return good > 0 || bad === 0 ? 0 : 1;
}
