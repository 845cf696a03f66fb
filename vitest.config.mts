import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    testTimeout: 30000,
    // The CLI's on-disk cache goes to a fresh folder per run, never the developer's ~/.cache.
    env: { XDG_CACHE_HOME: mkdtempSync(path.join(tmpdir(), 'corpus-lens-unit-cache-')) },
  },
});
