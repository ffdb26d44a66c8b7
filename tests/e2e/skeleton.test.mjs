// The built page loads in Chromium and shows a value that crates/autograd computed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { serveDist, launchBrowser, watchErrors, ARTIFACTS } from './support.mjs';

let server, browser;
before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the page shows the gradient autograd computed', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  const grad = page.getByTestId('demo-grad');
  await grad.waitFor({ timeout: 10_000 });
  assert.equal(await grad.textContent(), 'tensor([[4.5000, 4.5000],\n        [4.5000, 4.5000]])');
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: ARTIFACTS + 'skeleton.png' });
  assert.deepEqual(errors, []);
});
