/** The events of a corpus layer for export, built the way the Events view builds them. */
import type { Article } from '../article';
import type { CorpusLayer } from '../corpusLayer';
import type { CorpusArticle } from '../events/corpusEvents';
import { isNamingEntity } from '../vocabulary';

/** Event inputs of every article: names from the resolved entities, pins from the sidecars. */
export function layerEventArticles(layer: CorpusLayer, pinned: (id: string) => string | null = () => null): CorpusArticle[] {
  return layer.articles.map((a) => {
    const counts = new Map<string, [string, number, string]>();
    a.mentions.forEach((_, i) => {
      // The entity's type and subtype, agreed across the corpus (what the editor shows for the mention).
      const e = layer.resolution.entityFor(a.id, i);
      if (!e || !isNamingEntity(e)) return;
      const c = counts.get(e.id) ?? [e.canonical, 0, e.type];
      c[1]++;
      counts.set(e.id, c);
    });
    return eventArticle(a.id, a.article, pinned(a.id), [...counts.values()]);
  });
}

/** One article as event clustering reads it: title, body paragraphs, date, the user's pin and its names. */
export function eventArticle(id: string, article: Article, pinnedEvent: string | null, names: CorpusArticle['names']): CorpusArticle {
  return {
    id,
    title: article.title?.value ?? '',
    body: article.paragraphs.map((p) => p.text).join('\n'),
    date: article.date?.value ?? null,
    pinnedEvent,
    names,
  };
}
