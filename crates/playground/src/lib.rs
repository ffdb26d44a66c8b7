//! The Yew web app. It renders what `interp` and `autograd` compute and holds no autograd or
//! Python logic of its own. `runner` is the worker side (native, testable); `worker` hosts it in
//! a Web Worker, `main.rs` mounts `app::App` and exports the worker's entry.

pub mod app;
pub mod bridge;
pub mod browser;
pub mod components;
pub mod embed;
pub mod graphscene;
pub mod graphview;
pub mod highlight;
pub mod hints;
pub mod i18n;
pub mod layout;
pub mod leafedit;
pub mod lesson;
pub mod markup;
pub mod playback;
pub mod protocol;
pub mod runner;
pub mod state;
pub mod urlstate;
#[cfg(target_arch = "wasm32")]
pub mod worker;
