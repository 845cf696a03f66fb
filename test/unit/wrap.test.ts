import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article';
import { findMentions } from '../../src/core/entities/mentions';
import { splitLines } from '../../src/core/lines';
import { findArticleQuotes } from '../../src/core/quotes/quotes';
import { wrapContinuations } from '../../src/core/wrap';
import { loadRecognizer } from '../../src/node/models';
import { seed } from './seeds';

const recognizer = loadRecognizer(path.join(__dirname, '..', '..', 'models', 'ner.json.gz'));

/** What `fold -s -w WIDTH` does: break each line at the last space that fits. */
function fold(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let rest = line;
      while (rest.length > width) {
        const cut = rest.lastIndexOf(' ', width);
        if (cut <= 0) break;
        out.push(rest.slice(0, cut + 1));
        rest = rest.slice(cut + 1);
      }
      out.push(rest);
      return out.join('\n');
    })
    .join('\n');
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function reading(text: string) {
  const article = parseArticle(text);
  const mentions = findMentions(text, article, recognizer);
  return {
    title: article.title ? squash(article.title.value) : null,
    sentences: article.paragraphs.flatMap((p) => p.sentences.map((x) => squash(text.slice(x.start, x.end)))),
    boilerplate: squash(article.boilerplate.map((b) => b.text).join(' ')),
    entities: mentions.map((m) => `${squash(text.slice(m.start, m.end))}|${m.type}`),
    quotes: findArticleQuotes(text, article, mentions).map((q) => `${squash(q.text)}|${q.speaker?.name ?? ''}`),
  };
}

describe('hard-wrapped articles read as the paragraphs they stand for', () => {
  for (const prefix of ['000', '001', '002', '003', '004']) {
    for (const width of [60, 72]) {
      it(`${prefix} folded at ${width} columns: same title, sentences, boilerplate, entities and quotes`, () => {
        const plain = reading(seed(prefix));
        const wrapped = reading(fold(seed(prefix), width));
        expect(wrapped.title).toBe(plain.title);
        expect(wrapped.sentences).toEqual(plain.sentences);
        expect(wrapped.entities).toEqual(plain.entities);
        expect(wrapped.quotes).toEqual(plain.quotes);
        expect(wrapped.boilerplate).toBe(plain.boilerplate);
      });
    }
  }

  it('does not join a list of headlines or menu items of one width', () => {
    const list = [
      'Markets slide as investors weigh the latest jobs report',
      'Flooding forces thousands from their homes in the valley',
      'Parliament passes the budget after an all-night session',
      'Champions League: holders knocked out in the last minute',
      'Opinion: Why the new housing plan will not lower rents',
      'Weather warning issued for the east coast this weekend',
    ].join('\n');
    expect(wrapContinuations(splitLines(list))).not.toContain(true);
  });

  it('does not join paragraphs kept one per line', () => {
    const text = 'The minister said on Tuesday that talks would resume next week.\nOfficials declined to comment further on the talks.\nThe opposition called the plan a distraction from the crisis.\n';
    expect(wrapContinuations(splitLines(text.repeat(5)))).not.toContain(true);
  });

  it('joins a wrapped paragraph inside a page of short lines, but not the menu above it', () => {
    const menu = ['Home', 'World', 'Politics', 'Business', 'Sport'];
    const prose = fold(
      'NASA announced the newest milestone in the development of its long-awaited Space Launch System on Monday, when workers completed installation of the four engines into the core stage of the rocket at the assembly facility in New Orleans.',
      60,
    ).split('\n');
    const lines = splitLines([...menu, '', ...prose].join('\n'));
    const continues = wrapContinuations(lines);
    expect(continues.slice(0, menu.length + 1)).not.toContain(true);
    expect(continues[menu.length + 1]).toBe(false);
    expect(continues.slice(menu.length + 2)).toEqual(prose.slice(1).map(() => true));
  });
});
