//! The Web Worker that runs the interpreter, so the page never blocks. Requests and responses
//! are JSON strings (see `protocol.rs`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    web::listen();
}

#[cfg(target_arch = "wasm32")]
mod web {
    use playground::runner::Runner;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    pub fn listen() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply_to = scope.clone();
        let mut runner = Runner::new();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let request = e.data().as_string().unwrap_or_default();
            let reply = runner.handle_json(&request);
            let _ = reply_to.post_message(&JsValue::from_str(&reply));
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The handler lives as long as the worker.
        on_message.forget();
        let _ = scope.post_message(&JsValue::from_str(playground::protocol::READY));
    }
}
