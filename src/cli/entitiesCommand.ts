/** `corpus-lens entities FILE…`: one JSON line per file with its entity mentions. */
import { parseArticle } from '../core/article';
import { findMentions } from '../core/entities/mentions';
import { bodySpans, resolveCorpus } from '../core/entities/stage';
import { loadRecognizer } from '../node/models';
import type { Cli } from './io';
import { loadArticles } from './loadArticles';

export async function entitiesCommand(cli: Cli, args: string[]): Promise<number> {
  if (args.length === 0) return cli.usage('usage: corpus-lens entities FILE…');
  const loaded = await loadArticles(cli, args);
  const recognizer = loadRecognizer();
  const analysed = loaded.map((l) => {
    const article = parseArticle(l.text, l.metadata);
    return { id: l.file, text: l.text, mentions: findMentions(l.text, article, recognizer), body: bodySpans(article) };
  });
  const { mentions, resolution } = resolveCorpus(analysed);
  for (const [k, a] of analysed.entries()) {
    // The type is the entity's, agreed across the corpus, so one referent has one type.
    const entities = mentions[k].map((m, i) => {
      const entity = resolution.entityFor(a.id, i);
      return { start: m.start, end: m.end, text: m.text, type: entity?.type ?? m.type, entityId: entity?.id ?? null };
    });
    cli.out(JSON.stringify({ file: a.id, entities }));
  }
  return loaded.length > 0 ? 0 : 1;
}
