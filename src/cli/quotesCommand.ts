/**
 * `corpus-lens quotes FILE…`: one JSON line per file with its quotes, cues and speakers.
 * Quotes are whole statements (the evaluation's quotes: a Content that opens with a mark);
 * `--partial` adds the few quoted words inside the writer's own sentences.
 */
import { takeFlag } from './analyzeCommand';
import type { Cli } from './io';
import { loadArticles } from './loadArticles';
import { analyseCorpus } from './pipeline';

export async function quotesCommand(cli: Cli, args: string[]): Promise<number> {
  const withPartial = takeFlag(args, '--partial');
  // The default since partial quotes became opt-in; still accepted.
  takeFlag(args, '--direct');
  if (args.length === 0) return cli.usage('usage: corpus-lens quotes FILE… [--partial]');
  const loaded = await loadArticles(cli, args);
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
}
