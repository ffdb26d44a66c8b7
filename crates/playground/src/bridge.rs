//! The page's side of the worker: spawn, send, and terminate (Stop) or restart (after a crash).

use crate::protocol::{Request, Response, READY};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};
use yew::Callback;

/// What the worker reports: a response, or that it died (a panic is a bug; the caller restarts).
pub enum WorkerEvent {
    Response(Box<Response>),
    Crashed(String),
}

/// A running worker. Dropping it terminates the worker at once, whatever it is doing.
pub struct Bridge {
    worker: Worker,
    /// Requests sent before the worker said it is ready: a message that arrives while the worker
    /// is still instantiating its wasm would find no handler and be lost.
    pending: Rc<RefCell<Option<Vec<String>>>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

/// The worker's loader script, emitted by Trunk next to the page module (`data-loader-shim`);
/// resolved against the module's URL (`embed::asset_url`), so it is found from any page.
pub const WORKER_SCRIPT: &str = "./worker_loader.js";

/// The worker's entry for embeds (`web/embed-worker.js`): it waits for the compiled wasm.
pub const EMBED_WORKER_SCRIPT: &str = "./embed-worker.js";

/// The worker's wasm, compiled once per page by `web/embed.js`, so many embeds fetch and
/// compile it once (`globalThis.__autogradPlaygroundWorkerModule`).
fn shared_worker_module() -> Option<wasm_bindgen::JsValue> {
    let module = js_sys::Reflect::get(
        &js_sys::global(),
        &"__autogradPlaygroundWorkerModule".into(),
    )
    .ok()?;
    module
        .is_instance_of::<js_sys::WebAssembly::Module>()
        .then_some(module)
}

/// The full page's head starts compiling the worker's wasm before its own wasm has loaded
/// (`index.html`); this is that compilation, if it is there.
fn early_worker_module() -> Option<js_sys::Promise> {
    let promise = js_sys::Reflect::get(
        &js_sys::global(),
        &"__autogradPlaygroundWorkerModulePromise".into(),
    )
    .ok()?;
    promise.dyn_into::<js_sys::Promise>().ok()
}

impl Bridge {
    pub fn spawn(on_event: Callback<WorkerEvent>) -> Result<Bridge, String> {
        let shared = shared_worker_module();
        let early = if shared.is_none() {
            early_worker_module()
        } else {
            None
        };
        let script = if shared.is_some() || early.is_some() {
            EMBED_WORKER_SCRIPT
        } else {
            WORKER_SCRIPT
        };
        let worker = Worker::new(&crate::embed::asset_url(script))
            .map_err(|e| format!("cannot start the worker: {e:?}"))?;
        if let Some(module) = shared {
            // Its first message: the compiled wasm (it installs its handler and says ready after).
            worker
                .post_message(&module)
                .map_err(|e| format!("cannot start the worker: {e:?}"))?;
        } else if let Some(promise) = early {
            // The same, once the early compilation is done; if it failed (null), the worker
            // loads the wasm by its URL instead.
            let to = worker.clone();
            let send: Closure<dyn FnMut(wasm_bindgen::JsValue)> =
                Closure::once(move |module: wasm_bindgen::JsValue| {
                    let first = if module.is_null() || module.is_undefined() {
                        crate::embed::asset_url("./worker_bg.wasm").into()
                    } else {
                        module
                    };
                    let _ = to.post_message(&first);
                });
            let _ = promise.then(&send);
            send.forget(); // runs once; a one-time leak of a small closure per worker
        }
        let events = on_event.clone();
        let pending: Rc<RefCell<Option<Vec<String>>>> = Rc::new(RefCell::new(Some(Vec::new())));
        let (flush_to, queue) = (worker.clone(), pending.clone());
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let text = e.data().as_string();
            if text.as_deref() == Some(READY) {
                for request in queue.borrow_mut().take().unwrap_or_default() {
                    let _ = flush_to.post_message(&request.into());
                }
                return;
            }
            crate::browser::response_arrived();
            let event = match text.map(|text| Response::from_json(&text)) {
                Some(Ok(response)) => WorkerEvent::Response(Box::new(response)),
                Some(Err(err)) => {
                    WorkerEvent::Crashed(format!("bad message from the worker: {err}"))
                }
                None => WorkerEvent::Crashed("bad message from the worker".into()),
            };
            crate::browser::phase("decoded");
            events.emit(event);
        });
        let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |e: ErrorEvent| {
            e.prevent_default();
            on_event.emit(WorkerEvent::Crashed(e.message()));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Bridge {
            worker,
            pending,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    pub fn send(&self, request: &Request) {
        if let Some(queue) = self.pending.borrow_mut().as_mut() {
            queue.push(request.to_json());
            return;
        }
        // A failure here means the worker is gone; its error event reports that.
        let _ = self.worker.post_message(&request.to_json().into());
    }
}

impl Drop for Bridge {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
