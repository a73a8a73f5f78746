// The Settings page as a person uses it, in Debian's Chromium against the production build:
// add an OpenAI-compatible provider pointing at the fake LLM server (another origin, so CORS is
// exercised), test the connection, reload and find the key still working but absent from
// localStorage, the `settings` table and a dataset export, then "Forget key" and see the call refused.
// Usage: node test/e2e/settings-check.mjs   (builds dist/ first when it is missing;
// CIT_E2E_DIST=/path/to/dist serves another build)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './corpus-harness.mjs';
import { startStaticServer } from './servers.mjs';
import { createChecks, launchChromium } from './e2e-kit.mjs';
import { startFakeLlmServer } from '../servers/fake-llm-server.mjs';
import { defaultResponder } from '../servers/fake-llm-responder.mjs';

const KEY = 'sk-e2e-SECRET-123';
const DIST = process.env.CIT_E2E_DIST ?? path.join(ROOT, 'dist');
const { check, finish } = createChecks('settings e2e');

if (!existsSync(path.join(DIST, 'index.html'))) {
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
}
const server = await startStaticServer(DIST);
// The fake server plays a hosted API that wants exactly this key.
const fake = await startFakeLlmServer({
  responder: (request) =>
    request.headers.authorization === `Bearer ${KEY}`
      ? defaultResponder(request)
      : { status: 401, error: 'invalid api key' },
});
const browser = await launchChromium('cit-settings-', {
  viewport: { width: 1400, height: 900 },
  acceptDownloads: true,
});
const { context } = browser;
await context.addInitScript(() => {
  if (window !== window.top) return;
  localStorage.setItem('cit-studio.runtime-preference', 'offline');
  delete window.showSaveFilePicker; // headless cannot answer a save dialog: use the download path
});
const page = await context.newPage();
const pageErrors = [];
page.on('pageerror', (error) => pageErrors.push(error.message));
page.on('dialog', (dialog) => void dialog.accept());

async function openSettings() {
  await page.goto(`${server.url}#settings`);
  return page
    .getByTestId('settings-page')
    .waitFor({ timeout: 30_000 })
    .then(() => true)
    .catch(() => false);
}

/** Clicks "Test connection" and waits for its verdict. */
async function testConnection() {
  await page.getByTestId('provider-test').click();
  const result = page.getByTestId('connection-result');
  await result.filter({ hasNotText: 'Testing…' }).waitFor({ timeout: 30_000 });
  return (await result.textContent()) ?? '';
}

try {
  if (!(await openSettings())) {
    console.log(
      'skip: the build has no Settings page at #settings (App.svelte does not route it yet)',
    );
  } else {
    await page.getByTestId('preset-select').selectOption('custom');
    await page.getByTestId('provider-add').click();
    await page.getByTestId('provider-name').fill('Fake server');
    await page.getByTestId('provider-base-url').fill(`${fake.url.replace(/\/$/, '')}/v1`);
    await page.getByTestId('provider-model').fill('fake-model');
    await page.getByTestId('provider-key').fill(KEY);
    await page.getByTestId('provider-remember').check();
    await page.getByTestId('provider-save').click();
    await page.getByTestId('key-status').filter({ hasText: 'remembered' }).waitFor();
    check(
      'the key input is cleared after saving',
      (await page.getByTestId('provider-key').inputValue()) === '',
    );

    const first = await testConnection();
    check('test connection succeeds', first.includes('Connected'), first.trim());
    check('latency is shown', /latency \d+ ms/.test(first));
    check('JSON-schema output works', first.includes('JSON schema: works'));
    check('the image answer is reported', /images: (accepted|refused)/.test(first));
    check('the call crossed origins (CORS preflight)', fake.stats.preflights > 0);

    await openSettings();
    const again = await testConnection();
    check(
      'after a reload the remembered key still works',
      again.includes('Connected'),
      again.trim(),
    );
    const last = fake.requests.at(-1);
    check(
      'the key went in the Authorization header',
      last?.headers.authorization === `Bearer ${KEY}`,
    );
    check(
      'the key is in no request path',
      fake.requests.every((r) => !r.path.includes(KEY)),
    );

    const stored = await page.evaluate(async () => {
      const local = Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`);
      const readAll = (store) =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('cit-studio');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const read = open.result.transaction(store).objectStore(store).getAll();
            read.onsuccess = () => {
              resolve(read.result);
              open.result.close();
            };
            read.onerror = () => reject(read.error);
          };
        });
      const settings = JSON.stringify(await readAll('settings'));
      const calls = await readAll('llmCalls');
      return {
        local: local.join('\n'),
        settings,
        calls: JSON.stringify(calls),
        callCount: calls.length,
      };
    });
    check('the key is absent from localStorage', !stored.local.includes(KEY));
    check(
      'the key is absent from the settings table',
      !stored.settings.includes(KEY),
      `${stored.settings.length} chars read`,
    );
    check(
      'every test call is recorded for provenance (prompt hash, usage, latency), without the key',
      stored.callCount >= 2 && stored.calls.includes('promptHash') && !stored.calls.includes(KEY),
      `${stored.callCount} calls recorded`,
    );
    check(
      'the page text never shows the key',
      !((await page.textContent('body')) ?? '').includes(KEY),
    );

    // A dataset export never carries the key: make two charts, export, search the zip's bytes.
    await page.getByTestId('nav-generate').click();
    await page.getByTestId('generate-count').fill('2');
    await page.getByTestId('generate-start').click();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid=run-progress]')?.getAttribute('data-status') ===
        'completed',
      null,
      { timeout: 120_000 },
    );
    await page.getByTestId('nav-export').click();
    const downloading = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('export-start').click();
    const zip = readFileSync(await (await downloading).path());
    check(
      'the key is absent from a dataset export',
      zip.length > 1000 && !zip.includes(Buffer.from(KEY)),
      `${zip.length} bytes searched`,
    );
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-page').waitFor({ timeout: 30_000 });

    // No GPU here: the probe's reason is shown and Download stays disabled.
    const reason = page.getByTestId('webgpu-reason').first();
    await reason.waitFor({ timeout: 15_000 });
    check(
      'the WebLLM panel says why it cannot run',
      ((await reason.textContent()) ?? '').length > 20,
      (await reason.textContent()) ?? '',
    );
    check('WebLLM Download is disabled', await page.getByTestId('webllm-download').isDisabled());

    await page.getByTestId('provider-forget').click();
    await page.getByTestId('key-status').filter({ hasText: 'No key' }).waitFor();
    const forgotten = await testConnection();
    check(
      'after "Forget key" the call is refused',
      /Failed \((auth|no-key)\)/.test(forgotten),
      forgotten.trim(),
    );
    check('no uncaught page errors', pageErrors.length === 0, pageErrors.join('; '));
  }
} catch (error) {
  check(
    'settings flow ran to the end',
    false,
    error instanceof Error ? error.message : String(error),
  );
} finally {
  await browser.close();
  await server.close();
  await fake.close();
}
finish();
