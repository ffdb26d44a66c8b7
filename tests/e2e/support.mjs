// Shared test support: a static server for dist/ and a headless Debian Chromium.
import { createServer } from 'node:http';
import { mkdir, readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** Serves dist/ on an ephemeral loopback port; resolves to { url, close, requests }. */
export async function serveDist(root = DIST) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    requests.push(path);
    const file = join(root, path.endsWith('/') ? path + 'index.html' : path);
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((ok) => server.close(ok)) };
}

/** Headless Debian Chromium; flags keep it off the (closed) network and working as root. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Collects uncaught page errors and console errors so a test can assert there were none. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return errors;
}

export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

/** A fresh browser context on `url + hash` (desktop size, English unless `options` say
 *  otherwise), with its errors collected. */
export async function openPage(browser, url, hash = '', options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', ...options });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url + hash);
  return { page, errors, context };
}

/** Waits for a finished run newer than `after` (the console's data-results count), then
 *  returns the console text and that count. */
export async function finishedRun(page, after = 0, timeout = 15_000) {
  await page.waitForFunction(
    (n) => {
      const run = document.querySelector('[data-testid=run]');
      const results = Number(document.querySelector('[data-testid=console]')?.dataset.results ?? 0);
      return run && !run.disabled && results > n;
    },
    after,
    { timeout },
  );
  const console_ = page.getByTestId('console');
  return { text: await console_.textContent(), results: Number(await console_.getAttribute('data-results')) };
}

/** For a test file: serves dist/ and launches Chromium before its tests, closes both after them.
 *  `fixture.open(hash, options)` opens a fresh page (see `openPage`); `fixture.browser` and
 *  `fixture.url` are for tests that make their own contexts. */
export function pageFixture() {
  const fixture = {
    browser: null,
    server: null,
    get url() {
      return fixture.server.url;
    },
    open: (hash = '', options = {}) => openPage(fixture.browser, fixture.server.url, hash, options),
  };
  before(async () => {
    fixture.server = await serveDist();
    fixture.browser = await launchBrowser();
    await mkdir(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await fixture.browser?.close();
    await fixture.server?.close();
  });
  return fixture;
}
