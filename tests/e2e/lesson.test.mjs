// A learner's walk through the page, in headless Chromium, against the built dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pageFixture, ARTIFACTS, finishedRun } from './support.mjs';

const expected = JSON.parse(await readFile(new URL('./lesson_expected.json', import.meta.url), 'utf8'));
const normalise = (text) => text.replace(/0x[0-9a-fA-F]+/g, '0x?');
const GRAD = 'tensor([[4.5000, 4.5000],\n        [4.5000, 4.5000]])';
// An endless loop for Stop to end. Each pass does real work, so the interpreter's step budget
// (which ends `while True: pass` by itself in about a second) is minutes away, not a race.
const ENDLESS = 'import torch\nwhile True:\n    torch.ones(300, 300).sum()\n';

const fixture = pageFixture();

const { open } = fixture;

const consoleText = async (page, after = 0) => (await finishedRun(page, after)).text;

test('each lesson step prints what PyTorch prints for it', async () => {
  const { page, errors, context } = await open();
  let results = 0;
  for (let step = 0; step < expected.steps.length; step++) {
    if (step > 0) await page.getByTestId('lesson-next').click();
    const run = await finishedRun(page, results);
    assert.equal(normalise(run.text), normalise(expected.steps[step]), `step ${step + 1}`);
    assert.match(await page.getByTestId('lesson-title').textContent(), new RegExp(`^${step + 1}\\.`));
    assert.match(page.url(), new RegExp(`#step=${step + 1}`));
    results = run.results;
  }
  await page.screenshot({ path: ARTIFACTS + 'step7.png', fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('opening the page at any step prints what PyTorch prints (the first output is computed on the page)', async () => {
  for (let step = 0; step < expected.steps.length; step++) {
    const { page, errors, context } = await open(`#step=${step + 1}`);
    const run = await finishedRun(page);
    assert.equal(normalise(run.text), normalise(expected.steps[step]), `step ${step + 1}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the graph shows the lesson nodes and the backward replay ends with x2.grad = 4.5', async () => {
  const { page, errors, context } = await open('#step=5');
  await consoleText(page);
  const labels = await page.getByTestId('graph-node').evaluateAll((ns) => ns.map((n) => n.dataset.label));
  for (const name of ['x2', 'AddBackward0', 'MulBackward0', 'MeanBackward0', 'AccumulateGrad']) {
    assert.ok(labels.includes(name), `${name} in ${labels}`);
  }
  const x2 = page.locator('[data-testid=graph-node][data-label=x2]');
  assert.equal(await x2.getAttribute('data-kind'), 'tensor');
  await page.waitForFunction(
    (grad) => document.querySelector('[data-testid=graph-node][data-label=x2]')?.dataset.grad === grad,
    GRAD,
    { timeout: 20_000 },
  );
  await page.screenshot({ path: ARTIFACTS + 'backward-done.png', fullPage: true });
  // Step back through the replay: before the AccumulateGrad step the leaf has no grad yet.
  const back = page.getByTestId('backward-back');
  while (await back.isEnabled()) await back.click();
  assert.equal(await x2.getAttribute('data-grad'), '');
  await page.getByTestId('backward-step').click();
  await x2.click();
  assert.match(await page.getByTestId('inspector').textContent(), /is_leaf\s*True/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a second backward() on a freed graph: the replay stops on the node that raised PyTorch's error", async () => {
  const { page, errors, context } = await open('#step=1');
  const { results } = await finishedRun(page);
  await page.getByTestId('editor').fill('import torch\nx = torch.ones(2, requires_grad=True)\ny = (x * x).sum()\ny.backward()\ny.backward()\n');
  await page.getByTestId('run').click();
  const text = await consoleText(page, results);
  const raised = text.trim().split('\n').pop();
  assert.match(raised, /^RuntimeError: Trying to backward through the graph a second time/);
  await page.getByRole('button', { name: 'backward #2' }).click();
  const step = page.getByTestId('backward-step');
  while (await step.isEnabled()) await step.click();
  assert.equal(await page.getByTestId('backward-error').textContent(), raised);
  assert.match(await page.locator('.debugger .explain').textContent(), /MulBackward0/);
  const failed = page.locator('[data-testid=graph-node].failed');
  assert.equal(await failed.getAttribute('data-label'), 'MulBackward0');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Stop ends an endless loop within 2 seconds and the page keeps working', async () => {
  const { page, errors, context } = await open('#step=1');
  await consoleText(page);
  await page.getByTestId('editor').fill(ENDLESS);
  await page.getByTestId('run').click();
  const started = Date.now();
  await page.getByTestId('stop').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid=run]').disabled, null, { timeout: 2_000 });
  assert.ok(Date.now() - started < 2_000);
  await page.getByTestId('editor').fill('print(6 * 7)');
  await page.getByTestId('run').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=console]').textContent === '42\n', null, { timeout: 10_000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a crashed worker is reported and replaced, and the editor keeps its text', async () => {
  // The first worker the page starts is a stand-in that dies when asked to run the test's
  // code, as a panicking interpreter would (other requests, such as the warm-up, it ignores);
  // every later worker is the real one.
  const context = await fixture.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  let workers = 0;
  await context.route('**/worker.js', (route) => {
    workers += 1;
    if (workers > 1) return route.continue();
    return route.fulfill({
      contentType: 'text/javascript',
      body: `self.onmessage = () => {
        self.onmessage = (e) => {
          if (new TextDecoder().decode(e.data).includes('print(6 * 7)')) throw new Error('simulated crash');
        };
        self.postMessage('ready');
      };`,
    });
  });
  const page = await context.newPage();
  await page.goto(fixture.url + '#step=1');
  await finishedRun(page); // the lesson's own first output comes from the page itself
  await page.getByTestId('editor').fill('print(6 * 7)');
  await page.getByTestId('run').click();
  const notice = page.locator('.console-notice');
  await notice.waitFor({ timeout: 15_000 });
  assert.match(await notice.textContent(), /crashed and was restarted.*simulated crash/);
  assert.equal(await page.getByTestId('editor').inputValue(), 'print(6 * 7)');
  await page.getByTestId('run').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=console]').textContent === '42\n', null, { timeout: 15_000 });
  assert.equal(await page.getByTestId('editor').inputValue(), 'print(6 * 7)');
  assert.equal(workers, 2);
  await context.close();
});

test("a share link's code runs in the worker, never on the page: an endless loop can be stopped", async () => {
  const { page, errors, context } = await open('#step=1&code=' + encodeURIComponent(ENDLESS));
  await page.waitForFunction(() => document.querySelector('[data-testid=stop]') && !document.querySelector('[data-testid=stop]').disabled, null, { timeout: 10_000 });
  const started = Date.now();
  await page.getByTestId('stop').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid=run]').disabled, null, { timeout: 2_000 });
  assert.ok(Date.now() - started < 2_000);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a worker that cannot load the module is reported, not waited for', async () => {
  // The page imports its JavaScript glue first; the first worker's import of the same file fails.
  const context = await fixture.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  let glue = 0;
  await context.route(/playground-[0-9a-f]+\.js$/, (route) => {
    glue += 1;
    return glue === 2 ? route.fulfill({ status: 404, body: '' }) : route.continue();
  });
  const page = await context.newPage();
  await page.goto(fixture.url + '#step=1');
  await finishedRun(page);
  // The page sends that worker its warm-up; the failure comes back as a crash notice.
  const notice = page.locator('.console-notice');
  await notice.waitFor({ timeout: 15_000 });
  assert.match(await notice.textContent(), /crashed and was restarted/);
  await page.getByTestId('editor').fill('print(6 * 7)');
  await page.getByTestId('run').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=console]').textContent === '42\n', null, { timeout: 15_000 });
  assert.equal(glue, 3);
  await context.close();
});

test('a syntax error is shown like Python and marks its line', async () => {
  const { page, context } = await open('#step=1');
  const { results } = await finishedRun(page);
  await page.getByTestId('editor').fill('x = 1\nprint((x)\n');
  await page.getByTestId('run').click();
  const text = await consoleText(page, results);
  assert.equal(text, "SyntaxError: '(' was never closed\n");
  assert.equal(await page.locator('.line-no.error').textContent(), '2');
  await context.close();
});

test('a share link restores the code and the step', async () => {
  const { page, context } = await open('#step=3');
  await consoleText(page);
  const code = 'y = torch.ones(3) * 2\nprint(y.sum())  # 分享 & <b>';
  await page.getByTestId('editor').fill(code);
  await page.getByTestId('share').click();
  const url = await page.getByTestId('share-url').inputValue();
  const other = await fixture.browser.newPage();
  await other.goto(url);
  assert.equal(await other.getByTestId('editor').inputValue(), code);
  assert.match(await other.getByTestId('lesson-title').textContent(), /^3\./);
  assert.equal(await consoleText(other), 'tensor(6.)\n');
  await other.close();
  await context.close();
});

test('the language switch changes the lesson and is remembered', async () => {
  const { page, context } = await open('#step=2');
  const english = await page.getByTestId('lesson-title').textContent();
  await page.getByTestId('lang').click();
  const chinese = await page.getByTestId('lesson-title').textContent();
  assert.notEqual(chinese, english);
  assert.match(chinese, /[\u4e00-\u9fff]/);
  await page.reload();
  assert.equal(await page.getByTestId('lesson-title').textContent(), chinese);
  await context.close();
});

test('a one-click fix corrects the post slip and reruns', async () => {
  const { page, context } = await open('#step=6');
  const { results } = await finishedRun(page);
  await page.locator('button.fix').first().click();
  const after = await consoleText(page, results);
  assert.match(after, /^True\nAttributeError: 'Tensor' object has no attribute 'equires_grad'/);
  await context.close();
});

test('no serious accessibility violations (axe-core)', async () => {
  const { page, context } = await open('#step=5');
  await consoleText(page);
  const require = createRequire(import.meta.url);
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
  });
  assert.deepEqual(violations, []);
  await context.close();
});

test('Step runs one statement at a time and marks the next line', async () => {
  const { page, context } = await open('#step=1');
  const { results } = await finishedRun(page);
  await page.getByTestId('editor').fill('print(1)\nprint(2)\n');
  await page.getByTestId('step').click();
  assert.equal(await consoleText(page, results), '1\n');
  assert.equal(await page.locator('.line-no.current').textContent(), '2');
  await page.getByTestId('step').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=console]').textContent === '1\n2\n');
  assert.equal(await page.locator('.line-no.current').count(), 0);
  await context.close();
});

test('hovering a graph node marks its line, and hovering a line marks its nodes', async () => {
  const { page, context } = await open('#step=3');
  await finishedRun(page);
  await page.locator('[data-testid=graph-node][data-label=z]').hover();
  assert.equal(await page.locator('.line-mark.linked').count(), 1);
  const zLine = await page.locator('[data-testid=graph-node][data-label=z]').getAttribute('data-line');
  assert.equal(zLine, '1');
  // Line 2 (`out = z.mean()`): 0.5rem padding + 1.5 lines of 21px.
  await page.getByTestId('editor').hover({ position: { x: 40, y: 8 + 21 * 1.5 } });
  const linked = await page.locator('[data-testid=graph-node].linked').evaluateAll((ns) => ns.map((n) => n.dataset.label).sort());
  assert.deepEqual(linked, ['MeanBackward0', 'out']);
  await context.close();
});

test("editing a leaf's value in the inspector rewrites its line and re-runs", async () => {
  const { page, context } = await open('#step=5');
  const { results } = await finishedRun(page);
  // Expected text from PyTorch 2.15 for x2 = 2 everywhere: d out/dx = 3(x+2)/2 = 6.
  const six = 'tensor([[6., 6.],\n        [6., 6.]])';
  await page.locator('[data-testid=graph-node][data-label=x2]').click();
  await page.getByTestId('leaf-value').fill('[[2.0, 2.0], [2.0, 2.0]]');
  await page.getByTestId('leaf-apply').click();
  assert.equal(await consoleText(page, results), six + '\n');
  await page.getByTestId('lesson-prev').click();
  await page.getByTestId('lesson-prev').click();
  await page.getByTestId('lesson-prev').click();
  assert.match(await page.getByTestId('editor').inputValue(), /x2 = torch\.tensor\(\[\[2\.0, 2\.0\], \[2\.0, 2\.0\]\], requires_grad=True\)/);
  await context.close();
});

test('usable at 375 px wide, and the theme toggle switches to dark', async () => {
  const { page, errors, context } = await open('#step=2', { viewport: { width: 375, height: 800 } });
  await finishedRun(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  for (const id of ['run', 'step', 'reset', 'lesson-next', 'lang', 'share']) {
    assert.ok(await page.getByTestId(id).isVisible(), `${id} visible`);
  }
  await page.screenshot({ path: ARTIFACTS + 'mobile.png', fullPage: true });
  await page.locator('button.theme').click();
  const bg = await page.evaluate(() => getComputedStyle(document.querySelector('.app')).backgroundColor);
  assert.equal(bg, 'rgb(13, 17, 23)');
  assert.deepEqual(errors, []);
  await context.close();
});

test('everything can be reached with the keyboard', async () => {
  const { page, context } = await open('#step=3');
  await finishedRun(page);
  const reached = new Set();
  for (let i = 0; i < 60; i++) {
    // In the editor Tab indents; Escape first lets Tab leave it.
    if (await page.evaluate(() => document.activeElement?.dataset?.testid === 'editor')) await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.dataset?.testid ?? document.activeElement?.dataset?.label ?? '');
    if (id) reached.add(id);
  }
  for (const id of ['lesson-prev', 'lesson-next', 'lang', 'share', 'run', 'step', 'reset', 'editor', 'graph-node']) {
    assert.ok(reached.has(id) || (id === 'graph-node' && [...reached].some((r) => ['x2', 'y', 'z', 'out'].includes(r))), `${id} reachable: ${[...reached]}`);
  }
  await context.close();
});
