// Texts analysed as one small corpus with the built-in model: what the corpus layers see.
import * as path from 'path';
import { parseArticle } from '../../src/core/article';
import { findMentions } from '../../src/core/entities/mentions';
import { bodySpans, resolveCorpus } from '../../src/core/entities/stage';
import { loadRecognizer } from '../../src/node/models';

export const builtInRecognizer = loadRecognizer(path.join(__dirname, '..', '..', 'models', 'ner.json.gz'));

/** Each text an article `a0`, `a1`…: its own mentions, then propagation and resolution across them. */
export function analysedCorpus(texts: readonly string[]) {
  const articles = texts.map((text, i) => {
    const article = parseArticle(text);
    return { id: `a${i}`, text, mentions: findMentions(text, article, builtInRecognizer), body: bodySpans(article) };
  });
  return { articles, ...resolveCorpus(articles) };
}
