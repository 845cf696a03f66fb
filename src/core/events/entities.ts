/**
 * Who and where, for clustering text that comes without the editor's entity layer (the
 * CLI, the evaluation): the corpus's entities resolved as the editor resolves them, so
 * "Mr Xi", "Xi" and "Xi Jinping" are one person in every article.
 */
import { parseArticle } from '../article';
import { bodySpans, resolveCorpus } from '../entities/stage';
import { findMentions } from '../entities/mentions';
import type { Recognizer } from '../ner/recognizer';
import type { EventArticle } from './cluster';

/** The same articles with the resolved people and places each names. */
export function withEntities(articles: readonly EventArticle[], recognizer: Recognizer): EventArticle[] {
  const analysed = articles.map((a) => {
    const text = a.title ? `${a.title}\n\n${a.body}` : a.body;
    const article = parseArticle(text);
    return { id: a.id, text, mentions: findMentions(text, article, recognizer), body: bodySpans(article) };
  });
  const { mentions, resolution } = resolveCorpus(analysed);
  return articles.map((a, k) => {
    const people = new Set<string>();
    const places = new Set<string>();
    mentions[k].forEach((m, i) => {
      const entity = resolution.entityFor(analysed[k].id, i);
      if (!entity || entity.subtype) return;
      if (entity.type === 'PER') people.add(entity.canonical);
      else if (entity.type === 'LOC') places.add(entity.canonical);
    });
    return { ...a, people: [...people].sort(), places: [...places].sort() };
  });
}
