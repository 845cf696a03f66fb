// The editor at scale (issues #16 and #23): a workspace of generated articles written from the
// real evaluation text (test/vscode/scaleCorpus.js). Runs on its own workspace, so the other
// suites never see it: `node test/vscode/run.js scale`.
import * as assert from 'assert';
import * as fs from 'fs';
import * as inspector from 'inspector';
import * as path from 'path';
import { monitorEventLoopDelay, performance } from 'perf_hooks';
import * as vscode from 'vscode';
import type { CorpusLensApi } from '../../../src/extension/testApi';
import { EXTENSION_ID, eventually, workspaceRoot } from './helpers';

const ARTICLES = Number(process.env.CORPUS_LENS_SCALE_ARTICLES || 1000);

/*
 * Bounds on responsiveness, and why. Typing itself is echoed by the workbench, never by the
 * extension host; what a busy extension host delays is everything that reacts to typing there:
 * decorations, hovers, completions, other extensions' handlers. So we type through the API (an
 * edit applied: a round trip host → workbench → host) and watch the host's event loop.
 * 100 ms is where a reaction to a key stops feeling immediate. The machine running this has 2
 * shared cores that the analysis workers, code-server, Chromium and other jobs all want (load
 * average 5–12 when these bounds were set), so a thread can wait hundreds of ms for a time slice
 * whatever it runs; single worst cases measure the machine more than the extension. Hence: the
 * median key under 100 ms and 95 % under 500 ms, none over 3 s; the host's event loop delayed
 * under 250 ms at its 99th percentile and never over 3 s (VS Code calls a host unresponsive
 * after 5 s). What these caught: re-resolving the corpus after every batch of 16 articles
 * (indexing 1,000 never finished in 5 minutes) and markdown tooltips rendered for every row at
 * each redraw of the Events view (500 ms stalls, a 95th percentile of 340 ms).
 */
const EDIT_MEDIAN_MS = 100;
const EDIT_P95_MS = 500;
const EDIT_MAX_MS = 3000;
const LOOP_P99_MS = 250;
const LOOP_MAX_MS = 3000;
/** A typist's pace: a key every 80 ms (12 keys a second). */
const KEY_INTERVAL_MS = 80;
/** A reviewer's pace: a key every 250 ms. */
const REVIEW_KEY_INTERVAL_MS = 250;
/** Opening the queue over the whole corpus (tens of thousands of items) and its first article. */
const REVIEW_START_MS = 10_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

interface Typing {
  latencies: number[];
  /** When each key was pressed (ms since typing began). */
  pressedAt: number[];
  stop(): Promise<void>;
}

/**
 * Types into `doc` at a typist's pace until stopped, timing each key's edit. A workspace edit
 * takes the same round trip as an editor's, and still works when Review… brings another
 * article to the front.
 */
function startTyping(doc: vscode.TextDocument): Typing {
  const latencies: number[] = [];
  const pressedAt: number[] = [];
  const began = performance.now();
  let running = true;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, doc.lineAt(0).range.end, i % 6 === 5 ? ' ' : 'x');
      const t0 = performance.now();
      pressedAt.push(t0 - began);
      const applied = await vscode.workspace.applyEdit(edit);
      latencies.push(performance.now() - t0);
      assert.ok(applied, 'an edit was refused');
      await sleep(KEY_INTERVAL_MS);
    }
  })();
  return {
    latencies,
    pressedAt,
    async stop() {
      running = false;
      await loop;
    },
  };
}

/**
 * The histogram of the host's event-loop delay while `run` runs. With CORPUS_LENS_SCALE_PROFILE
 * set, also a CPU profile of the host meanwhile (test-output/scale-NAME.cpuprofile), to find
 * what held the loop.
 */
async function measured<T>(name: string, run: () => Promise<T>): Promise<{ value: T; loopMaxMs: number; loopP99Ms: number }> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  const profile = process.env.CORPUS_LENS_SCALE_PROFILE ? await startProfile() : undefined;
  h.enable();
  try {
    const value = await run();
    return { value, loopMaxMs: h.max / 1e6, loopP99Ms: h.percentile(99) / 1e6 };
  } finally {
    h.disable();
    const out = process.env.CORPUS_LENS_TEST_OUTPUT;
    if (profile && out) fs.writeFileSync(path.join(out, `scale-${name}.cpuprofile`), JSON.stringify(await profile()));
  }
}

async function startProfile(): Promise<() => Promise<unknown>> {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) => new Promise<any>((resolve, reject) => session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 1000 });
  await post('Profiler.start');
  return async () => {
    const { profile } = await post('Profiler.stop');
    session.disconnect();
    return profile;
  };
}

function summary(latencies: number[]) {
  return { keys: latencies.length, medianMs: +quantile(latencies, 0.5).toFixed(1), p95Ms: +quantile(latencies, 0.95).toFixed(1), maxMs: +Math.max(...latencies).toFixed(1) };
}

