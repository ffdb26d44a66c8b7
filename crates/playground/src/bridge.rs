//! The page's side of the worker: spawn, send, and terminate (Stop) or restart (after a crash).

use crate::protocol::{Request, Response, READY};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};
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
    pending: Rc<RefCell<Option<Vec<Vec<u8>>>>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

/// The worker's script (`web/worker.js`, a module worker), resolved against the module's URL
/// (`embed::asset_url`), so it is found from any page.
pub const WORKER_SCRIPT: &str = "./worker.js";

/// A worker that has been started (sent the module) but has no `Bridge` yet, and whether it
/// has said it is ready.
struct Started {
    worker: Worker,
    ready: Rc<Cell<bool>>,
    _on_ready: Closure<dyn FnMut(MessageEvent)>,
}

thread_local! {
    /// The full page starts its first worker before its first render (`prestart`), so the
    /// worker instantiates the module while Yew builds the page.
    static SPARE: RefCell<Option<Started>> = const { RefCell::new(None) };
}

/// Starts a worker now, for the next `Bridge::spawn` to take.
pub fn prestart() {
    if let Ok(started) = start() {
        SPARE.with(|spare| *spare.borrow_mut() = Some(started));
    }
}

fn start() -> Result<Started, String> {
    let cannot = |e: wasm_bindgen::JsValue| format!("cannot start the worker: {e:?}");
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(&crate::embed::asset_url(WORKER_SCRIPT), &options)
        .map_err(cannot)?;
    // Its first message: this very wasm module, already compiled, and the JavaScript glue to
    // instantiate it with (the worker installs its handler and says ready after).
    let first = js_sys::Object::new();
    let glue = crate::embed::module_url().unwrap_or_default();
    js_sys::Reflect::set(&first, &"glue".into(), &glue.into()).map_err(cannot)?;
    js_sys::Reflect::set(&first, &"module".into(), &wasm_bindgen::module()).map_err(cannot)?;
    worker.post_message(&first).map_err(cannot)?;
    let ready = Rc::new(Cell::new(false));
    let flag = ready.clone();
    let on_ready = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        if e.data().as_string().as_deref() == Some(READY) {
            flag.set(true);
        }
    });
    worker.set_onmessage(Some(on_ready.as_ref().unchecked_ref()));
    Ok(Started {
        worker,
        ready,
        _on_ready: on_ready,
    })
}

impl Bridge {
    pub fn spawn(on_event: Callback<WorkerEvent>) -> Result<Bridge, String> {
        let started = match SPARE.with(|spare| spare.borrow_mut().take()) {
            Some(started) => started,
            None => start()?,
        };
        let worker = started.worker;
        // Until it is ready, requests wait here; a prestarted worker may be ready already.
        let queue = (!started.ready.get()).then(Vec::new);
        let events = on_event.clone();
        let pending: Rc<RefCell<Option<Vec<Vec<u8>>>>> = Rc::new(RefCell::new(queue));
        let (flush_to, queue) = (worker.clone(), pending.clone());
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let data = e.data();
            if data.as_string().as_deref() == Some(READY) {
                for request in queue.borrow_mut().take().unwrap_or_default() {
                    post_bytes(&flush_to, &request);
                }
                return;
            }
            crate::browser::response_arrived();
            let bytes = js_sys::Uint8Array::new(&data).to_vec();
            let event = match Response::from_bytes(&bytes) {
                Ok(response) => WorkerEvent::Response(Box::new(response)),
                Err(err) => WorkerEvent::Crashed(format!("bad message from the worker: {err}")),
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
            queue.push(request.to_bytes());
            return;
        }
        post_bytes(&self.worker, &request.to_bytes());
    }
}

/// Sends bytes, transferring their buffer rather than copying it.
fn post_bytes(worker: &Worker, bytes: &[u8]) {
    let array = js_sys::Uint8Array::from(bytes);
    // A failure here means the worker is gone; its error event reports that.
    let _ = worker.post_message_with_transfer(&array, &js_sys::Array::of1(&array.buffer()));
}

impl Drop for Bridge {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
