/** `corpus-lens boilerplate FILE…`: every line of each file, judged body or boilerplate. */
import { classifyLines } from '../core/boilerplate';
import { splitLines } from '../core/lines';
import { defineCommand } from './command';
import { loadArticles } from '../engine/loadArticles';

export const boilerplateCommand = defineCommand({
  name: 'boilerplate',
  synopsis: 'boilerplate FILE…',
  summary: 'one JSON line per file: every line, boilerplate\nor not, and its kind',
  options: {},
  positionals: { min: 1, name: 'files' },
  async run(cli, { positionals }) {
    const loaded = await loadArticles(cli, positionals);
    for (const a of loaded) {
      const lines = splitLines(a.text);
      const kinds = classifyLines(lines);
      cli.out(JSON.stringify({ file: a.file, lines: lines.map((l, i) => ({ line: l.number, text: l.text, boilerplate: kinds[i] !== null, kind: kinds[i] })) }));
    }
    return loaded.length > 0 ? 0 : 1;
  },
});