function assertResponsive(what: string, latencies: number[], loopP99Ms: number, loopMaxMs: number): void {
  const s = summary(latencies);
  assert.ok(s.keys >= 20, `${what}: only ${s.keys} keys typed`);
  assert.ok(s.medianMs < EDIT_MEDIAN_MS, `${what}: median edit ${s.medianMs} ms (bound ${EDIT_MEDIAN_MS})`);
  assert.ok(s.p95Ms < EDIT_P95_MS, `${what}: 95th percentile edit ${s.p95Ms} ms (bound ${EDIT_P95_MS})`);
  assert.ok(s.maxMs < EDIT_MAX_MS, `${what}: slowest edit ${s.maxMs} ms (bound ${EDIT_MAX_MS})`);
  assert.ok(loopP99Ms < LOOP_P99_MS, `${what}: the extension host's event loop was delayed ${loopP99Ms.toFixed(0)} ms at its 99th percentile (bound ${LOOP_P99_MS})`);
  assert.ok(loopMaxMs < LOOP_MAX_MS, `${what}: the extension host's event loop stalled for ${loopMaxMs.toFixed(0)} ms (bound ${LOOP_MAX_MS})`);
}

const figures: Record<string, unknown> = { articles: ARTICLES };
function record(key: string, value: unknown): void {
  figures[key] = value;
  console.log(`      ${key}: ${JSON.stringify(value)}`);
  const out = process.env.CORPUS_LENS_TEST_OUTPUT;
  if (out) fs.writeFileSync(path.join(out, 'scale-figures.json'), JSON.stringify(figures, null, 2));
}

/** Every sidecar under .corpus-lens/ and its bytes. */
function sidecars(): Map<string, string> {
  const root = path.join(workspaceRoot().fsPath, '.corpus-lens');
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.txt.json')) out.set(path.relative(root, p), fs.readFileSync(p, 'utf8'));
    }
  };
  walk(root);
  return out;
}

const sidecarOf = (uri: string) => path.join('articles', `${path.basename(vscode.Uri.parse(uri).fsPath)}.json`);

/** The sidecars that differ between two snapshots (changed, added or removed). */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k)).sort();
}

