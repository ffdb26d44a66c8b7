// The interpreter's Web Worker (a module worker). There is one wasm for the page and its
// workers: the page compiles it once, and bridge.rs sends each new worker the compiled module
// and the URL of the page's JavaScript glue as its first message. The worker instantiates the
// module with that glue (the page's `main` does nothing outside a window) and calls
// `worker_main`, which installs the request handler and says "ready".
//
// A failure to start is rethrown from a timer: a rejected promise would only be logged, while
// an uncaught error reaches the page as the worker's error event (bridge.rs reports it).
self.onmessage = async (e) => {
  self.onmessage = null;
  try {
    const { glue, module } = e.data;
    const bindings = await import(glue);
    await bindings.default({ module_or_path: module });
    bindings.worker_main();
  } catch (error) {
    setTimeout(() => { throw error; });
  }
};
