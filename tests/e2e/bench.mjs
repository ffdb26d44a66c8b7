// Page measurements for BENCHMARKS.md (run by `cargo xtask bench page`; not a test).
// Prints one JSON object: median times over several runs, in milliseconds.
import { serveDist, launchBrowser } from './support.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await serveDist();
const browser = await launchBrowser();

async function firstOutput() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(server.url + '#step=1');
  await page.waitForFunction(() => document.querySelector('[data-testid=console]')?.textContent !== '', null, { timeout: 30_000 });
  const ms = await page.evaluate(() => performance.now());
  await context.close();
  return { ms, wall: Date.now() - started };
}

/** Runs `code` in the editor; returns ms from the click until `done(page)` holds. */
async function runCode(code, done, arg = null) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url + '#step=1');
  await page.waitForFunction(() => document.querySelector('[data-testid=console]')?.textContent !== '', null, { timeout: 30_000 });
  await page.getByTestId('editor').fill(code);
  const t0 = await page.evaluate(() => performance.now());
  await page.getByTestId('run').click();
  await page.waitForFunction(done, arg, { timeout: 120_000, polling: 'raf' });
  const t1 = await page.evaluate(() => performance.now());
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
  return t1 - t0;
}

const CHAIN_500 = 'import torch\nx = torch.ones(1, requires_grad=True)\ny = x\nfor i in range(497):\n    y = y * 1.001\n';
const graphHas = (n) => document.querySelectorAll('[data-testid=graph-node]').length >= n;

let lastRender = 0;
let lastPhases = {};
let lastPainted = 0;
const results = { runs: RUNS, first_output_ms: [], chain_500_nodes_ms: [], render_500_nodes_ms: [], phases: [], painted_500_nodes_ms: [], training_ms: [] };
const training = process.env.BENCH_TRAINING_SCRIPT ? (await import('node:fs')).readFileSync(process.env.BENCH_TRAINING_SCRIPT, 'utf8') : null;
for (let i = 0; i < RUNS; i++) {
  results.first_output_ms.push((await firstOutput()).ms);
  results.chain_500_nodes_ms.push(await runCode(CHAIN_500, graphHas, 500));
  results.render_500_nodes_ms.push(lastRender);
  results.phases.push(lastPhases);
  results.painted_500_nodes_ms.push(lastPainted);
  if (training) {
    results.training_ms.push(await runCode(training, () => {
      const run = document.querySelector('[data-testid=run]');
      return run && !run.disabled && document.querySelector('[data-testid=console]').textContent.includes('done');
    }));
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
};
// BENCH_VERBOSE=1: every run's figures too (on stderr, so the summary stays one JSON line).
if (process.env.BENCH_VERBOSE) console.error(JSON.stringify(results));
console.log(JSON.stringify(summary));
await browser.close();
await server.close();
