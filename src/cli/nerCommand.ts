/** `corpus-lens ner --conll FILE`: tags CoNLL tokens, echoing `token gold predicted`. */
import { readConllItems, toDocuments } from '../core/ner/conll';
import { loadRecognizer } from '../node/models';
import { defineCommand } from './command';
import { readInputFile } from './io';

export const nerCommand = defineCommand({
  name: 'ner',
  synopsis: 'ner --conll FILE',
  summary: 'tag CoNLL tokens; prints "token gold predicted"',
  options: { conll: { type: 'string', valueName: 'FILE', required: true, description: 'a CoNLL file: one "token … gold" line per token, blank lines between sentences' } },
  positionals: { min: 0, max: 0, name: 'other arguments' },
  async run(cli, { values }) {
    const file = values.conll!;
    const text = await readInputFile(cli, file);
    if (text === null) return 1;
    const items = readConllItems(text);
    const recognizer = loadRecognizer();
    // Each -DOCSTART- block is one document, so document-level consistency applies within it.
    const predicted: string[] = [];
    for (const doc of toDocuments(items)) {
      const tags = recognizer.tagDocument(doc.sentences.map((s) => s.tokens.map((t) => t.word)));
      for (const sentence of tags) predicted.push(...sentence);
    }
    const lines: string[] = [];
    let k = 0;
    for (const item of items) {
      if (item.kind === 'blank') lines.push('');
      else if (item.kind === 'docstart') lines.push('-DOCSTART- O O');
      else lines.push(`${item.token.word} ${item.token.gold} ${predicted[k++]}`);
    }
    // Every line ends with a newline, blank ones included, so output lines match input lines one to one.
    cli.out(lines.join('\n') + '\n');
    return 0;
  },
});
