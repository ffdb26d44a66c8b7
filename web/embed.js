// <autograd-playground>: the Autograd Playground as a custom element, for blog posts.
//
//   <script type="module" src="/autograd-playground/embed.js"></script>
//   <autograd-playground mode="cell" lang="en">
//   x = torch.ones(2, 2, requires_grad=True)
//   print((x * 3).sum())
//   </autograd-playground>
//
// Attributes (read when the element starts): mode = lesson | cell | graph, step (1-based lesson
// step), lang = zh | en, theme = auto | light | dark, height (CSS length or pixels), readonly,
// eager (load at once instead of when scrolled into view). The element's text is the initial code.
//
// Host API: `el.code` (get/set the editor text), `el.run()` (runs it; resolves with the console
// text), and a `run` event whose `detail.output` is the console text (`detail.done` is false
// while stepping).
//
// Until the element scrolls into view it shows its code as a plain code block (readers without
// JavaScript or WebAssembly see the element's own content). The app's module and wasm are fetched
// and initialised once per page, however many elements there are; each element gets its own
// instance and interpreter worker. Everything is resolved relative to this file, so the folder
// works from any sub-path of a static host; no special headers are needed.

const BASE = new URL('./', import.meta.url);
const PREFIX = 'autograd-playground';

// Styles of the element's shadow root before the app arrives: a plain code block. `all: initial`
// cuts inheritance from the host page, so the post's CSS cannot restyle the playground.
const BASE_CSS = `
:host { display: block; margin: 1em 0; }
:host([hidden]) { display: none; }
.ag-root {
  all: initial; display: block; box-sizing: border-box; container-type: inline-size;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  color: CanvasText; text-align: start; overflow: auto;
  --mono: ui-monospace, "SFMono-Regular", "Cascadia Code", "JetBrains Mono", Menlo, Consolas, "Liberation Mono", monospace;
  --math: "Latin Modern Math", "STIX Two Math", "Cambria Math", "Noto Sans Math", math, serif;
}
.ag-placeholder {
  display: block; margin: 0; padding: 12px; border: 1px solid #d1d9e0; border-radius: 8px;
  background: #f6f8fa; color: #1f2328; font: 14px/1.5 var(--mono); white-space: pre; overflow: auto;
}
.ag-placeholder code { font: inherit; }
@container (max-width: 760px) { .layout { grid-template-columns: minmax(0, 1fr) !important; } }
`;

let baseSheet;
function sheetFrom(text) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return sheet;
}

// The app's stylesheet, rewritten for a shadow root: `rem` is relative to the host page's root
// font size, so it becomes pixels (16px = 1rem, as on the full page); `:root` becomes our root.
function scopeCss(css) {
  return css
    .replace(/(-?\d*\.?\d+)rem\b/g, (_, n) => `${+(parseFloat(n) * 16).toFixed(3)}px`)
    .replace(/:root\b/g, '.ag-root');
}

// Once per page: find the hashed file names in Trunk's index.html, load the module, init the wasm.
let runtime;
function loadRuntime() {
  runtime ??= (async () => {
    const index = await fetch(new URL('index.html', BASE));
    if (!index.ok) throw new Error(`${PREFIX}: cannot load index.html (${index.status})`);
    const doc = new DOMParser().parseFromString(await index.text(), 'text/html');
    const js = doc.querySelector('link[rel="modulepreload"][href*="playground"]')?.getAttribute('href')
      ?? doc.documentElement.innerHTML.match(/from '([^']*playground[^']*\.js)'/)?.[1];
    const wasm = doc.querySelector('link[rel="preload"][href$="_bg.wasm"]')?.getAttribute('href')
      ?? js.replace(/\.js$/, '_bg.wasm');
    const css = [...doc.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute('href'));
    if (!js) throw new Error(`${PREFIX}: no module in index.html`);
    // The page module mounts the full page unless told it is embedded.
    globalThis.__autogradPlaygroundEmbed = true;
    const [mod, ...texts] = await Promise.all([
      import(new URL(js, BASE).href),
      ...css.map((href) => fetch(new URL(href, BASE)).then((r) => r.text())),
    ]);
    // Compiled once here; every instance's worker gets the compiled module (bridge.rs).
    await mod.default({ module_or_path: new URL(wasm, BASE) });
    return { mod, sheet: sheetFrom(scopeCss(texts.join('\n'))) };
  })();
  return runtime;
}

