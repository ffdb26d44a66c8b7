// The built page loads in Chromium and shows what the Rust interpreter and autograd computed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageFixture, watchErrors, ARTIFACTS } from './support.mjs';

const fixture = pageFixture();

test('step 5 shows the gradient autograd computed, on opening (on the page) and on Run (in the worker)', async () => {
  const page = await fixture.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = watchErrors(page);
  await page.goto(fixture.url + '#step=5');
  const console_ = page.getByTestId('console');
  await page.waitForFunction(() => document.querySelector('[data-testid=console]')?.textContent.includes('4.5000'), null, { timeout: 15_000 });
  assert.equal(await console_.textContent(), 'tensor([[4.5000, 4.5000],\n        [4.5000, 4.5000]])\n');
  // Run: the same cell again, now in the worker (the page runs only its first output itself).
  const before = Number(await console_.getAttribute('data-results'));
  await page.getByTestId('run').click();
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=console]').dataset.results) > n, before, { timeout: 15_000 });
  assert.equal(await console_.textContent(), 'tensor([[4.5000, 4.5000],\n        [4.5000, 4.5000]])\n');
  await page.screenshot({ path: ARTIFACTS + 'step5.png', fullPage: true });
  assert.deepEqual(errors.filter((e) => !e.includes('deprecated parameters')), []);
});

test('a loading line shows while the wasm downloads, and the app replaces it', async () => {
  const page = await fixture.browser.newPage();
  let releaseWasm;
  const wasmHeld = new Promise((ok) => (releaseWasm = ok));
  await page.route('**/*.wasm', async (route) => {
    await wasmHeld;
    await route.continue();
  });
  await page.goto(fixture.url + '#step=1', { waitUntil: 'commit' });
  const boot = page.locator('.boot');
  await boot.waitFor({ state: 'visible' });
  assert.equal(await boot.getAttribute('role'), 'status');
  assert.match(await boot.textContent(), /Loading/);
  releaseWasm();
  await page.getByTestId('console').waitFor();
  assert.equal(await boot.count(), 0);
  await page.close();
});
