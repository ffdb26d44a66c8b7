//! The Web Worker side: the interpreter runs there so a long or endless script never blocks the
//! page. The worker is `web/worker.js`; it instantiates the page's own wasm module (handed over
//! by `bridge.rs`, compiled once) and calls `worker_main` (exported by `main.rs`), which lands
//! here. Requests and responses are bytes (see `protocol.rs`).

use crate::runner::Runner;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Installs the request handler, then tells the page it is ready.
pub fn listen() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let mut runner = Runner::new();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let request = js_sys::Uint8Array::new(&e.data()).to_vec();
        if let Some(reply) = runner.handle_bytes(&request) {
            let reply = js_sys::Uint8Array::from(reply.as_slice());
            // Transferred, not copied: a big graph's bytes move to the page at no cost.
            let _ =
                reply_to.post_message_with_transfer(&reply, &js_sys::Array::of1(&reply.buffer()));
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(crate::protocol::READY));
}