// Loads elements as they come near the viewport.
let observer;
function watch(el) {
  if (!('IntersectionObserver' in globalThis)) return void el.load();
  observer ??= new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        observer.unobserve(entry.target);
        entry.target.load();
      }
    }
  }, { rootMargin: '200px 0px' });
  observer.observe(el);
}

/** The code written inside the element, without the common indentation of a blog's HTML. */
function codeOf(el) {
  const lines = el.textContent.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^[ \t]*/)[0].length));
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n') + (lines.length ? '\n' : '');
}

const ATTRIBUTES = ['mode', 'step', 'lang', 'theme'];

export class AutogradPlayground extends HTMLElement {
  #root;
  #code = null;
  #instance = null;
  #loading = null;
  #waiters = [];
  // Runs asked for (the first when the app mounts) and runs finished: run() resolves in order.
  #started = 0;
  #finished = 0;

  connectedCallback() {
    if (this.#root) return;
    const start = () => {
      if (this.#root) return;
      this.#code ??= codeOf(this);
      const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      baseSheet ??= sheetFrom(BASE_CSS);
      shadow.adoptedStyleSheets = [baseSheet];
      this.#root = document.createElement('div');
      this.#root.className = 'ag-root';
      this.#root.part = 'root';
      const height = this.getAttribute('height');
      if (height) this.#root.style.height = /^\d+(\.\d+)?$/.test(height) ? `${height}px` : height;
      this.#placeholder();
      shadow.replaceChildren(this.#root);
      if (this.hasAttribute('eager')) this.load();
      else watch(this);
    };
    // Before the parser has read the element's content there is no code yet.
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
    else start();
  }

  #placeholder() {
    const pre = document.createElement('pre');
    pre.className = 'ag-placeholder';
    const code = document.createElement('code');
    code.textContent = this.#code || `Autograd Playground (${this.getAttribute('mode') || 'lesson'})`;
    pre.append(code);
    this.#root.replaceChildren(pre);
  }

  /** The configuration, in the format `embed::Config::embed` reads. */
  #spec() {
    const p = new URLSearchParams();
    for (const name of ATTRIBUTES) {
      const v = this.getAttribute(name);
      if (v !== null && v !== '') p.set(name, v.trim());
    }
    if (this.hasAttribute('readonly')) p.set('readonly', this.getAttribute('readonly') === 'false' ? '0' : '1');
    if (this.#code?.trim()) p.set('code', this.#code);
    return p.toString();
  }

  /** Loads the app into this element now (normally done when it scrolls into view). */
  load() {
    this.#loading ??= loadRuntime().then(({ mod, sheet }) => {
      this.shadowRoot.adoptedStyleSheets = [baseSheet, sheet];
      const mountPoint = document.createElement('div');
      this.#root.replaceChildren(mountPoint);
      this.#started = 1;
      this.#finished = 0;
      this.#instance = mod.mount(mountPoint, this.#spec(), (output, done) => {
        if (done) {
          this.#finished += 1;
          this.#waiters = this.#waiters.filter(([ticket, resolve]) => ticket > this.#finished || void resolve(output));
        }
        this.dispatchEvent(new CustomEvent('run', { detail: { output, done } }));
      });
      this.toggleAttribute('data-ready', true);
      this.dispatchEvent(new CustomEvent('ready'));
    });
    this.#loading.catch((e) => console.error(e));
    return this.#loading;
  }

  get code() {
    return this.#instance ? this.#instance.code : (this.#code ?? codeOf(this));
  }

  set code(text) {
    this.#code = String(text);
    if (this.#instance) this.#instance.code = this.#code;
    else if (this.#root) this.#placeholder();
  }

  /** Runs the current code; resolves with the console text when the run ends. */
  async run() {
    await this.load();
    const ticket = ++this.#started;
    const done = new Promise((resolve) => this.#waiters.push([ticket, resolve]));
    this.#instance.run();
    return done;
  }

  disconnectedCallback() {
    // Moving the element keeps it; removing it for good ends its worker.
    queueMicrotask(() => {
      if (this.isConnected) return;
      observer?.unobserve(this);
      this.#instance?.unmount();
      this.#instance = null;
      this.#loading = null;
      this.#root = null;
    });
  }
}

if (!customElements.get(PREFIX)) customElements.define(PREFIX, AutogradPlayground);

// The iframe fallback (embed.html) asks its parent to fit its height; this does it for iframes
// of embed.html from this folder, so pages that load embed.js need no snippet of their own.
addEventListener('message', (e) => {
  if (e.origin !== BASE.origin || e.data?.type !== `${PREFIX}:height`) return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === e.source) frame.style.height = `${Math.ceil(e.data.height)}px`;
  }
});
