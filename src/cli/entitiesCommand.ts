/** `corpus-lens entities FILE…`: one JSON line per file with its entity mentions. */
import type { Cli } from './io';
import { loadArticles } from './loadArticles';
import { analyseCorpus } from './pipeline';

export async function entitiesCommand(cli: Cli, args: string[]): Promise<number> {
  if (args.length === 0) return cli.usage('usage: corpus-lens entities FILE…');
  const loaded = await loadArticles(cli, args);
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
}
