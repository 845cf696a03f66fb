// `entities --jsonl -` and `quotes --jsonl -` as a map stage: a sharded run (the input split
// into parts, each run on its own, the outputs concatenated) gives exactly the single run's
// lines, and each line is what the file-based command says of that article alone.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeEntitiesCommand } from '../../src/cli/entitiesCommand';
import { makeQuotesCommand } from '../../src/cli/quotesCommand';
import { captureCli } from './captureCli';

interface Row {
  id: string;
  text: string;
  title: string;
  date: string;
}

/** 30 Giveme5W1H articles with their titles and dates, as article JSON lines. */
const rows: Row[] = readFileSync(path.join(__dirname, '..', '..', '..', 'shared', 'eval', 'events', 'giveme5w1h-news-cluster.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .slice(0, 30)
  .map((l) => {
    const r = JSON.parse(l) as { id: string; text: string; title: string; date_publish: string };
    return { id: r.id, text: r.text, title: r.title, date: r.date_publish.slice(0, 10) };
  });

async function* linesOf(text: string): AsyncIterable<string> {
  yield* text.split('\n');
}

async function runJsonl(make: typeof makeEntitiesCommand, input: string, extra: string[] = []): Promise<{ code: number; lines: string[]; stderr: string }> {
  const cli = captureCli();
  const code = await make(() => linesOf(input)).invoke(cli, ['--jsonl', '-', ...extra]);
  return { code, lines: cli.stdout.split('\n').filter(Boolean), stderr: cli.stderr };
}

const dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-jsonl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

for (const [name, make, key] of [
  ['entities', makeEntitiesCommand, 'entities'],
  ['quotes', makeQuotesCommand, 'quotes'],
] as const) {
  describe(`${name} --jsonl -`, () => {
    it('gives the same lines sharded as in one run, each what the command says of that article alone', async () => {
      const input = rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
      const single = await runJsonl(make, input);
      expect(single.code).toBe(0);
      expect(single.stderr).toBe('');
      expect(single.lines.map((l) => JSON.parse(l).id)).toEqual(rows.map((r) => r.id));
      const found = single.lines.reduce((n, l) => n + JSON.parse(l)[key].length, 0);
      expect(found).toBeGreaterThan(rows.length);

      // Three shards of uneven size, each run as its own process would run it.
      const shards = [rows.slice(0, 7), rows.slice(7, 19), rows.slice(19)];
      const sharded: string[] = [];
      for (const shard of shards) sharded.push(...(await runJsonl(make, shard.map((r) => JSON.stringify(r)).join('\n'))).lines);
      expect(sharded).toEqual(single.lines);

      // A few lines against the file-based command on the same article with the same metadata.
      for (const k of [0, 13, 29]) {
        const r = rows[k];
        const file = path.join(dir, `${name}-${k}.txt`);
        writeFileSync(file, r.text);
        const cli = captureCli();
        // A loose file has no sidecar metadata: compare with the record without title and date.
        expect(await make().invoke(cli, [file])).toBe(0);
        const alone = (await runJsonl(make, JSON.stringify({ id: r.id, text: r.text }))).lines[0];
        expect(JSON.parse(alone)[key]).toEqual(JSON.parse(cli.stdout)[key]);
      }
    });

    it('skips lines that are not articles, says so on stderr, and fails only when none is good', async () => {
      const good = JSON.stringify(rows[0]);
      const mixed = await runJsonl(make, ['not json', '{"text": "no id"}', '', good, '{"id": 3, "text": "Short."}'].join('\n'));
      expect(mixed.code).toBe(0);
      expect(mixed.lines.map((l) => JSON.parse(l).id)).toEqual([rows[0].id, '3']);
      expect(mixed.stderr).toMatch(/line 1: not valid JSON/);
      expect(mixed.stderr).toMatch(/line 2: has no "id"/);
      const none = await runJsonl(make, 'garbage\n');
      expect(none.code).toBe(1);
      expect(none.lines).toEqual([]);
      expect((await runJsonl(make, '')).code).toBe(0);
    });
  });
}
