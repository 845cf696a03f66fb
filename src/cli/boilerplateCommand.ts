/** `corpus-lens boilerplate FILE…`: every line of each file, judged body or boilerplate. */
import { classifyLines } from '../core/boilerplate';
import { splitLines } from '../core/lines';
import type { Cli } from './io';
import { loadArticles } from './loadArticles';

export async function boilerplateCommand(cli: Cli, args: string[]): Promise<number> {
  if (args.length === 0) return cli.usage('usage: corpus-lens boilerplate FILE…');
  const loaded = await loadArticles(cli, args);
  for (const a of loaded) {
    const lines = splitLines(a.text);
    const kinds = classifyLines(lines);
    cli.out(JSON.stringify({ file: a.file, lines: lines.map((l, i) => ({ line: l.number, text: l.text, boilerplate: kinds[i] !== null, kind: kinds[i] })) }));
  }
  return loaded.length > 0 ? 0 : 1;
}
