/**
 * `corpus-lens quotes FILE…`: one JSON line per file with its quotes, cues and speakers.
 * Quotes are whole statements (the evaluation's quotes: a Content that opens with a mark);
 * `--partial` adds the few quoted words inside the writer's own sentences.
 */
import { defineCommand } from './command';
import { loadArticles } from '../engine/loadArticles';
import { analyseCorpus } from '../engine/pipeline';

export const quotesCommand = defineCommand({
  name: 'quotes',
  synopsis: 'quotes FILE… [--partial]',
  summary: 'one JSON line per file: quotes with cue and speaker\n(--partial: also quoted words inside the writer\'s sentences)',
  options: {
    partial: { type: 'boolean', description: "also list quoted words inside the writer's own sentences" },
    // The default since partial quotes became opt-in; still accepted.
    direct: { type: 'boolean', description: 'whole quoted statements only (the default)', hidden: true },
  },
  positionals: { min: 1, name: 'files' },
  async run(cli, { values, positionals }) {
    const withPartial = values.partial === true;
    const loaded = await loadArticles(cli, positionals);
    const corpus = analyseCorpus(loaded);
    corpus.articles.forEach((a, k) => {
      const quotes = corpus
        .quotes(k)
        .filter((q) => withPartial || q.kind === 'direct')
        .map((q) => ({
          start: q.start,
          end: q.end,
          text: q.text,
          cue: q.cue ? { start: q.cue.start, end: q.cue.end } : null,
          speaker: q.speaker ? { start: q.speaker.start, end: q.speaker.end, text: q.speaker.text, name: q.speaker.name } : null,
        }));
      cli.out(JSON.stringify({ file: a.id, quotes }));
    });
    return loaded.length > 0 ? 0 : 1;
  },
});
