// One start of the editor on a large generated corpus, for scripts/measure-editor-scale.js:
// how long until the corpus is indexed and its corpus-wide layers are ready, and the memory of
// the extension host with its analysis workers (threads of the same process). Not part of CI.
import * as assert from 'assert';
import * as fs from 'fs';
import * as inspector from 'inspector';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CorpusLensApi } from '../../../src/extension/testApi';
import { EXTENSION_ID } from './helpers';

const mb = (bytes: number) => Math.round(bytes / 1048576);

describe('One start on a large corpus (measurement)', () => {
  it('is indexed and ready; reports the times and memory', async function () {
    this.timeout(3_600_000);
    const ext = vscode.extensions.getExtension<CorpusLensApi>(EXTENSION_ID);
    assert.ok(ext);
    const api = await ext.activate();
    // Where the host's thread spends the start, when asked (it starts profiling just after activation).
    const profileDir = process.env.CORPUS_LENS_HOST_CPU_PROFILE;
    const session = profileDir ? new inspector.Session() : undefined;
    const post = (method: string) => new Promise<unknown>((resolve, reject) => session!.post(method, (e, r) => (e ? reject(e) : resolve(r))));
    if (session) {
      session.connect();
      await post('Profiler.enable');
      await post('Profiler.start');
    }
    // Sampled while it works: the peak of the resident set of the whole host process.
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
    await api.whenIndexed();
    clearInterval(sampler);
    if (session) {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      fs.mkdirSync(profileDir!, { recursive: true });
      fs.writeFileSync(path.join(profileDir!, `host-${process.env.CORPUS_LENS_SCALE_PHASE ?? 'start'}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
    }
    const articles = api.articles();
    const figures = {
      phase: process.env.CORPUS_LENS_SCALE_PHASE ?? 'unknown',
      articles: articles.length,
      analysed: articles.filter((a) => a.status === 'ok').length,
      events: api.events().length,
      activationMs: api.activationMillis,
      indexMs: api.indexMillis(),
      discoverMs: api.discoverMillis(),
      readyMs: api.readyMillis(),
      rssNowMb: mb(process.memoryUsage().rss),
      rssPeakSampledMb: mb(peakRss),
      // The kernel's own peak for the process (kB), threads included.
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    console.log(`      ${JSON.stringify(figures)}`);
    const out = process.env.CORPUS_LENS_TEST_OUTPUT;
    if (out) fs.writeFileSync(path.join(out, `scale-measure-${figures.phase}.json`), JSON.stringify(figures, null, 2));
    assert.strictEqual(figures.analysed, figures.articles);
  });
});
