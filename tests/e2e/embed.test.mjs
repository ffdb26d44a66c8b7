// Embedding in a blog post: <autograd-playground> elements on a hostile host page, lazy loading,
// the host API, the iframe fallback (embed.html) and the Hexo tag plugin. The built dist/ is
// copied into a blog-like tree under /autograd-playground/, as the README says, so everything
// is also checked from a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launchBrowser, watchErrors, ARTIFACTS } from './support.mjs';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const PAGE_WASM = /\/autograd-playground\/playground-[0-9a-f]+_bg\.wasm$/;

const HOSTILE = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>hostile host</title>
<style>
  * { color: red !important; font-size: 40px; font-family: fantasy !important; line-height: 3; letter-spacing: 3px; }
  pre { display: none; }
  button { background: rgb(0, 128, 0); }
  svg { display: none; }
  textarea { visibility: hidden; }
</style>
<script type="module" src="../autograd-playground/embed.js"></script>
</head><body>
<p id="intro">A post with very opinionated CSS.</p>
<button id="host-button">host button</button>
<pre id="host-pre">host pre</pre>
<div style="height: 4000px"></div>
<autograd-playground id="a" mode="cell" lang="en">
    import torch
    a = torch.ones(2, requires_grad=True)
    b = a * 3
    print(b)
</autograd-playground>
<p>Between the two.</p>
<div style="height: 4000px"></div>
<autograd-playground id="b" mode="cell" lang="en" theme="dark"><pre><code>import torch
p = torch.tensor([2.0], requires_grad=True)
q = p.exp()
print(q)
</code></pre></autograd-playground>
<div style="height: 2000px"></div>
</body></html>`;

let server, browser, root;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'blog-'));
  await cp(DIST, join(root, 'autograd-playground'), { recursive: true });
  await mkdir(join(root, 'posts'), { recursive: true });
  await writeFile(join(root, 'posts', 'hostile.html'), HOSTILE);
  server = await serveDist(root + '/');
  browser = await launchBrowser();
  await mkdir(ARTIFACTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const within = (id, testid) => `autograd-playground#${id} [data-testid=${testid}]`;

/** The console text of element `id` once it contains `text`. */
async function consoleOf(page, id, text) {
  const locator = page.locator(within(id, 'console'));
  await page.waitForFunction(
    ([id, text]) => document.getElementById(id)?.shadowRoot?.querySelector('[data-testid=console]')?.textContent.includes(text),
    [id, text],
    { timeout: 20_000 },
  );
  return locator.textContent();
}

const labels = (page, id) =>
  page.locator(within(id, 'graph-node')).evaluateAll((nodes) => nodes.map((n) => n.dataset.label).sort());

