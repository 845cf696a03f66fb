/**
 * `corpus-lens quotes FILE…`: one JSON line per file with its quotes, cues and speakers.
 * Quotes are whole statements (the evaluation's quotes: a Content that opens with a mark);
 * `--partial` adds the few quoted words inside the writer's own sentences.
 */
import type { CorpusLayer } from '../core/corpusLayer';
import { defineCommand, engineOptions } from './command';
import { loadArticles } from '../engine/loadArticles';
import { analyseCorpus, analyseCorpusOnWorkers } from '../engine/pipeline';
import { mapArticleLines, readLines, type LineSource } from './jsonlStage';

function quotesOf(corpus: CorpusLayer, k: number, withPartial: boolean) {
  return corpus
    .quotes(k)
    .filter((q) => withPartial || q.kind === 'direct')
    .map((q) => ({
      start: q.start,
      end: q.end,
      text: q.text,
      cue: q.cue ? { start: q.cue.start, end: q.cue.end } : null,
      speaker: q.speaker ? { start: q.speaker.start, end: q.speaker.end, text: q.speaker.text, name: q.speaker.name } : null,
    }));
}

/** The command, reading JSON lines through `lines` (tests give the input directly). */
export function makeQuotesCommand(lines: LineSource = readLines) {
  return defineCommand({
    name: 'quotes',
    synopsis: 'quotes FILE… | --jsonl - [--partial]',
    summary: 'one JSON line per file: quotes with cue and speaker\n(--partial: also quoted words inside the writer\'s sentences;\n--jsonl -: article JSON lines on stdin, {"id", "quotes"} lines out)',
    options: {
      partial: { type: 'boolean', description: "also list quoted words inside the writer's own sentences" },
      // The default since partial quotes became opt-in; still accepted.
      direct: { type: 'boolean', description: 'whole quoted statements only (the default)', hidden: true },
      jsonl: { type: 'string', valueName: '-|FILE', description: 'read articles as JSON lines ({"id", "text"[, "date", "title", "outlet"]}) from stdin (-) or FILE; each is analysed on its own (a map stage)' },
    },
    positionals: { min: 0, name: 'files' },
    workers: true,
    async run(cli, { values, positionals }) {
      const withPartial = values.partial === true;
      const options = engineOptions(cli, values);
      if (values.jsonl !== undefined) {
        if (positionals.length) return cli.usage('quotes: --jsonl reads JSON lines, not files');
        return mapArticleLines(cli, lines(values.jsonl), (article) => ({ id: article.file, quotes: quotesOf(analyseCorpus([article], cli, options), 0, withPartial) }));
      }
      if (positionals.length === 0) return cli.usage('quotes: needs files\nusage: corpus-lens quotes FILE… | --jsonl - [--partial] (corpus-lens quotes --help for more)');
      const loaded = await loadArticles(cli, positionals);
      const corpus = await analyseCorpusOnWorkers(loaded, cli, options);
      corpus.articles.forEach((a, k) => cli.out(JSON.stringify({ file: a.id, quotes: quotesOf(corpus, k, withPartial) })));
      return loaded.length > 0 ? 0 : 1;
    },
  });
}

export const quotesCommand = makeQuotesCommand();
