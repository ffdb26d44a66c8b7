//! The page's parts. Each renders a slice of `State` and reports user intent by callbacks.

pub mod console;
pub mod debugger;
pub mod editor;
pub mod graph;
pub mod inspector;
pub mod lesson;
