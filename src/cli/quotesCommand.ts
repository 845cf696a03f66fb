/** `corpus-lens quotes FILE…`: one JSON line per file with its quotes, cues and speakers. */
import { parseArticle } from '../core/article';
import { findMentions } from '../core/entities/mentions';
import { bodySpans, resolveCorpus } from '../core/entities/stage';
import { findArticleQuotes } from '../core/quotes/quotes';
import { loadRecognizer } from '../node/models';
import { takeFlag } from './analyzeCommand';
import type { Cli } from './io';
import { loadArticles } from './loadArticles';

export async function quotesCommand(cli: Cli, args: string[]): Promise<number> {
  const directOnly = takeFlag(args, '--direct');
  if (args.length === 0) return cli.usage('usage: corpus-lens quotes FILE… [--direct]');
  const loaded = await loadArticles(cli, args);
  const recognizer = loadRecognizer();
  const analysed = loaded.map((l) => {
    const article = parseArticle(l.text, l.metadata);
    return { id: l.file, text: l.text, article, mentions: findMentions(l.text, article, recognizer), body: bodySpans(article) };
  });
  const { mentions, resolution } = resolveCorpus(analysed);
  analysed.forEach((a, k) => {
    const quotes = findArticleQuotes(a.text, a.article, mentions[k])
      .filter((q) => !directOnly || q.kind === 'direct')
      .map((q) => {
        // The speaker's name is its corpus entity's canonical name when it resolves to one.
        const entity = q.speakerMention !== null ? resolution.entityFor(a.id, q.speakerMention) : undefined;
        return {
          start: q.start,
          end: q.end,
          text: q.text,
          cue: q.cue ? { start: q.cue.start, end: q.cue.end } : null,
          speaker: q.speaker ? { start: q.speaker.start, end: q.speaker.end, text: q.speaker.text, name: entity?.canonical ?? q.speaker.name } : null,
        };
      });
    cli.out(JSON.stringify({ file: a.id, quotes }));
  });
  return loaded.length > 0 ? 0 : 1;
}
