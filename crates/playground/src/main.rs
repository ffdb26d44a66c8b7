//! The one wasm module of the playground. Run by Trunk's `index.html`, it mounts the full page:
//! `App` configured by the URL fragment. Loaded by `web/embed.js` (which sets
//! `__autogradPlaygroundEmbed` first), it mounts nothing itself: each `<autograd-playground>`
//! element calls [`mount`]. Instantiated again in each interpreter worker (`web/worker.js`), it
//! mounts nothing either: the worker calls [`worker_main`].
//!
//! One module for the page and the worker, not two: they would carry two copies of `core`,
//! `alloc`, the allocator, float formatting and serde, and the browser would compile both.

fn main() {
    #[cfg(target_arch = "wasm32")]
    web::start();
}

#[cfg(target_arch = "wasm32")]
pub use web::{mount, worker_main, Instance};

#[cfg(target_arch = "wasm32")]
mod web {
    use playground::app::{App, AppProps};
    use playground::embed::{Config, SharedLink};
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// This module's own URL (wasm-bindgen's JavaScript glue, which Trunk puts next to the
        /// worker and index.html).
        #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
        static MODULE_URL: String;
    }

    pub fn start() {
        playground::embed::set_module_url(MODULE_URL.with(String::clone));
        if web_sys::window().is_none() {
            return; // an interpreter worker: `worker_main` starts it
        }
        let global = js_sys::global();
        let embedded = js_sys::Reflect::get(&global, &"__autogradPlaygroundEmbed".into())
            .is_ok_and(|v| v.is_truthy());
        if !embedded {
            playground::bridge::prestart();
            let props = AppProps {
                config: Config::page(&playground::browser::fragment()),
                ..AppProps::default()
            };
            yew::Renderer::<App>::with_props(props).render();
        }
    }

    /// The interpreter worker's entry, called by `web/worker.js` once the module is instantiated.
    #[wasm_bindgen]
    pub fn worker_main() {
        playground::worker::listen();
    }

    /// A mounted instance, the element's handle on it.
    #[wasm_bindgen]
    pub struct Instance {
        link: SharedLink,
        app: Option<yew::AppHandle<App>>,
    }

    #[wasm_bindgen]
    impl Instance {
        /// The editor's current text.
        #[wasm_bindgen(getter)]
        pub fn code(&self) -> String {
            self.link.0.borrow().code.clone()
        }

        /// Replaces the editor's text.
        #[wasm_bindgen(setter)]
        pub fn set_code(&self, code: String) {
            let set = self.link.0.borrow().set_code.clone();
            self.link.0.borrow_mut().code = code.clone();
            if let Some(set) = set {
                set.emit(code);
            }
        }

        /// Runs the editor's current code, as the Run button does.
        pub fn run(&self) {
            let (run, code) = {
                let link = self.link.0.borrow();
                (link.run.clone(), link.code.clone())
            };
            if let Some(run) = run {
                run.emit(code);
            }
        }

        /// Removes the instance and terminates its worker.
        pub fn unmount(&mut self) {
            if let Some(app) = self.app.take() {
                app.destroy();
            }
        }
    }

    /// Mounts an instance into `root` (an element, typically inside a shadow root). `spec` is
    /// its configuration (`mode=cell&step=2&code=...`, see `Config::embed`); `on_result(text,
    /// done)` is called with the console text whenever a result arrives.
    #[wasm_bindgen]
    pub fn mount(
        root: web_sys::Element,
        spec: &str,
        on_result: Option<js_sys::Function>,
    ) -> Instance {
        let link = SharedLink::default();
        if let Some(f) = on_result {
            link.0.borrow_mut().on_result =
                Some(yew::Callback::from(move |(text, done): (String, bool)| {
                    let _ = f.call2(
                        &JsValue::NULL,
                        &JsValue::from_str(&text),
                        &JsValue::from_bool(done),
                    );
                }));
        }
        let props = AppProps {
            config: Config::embed(spec),
            link: link.clone(),
        };
        let app = yew::Renderer::<App>::with_root_and_props(root, props).render();
        Instance {
            link,
            app: Some(app),
        }
    }
}
