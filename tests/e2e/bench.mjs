// Page measurements for BENCHMARKS.md (run by `cargo xtask bench page`; not a test).
// Prints one JSON object: median times over several runs, in milliseconds.
//
// Every time is read on the page's own clock: a small script installed before the page's own
// (`pageClock`) notes the click on Run and the first frame painted after a condition holds. Asking
// from Node afterwards (`waitForFunction`, then `performance.now()`) would add the automation's
// round trips, which grow with the machine's load. The first output is measured in a browser
// driven over a bare DevTools pipe: Playwright evaluates its own 330 KB script on the page's main
// thread while the page loads (seen in a Chromium trace), which a learner's browser never does.
import { spawn } from 'node:child_process';
import { serveDist, launchBrowser } from './support.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await serveDist();
const browser = await launchBrowser();

const CONSOLE_HAS_TEXT = "(document.querySelector('[data-testid=console]')?.textContent ?? '') !== ''";

/** `__bench.check` is a condition, tested at the start of every frame; `__bench.done` becomes
 *  the time after the first frame in which it holds has been painted. `__bench.click` is when
 *  Run was clicked. (A frame's check is a few DOM queries; a MutationObserver on the whole
 *  document would make every DOM change of the page, 500 graph nodes included, cost more.) */
const pageClock = (initialCheck = null) => `(() => {
  const bench = (window.__bench = { click: null, done: null, check: ${initialCheck ? `() => ${initialCheck}` : 'null'} });
  document.addEventListener('click', (e) => {
    if (e.target.closest?.('[data-testid=run]')) bench.click = e.timeStamp;
  }, true);
  const frame = () => {
    if (bench.check && bench.check()) {
      bench.check = null;
      setTimeout(() => { bench.done = performance.now(); });
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

/** Headless Chromium over `--remote-debugging-pipe`: DevTools messages as NUL-terminated JSON
 *  on file descriptors 3 (to the browser) and 4 (from it). */
function bareBrowser() {
  const proc = spawn(process.env.CHROMIUM ?? '/usr/bin/chromium', [
    '--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--remote-debugging-pipe', 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  const [toBrowser, fromBrowser] = [proc.stdio[3], proc.stdio[4]];
  const pending = new Map();
  let lastId = 0;
  let received = '';
  fromBrowser.on('data', (chunk) => {
    received += chunk;
    for (let end; (end = received.indexOf('\0')) >= 0; received = received.slice(end + 1)) {
      const message = JSON.parse(received.slice(0, end));
      pending.get(message.id)?.(message);
      pending.delete(message.id);
    }
  });
  const send = (method, params = {}, sessionId = undefined) => new Promise((resolve, reject) => {
    const id = ++lastId;
    pending.set(id, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result)));
    toBrowser.write(JSON.stringify({ id, method, params, sessionId }) + '\0');
  });
  return { send, close: () => proc.kill() };
}

/** Navigation to the first lesson output, in a fresh browser context with nothing injected but
 *  the page clock. */
async function firstOutput(bare) {
  const { browserContextId } = await bare.send('Target.createBrowserContext');
  const { targetId } = await bare.send('Target.createTarget', { url: 'about:blank', browserContextId });
  const { sessionId } = await bare.send('Target.attachToTarget', { targetId, flatten: true });
  await bare.send('Page.enable', {}, sessionId);
  // Playwright's default viewport, as the other measurements use.
  await bare.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 720, deviceScaleFactor: 1, mobile: false }, sessionId);
  await bare.send('Page.addScriptToEvaluateOnNewDocument', { source: pageClock(CONSOLE_HAS_TEXT) }, sessionId);
  await bare.send('Page.navigate', { url: server.url + '#step=1' }, sessionId);
  let ms = null;
  for (let waited = 0; ms === null && waited < 30_000; waited += 200) {
    await new Promise((ok) => setTimeout(ok, 200));
    const { result } = await bare.send('Runtime.evaluate', { expression: 'window.__bench?.done ?? null', returnByValue: true }, sessionId);
    ms = result.value;
  }
  await bare.send('Target.disposeBrowserContext', { browserContextId });
  if (ms === null) throw new Error('no first output within 30 s');
  return ms;
}

/** A fresh page on the lesson's first step, its first output shown, `code` in its editor. */
async function pageWithCode(code) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(pageClock());
  const page = await context.newPage();
  await page.goto(server.url + '#step=1');
  await page.waitForFunction(CONSOLE_HAS_TEXT, null, { timeout: 30_000 });
  await page.getByTestId('editor').fill(code);
  return { page, context };
}

/** Clicks Run; returns ms from the click until the frame after `done` holds (`done`: a
 *  JavaScript expression). */
async function timeRun(page, done) {
  await page.evaluate((done) => { window.__bench.done = null; window.__bench.check = new Function(`return ${done}`); }, done);
  await page.getByTestId('run').click();
  await page.waitForFunction(() => window.__bench.done !== null, null, { timeout: 120_000, polling: 100 });
  const { click, done: painted } = await page.evaluate(() => window.__bench);
  return painted - click;
}

/** A finished run after the `n` the console has counted, whose output ends in 'done'. */
const runFinished = (n) => `!document.querySelector('[data-testid=run]').disabled
  && Number(document.querySelector('[data-testid=console]').dataset.results) > ${n}
  && document.querySelector('[data-testid=console]').textContent.includes('done')`;
const resultsSoFar = (page) => page.evaluate(() => Number(document.querySelector('[data-testid=console]').dataset.results));

/** The training script three ways: Run clicked as soon as the first output shows (the worst
 *  case: V8 is still optimising the hot code and the worker's warm-up is running), clicked again
 *  on that page (warm), and clicked 3 s after the first output on a fresh page (a learner who
 *  pasted the code, then pressed Run). */
async function timeTraining(code) {
  let { page, context } = await pageWithCode(code);
  const atOnce = await timeRun(page, runFinished(await resultsSoFar(page)));
  const again = await timeRun(page, runFinished(await resultsSoFar(page)));
  await context.close();
  ({ page, context } = await pageWithCode(code));
  await page.waitForTimeout(3000);
  const later = await timeRun(page, runFinished(await resultsSoFar(page)));
  await context.close();
  return { atOnce, again, later };
}

/** The 500-node chain: click to graph painted, and the page's own measures of the response. */
async function timeChain() {
  const { page, context } = await pageWithCode(CHAIN_500);
  const ms = await timeRun(page, GRAPH_HAS_500);
  const t0 = await page.evaluate(() => window.__bench.click);
  // The page's own measure: from the worker's response to the graph drawn (see browser.rs).
  // Only responses after the click: the page's first output drew the lesson's graph before.
  const render = await page.evaluate((t0) => performance.getEntriesByName('agp-graph-render')
    .filter((e) => e.startTime >= t0).map((e) => e.duration), t0);
  // The same response to after the browser's next frame (styles, layout, paint included).
  const painted = await page.evaluate(async (t0) => {
    const count = (name) => performance.getEntriesByName(name).length;
    for (let i = 0; i < 100 && count('agp-graph-painted') < count('agp-graph-render'); i++) await new Promise((ok) => setTimeout(ok, 20));
    return performance.getEntriesByName('agp-graph-painted').filter((e) => e.startTime >= t0).map((e) => e.duration);
  }, t0);
  // Where that time went (browser.rs PHASES): the phases of the response that drew the graph.
  lastPhases = await page.evaluate((t0) => Object.fromEntries(performance.getEntriesByType('measure')
    .filter((e) => e.name.startsWith('agp-phase:') && e.startTime >= t0).map((e) => [e.name.slice(10), e.duration])), t0);
  await context.close();
  lastRender = Math.max(...render, 0);
  lastPainted = Math.max(...painted, 0);
  return ms;
}

const CHAIN_500 = 'import torch\nx = torch.ones(1, requires_grad=True)\ny = x\nfor i in range(497):\n    y = y * 1.001\n';
const GRAPH_HAS_500 = "document.querySelectorAll('[data-testid=graph-node]').length >= 500";

let lastRender = 0;
let lastPhases = {};
let lastPainted = 0;
const results = { runs: RUNS, first_output_ms: [], chain_500_nodes_ms: [], render_500_nodes_ms: [], phases: [], painted_500_nodes_ms: [], training_ms: [], training_again_ms: [], training_after_3s_ms: [] };
const training = process.env.BENCH_TRAINING_SCRIPT ? (await import('node:fs')).readFileSync(process.env.BENCH_TRAINING_SCRIPT, 'utf8') : null;
const bare = bareBrowser();
// Each measurement in its own phase: a page load timed right after a training page closed
// competed with that page's teardown (measured: 301 ms against 231 ms for back-to-back loads).
for (let i = 0; i < RUNS; i++) results.first_output_ms.push(await firstOutput(bare));
for (let i = 0; i < RUNS; i++) {
  results.chain_500_nodes_ms.push(await timeChain());
  results.render_500_nodes_ms.push(lastRender);
  results.phases.push(lastPhases);
  results.painted_500_nodes_ms.push(lastPainted);
  if (training) {
    const { atOnce, again, later } = await timeTraining(training);
    results.training_ms.push(atOnce);
    results.training_again_ms.push(again);
    results.training_after_3s_ms.push(later);
  }
}
const summary = {
  runs: RUNS,
  first_output_ms: Math.round(median(results.first_output_ms)),
  chain_500_nodes_run_and_render_ms: Math.round(median(results.chain_500_nodes_ms)),
  render_500_nodes_ms: Math.round(median(results.render_500_nodes_ms)),
  painted_500_nodes_ms: Math.round(median(results.painted_500_nodes_ms)),
  render_500_nodes_phases_ms: Object.fromEntries(Object.keys(results.phases[0] ?? {}).map((k) =>
    [k, Math.round(10 * median(results.phases.map((p) => p[k] ?? 0))) / 10])),
  training_in_browser_ms: training ? Math.round(median(results.training_ms)) : null,
  training_again_ms: training ? Math.round(median(results.training_again_ms)) : null,
  training_after_3s_ms: training ? Math.round(median(results.training_after_3s_ms)) : null,
};
// BENCH_VERBOSE=1: every run's figures too (on stderr, so the summary stays one JSON line).
if (process.env.BENCH_VERBOSE) console.error(JSON.stringify(results));
console.log(JSON.stringify(summary));
bare.close();
await browser.close();
await server.close();
