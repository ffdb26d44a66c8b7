// The interpreter worker's entry for embeds (bridge.rs uses it when embed.js has compiled
// worker_bg.wasm): the page fetches and compiles the worker's wasm once, however many
// <autograd-playground> elements there are, and sends each worker the compiled module as its
// first message. (The full page uses Trunk's worker_loader.js, which fetches it itself.)
importScripts('./worker.js');
self.onmessage = (e) => {
  self.onmessage = null; // the worker installs its own handler, then says it is ready
  wasm_bindgen({ module_or_path: e.data });
};
