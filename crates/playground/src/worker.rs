//! The Web Worker side: the interpreter runs there so a long or endless script never blocks the
//! page. The worker is `web/worker.js`; it instantiates the page's own wasm module (handed over
//! by `bridge.rs`, compiled once) and calls `worker_main` (exported by `main.rs`), which lands
//! here. Requests and responses are bytes (see `protocol.rs`).

use crate::runner::Runner;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Installs the request handler, then tells the page it is ready.
pub fn listen() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let runner = Rc::new(RefCell::new(Runner::new()));
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let request = js_sys::Uint8Array::new(&e.data()).to_vec();
        let reply = runner.borrow_mut().handle_bytes(&request);
        if let Some(reply) = reply {
            let reply = js_sys::Uint8Array::from(reply.as_slice());
            // Transferred, not copied: a big graph's bytes move to the page at no cost.
            let _ =
                reply_to.post_message_with_transfer(&reply, &js_sys::Array::of1(&reply.buffer()));
        }
        if runner.borrow().warm_up_pending() {
            warm_up_later(&reply_to, &runner);
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(crate::protocol::READY));
}

/// Runs the warm-up's next round in a timer task of its own, so that a request that arrived
/// during the last round is handled in between (the browser takes tasks from its queues in
/// about the order they came), and cancels the rest (`Runner::handle`).
fn warm_up_later(scope: &DedicatedWorkerGlobalScope, runner: &Rc<RefCell<Runner>>) {
    let (scope_in_task, runner) = (scope.clone(), runner.clone());
    let round = Closure::once_into_js(move || {
        let more = runner.borrow_mut().warm_up_round();
        if more {
            warm_up_later(&scope_in_task, &runner);
        }
    });
    let _ = scope.set_timeout_with_callback(round.unchecked_ref());
}
