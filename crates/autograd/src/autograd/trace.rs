//! `BackwardTrace`: what the engine did, step by step, with real numbers.

use crate::tensor::Tensor;

/// A small printable summary of a tensor's values.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TensorPreview {
    /// Shape.
    pub shape: Vec<usize>,
    /// dtype name, e.g. `torch.float32`.
    pub dtype: String,
    /// Up to [`PREVIEW_LIMIT`] values in row-major order.
    pub values: Vec<f64>,
    /// Whether `values` was cut short.
    pub truncated: bool,
    /// The tensor as PyTorch prints it (`tensor([1., 2.])`).
    pub text: String,
}

/// How many values a preview keeps.
pub const PREVIEW_LIMIT: usize = 64;

impl TensorPreview {
    /// Summarises `t`.
    pub fn of(t: &Tensor) -> TensorPreview {
        let mut values = t.to_vec();
        let truncated = values.len() > PREVIEW_LIMIT;
        values.truncate(PREVIEW_LIMIT);
        TensorPreview {
            shape: t.size(),
            dtype: t.dtype().name().to_string(),
            values,
            truncated,
            text: crate::display::format_tensor_data(t),
        }
    }
}

/// A gradient sent along one edge.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct EdgeGrad {
    /// Position of the edge in `next_functions`.
    pub edge_index: usize,
    /// Snapshot id of the receiving node (None when it is not in the snapshot or the edge is None).
    pub to_node: Option<usize>,
    /// PyTorch name of the receiving node.
    pub to_name: Option<String>,
    /// `input_nr` of the edge.
    pub input_nr: usize,
    /// The gradient sent (after reduction to the input's shape); None when not computed.
    pub grad: Option<TensorPreview>,
}

/// For an `AccumulateGrad` step: the leaf's `.grad` before and after.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LeafUpdate {
    /// Snapshot id of the leaf tensor node, if known.
    pub tensor_node: Option<usize>,
    /// `.grad` before accumulation.
    pub grad_before: Option<TensorPreview>,
    /// `.grad` after accumulation.
    pub grad_after: Option<TensorPreview>,
}

/// One executed node.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TraceStep {
    /// Snapshot id of the node (None when the node is not in the snapshot).
    pub node: Option<usize>,
    /// PyTorch name (`MulBackward0`, `AccumulateGrad`).
    pub name: String,
    /// The gradient arriving at the node (summed over all incoming edges, after hooks).
    pub grad_in: Option<TensorPreview>,
    /// Gradients sent along each edge.
    pub grads_out: Vec<EdgeGrad>,
    /// For `AccumulateGrad`: the leaf's `.grad` before/after.
    pub leaf: Option<LeafUpdate>,
    /// The error this node raised, as Python prints it (`RuntimeError: Trying to backward
    /// through the graph a second time ...`): the pass stopped here.
    pub error: Option<String>,
}

/// Every node the engine executed during one `backward()` / `grad()` call, in order.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct BackwardTrace {
    /// Steps in execution order.
    pub steps: Vec<TraceStep>,
}
