// `npx esbuild … && node … FILE.conll OUT_DIR [PREFIX] [--first N | --skip N]`: each -DOCSTART-
// document of a CoNLL file as brat standoff, `OUT_DIR/PREFIX-NNN.txt` (one sentence a line,
// tokens joined by spaces) and `.ann` (one T line per gold entity, PER/ORG/LOC/MISC), so that
// `corpus-lens import --format brat --reviewed` can bring labelled data into a corpus.
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { chunks, readConllItems, toDocuments, type ConllDocument } from '../src/core/ner/conll';

/** Writes each document as `out/PREFIX-NNN.txt` and `.ann`, numbered from `from` + 1. */
export function writeBratDocuments(docs: readonly ConllDocument[], out: string, prefix: string, from = 0): void {
  mkdirSync(out, { recursive: true });
  docs.forEach((d, k) => {
    let text = '';
    const ann: string[] = [];
    for (const s of d.sentences) {
      const starts: number[] = [];
      const ends: number[] = [];
      s.tokens.forEach((t, i) => {
        if (i > 0) text += ' ';
        starts.push(text.length);
        text += t.word;
        ends.push(text.length);
      });
      for (const c of chunks(s.tokens.map((t) => t.gold))) {
        const start = starts[c.start];
        const end = ends[c.end - 1];
        ann.push(`T${ann.length + 1}\t${c.type} ${start} ${end}\t${text.slice(start, end)}`);
      }
      text += '\n';
    }
    const name = `${prefix}-${String(from + k + 1).padStart(3, '0')}`;
    writeFileSync(path.join(out, `${name}.txt`), text);
    writeFileSync(path.join(out, `${name}.ann`), ann.join('\n') + (ann.length ? '\n' : ''));
  });
}

// Run as a script (not when bundled into another script).
if (/conll-to-brat(\.[jt]s)?$/.test(process.argv[1] ?? '')) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const v = Number(args[i + 1]);
    args.splice(i, 2);
    return v;
  };
  const first = option('--first');
  const skip = option('--skip') ?? 0;
  const [file, out, prefix = path.basename(args[0] ?? 'doc').replace(/\W+/g, '-')] = args;
  if (!file || !out) {
    console.error('usage: conll-to-brat FILE OUT_DIR [PREFIX] [--first N] [--skip N]');
    process.exit(2);
  }
  const docs = toDocuments(readConllItems(readFileSync(file, 'utf8'))).slice(skip, first === undefined ? undefined : skip + first);
  writeBratDocuments(docs, out, prefix, skip);
  console.error(`${docs.length} document(s) → ${out}`);
}