describe(`The editor at scale: ${ARTICLES} articles in a real VS Code`, () => {
  let api: CorpusLensApi;
  let typed: vscode.TextEditor;

  after(async () => {
    await vscode.commands.executeCommand('corpusLens.review.stop');
  });

  it('indexes them with progress shown, the Events view filling in, while typing stays responsive', async function () {
    this.timeout(240_000);
    const ext = vscode.extensions.getExtension<CorpusLensApi>(EXTENSION_ID);
    assert.ok(ext);
    // Not awaiting the indexing: this test types while it runs.
    api = await ext.activate();
    const files = (await vscode.workspace.findFiles('articles/*.txt')).sort((a, b) => a.path.localeCompare(b.path));
    assert.strictEqual(files.length, ARTICLES);
    typed = await vscode.window.showTextDocument(files[0]);
    await vscode.commands.executeCommand('corpusLens.events.focus');

    let indexed = false;
    const started = performance.now();
    void api.whenIndexed().then(() => (indexed = true));
    // What the user sees meanwhile, sampled every 100 ms.
    const seen = { progress: new Set<string>(), rootsWhileIndexing: 0, readyAtMs: 0 };
    const watching = (async () => {
      while (!indexed) {
        const p = api.indexProgress();
        if (p.length) seen.progress.add(`${p[p.length - 1].location} ${p[p.length - 1].message}`);
        seen.rootsWhileIndexing = Math.max(seen.rootsWhileIndexing, api.eventsViewRoots());
        await sleep(100);
      }
    })();
    assert.strictEqual(indexed, false, 'indexing was over before the test could type: the corpus is too small to test anything');
    const typing = startTyping(typed.document);
    const run = await measured('indexing', async () => {
      await eventually('the corpus indexed', () => indexed, 200_000);
      await typing.stop();
    });
    await watching;
    record('indexing', { wallSecondsFromTestStart: +((performance.now() - started) / 1000).toFixed(1), indexSeconds: +(api.indexMillis() / 1000).toFixed(1) });
    record('typingWhileIndexing', { ...summary(typing.latencies), loopMaxMs: +run.loopMaxMs.toFixed(0), loopP99Ms: +run.loopP99Ms.toFixed(0) });

    const articles = api.articles();
    assert.strictEqual(articles.length, ARTICLES);
    assert.deepStrictEqual(articles.filter((a) => a.status !== 'ok').map((a) => a.uri), []);
    // Progress: a notification counting the articles, seen moving while indexing ran.
    const reports = api.indexProgress();
    assert.ok(reports.every((r) => r.location === 'notification'), 'a corpus this large shows its progress as a notification');
    assert.strictEqual(reports[reports.length - 1].message, `${ARTICLES}/${ARTICLES}`);
    const intermediate = [...seen.progress].filter((m) => !m.endsWith(`${ARTICLES}/${ARTICLES}`));
    record('progressSeen', { distinctReports: seen.progress.size, first: [...seen.progress][0] });
    assert.ok(intermediate.length >= 3, `progress was not seen moving during indexing: ${[...seen.progress].join(', ')}`);
    // The Events view lists articles while they are read, then their events.
    assert.ok(seen.rootsWhileIndexing > 0, 'the Events view stayed empty while indexing');
    const events = api.events();
    record('eventsView', { events: events.length, rootsNow: api.eventsViewRoots(), rootsWhileIndexing: seen.rootsWhileIndexing });
    assert.ok(events.length >= ARTICLES / 20, `only ${events.length} events for ${ARTICLES} articles`);
    assert.ok(api.eventsViewRoots() > 0);
    assert.strictEqual(new Set(events.flatMap((e) => e.articles)).size, ARTICLES, 'every article is in one event');
    // The article typed in was analysed as typed, not left behind the rest of the corpus.
    await eventually('the typed article analysed at its current version', () => api.analysisVersion(typed.document.uri) === typed.document.version, 15_000);

    assertResponsive('typing while indexing', typing.latencies, run.loopP99Ms, run.loopMaxMs);
  });

  it('Review… over the whole corpus keeps typing responsive; a decision in one article leaves every other sidecar untouched', async function () {
    this.timeout(180_000);
    await api.whenIndexed();
    await api.entitiesSettled();
    const texts = new Map<string, string>();
    for (const a of api.articles()) texts.set(a.uri, fs.readFileSync(vscode.Uri.parse(a.uri).fsPath, 'utf8'));

    const before = sidecars();
    const t0 = performance.now();
    await vscode.commands.executeCommand('corpusLens.review', { scope: 'corpus' });
    const startMs = performance.now() - t0;
    const status = async () => (await vscode.commands.executeCommand('corpusLens.review.status')) as { active: boolean; total: number; index: number; current?: { uri: string; text: string; kind: string } };
    const first = await status();
    record('reviewQueue', { items: first.total, startMs: Math.round(startMs) });
    assert.ok(first.active && first.current, 'no review queue');
    assert.ok(first.total > ARTICLES, `the corpus queue has only ${first.total} items`);
    assert.ok(startMs < REVIEW_START_MS, `the corpus queue took ${Math.round(startMs)} ms to open (bound ${REVIEW_START_MS})`);

    // Walking the queue at a reviewer's pace (each step opens the item's article) while typing
    // goes on in the first article: to an entity whose words another article has too, outside
    // the article typed in, so that "every identical name in the article" (Shift+A) is tested
    // for staying in its article.
    const typing = startTyping(typed.document);
    const steps: number[] = [];
    const skip = async () => {
      await sleep(REVIEW_KEY_INTERVAL_MS);
      const t1 = performance.now();
      await vscode.commands.executeCommand('corpusLens.review.skip');
      steps.push(performance.now() - t1);
      return (await status()).current!;
    };
    const walk = await measured('review', async () => {
      let current = first.current!;
      for (let i = 0; i < 200; i++) {
        const shared = [...texts].some(([uri, t]) => uri !== current.uri && t.includes(current.text));
        if (current.kind === 'entity' && shared && current.uri !== typed.document.uri.toString()) break;
        current = await skip();
      }
      // Enough keys to judge, however soon the entity came.
      while (typing.latencies.length < 40) await sleep(100);
      return current;
    });
    await typing.stop();
    record('typingDuringReview', { ...summary(typing.latencies), loopMaxMs: +walk.loopMaxMs.toFixed(0), loopP99Ms: +walk.loopP99Ms.toFixed(0) });
    assertResponsive('typing while walking the corpus review', typing.latencies, walk.loopP99Ms, walk.loopMaxMs);
    const current = walk.value;
    assert.ok(current.kind === 'entity' && current.uri !== typed.document.uri.toString(), 'no entity shared with another article in the first 200 items');
    const othersWithWords = [...texts].filter(([uri, t]) => uri !== current.uri && t.includes(current.text)).length;
    await vscode.commands.executeCommand('corpusLens.review.acceptAll');
    await vscode.commands.executeCommand('corpusLens.flushAnnotations');
    const decided = sidecarOf(current.uri);
    await eventually('the decision in its sidecar', () => sidecars().get(decided)?.includes('"accepted"'), 15_000);
    record('decision', { article: decided, words: current.text, otherArticlesWithTheWords: othersWithWords });
    assert.deepStrictEqual(changed(before, sidecars()), [decided], 'a decision changed another article\'s sidecar');

    // A second decision, in another article, leaves the first one's sidecar as it was.
    const afterFirst = sidecars();
    let next = (await status()).current!;
    for (let i = 0; i < 400 && (next.uri === current.uri || next.uri === typed.document.uri.toString()); i++) next = await skip();
    assert.ok(next.uri !== current.uri);
    await vscode.commands.executeCommand('corpusLens.review.reject');
    await vscode.commands.executeCommand('corpusLens.flushAnnotations');
    const rejected = sidecarOf(next.uri);
    await eventually('the rejection in its sidecar', () => sidecars().has(rejected), 15_000);
    assert.deepStrictEqual(changed(afterFirst, sidecars()), [rejected]);
    record('reviewSkip', { steps: steps.length, medianMs: +quantile(steps, 0.5).toFixed(0), maxMs: +Math.max(...steps).toFixed(0) });
  });
});
