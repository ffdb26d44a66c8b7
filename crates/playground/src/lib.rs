//! The Yew web app. It renders what `interp` and `autograd` compute and holds no autograd or
//! Python logic of its own.

pub mod app;
pub mod bridge;
pub mod layout;
pub mod lesson;
pub mod playback;
pub mod protocol;
pub mod state;
