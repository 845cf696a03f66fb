/**
 * `corpus-lens import --format brat|jsonl|w3c --into CORPUS SOURCE…`: annotations made
 * elsewhere stored in the corpus's sidecars as the user's own.
 */
import * as path from 'path';
import { newAnnotationId, readAnnotations, toSidecarAnnotations } from '../core/annotations/annotations';
import { collectArticleFiles, findCorpusRoot, readArticleFile, relativeArticlePath, updateSidecar } from '../node/files';
import { IMPORT_FORMATS, planImport, withImported, type CorpusArticle, type ImportFormat } from '../engine/importAnnotations';
import { parseLabelMap, type LabelMap } from '../core/annotations/importFormats';
import { withReviewed } from '../core/sidecar';
import { defineCommand } from './command';
import { readInputFile } from './io';

export const importCommand = defineCommand({
  name: 'import',
  synopsis: 'import --format brat|jsonl|w3c --into CORPUS [--label-map FILE] [--reviewed] SOURCE…',
  summary: "store annotations made elsewhere in the corpus's\nsidecars, found again by their words; summary on stderr",
  options: {
    format: { type: 'string', valueName: 'FORMAT', choices: IMPORT_FORMATS, required: true, description: 'brat (folders of .ann with their .txt, or .ann files), jsonl or w3c (each record names its article)' },
    into: { type: 'string', valueName: 'CORPUS', required: true, description: 'the corpus folder whose sidecars receive the annotations' },
    reviewed: { type: 'boolean', description: 'mark the articles that received annotations reviewed: their annotations are complete (what is not annotated is not an entity), so they can teach the recogniser' },
    'label-map': { type: 'string', valueName: 'FILE', description: 'the type of labels we do not know: JSON {"Money": null, "Company": "ORG"} or "label<TAB>type" lines (PER, ORG, LOC, MISC, DATE, TIME, QUOTE; null skips)' },
  },
  positionals: { min: 1, name: 'a source file or folder' },
  async run(cli, { values, positionals }) {
    const corpus = values.into!;
    let labelMap: LabelMap | undefined;
    if (values['label-map']) {
      const content = await readInputFile(cli, values['label-map']);
      if (content === null) return 1;
      const parsed = parseLabelMap(content);
      if (parsed.problems.length) return cli.usage(parsed.problems.map((p) => `--label-map ${values['label-map']}: ${p}`).join('\n'));
      labelMap = parsed.map;
    }
    const { files, errors } = await collectArticleFiles([corpus]);
    errors.forEach((e) => cli.warn(e));
    const root = (await findCorpusRoot(corpus)) ?? path.resolve(corpus);
    const articles: Array<CorpusArticle & { file: string }> = [];
    for (const file of files) {
      const read = await readArticleFile(file);
      if (read.ok) articles.push({ file, rel: relativeArticlePath(root, file), text: read.text });
      else cli.warn(`skipped ${read.message}`);
    }
    if (articles.length === 0) {
      cli.warn(`imported nothing: no readable article in ${corpus}`);
      return 1;
    }
    const plan = await planImport(values.format as ImportFormat, positionals, articles, { labelMap });
    plan.problems.forEach((p) => cli.warn(p));
    let added = 0;
    let present = 0;
    let into = 0;
    const markReviewed = values.reviewed === true;
    let reviewed = 0;
    for (const [rel, imported] of plan.byArticle) {
      // A reviewed document with no entity at all is still complete (all its words are not names).
      if (imported.length === 0 && !markReviewed) continue;
      const article = articles.find((a) => a.rel === rel)!;
      let addedHere = 0;
      const result = await updateSidecar(root, article.file, (s) => {
        const current = readAnnotations(s.annotations);
        const merged = withImported(current.annotations, imported, newAnnotationId);
        addedHere = merged.added;
        const next = { ...s, annotations: toSidecarAnnotations(merged.annotations, current.keptAside) };
        return markReviewed ? withReviewed(next, true) : next;
      });
      if (!result.ok) {
        cli.warn(`${rel}: not saved: ${result.error}`);
        continue;
      }
      added += addedHere;
      present += imported.length - addedHere;
      if (addedHere) into++;
      if (markReviewed) reviewed++;
    }
    const unknown = [...plan.unknownLabels].sort((a, b) => b[1] - a[1]);
    cli.warn(
      `imported ${added} annotation${added === 1 ? '' : 's'} into ${into} article${into === 1 ? '' : 's'} of ${corpus}` +
        (present ? `; ${present} already there` : '') +
        (markReviewed ? `; ${reviewed} article${reviewed === 1 ? '' : 's'} marked reviewed` : '') +
        (unknown.length ? `; unknown labels not imported: ${unknown.map(([l, n]) => `${l} (${n})`).join(', ')}` : '') +
        (plan.problems.length ? `; ${plan.problems.length} problem${plan.problems.length === 1 ? '' : 's'} above` : ''),
    );
    return added + present > 0 || reviewed > 0 ? 0 : 1;
  },
});