test('two elements on a hostile page: lazy, independent, styles kept apart', async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  server.requests.length = 0;
  await page.goto(server.url + 'posts/hostile.html');

  // Before scrolling: placeholders only, nothing of the app fetched.
  await page.waitForFunction(() => document.getElementById('a')?.shadowRoot?.querySelector('pre code'));
  const placeholder = await page.evaluate(() => {
    const code = document.getElementById('b').shadowRoot.querySelector('pre code');
    return { text: code.textContent, display: getComputedStyle(code.parentElement).display };
  });
  assert.equal(placeholder.text, 'import torch\np = torch.tensor([2.0], requires_grad=True)\nq = p.exp()\nprint(q)\n');
  assert.equal(placeholder.display, 'block', "the host's `pre { display: none }` must not hide the placeholder");
  await page.waitForTimeout(500);
  assert.deepEqual(server.requests.filter((r) => r.endsWith('.wasm') || r.includes('playground-')), []);

  // The first element scrolls into view: the wasm is fetched, the element runs its own code.
  await page.locator('autograd-playground#a').scrollIntoViewIfNeeded();
  assert.equal(await consoleOf(page, 'a', 'tensor'), 'tensor([3., 3.], grad_fn=<MulBackward0>)\n');
  assert.equal(server.requests.filter((r) => PAGE_WASM.test(r)).length, 1);
  assert.equal(server.requests.filter((r) => r === '/autograd-playground/worker.js').length, 1);
  assert.equal(server.requests.filter((r) => r.endsWith('.wasm')).length, 1, 'the worker gets the compiled module, it fetches no wasm');
  assert.ok(server.requests.every((r) => !r.startsWith('/posts/worker')), 'worker resolved from the module, not the page');
  await page.waitForFunction(() => document.getElementById('a').shadowRoot.querySelectorAll('[data-testid=graph-node]').length >= 3);
  assert.deepEqual(await labels(page, 'a'), ['AccumulateGrad', 'MulBackward0', 'a', 'b']);
  // The second element is still a placeholder.
  assert.equal(await page.locator(within('b', 'editor')).count(), 0);

  // The second element: same module and wasm (fetched once per page), its own worker and graph.
  await page.locator('autograd-playground#b').scrollIntoViewIfNeeded();
  assert.equal(await consoleOf(page, 'b', 'tensor'), 'tensor([7.3891], grad_fn=<ExpBackward0>)\n');
  await page.waitForFunction(() => document.getElementById('b').shadowRoot.querySelectorAll('[data-testid=graph-node]').length >= 3);
  assert.deepEqual(await labels(page, 'b'), ['AccumulateGrad', 'ExpBackward0', 'p', 'q']);
  assert.equal(server.requests.filter((r) => PAGE_WASM.test(r)).length, 1, 'the page wasm is fetched once per page');
  assert.equal(server.requests.filter((r) => r.endsWith('.wasm')).length, 1, 'no other wasm: the workers share it');
  assert.equal(server.requests.filter((r) => r.endsWith('/worker.js')).length, 2, 'one worker per element');
  assert.equal(server.requests.filter((r) => /\/index\.html$/.test(r)).length, 1);
  assert.equal(await page.locator('autograd-playground [data-testid=run]').count(), 2);

  // Each runs its own code: editing and running A leaves B alone.
  await page.locator('autograd-playground#a').scrollIntoViewIfNeeded();
  await page.locator(within('a', 'editor')).fill('import torch\na = torch.ones(2, requires_grad=True)\nc = (a * 5).sum()\nprint(c)\n');
  await page.locator(within('a', 'run')).click();
  assert.equal(await consoleOf(page, 'a', '10.'), 'tensor(10., grad_fn=<SumBackward0>)\n');
  await page.waitForFunction(() => [...document.getElementById('a').shadowRoot.querySelectorAll('[data-testid=graph-node]')].some((n) => n.dataset.label === 'SumBackward0'));
  assert.ok(!(await labels(page, 'a')).includes('ExpBackward0'));
  assert.deepEqual(await labels(page, 'b'), ['AccumulateGrad', 'ExpBackward0', 'p', 'q']);
  assert.equal(await page.locator(within('b', 'console')).textContent(), 'tensor([7.3891], grad_fn=<ExpBackward0>)\n');

  // Host API: code (get/set), run() and the run event.
  const api = await page.evaluate(async () => {
    const b = document.getElementById('b');
    const events = [];
    b.addEventListener('run', (e) => events.push(e.detail));
    const before = b.code;
    b.code = 'print(6 * 7)\n';
    const output = await b.run();
    return { before, after: b.code, output, events };
  });
  assert.equal(api.before, 'import torch\np = torch.tensor([2.0], requires_grad=True)\nq = p.exp()\nprint(q)\n');
  assert.equal(api.after, 'print(6 * 7)\n');
  assert.equal(api.output, '42\n');
  assert.deepEqual(api.events, [{ output: '42\n', done: true }]);
  assert.equal(await consoleOf(page, 'b', '42'), '42\n');
  assert.equal(await page.locator(within('b', 'editor')).inputValue(), 'print(6 * 7)\n');
  assert.equal(await page.locator(within('a', 'console')).textContent(), 'tensor(10., grad_fn=<SumBackward0>)\n');

  // Styles: the host's rules did not reach the playground, and the playground's did not leak out.
  const styles = await page.evaluate(() => {
    const css = (el, p) => getComputedStyle(el).getPropertyValue(p);
    const shadow = document.getElementById('a').shadowRoot;
    const run = shadow.querySelector('[data-testid=run]');
    const step = shadow.querySelector('[data-testid=step]');
    const editor = shadow.querySelector('[data-testid=editor]');
    const graph = shadow.querySelector('[data-testid=graph]');
    const consoleEl = shadow.querySelector('[data-testid=console]');
    return {
      runColor: css(run, 'color'), stepBg: css(step, 'background-color'), stepFont: css(step, 'font-size'),
      editorFont: css(editor, 'font-size'), editorVisibility: css(editor, 'visibility'),
      graphDisplay: css(graph, 'display'), graphHeight: graph.getBoundingClientRect().height,
      consoleDisplay: css(consoleEl, 'display'), consoleColor: css(consoleEl, 'color'),
      consoleFamily: css(consoleEl, 'font-family'), letterSpacing: css(consoleEl, 'letter-spacing'),
      hostP: [css(document.getElementById('intro'), 'color'), css(document.getElementById('intro'), 'font-size')],
      hostButton: css(document.getElementById('host-button'), 'background-color'),
      hostButtonRadius: css(document.getElementById('host-button'), 'border-radius'),
      hostPre: css(document.getElementById('host-pre'), 'display'),
    };
  });
  assert.notEqual(styles.runColor, 'rgb(255, 0, 0)');
  assert.notEqual(styles.consoleColor, 'rgb(255, 0, 0)');
  assert.notEqual(styles.stepBg, 'rgb(0, 128, 0)');
  assert.equal(styles.stepFont, '14.4px');
  assert.equal(styles.editorFont, '14px');
  assert.equal(styles.editorVisibility, 'visible');
  assert.equal(styles.graphDisplay, 'block');
  assert.equal(styles.graphHeight, 320);
  assert.equal(styles.consoleDisplay, 'block');
  assert.ok(!styles.consoleFamily.includes('fantasy'));
  assert.equal(styles.letterSpacing, 'normal');
  assert.deepEqual(styles.hostP, ['rgb(255, 0, 0)', '40px']);
  assert.equal(styles.hostButton, 'rgb(0, 128, 0)');
  assert.equal(styles.hostButtonRadius, '0px');
  assert.equal(styles.hostPre, 'none');
  await page.locator('autograd-playground#a').screenshot({ path: ARTIFACTS + 'embed-hostile.png' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('graph mode: read-only code, graph and backward debugger', async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.route('**/posts/graph.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<link rel="icon" href="data:,"><script type="module" src="../autograd-playground/embed.js"></script>
<autograd-playground id="g" mode="graph" step="5" lang="en"></autograd-playground>`,
  }));
  await page.goto(server.url + 'posts/graph.html');
  await consoleOf(page, 'g', '4.5000');
  assert.ok(await page.locator(within('g', 'editor')).evaluate((t) => t.readOnly));
  assert.equal(await page.locator(within('g', 'lesson-title')).count(), 0);
  await page.locator(within('g', 'backward-play')).waitFor();
  await page.waitForFunction(() => [...document.getElementById('g').shadowRoot.querySelectorAll('[data-testid=graph-node]')].some((n) => n.dataset.label === 'MeanBackward0'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('iframe fallback: configured by its fragment, resizes itself, trusts only its parent', async () => {
  const frameOrigin = server.url.replace(/\/$/, '');
  const otherOrigin = frameOrigin.replace('127.0.0.1', 'localhost');
  const code = encodeURIComponent('import torch\nx = torch.ones(2, requires_grad=True)\ny = (x * 2).sum()\nprint(y)\n');
  const host = `<!DOCTYPE html><html><head><link rel="icon" href="data:,"></head><body style="margin:0">
<p>post text</p>
<iframe id="embed" src="../autograd-playground/embed.html#mode=cell&lang=en&code=${code}" style="width:900px;height:100px;border:0"></iframe>
<iframe id="evil" src="${otherOrigin}/posts/evil.html" style="width:10px;height:10px"></iframe>
<script>
  window.heights = [];
  addEventListener('message', (e) => {
    const frame = document.getElementById('embed');
    if (e.source !== frame.contentWindow || e.origin !== location.origin) return;
    if (e.data?.type === 'autograd-playground:height') { heights.push(e.data.height); frame.style.height = e.data.height + 'px'; }
    if (e.data?.type === 'autograd-playground:run') window.lastRun = e.data.output;
  });
</script></body></html>`;
  const evil = `<link rel="icon" href="data:,"><script>
  addEventListener('message', (e) => {
    const target = parent.frames[0];
    target.postMessage({ type: 'autograd-playground:set-code', code: 'print("pwned")\\n' }, '*');
    target.postMessage({ type: 'autograd-playground:run' }, '*');
    parent.postMessage({ type: 'evil-sent' }, '*');
  });
</script>`;
  await writeFile(join(root, 'posts', 'iframe.html'), host);
  await writeFile(join(root, 'posts', 'evil.html'), evil);

  const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url + 'posts/iframe.html');
  const frame = page.frameLocator('#embed');
  await page.waitForFunction(() => window.lastRun?.includes('tensor'), null, { timeout: 20_000 });
  assert.equal(await page.evaluate(() => window.lastRun), 'tensor(4., grad_fn=<SumBackward0>)\n');
  assert.equal(await frame.locator('[data-testid=console]').textContent(), 'tensor(4., grad_fn=<SumBackward0>)\n');

  // It grew to fit its content.
  await page.waitForFunction(() => {
    const f = document.getElementById('embed');
    const inner = f.contentDocument?.documentElement.getBoundingClientRect().height;
    return inner > 300 && Math.abs(f.getBoundingClientRect().height - inner) <= 1;
  }, null, { timeout: 10_000 });

  // Messages from another origin (a sibling frame on localhost) and forged events are ignored.
  const evilFrame = page.frames().find((f) => f.url().startsWith(otherOrigin));
  assert.ok(evilFrame, 'the other-origin frame loaded');
  await evilFrame.evaluate(() => window.postMessage('go', '*'));
  const embedFrame = page.frames().find((f) => f.url().includes('embed.html'));
  await embedFrame.evaluate(() => {
    for (const origin of ['http://evil.example', location.origin.replace('127.0.0.1', 'localhost')]) {
      window.dispatchEvent(new MessageEvent('message', { data: { type: 'autograd-playground:set-code', code: 'print("forged")\n' }, origin, source: window.parent }));
    }
    window.dispatchEvent(new MessageEvent('message', { data: { type: 'autograd-playground:run' }, origin: location.origin, source: window }));
  });
  await page.waitForTimeout(1500);
  assert.equal(await frame.locator('[data-testid=console]').textContent(), 'tensor(4., grad_fn=<SumBackward0>)\n');
  assert.ok(!(await frame.locator('[data-testid=editor]').inputValue()).includes('pwned'));

  // Its parent, at the parent's origin, is obeyed.
  await page.evaluate(() => {
    const target = document.getElementById('embed').contentWindow;
    target.postMessage({ type: 'autograd-playground:set-code', code: 'print(6 * 7)\n' }, location.origin);
    target.postMessage({ type: 'autograd-playground:run' }, location.origin);
  });
  await page.waitForFunction(() => window.lastRun === '42\n', null, { timeout: 10_000 });
  assert.equal(await frame.locator('[data-testid=console]').textContent(), '42\n');
  await page.screenshot({ path: ARTIFACTS + 'embed-iframe.png' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the example post embeds the lesson and two cells', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url + 'autograd-playground/example-post.html');
  const elements = page.locator('autograd-playground');
  assert.equal(await elements.count(), 3);
  for (const i of [0, 1, 2]) {
    await elements.nth(i).scrollIntoViewIfNeeded();
    await elements.nth(i).locator('[data-testid=console]').waitFor({ timeout: 20_000 });
  }
  await page.waitForFunction(() => document.querySelectorAll('autograd-playground')[2].shadowRoot.querySelector('[data-testid=console]').textContent.includes('4.5000'), null, { timeout: 20_000 });
  // The embedded lesson navigates and shares without touching the post's URL.
  const lesson = elements.nth(1);
  assert.match(await lesson.locator('[data-testid=lesson-title]').textContent(), /^1\. /);
  await lesson.locator('[data-testid=lesson-next]').click();
  await page.waitForFunction(() => document.querySelectorAll('autograd-playground')[1].shadowRoot.querySelector('[data-testid=lesson-title]').textContent.startsWith('2. '));
  await lesson.locator('[data-testid=share]').click();
  const shared = await lesson.locator('[data-testid=share-url]').inputValue();
  assert.ok(shared.startsWith(server.url + 'autograd-playground/index.html#step=2&lang=en&code='), shared);
  assert.equal(page.url(), server.url + 'autograd-playground/example-post.html');
  await page.screenshot({ path: ARTIFACTS + 'example-post.png', fullPage: true });
  // Accessible as the full page is (axe-core looks into shadow roots).
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
  });
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Hexo tag plugin writes the element and the script tag', () => {
  const tags = {};
  globalThis.hexo = {
    config: { root: '/blog/' },
    extend: { tag: { register: (name, fn, options) => (tags[name] = { fn, options }) } },
  };
  try {
    createRequire(import.meta.url)('../../web/hexo/autograd_playground.js');
  } finally {
    delete globalThis.hexo;
  }
  const tag = tags.autograd_playground;
  assert.deepEqual(tag.options, { ends: true });
  const html = tag.fn(['mode:cell', 'lang:en', 'height:400'], 'x = torch.ones(2) < 3 & "y"\nprint(x)');
  assert.equal(
    html,
    '<script type="module" src="/blog/autograd-playground/embed.js"></script>' +
      '<autograd-playground mode="cell" lang="en" height="400"><pre><code>' +
      'x = torch.ones(2) &lt; 3 &amp; &quot;y&quot;\nprint(x)</code></pre></autograd-playground>',
  );
});
