// What every app-level e2e script shares: named checks with a closing "N passed, M failed" line,
// and Debian's Chromium in a throw-away profile (never a downloaded browser).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './corpus-harness.mjs';

/** `check(name, ok, detail)` prints one line per check; `finish()` prints the tally and exits. */
export function createChecks(label) {
  let passed = 0;
  let failed = 0;
  return {
    check(name, ok, detail = '') {
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
      if (ok) passed += 1;
      else failed += 1;
    },
    finish() {
      console.log(`${label}: ${passed} passed, ${failed} failed`);
      process.exit(failed === 0 ? 0 : 1);
    },
  };
}

/** A persistent Chromium context in a fresh profile; `close()` also deletes the profile. */
export async function launchChromium(profilePrefix, options = {}) {
  const profile = mkdtempSync(path.join(os.tmpdir(), profilePrefix));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
