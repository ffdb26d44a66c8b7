/* global hexo */
// Hexo tag plugin for the Autograd Playground. Copy this file into your blog's `scripts/`
// folder (Hexo loads it by itself) and `dist/` into `source/autograd-playground/`. Then, in a
// post:
//
//   {% autograd_playground mode:cell lang:en %}
//   x = torch.ones(2, 2, requires_grad=True)
//   print(x + 2)
//   {% endautograd_playground %}
//
// Arguments are `name:value` pairs: mode (lesson | cell | graph), step, lang (zh | en),
// theme (auto | light | dark), height, readonly. The content is the initial code. The output is
// the <autograd-playground> element (its code inside <pre><code>, which readers without
// JavaScript see) and the module script tag (loaded once however often it appears).
'use strict';

const site = hexo; // the global is only there while Hexo loads its scripts
const NAMES = new Set(['mode', 'step', 'lang', 'theme', 'height', 'readonly']);

const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function autogradPlayground(args, content) {
  const root = (site.config.root || '/').replace(/\/?$/, '/');
  const attrs = [];
  for (const arg of args) {
    const at = arg.indexOf(':');
    const name = at < 0 ? arg : arg.slice(0, at);
    if (!NAMES.has(name)) continue;
    attrs.push(at < 0 ? ` ${name}` : ` ${name}="${escape(arg.slice(at + 1))}"`);
  }
  const code = String(content || '').replace(/^\n+|\s+$/g, '');
  return (
    `<script type="module" src="${root}autograd-playground/embed.js"></script>` +
    `<autograd-playground${attrs.join('')}><pre><code>${escape(code)}</code></pre></autograd-playground>`
  );
}

hexo.extend.tag.register('autograd_playground', autogradPlayground, { ends: true });
