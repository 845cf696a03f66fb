/** `corpus-lens entities FILE…`: one JSON line per file with its entity mentions. */
import type { CorpusLayer } from '../core/corpusLayer';
import { resolvedType } from '../core/entities/resolve';
import { defineCommand, engineOptions } from './command';
import { loadArticles } from '../engine/loadArticles';
import { analyseCorpus, analyseCorpusOnWorkers } from '../engine/pipeline';
import { mapArticleLines, readLines, type LineSource } from './jsonlStage';

/** Article `k`'s mentions, typed by their entity (agreed across the corpus, so one referent has one type). */
function entitiesOf(corpus: CorpusLayer, k: number) {
  const a = corpus.articles[k];
  return a.mentions.map((m, i) => {
    const entity = corpus.resolution.entityFor(a.id, i);
    return { start: m.start, end: m.end, text: m.text, type: resolvedType(m, entity), entityId: entity?.id ?? null };
  });
}

/** The command, reading JSON lines through `lines` (tests give the input directly). */
export function makeEntitiesCommand(lines: LineSource = readLines) {
  return defineCommand({
    name: 'entities',
    synopsis: 'entities FILE… | --jsonl -',
    summary: 'one JSON line per file: entity mentions with\ncorpus-wide entity ids\n(--jsonl -: article JSON lines on stdin, {"id", "entities"} lines out)',
    options: {
      jsonl: { type: 'string', valueName: '-|FILE', description: 'read articles as JSON lines ({"id", "text"[, "date", "title", "outlet"]}) from stdin (-) or FILE; each is analysed on its own (a map stage)' },
    },
    positionals: { min: 0, name: 'files' },
    workers: true,
    async run(cli, { values, positionals }) {
      const options = engineOptions(cli, values);
      if (values.jsonl !== undefined) {
        if (positionals.length) return cli.usage('entities: --jsonl reads JSON lines, not files');
        return mapArticleLines(cli, lines(values.jsonl), (article) => ({ id: article.file, entities: entitiesOf(analyseCorpus([article], cli, options), 0) }));
      }
      if (positionals.length === 0) return cli.usage('entities: needs files\nusage: corpus-lens entities FILE… | --jsonl - (corpus-lens entities --help for more)');
      const loaded = await loadArticles(cli, positionals);
      const corpus = await analyseCorpusOnWorkers(loaded, cli, options);
      corpus.articles.forEach((a, k) => cli.out(JSON.stringify({ file: a.id, entities: entitiesOf(corpus, k) })));
      return loaded.length > 0 ? 0 : 1;
    },
  });
}

export const entitiesCommand = makeEntitiesCommand();
