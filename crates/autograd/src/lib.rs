//! Tensors with PyTorch 2.x autograd semantics, printed exactly as PyTorch prints them.
//!
//! Knows nothing of Python or the web. Values, `grad_fn` class names, printed text and error
//! messages follow PyTorch. The main entry points:
//!
//! - [`Tensor`]: construction ([`Tensor::from_nested`], [`Tensor::from_data`], [`Tensor::zeros`],
//!   [`Tensor::arange`], [`Tensor::randn`], ...), ops ([`Tensor::add`], [`Tensor::mul_scalar`],
//!   [`Tensor::matmul`], [`Tensor::sum_dim`], ...), views, in-place ops, and autograd
//!   ([`Tensor::backward`], [`Tensor::grad`], [`Tensor::grad_fn`], [`Tensor::retain_grad`],
//!   [`Tensor::register_hook`]).
//! - [`Node`]: a `grad_fn` with [`Node::name`] and [`Node::next_functions`].
//! - [`grad`] / [`backward`] / [`backward_traced`]: `torch.autograd.*`.
//! - [`no_grad`], [`enable_grad`], [`GradModeGuard`], [`is_grad_enabled`].
//! - `Display for Tensor`, [`format_parameter`], [`format_size`].
//! - [`GraphSnapshot`] and [`BackwardTrace`] for drawing (serde derives behind the `serde` feature).
//!
//! Every fallible function returns [`Result`] with a [`TorchError`] whose message is PyTorch's
//! and whose [`ErrorKind`] names the Python exception.

mod autograd;
pub mod display;
pub mod dtype;
pub mod error;
pub mod ops;
pub mod snapshot;
pub mod storage;
pub mod tensor;

pub use autograd::engine::{backward, backward_traced, backward_with_inputs, grad};
pub use autograd::functional::{hessian, jacobian, TensorFn};
pub use autograd::grad_mode::{
    enable_grad, is_grad_enabled, no_grad, set_grad_enabled, GradModeGuard,
};
pub use autograd::node::{BackwardFn, Bin, Edge, Elem, Hook, Node, Reduction, SECOND_BACKWARD_MSG};
pub use autograd::trace::{BackwardTrace, EdgeGrad, LeafUpdate, TensorPreview, TraceStep};
pub use display::{
    fmt_python_float, format_parameter, format_size, format_tensor, print_options,
    set_print_options, PrintOptions,
};
pub use dtype::{DType, Scalar};
pub use error::{ErrorKind, Result, TorchError, TorchErrorData};
pub use ops::broadcast_shapes;
pub use ops::create::NestedData;
pub use ops::index::IndexItem;
pub use ops::random::{draw_int64_seed, initial_seed, manual_seed, swap_default, Generator};
pub use snapshot::{
    GraphSnapshot, SnapEdge, SnapEdgeKind, SnapNode, SnapNodeKind, SnapSaved, SnapTensor,
    SnapshotIndex,
};
pub use storage::{max_elements, set_max_elements, Layout};
pub use tensor::{HookHandle, Tensor};
