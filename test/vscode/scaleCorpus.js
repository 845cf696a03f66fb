// A corpus of n plain-text articles for the editor-at-scale test and measurement, written from
// the real evaluation articles in ../shared/eval: Giveme5W1H and BASIL (JSON lines), then
// PolNeAR (.txt). Each article becomes "title, Published: date, paragraphs", as a scraped page
// would be. The first ~1,600 are distinct real articles. Beyond them come copies, and a copy
// must not be the same text again: the on-disk cache would answer it without analysing it, and
// text reuse would see thousands of identical pairs. So copy k spells every word and number
// (except a few function words, so sentences still read as sentences to the tagger) with a
// suffix of its own, and its date is 20·k years later, so it forms events of its own.
const fs = require('fs');
const path = require('path');

const FUNCTION_WORDS = new Set(
  'a an and are as at be been but by for from had has have he her his in is it its not of on or said says she that the their they this to was were which who will with would'.split(' '),
);

/** The real articles: { name, title, date (YYYY-MM-DD or null), paragraphs }. */
function realArticles(evalDir) {
  const out = [];
  const lines = (file) => fs.readFileSync(path.join(evalDir, 'events', file), 'utf8').split('\n').filter((l) => l.trim());
  for (const line of lines('giveme5w1h-news-cluster.jsonl')) {
    const r = JSON.parse(line);
    out.push({ name: `g5w_${String(r.id).slice(0, 12)}`, title: r.title, date: r.date_publish ? String(r.date_publish).slice(0, 10) : null, paragraphs: String(r.text).split('\n') });
  }
  for (const line of lines('basil-articles.jsonl')) {
    const r = JSON.parse(line);
    out.push({ name: `basil_${String(r.uuid).slice(0, 12)}`, title: r.title, date: r.date || null, paragraphs: r.paragraphs });
  }
  for (const split of ['polnear-train', 'polnear-dev']) {
    const dir = path.join(evalDir, 'quotes', split, 'text');
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
      const [first, ...rest] = fs.readFileSync(path.join(dir, f), 'utf8').split('\n');
      const date = /_(\d{4}-\d{2}-\d{2})_/.exec(f)?.[1] ?? null;
      out.push({ name: `polnear_${f.replace(/\.txt$/, '').slice(0, 40)}`, title: first.trim(), date, paragraphs: rest });
    }
  }
  return out.map((a) => ({ ...a, paragraphs: a.paragraphs.map((p) => p.trim()).filter(Boolean) }));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function articleText(a, copy) {
  const respell = (t) => (copy ? t.replace(/[\p{L}\p{N}]+/gu, (w) => (FUNCTION_WORDS.has(w.toLowerCase()) ? w : `${w}q${copy.toString(36)}`)) : t);
  const lines = [respell(a.title)];
  if (a.date && /^\d{4}-\d{2}-\d{2}$/.test(a.date)) {
    const [y, m, d] = a.date.split('-').map(Number);
    lines.push(`Published: ${MONTHS[m - 1]} ${d}, ${y + 20 * copy}`);
  }
  lines.push('', ...a.paragraphs.flatMap((p) => [respell(p), '']));
  return lines.join('\n');
}

/**
 * Writes n articles into `dir` (created), named NNNNN_source_id.txt, and returns their paths.
 * The same n always gives the same files.
 */
function writeScaleCorpus(evalDir, dir, n) {
  const base = realArticles(evalDir);
  if (base.length === 0) throw new Error(`no evaluation articles under ${evalDir}`);
  fs.mkdirSync(dir, { recursive: true });
  const files = [];
  for (let i = 0; i < n; i++) {
    const copy = Math.floor(i / base.length);
    const a = base[i % base.length];
    const file = path.join(dir, `${String(i).padStart(5, '0')}_${a.name.replace(/[^\w.-]+/g, '-')}${copy ? `_c${copy}` : ''}.txt`);
    fs.writeFileSync(file, articleText(a, copy));
    files.push(file);
  }
  return files;
}

module.exports = { writeScaleCorpus, realArticles };

if (require.main === module) {
  const [dir, n] = process.argv.slice(2);
  if (!dir || !n) {
    console.error('usage: node test/vscode/scaleCorpus.js DIR N');
    process.exit(2);
  }
  const files = writeScaleCorpus(path.resolve(__dirname, '..', '..', '..', 'shared', 'eval'), dir, Number(n));
  const bytes = files.reduce((s, f) => s + fs.statSync(f).size, 0);
  console.log(`${files.length} articles, ${(bytes / 1e6).toFixed(1)} MB in ${dir}`);
}
