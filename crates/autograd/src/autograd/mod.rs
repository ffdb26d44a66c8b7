//! Autograd: graph nodes, the engine, grad mode and backward traces.

pub mod engine;
pub mod functional;
pub mod grad_mode;
pub mod node;
pub mod trace;
