/**
 * Who, for clustering text that comes without the editor's entity layer (the
 * CLI, the evaluation): the corpus's entities resolved as the editor resolves them, so
 * "Mr Xi", "Xi" and "Xi Jinping" are one person in every article.
 */
import { parseArticle } from '../article';
import { bodySpans, resolveCorpus } from '../entities/stage';
import { findMentions } from '../entities/mentions';
import type { Recognizer } from '../ner/recognizer';
import type { EventArticle } from './cluster';

/**
 * The same articles with the resolved people each names. (Places were measured too: two
 * reports of one event name no place in common about as often as two of different events.)
 */
export function withEntities(articles: readonly EventArticle[], recognizer: Recognizer): EventArticle[] {
  const analysed = articles.map((a) => {
    const text = a.title ? `${a.title}\n\n${a.body}` : a.body;
    const article = parseArticle(text);
    return { id: a.id, text, mentions: findMentions(text, article, recognizer), body: bodySpans(article) };
  });
  const { mentions, resolution } = resolveCorpus(analysed);
  return articles.map((a, k) => {
    const people = new Set<string>();
    mentions[k].forEach((_, i) => {
      const entity = resolution.entityFor(analysed[k].id, i);
      if (entity?.type === 'PER') people.add(entity.canonical);
    });
    return { ...a, people: [...people].sort() };
  });
}
