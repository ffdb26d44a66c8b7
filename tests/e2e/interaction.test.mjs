// The playground's interactions that issue #5 names and the lesson walk does not reach: the
// editor's keys and colours, the graph's tools and styles, the inspector's facts, the backward
// debugger's controls and numbers, the console's hints and budget, themes, language and motion
// preferences, and share links as text. Expected PyTorch output comes from real PyTorch
// (interaction_expected.json, made by gen_lesson_expected.py; tests/snippets/*.out).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { pageFixture, ARTIFACTS, finishedRun } from './support.mjs';

const expected = JSON.parse(await readFile(new URL('./interaction_expected.json', import.meta.url), 'utf8'));
const lesson = JSON.parse(await readFile(new URL('./lesson_expected.json', import.meta.url), 'utf8'));
/** x2.grad after step 5's backward(), as PyTorch prints it (step 5 prints just that). */
const X2_GRAD = lesson.steps[4].trimEnd();
const snippet = (name, ext) => readFile(new URL(`../snippets/${name}.${ext}`, import.meta.url), 'utf8');
/** PyTorch prints objects with their address (`<AddBackward0 object at 0x7f..>`); the page
 *  names the class only (`<AddBackward0>`). */
const withoutAddresses = (text) => text.replace(/<(\w+) object at 0x[0-9a-fA-F]+>/g, '<$1>');

const fixture = pageFixture();

const { open } = fixture;

/** Types `code` into the editor of a page whose first output has arrived, runs it, and returns
 *  the finished run. */
async function runCode(page, code, timeout) {
  const { results } = await finishedRun(page);
  await page.getByTestId('editor').fill(code);
  await page.getByTestId('run').click();
  return finishedRun(page, results, timeout);
}

/** The inspector's rows, name to text. */
const inspectorRows = (page) =>
  page.getByTestId('inspector').evaluate((section) => {
    const rows = {};
    for (const dt of section.querySelectorAll('dt')) rows[dt.textContent] = dt.nextElementSibling.textContent;
    return rows;
  });

const node = (page, label) => page.locator(`[data-testid=graph-node][data-label="${label}"]`);
const graphTransform = (page) => page.locator('[data-testid=graph] > g').getAttribute('transform');
const replayPosition = (page) => page.locator('.debugger .pos').textContent();

// ---------------------------------------------------------------- editor

