/**
 * `corpus-lens train --from CORPUS --out DIR`: the built-in entity recogniser trained on from its
 * weights with the corpus's reviewed articles (and the user's annotations in the others),
 * written as a model folder that `--model DIR` loads. Progress and a summary go to stderr.
 */
import { TrainingCancelled, trainFromCorpus } from '../node/trainCorpus';
import { defineCommand } from './command';


export const trainCommand = defineCommand({
  name: 'train',
  synopsis: 'train --from CORPUS --out DIR [--base FILE] [--epochs N] [--weight W] [--seed N]',
  summary: "train the entity recogniser on the built-in data plus\nthe corpus's reviewed articles; writes DIR/ner.json.gz",
  sharedOptions: false,
  options: {
    from: { type: 'string', valueName: 'CORPUS', required: true, description: 'the corpus folder: reviewed articles teach all their words, others only their annotations' },
    out: { type: 'string', valueName: 'DIR', required: true, description: 'the model folder to write (ner.json.gz and model.json); give it to --model' },
    base: { type: 'string', valueName: 'FILE', description: 'the built-in training data, CoNLL-2003 eng.train (default: $CORPUS_LENS_NER_TRAIN or ../shared/eval/ner/)' },
    epochs: { type: 'string', valueName: 'N', number: { min: 1, max: 50 }, description: 'passes over the data (default 10)' },
    weight: { type: 'string', valueName: 'W', number: { min: 0.01, max: 1000 }, description: 'how far each mistake on a corpus token moves the built-in model\'s weights (default 3)' },
    seed: { type: 'string', valueName: 'N', number: { min: 0, max: 4294967295, integer: true }, description: 'the order the sentences are shuffled in (default 2003)' },
    quiet: { type: 'boolean', description: 'no progress on stderr, only the summary' },
  },
  positionals: { min: 0, max: 0, name: 'other arguments' },
  async run(cli, { values }) {
    try {
      const result = await trainFromCorpus({
        from: values.from!,
        out: values.out!,
        ...(values.base ? { base: values.base } : {}),
        ...(values.epochs !== undefined ? { epochs: Math.round(values.epochs as unknown as number) } : {}),
        ...(values.weight !== undefined ? { weight: values.weight as unknown as number } : {}),
        ...(values.seed !== undefined ? { seed: Math.round(values.seed as unknown as number) } : {}),
        log: values.quiet ? undefined : (m) => cli.warn(m),
      });
      result.problems.forEach((p) => cli.warn(p));
      cli.warn(
        `trained in ${result.seconds.toFixed(0)} s on the built-in data plus ${result.reviewed} reviewed and ${result.partial} partly annotated article(s) (${result.names} names, weight ${result.weight.toFixed(2)}) → ${result.modelFile}`,
      );
      if (result.reviewed + result.partial === 0) cli.warn(`note: no article of ${values.from} is reviewed or annotated; the model learned from the built-in data alone`);
      return 0;
    } catch (e) {
      if (e instanceof TrainingCancelled) return 1;
      cli.warn(`nothing trained: ${(e as Error).message}`);
      return 1;
    }
  },
});
