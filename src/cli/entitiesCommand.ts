/** `corpus-lens entities FILE…`: one JSON line per file with its entity mentions. */
import { defineCommand } from './command';
import { loadArticles } from '../engine/loadArticles';
import { analyseCorpus } from '../engine/pipeline';

export const entitiesCommand = defineCommand({
  name: 'entities',
  synopsis: 'entities FILE…',
  summary: 'one JSON line per file: entity mentions with\ncorpus-wide entity ids',
  options: {},
  positionals: { min: 1, name: 'files' },
  async run(cli, { positionals }) {
    const loaded = await loadArticles(cli, positionals);
    const { articles, resolution } = analyseCorpus(loaded);
    for (const a of articles) {
      // The type is the entity's, agreed across the corpus, so one referent has one type.
      const entities = a.mentions.map((m, i) => {
        const entity = resolution.entityFor(a.id, i);
        return { start: m.start, end: m.end, text: m.text, type: entity?.type ?? m.type, entityId: entity?.id ?? null };
      });
      cli.out(JSON.stringify({ file: a.id, entities }));
    }
    return loaded.length > 0 ? 0 : 1;
  },
});