test('the editor colours Python with token classes and numbers every line', async () => {
  const { page, errors, context } = await open('#step=1');
  await finishedRun(page);
  const code = 'import torch\n# a comment\nfor i in range(3):\n    print("s", 2.5 ** i)\n';
  await page.getByTestId('editor').fill(code);
  const tokens = await page.locator('.code-highlight span').evaluateAll((spans) => spans.map((s) => [s.className, s.textContent]));
  for (const token of [['tok-kw', 'import'], ['tok-builtin', 'torch'], ['tok-comment', '# a comment'], ['tok-kw', 'for'],
    ['tok-kw', 'in'], ['tok-builtin', 'range'], ['tok-num', '3'], ['tok-builtin', 'print'], ['tok-str', '"s"'],
    ['tok-num', '2.5'], ['tok-op', '**']]) {
    assert.ok(tokens.some(([c, t]) => c === token[0] && t === token[1]), `${token} in ${JSON.stringify(tokens)}`);
  }
  // The overlay shows exactly the text typed (plus the final newline that keeps it aligned).
  assert.equal(await page.locator('.code-highlight').textContent(), code + '\n');
  // One number per line: the code ends with a newline, so the last line is empty.
  const numbers = () => page.locator('.gutter .line-no').allTextContents();
  assert.deepEqual(await numbers(), ['1', '2', '3', '4', '5']);
  await page.getByTestId('editor').fill('x = 1');
  assert.deepEqual(await numbers(), ['1']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Tab indents at the caret and over selected lines, Shift-Tab dedents them', async () => {
  const { page, errors, context } = await open('#step=1');
  await finishedRun(page);
  const editor = page.getByTestId('editor');
  await editor.fill('if x:\npass\ny = 1\nz = 2');
  const select = (start, end) => editor.evaluate((t, [s, e]) => t.setSelectionRange(s, e), [start, end]);
  const selection = () => editor.evaluate((t) => [t.selectionStart, t.selectionEnd]);
  // The caret at the start of `pass`: four spaces go in, the caret follows them, focus stays.
  await select(6, 6);
  await page.keyboard.press('Tab');
  assert.equal(await editor.inputValue(), 'if x:\n    pass\ny = 1\nz = 2');
  assert.deepEqual(await selection(), [10, 10]);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'editor');
  // The overlay and the app's state follow the edit, not only the textarea.
  assert.equal(await page.locator('.code-highlight').textContent(), 'if x:\n    pass\ny = 1\nz = 2\n');
  // A selection over the last two lines: each is indented, the selection covers them still.
  await select(15, 26);
  await page.keyboard.press('Tab');
  assert.equal(await editor.inputValue(), 'if x:\n    pass\n    y = 1\n    z = 2');
  assert.deepEqual(await selection(), [19, 34]);
  // Shift-Tab over every line removes up to four spaces from each.
  await select(0, 34);
  await page.keyboard.press('Shift+Tab');
  assert.equal(await editor.inputValue(), 'if x:\npass\ny = 1\nz = 2');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await editor.inputValue(), 'if x:\npass\ny = 1\nz = 2');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Ctrl+Enter and Cmd+Enter run the code from the editor', async () => {
  const { page, errors, context } = await open('#step=1');
  let { results } = await finishedRun(page);
  const editor = page.getByTestId('editor');
  await editor.fill('print(6 * 7)');
  await editor.press('Control+Enter');
  let run = await finishedRun(page, results);
  assert.equal(run.text, '42\n');
  await editor.fill('print(2 ** 10)');
  await editor.press('Meta+Enter');
  run = await finishedRun(page, run.results);
  assert.equal(run.text, '1024\n');
  // The key ran the code; it typed no newline into it.
  assert.equal(await editor.inputValue(), 'print(2 ** 10)');
  assert.deepEqual(errors, []);
  await context.close();
});

test("Reset puts the lesson's code back", async () => {
  const { page, errors, context } = await open('#step=3');
  await finishedRun(page);
  const lessonCode = await page.getByTestId('editor').inputValue();
  assert.match(lessonCode, /z = y \* y \* 3/);
  await page.getByTestId('editor').fill('print("edited")');
  await page.getByTestId('reset').click();
  assert.equal(await page.getByTestId('editor').inputValue(), lessonCode);
  assert.equal(await page.locator('.code-highlight').textContent(), lessonCode + '\n');
  assert.deepEqual(errors, []);
  await context.close();
});

// ---------------------------------------------------------------- graph view

