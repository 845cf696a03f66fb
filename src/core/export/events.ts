/** The events of a corpus layer for export, built the way the Events view builds them. */
import type { CorpusLayer } from '../corpusLayer';
import type { CorpusArticle } from '../events/corpusEvents';
import { isNamingEntity } from '../vocabulary';

/** Event inputs of every article: names from the resolved entities, pins from the sidecars. */
export function layerEventArticles(layer: CorpusLayer, pinned: (id: string) => string | null = () => null): CorpusArticle[] {
  return layer.articles.map((a) => {
    const counts = new Map<string, [string, number, string]>();
    a.mentions.forEach((m, i) => {
      if (!isNamingEntity(m)) return;
      const e = layer.resolution.entityFor(a.id, i);
      if (!e) return;
      const c = counts.get(e.id) ?? [e.canonical, 0, e.type];
      c[1]++;
      counts.set(e.id, c);
    });
    return {
      id: a.id,
      title: a.article.title?.value ?? '',
      body: a.article.paragraphs.map((p) => p.text).join('\n'),
      date: a.article.date?.value ?? null,
      pinnedEvent: pinned(a.id),
      names: [...counts.values()],
    };
  });
}