test('zoom in, zoom out, Fit and dragging change the view of the graph', async () => {
  const { page, errors, context } = await open('#step=3');
  await finishedRun(page);
  const fitted = await graphTransform(page);
  assert.equal(fitted, 'translate(0.0 0.0) scale(1.000)');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  assert.equal(await graphTransform(page), 'translate(0.0 0.0) scale(1.250)');
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.getByRole('button', { name: 'Zoom out' }).click();
  assert.equal(await graphTransform(page), 'translate(0.0 0.0) scale(0.800)');
  // A drag on the background pans by the distance dragged, in graph units.
  const box = await page.getByTestId('graph').boundingBox();
  await page.mouse.move(box.x + 10, box.y + box.height - 10);
  await page.mouse.down();
  await page.mouse.move(box.x + 70, box.y + box.height - 50, { steps: 5 });
  await page.mouse.up();
  const panned = (await graphTransform(page)).match(/^translate\((-?[\d.]+) (-?[\d.]+)\) scale\(0\.800\)$/);
  assert.ok(panned, await graphTransform(page));
  assert.ok(Number(panned[1]) > 0 && Number(panned[2]) < 0, `moved right and up: ${panned[0]}`);
  await page.getByRole('button', { name: 'Fit' }).click();
  assert.equal(await graphTransform(page), fitted);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Export SVG downloads a standalone SVG file of the graph, styled as on the page', async () => {
  const { page, errors, context } = await open('#step=3', { acceptDownloads: true });
  await finishedRun(page);
  const labels = await page.getByTestId('graph-node').evaluateAll((ns) => ns.map((n) => n.dataset.label));
  const shown = await node(page, 'x2').locator('rect').evaluate((r) => getComputedStyle(r).fill);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG' }).click()]);
  assert.equal(download.suggestedFilename(), 'autograd-graph.svg');
  const svg = await readFile(await download.path(), 'utf8');
  // An XML parser takes it as an SVG document, with every node of the graph.
  const parsed = await page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: [doc.documentElement.localName, doc.documentElement.namespaceURI],
      labels: [...doc.querySelectorAll('[data-testid=graph-node]')].map((n) => n.getAttribute('data-label')),
    };
  }, svg);
  assert.equal(parsed.error, null);
  assert.deepEqual(parsed.root, ['svg', 'http://www.w3.org/2000/svg']);
  assert.deepEqual(parsed.labels, labels);
  // Opened on its own, without the page's stylesheet, the boxes keep their colours.
  const alone = await context.newPage();
  await alone.route('http://export.test/graph.svg', (route) => route.fulfill({ contentType: 'image/svg+xml', body: svg }));
  await alone.goto('http://export.test/graph.svg');
  const standalone = await alone.evaluate(() => {
    const x2 = document.querySelector('[data-label=x2] rect');
    return { fill: getComputedStyle(x2).fill, edge: getComputedStyle(document.querySelector('path.edge')).fill };
  });
  assert.equal(standalone.fill, shown);
  assert.equal(standalone.edge, 'none');
  await alone.screenshot({ path: ARTIFACTS + 'exported-graph.png' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('styles tell leaves, results, constants, detached and no_grad tensors apart', async () => {
  const { page, errors, context } = await open('#step=1');
  await runCode(page, [
    'import torch',
    'leaf = torch.ones(2, requires_grad=True)',
    'result = leaf * 2',
    'const = torch.ones(2)',
    'detached = result.detach()',
    'with torch.no_grad():',
    '    quiet = leaf * 3',
    '',
  ].join('\n'));
  const cls = async (label) => (await node(page, label).getAttribute('class')).split(' ');
  assert.ok((await cls('leaf')).includes('leaf'));
  assert.ok((await cls('result')).includes('result'));
  for (const label of ['const', 'detached', 'quiet']) {
    const classes = await cls(label);
    assert.ok(classes.includes('untracked') && !classes.includes('leaf') && !classes.includes('result'), `${label}: ${classes}`);
  }
  assert.ok((await cls('MulBackward0')).includes('fn'));
  assert.ok((await cls('AccumulateGrad')).includes('acc'));
  // The styles differ where they are seen: the box outlines, and a dashed one outside the graph.
  const look = (label) => node(page, label).locator('rect').evaluate((r) => {
    const s = getComputedStyle(r);
    return `${s.stroke} ${s.fill} ${s.strokeDasharray}`;
  });
  const looks = await Promise.all(['leaf', 'result', 'const', 'MulBackward0', 'AccumulateGrad'].map(look));
  assert.equal(new Set(looks).size, looks.length, looks.join(' | '));
  assert.equal(await look('detached'), await look('const'));
  assert.equal(await look('quiet'), await look('const'));
  assert.notEqual(await node(page, 'const').locator('rect').evaluate((r) => getComputedStyle(r).strokeDasharray), 'none');
  // The legend names each style, drawn like the boxes.
  const legend = await page.locator('.legend .key').evaluateAll((keys) => keys.map((k) => [k.className, getComputedStyle(k).color]));
  assert.deepEqual(legend.map(([c]) => c), ['key leaf', 'key result', 'key untracked', 'key fn']);
  const strokes = await Promise.all(['leaf', 'result', 'const', 'MulBackward0'].map((l) => node(page, l).locator('rect').evaluate((r) => getComputedStyle(r).stroke)));
  assert.deepEqual(legend.map(([, color]) => color), strokes);
  assert.deepEqual(errors, []);
  await context.close();
});

// ---------------------------------------------------------------- inspector

test('the inspector shows what PyTorch reports for tensors and backward functions', async () => {
  const facts = expected.inspector;
  const { page, errors, context } = await open('#step=1');
  await runCode(page, facts.code);
  // Tensors: every fact as PyTorch prints it; .grad is None before any backward().
  for (const [name, want] of Object.entries(facts.tensors)) {
    await node(page, name).click();
    const rows = await inspectorRows(page);
    assert.equal(rows.name, name);
    for (const key of ['shape', 'dtype', 'requires_grad', 'is_leaf', 'value']) assert.equal(rows[key], want[key], `${name}.${key}`);
    assert.equal(rows.grad_fn, withoutAddresses(want.grad_fn), `${name}.grad_fn`);
    assert.equal(rows['.grad'], 'None', `${name}.grad`);
    await node(page, name).click(); // deselect
  }
  // Backward functions: class, next_functions and saved tensors, for every node of the graph.
  const shown = [];
  const functions = page.locator('[data-testid=graph-node][data-kind=function], [data-testid=graph-node][data-kind=accumulate]');
  for (let i = 0; i < (await functions.count()); i++) {
    await functions.nth(i).click();
    const rows = await inspectorRows(page);
    // One entry a line; a tensor printed over several lines continues on indented ones.
    const saved = rows['saved tensors'] === '—' ? [] : rows['saved tensors'].split(/\n(?! )/).sort();
    shown.push(JSON.stringify({ name: rows.grad_fn, next_functions: rows.next_functions, saved }));
    await functions.nth(i).click();
  }
  const want = facts.functions.map((f) => JSON.stringify({ ...f, next_functions: withoutAddresses(f.next_functions) }));
  assert.deepEqual(shown.sort(), want.sort());
  // After backward(): the leaf's .grad.
  await runCode(page, facts.code + 'out.backward()\n');
  const step = page.getByTestId('backward-step');
  while (await step.isEnabled()) await step.click();
  await node(page, 'x2').click();
  assert.equal((await inspectorRows(page))['.grad'], facts.grads_after_backward.x2);
  assert.deepEqual(errors, []);
  await context.close();
});

// ---------------------------------------------------------------- backward debugger

test('play/pause, step, back, speed and the scrub slider move the replay', async () => {
  const { page, errors, context } = await open('#step=5');
  await finishedRun(page);
  const play = page.getByTestId('backward-play');
  await play.waitFor();
  const total = Number((await replayPosition(page)).split('/')[1]);
  assert.ok(total >= 4, `${total} engine steps`);
  // Scrub to the start (scrubbing pauses), then step forward and back one engine step at a time.
  const slider = page.locator('.debugger input[type=range]');
  const scrub = (pos) => slider.evaluate((s, pos) => {
    s.value = String(pos);
    s.dispatchEvent(new Event('input', { bubbles: true }));
  }, pos);
  await scrub(0);
  assert.equal(await replayPosition(page), `0/${total}`);
  assert.equal(await play.getAttribute('aria-label'), 'Play');
  assert.ok(await page.getByTestId('backward-back').isDisabled());
  await page.getByTestId('backward-step').click();
  assert.equal(await replayPosition(page), `1/${total}`);
  assert.match(await page.locator('.debugger .explain .fn-name').textContent(), /^MeanBackward0$/);
  await page.getByTestId('backward-step').click();
  assert.equal(await replayPosition(page), `2/${total}`);
  await page.getByTestId('backward-back').click();
  assert.equal(await replayPosition(page), `1/${total}`);
  // The slider goes anywhere, and the graph shows that step: x2.grad appears at the end only.
  await scrub(total - 1);
  assert.equal(await replayPosition(page), `${total - 1}/${total}`);
  assert.equal(await slider.inputValue(), String(total - 1));
  assert.equal(await node(page, 'x2').getAttribute('data-grad'), '');
  await scrub(total);
  assert.equal(await replayPosition(page), `${total}/${total}`);
  assert.ok(await page.getByTestId('backward-step').isDisabled());
  assert.equal(await node(page, 'x2').getAttribute('data-grad'), X2_GRAD);
  // Play from the start at half speed, pause, and step on from where it stopped.
  const speed = page.locator('.debugger select');
  await scrub(0);
  await speed.selectOption({ label: '0.5×' });
  assert.equal(await speed.inputValue(), '1400');
  await play.click();
  assert.equal(await play.getAttribute('aria-label'), 'Pause');
  await play.click();
  assert.equal(await play.getAttribute('aria-label'), 'Play');
  const paused = Number((await replayPosition(page)).split('/')[0]);
  assert.ok(paused < total, `paused at ${paused}/${total}`);
  await page.getByTestId('backward-step').click();
  assert.equal(await replayPosition(page), `${paused + 1}/${total}`);
  // At five times the speed, Play runs to the end and stops there; the choice sticks.
  await speed.selectOption({ label: '5×' });
  await play.click();
  assert.equal(await play.getAttribute('aria-label'), 'Pause');
  await page.waitForFunction((t) => document.querySelector('.debugger .pos').textContent === `${t}/${t}`, total, { timeout: 10_000 });
  assert.equal(await play.getAttribute('aria-label'), 'Play');
  assert.equal(await node(page, 'x2').getAttribute('data-grad'), X2_GRAD);
  assert.equal(await speed.inputValue(), '120');
  assert.deepEqual(errors, []);
  await context.close();
});

test("the replay shows MulBackward0's rule with its numbers, and .grad before + contribution = after across three backward() calls and zero_()", async () => {
  const { replay } = expected;
  const { page, errors, context } = await open('#step=1', { reducedMotion: 'reduce' });
  const run = await runCode(page, replay.code);
  assert.equal(run.text, replay.console);
  const passes = await page.locator('.debugger .runs button').allTextContents();
  assert.deepEqual(passes, replay.passes.map((_, i) => `backward #${i + 1}`));
  const explain = page.locator('.debugger .explain');
  for (const [i, pass] of replay.passes.entries()) {
    await page.getByRole('button', { name: `backward #${i + 1}` }).click();
    const step = page.getByTestId('backward-step');
    const seen = { leaves: {} };
    while (await step.isEnabled()) {
      await step.click();
      const name = await explain.locator('.fn-name').textContent();
      const codes = await explain.locator('code').allTextContents();
      if (name === 'MulBackward0') {
        assert.equal(codes[1], pass.mul.grad_in, `pass ${i + 1}: grad into MulBackward0`);
        assert.equal(await explain.locator('.rule').textContent(), 'grad_self = grad × other, grad_other = grad × self');
        // The rule's numbers: the values MulBackward0 saved in the forward pass.
        assert.deepEqual(await explain.locator('.saved code').allTextContents(),
          ['self', 'other'].map((n) => `${n} = ${pass.mul.saved[n]}`), `pass ${i + 1}`);
        const sent = await explain.locator('.sent li').allTextContents();
        assert.deepEqual(sent, pass.mul.grads_out.map((g, input) => `input ${input} → AccumulateGrad: ${g}`), `pass ${i + 1}`);
        seen.mul = true;
      } else if (name === 'AccumulateGrad') {
        // Which leaf: the gradient coming in is the one MulBackward0 sent to `a` or to `b`.
        const contribution = codes[1];
        const leaf = contribution === pass.mul.grads_out[0] ? 'a' : 'b';
        assert.equal(contribution, pass.mul.grads_out[leaf === 'a' ? 0 : 1], `pass ${i + 1}`);
        assert.equal(
          await explain.locator('.accumulate').textContent(),
          `.grad before ${pass.before[leaf]} + contribution ${contribution} = .grad after ${pass.after[leaf]}`,
        );
        seen.leaves[leaf] = true;
        // While the pass is replayed (a finished one gives way to the graph after the cell), the
        // leaf lights up with its AccumulateGrad and shows the .grad it has now.
        if (await step.isEnabled()) {
          const lit = await page.locator('[data-testid=graph-node][data-kind=tensor].active').evaluateAll((ns) => ns.map((n) => n.dataset.label));
          assert.deepEqual(lit, [leaf], `pass ${i + 1}`);
          assert.equal(await node(page, leaf).getAttribute('data-grad'), pass.after[leaf]);
        }
      }
    }
    assert.ok(seen.mul, `pass ${i + 1} replays MulBackward0`);
    assert.deepEqual(Object.keys(seen.leaves).sort(), ['a', 'b'], `pass ${i + 1}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('with prefers-reduced-motion the replay waits for the learner instead of playing', async () => {
  const { page, errors, context } = await open('#step=5', { reducedMotion: 'reduce' });
  const { text } = await finishedRun(page);
  assert.equal(text, lesson.steps[4]);
  const play = page.getByTestId('backward-play');
  await play.waitFor();
  const total = Number((await replayPosition(page)).split('/')[1]);
  assert.equal(await play.getAttribute('aria-label'), 'Play');
  assert.equal(await replayPosition(page), `0/${total}`);
  assert.equal(await node(page, 'x2').getAttribute('data-grad'), '');
  // No transitions either.
  assert.equal(await node(page, 'x2').locator('rect').evaluate((r) => getComputedStyle(r).transitionDuration), '0s');
  // Steps work as always.
  await page.getByTestId('backward-step').click();
  assert.equal(await replayPosition(page), `1/${total}`);
  assert.equal(await play.getAttribute('aria-label'), 'Play');
  assert.deepEqual(errors, []);
  await context.close();
});

// ---------------------------------------------------------------- console

for (const [name, hint] of [
  ['autograd_backward_twice', /retain_graph=True/],
  ['autograd_backward_nonscalar', /scalar/],
  ['autograd_inplace_leaf_error', /in place.*torch\.no_grad\(\)/],
  ['autograd_int_requires_grad_error', /torch\.tensor\(\[1\., 2\.\], requires_grad=True\)/],
  ['error_item_multi_element', /x\.sum\(\)\.item\(\)/],
  ['error_bool_ambiguous', /\.all\(\) or .*\.any\(\)/],
  ['autograd_broadcast_shape_error', /broadcast/],
  ['error_matmul_shape', /transpose/],
]) {
  test(`the console prints PyTorch's error and a plain-language hint: ${name}`, async () => {
    const { page, errors, context } = await open('#step=1');
    const { results } = await finishedRun(page);
    // No hint for a run without an error.
    assert.equal(await page.locator('.console-hint').count(), 0);
    await page.getByTestId('editor').fill(await snippet(name, 'py'));
    await page.getByTestId('run').click();
    const { text } = await finishedRun(page, results);
    assert.equal(text, await snippet(name, 'out'));
    assert.match(await page.locator('.console-hint').textContent(), hint);
    // The same hint in Chinese.
    await page.getByTestId('lang').click();
    assert.match(await page.locator('.console-hint').textContent(), /[\u4e00-\u9fff]/);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("PyTorch's warnings show apart from the output, with a hint: a non-leaf tensor's .grad", async () => {
  const name = 'autograd_nonleaf_grad_none';
  const { page, errors, context } = await open('#step=1');
  const { results } = await finishedRun(page);
  assert.equal(await page.getByTestId('console-stderr').count(), 0);
  await page.getByTestId('editor').fill(await snippet(name, 'py'));
  await page.getByTestId('run').click();
  const { text } = await finishedRun(page, results);
  // The console holds what the program printed; the warning went to stderr, shown below it.
  assert.equal(text, await snippet(name, 'out'));
  const stderr = await page.getByTestId('console-stderr').textContent();
  const warnings = stderr.split('\n').map((l) => l.match(/^.+?:\d+: (\w*Warning: .*)$/)?.[1]).filter(Boolean);
  assert.equal(warnings.map((w) => w + '\n').join(''), await snippet(name, 'warnings'));
  // Located at `print(y.grad)`, with its source line, as Python shows a warning.
  assert.match(stderr, /:7: UserWarning: [^\n]*\n  print\(y\.grad\)\n/);
  // The editor marks that line.
  assert.deepEqual(await page.locator('.line-no.warning').allTextContents(), ['7']);
  assert.match(await page.locator('.console-hint').textContent(), /retain_grad\(\)/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a runaway program ends by itself with a clear message when nobody presses Stop', async () => {
  const { page, errors, context } = await open('#step=1');
  const { text } = await runCode(page, 'n = 0\nwhile True:\n    n += 1\n', 120_000);
  assert.match(text, /^TimeoutError: execution step limit exceeded \(\d+ steps\); the program may be in an infinite loop\n$/);
  // The line marked is in the loop.
  assert.ok(['2', '3'].includes(await page.locator('.line-no.error').textContent()));
  // The page is usable after it.
  const after = await runCode(page, 'print(6 * 7)');
  assert.equal(after.text, '42\n');
  assert.deepEqual(errors, []);
  await context.close();
});

// ---------------------------------------------------------------- look, language, lesson

test('prefers-color-scheme: dark gives the dark theme without the toggle, light the light one', async () => {
  const dark = await open('#step=1', { colorScheme: 'dark' });
  await finishedRun(dark.page);
  const background = (page) => page.evaluate(() => getComputedStyle(document.querySelector('.app')).backgroundColor);
  assert.equal(await dark.page.locator('.app').getAttribute('data-theme'), null);
  assert.equal(await background(dark.page), 'rgb(13, 17, 23)');
  const light = await open('#step=1', { colorScheme: 'light' });
  await finishedRun(light.page);
  assert.notEqual(await background(light.page), 'rgb(13, 17, 23)');
  // The toggle overrides the preference.
  await dark.page.locator('button.theme').click();
  assert.equal(await background(dark.page), await background(light.page));
  assert.deepEqual([...dark.errors, ...light.errors], []);
  await dark.context.close();
  await light.context.close();
});

test("the lesson's language defaults to the browser's", async () => {
  const zh = await open('#step=2', { locale: 'zh-CN' });
  assert.match(await zh.page.getByTestId('lesson-title').textContent(), /^2\. .*[\u4e00-\u9fff]/);
  assert.equal(await zh.page.locator('.app').getAttribute('lang'), 'zh-CN');
  const en = await open('#step=2', { locale: 'en-US' });
  assert.doesNotMatch(await en.page.getByTestId('lesson-title').textContent(), /[\u4e00-\u9fff]/);
  assert.equal(await en.page.locator('.app').getAttribute('lang'), 'en');
  await zh.context.close();
  await en.context.close();
});

test('a progress indicator follows the step, and the math is MathML', async () => {
  const { page, errors, context } = await open('#step=4');
  await finishedRun(page);
  assert.equal(await page.locator('.steps .progress').textContent(), '4/7');
  assert.equal(await page.locator('.steps progress').getAttribute('value'), '4');
  await page.getByTestId('lesson-next').click();
  assert.equal(await page.locator('.steps .progress').textContent(), '5/7');
  assert.equal(await page.locator('.steps progress').getAttribute('value'), '5');
  // Step 5 derives d out/dx = 3(x+2)/2 = 4.5 in MathML, written at build time (no script).
  const math = await page.locator('.lesson-text math').evaluateAll((ms) => ms.map((m) => [m.namespaceURI, m.querySelectorAll('mfrac').length]));
  assert.ok(math.length > 0, 'MathML in step 5');
  assert.ok(math.every(([ns]) => ns === 'http://www.w3.org/1998/Math/MathML'));
  assert.ok(math.some(([, fractions]) => fractions > 0));
  assert.match(await page.locator('.lesson-text').textContent(), /4\.5/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Step grows the graph one statement at a time, and nodes already drawn stay where they are', async () => {
  const { page, errors, context } = await open('#step=1');
  const { results } = await finishedRun(page);
  await page.getByTestId('editor').fill('import torch\nx = torch.ones(2, requires_grad=True)\ny = x * 2\nz = y + x\n');
  const positions = () => page.getByTestId('graph-node').evaluateAll((ns) =>
    Object.fromEntries(ns.map((n) => {
      const r = n.localName === 'rect' ? n : n.querySelector('rect');
      return [`${n.dataset.label}#${n.dataset.id}`, `${r.getAttribute('x')},${r.getAttribute('y')}`];
    })));
  const labels = async () => (await page.getByTestId('graph-node').evaluateAll((ns) => ns.map((n) => n.dataset.label))).sort();
  await page.getByTestId('step').click();
  await finishedRun(page, results);
  let n = Number(await page.getByTestId('console').getAttribute('data-results'));
  const seen = [];
  for (let i = 0; i < 3; i++) {
    await page.getByTestId('step').click();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=console]').dataset.results) > n, n);
    n = Number(await page.getByTestId('console').getAttribute('data-results'));
    seen.push({ labels: await labels(), positions: await positions() });
  }
  assert.deepEqual(seen.map((s) => s.labels), [
    ['x'],
    ['AccumulateGrad', 'MulBackward0', 'x', 'y'],
    ['AccumulateGrad', 'AddBackward0', 'MulBackward0', 'x', 'y', 'z'],
  ]);
  // Node ids are dense in traversal order, so they may change as the graph grows: compare by label
  // where a label is unique.
  const byLabel = (positions) => Object.fromEntries(Object.entries(positions).map(([k, v]) => [k.split('#')[0], v]));
  for (let i = 1; i < seen.length; i++) {
    const [before, now] = [byLabel(seen[i - 1].positions), byLabel(seen[i].positions)];
    for (const label of Object.keys(before)) assert.equal(now[label], before[label], `${label} kept its place at step ${i + 1}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('tensor nodes show their name and shape, small values in full and large ones summarised', async () => {
  const { code, printed } = expected.nodes;
  const { page, errors, context } = await open('#step=1');
  await runCode(page, code);
  const oneLine = (text) => text.split(/\s+/).join(' ');
  const texts = (label) => node(page, label).locator('text').allTextContents();
  const [smallTitle, smallValue] = await texts('small');
  assert.equal(oneLine(smallTitle), 'small [2]');
  // In full, as PyTorch prints it (the box's style says requires_grad).
  assert.equal(smallValue, oneLine(printed.small).replace(', requires_grad=True)', ')'));
  const [bigTitle, bigValue] = await texts('big');
  assert.equal(oneLine(bigTitle), 'big [5000]');
  // Summarised: PyTorch's own summary (with `...`), cut to fit the box.
  assert.match(printed.big, /\.\.\./);
  assert.ok(bigValue.endsWith('…') && oneLine(printed.big).startsWith(bigValue.slice(0, -1)), bigValue);
  // The inspector has the whole printout.
  await node(page, 'big').click();
  assert.equal((await inspectorRows(page)).value, printed.big);
  assert.deepEqual(errors, []);
  await context.close();
});

// ---------------------------------------------------------------- sharing

test("a share link's code is shown as text only: markup in it creates no element and runs nothing", async () => {
  const code = 'print("<img src=x onerror=window.pwned=1>")\n# <img src=x onerror="window.pwned=2"><script>window.pwned=3</script>\n';
  const { page, errors, context } = await open('#step=1&code=' + encodeURIComponent(code));
  const { text } = await finishedRun(page);
  assert.equal(text, '<img src=x onerror=window.pwned=1>\n');
  assert.equal(await page.getByTestId('editor').inputValue(), code);
  assert.equal(await page.locator('.code-highlight').textContent(), code + '\n');
  const found = await page.evaluate(() => ({
    pwned: window.pwned ?? null,
    img: document.querySelectorAll('img').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent.includes('pwned')).length,
  }));
  assert.deepEqual(found, { pwned: null, img: 0, scripts: 0 });
  // Sharing it again keeps it text.
  await page.getByTestId('share').click();
  assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
