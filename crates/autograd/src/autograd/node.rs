//! Graph nodes: `Node`, its edges, saved tensors and the `BackwardFn` enum.
//!
//! `BackwardFn::name`, `BackwardFn::saved` and `BackwardFn::apply` are one `match` each, kept
//! together so every operation's backward is in one place. Backward formulas are written with
//! ordinary tensor ops, so with `create_graph=True` the backward pass is itself recorded.

use crate::dtype::{DType, Scalar};
use crate::error::{Result, TorchError};
use crate::snapshot::{SnapSaved, SAVED_VALUE_LIMIT};
use crate::tensor::{fmt_list, Tensor, TensorImpl};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

/// A gradient hook: gets the gradient, may return a replacement.
pub type Hook = Rc<dyn Fn(&Tensor) -> Result<Option<Tensor>>>;

thread_local! {
    static NEXT_SEQ: Cell<u64> = const { Cell::new(0) };
}

fn next_seq() -> u64 {
    NEXT_SEQ.with(|c| {
        let v = c.get();
        c.set(v + 1);
        v
    })
}

/// An edge to the next node: gradients flow to input `input_nr` of `node`.
#[derive(Clone)]
pub struct Edge {
    pub(crate) node: Rc<Node>,
    pub(crate) input_nr: usize,
}

impl Edge {
    /// The node at the end of the edge.
    pub fn node(&self) -> &Rc<Node> {
        &self.node
    }
    /// The node's input index.
    pub fn input_nr(&self) -> usize {
        self.input_nr
    }
}

/// A function node of the autograd graph (`x.grad_fn`).
pub struct Node {
    pub(crate) seq_nr: u64,
    pub(crate) op: BackwardFn,
    pub(crate) next_edges: Vec<Option<Edge>>,
    /// Shape and dtype of each forward output (what incoming gradients must match).
    pub(crate) out_meta: Vec<(Vec<usize>, DType)>,
    /// Hooks registered on output tensors (non-leaf `register_hook`): (id, output_nr, hook).
    pub(crate) pre_hooks: RefCell<Vec<(usize, usize, Hook)>>,
    /// Output tensors that called `retain_grad()`: (output_nr, tensor).
    pub(crate) retain_grad: RefCell<Vec<(usize, Weak<TensorImpl>)>>,
}

impl Node {
    pub(crate) fn new(
        op: BackwardFn,
        next_edges: Vec<Option<Edge>>,
        out_shape: Vec<usize>,
        out_dtype: DType,
    ) -> Rc<Node> {
        Node::new_multi(op, next_edges, vec![(out_shape, out_dtype)])
    }

    pub(crate) fn new_multi(
        op: BackwardFn,
        next_edges: Vec<Option<Edge>>,
        out_meta: Vec<(Vec<usize>, DType)>,
    ) -> Rc<Node> {
        Rc::new(Node {
            seq_nr: next_seq(),
            op,
            next_edges,
            out_meta,
            pre_hooks: RefCell::new(Vec::new()),
            retain_grad: RefCell::new(Vec::new()),
        })
    }

    /// Number of forward outputs (gradients it receives).
    pub fn num_outputs(&self) -> usize {
        self.out_meta.len().max(1)
    }

    pub(crate) fn accumulate_grad(variable: Tensor) -> Rc<Node> {
        let out_meta = vec![(variable.size(), variable.dtype())];
        Rc::new(Node {
            seq_nr: u64::MAX,
            op: BackwardFn::AccumulateGrad { variable },
            next_edges: Vec::new(),
            out_meta,
            pre_hooks: RefCell::new(Vec::new()),
            retain_grad: RefCell::new(Vec::new()),
        })
    }

    /// PyTorch's class name, e.g. `MulBackward0` or `AccumulateGrad`.
    pub fn name(&self) -> &'static str {
        self.op.name()
    }

    /// The C++ `Node::name()`: the nodes written by hand in C++ carry their namespace
    /// (`torch::autograd::CopyBackwards`), generated ones are the class name.
    pub fn qualified_name(&self) -> String {
        let n = self.name();
        if matches!(n, "AccumulateGrad" | "CopyBackwards" | "CopySlices") {
            format!("torch::autograd::{n}")
        } else {
            n.to_string()
        }
    }

    /// A stable identity for the node while it lives (for `<MulBackward0 object at 0x...>`).
    pub fn id(self: &Rc<Self>) -> usize {
        Rc::as_ptr(self) as usize
    }

    /// `grad_fn.next_functions`: one `(node, input_nr)` per input, `None` where the input
    /// needs no gradient.
    pub fn next_functions(&self) -> Vec<Option<(Rc<Node>, usize)>> {
        self.next_edges
            .iter()
            .map(|e| e.as_ref().map(|e| (e.node.clone(), e.input_nr)))
            .collect()
    }

    /// The edges to the next nodes.
    pub fn next_edges(&self) -> &[Option<Edge>] {
        &self.next_edges
    }

    /// Sequence number (creation order; `AccumulateGrad` is `u64::MAX`).
    pub fn sequence_nr(&self) -> u64 {
        self.seq_nr
    }

    /// For `AccumulateGrad`: the leaf tensor (`grad_fn.variable`).
    pub fn variable(&self) -> Option<Tensor> {
        match &self.op {
            BackwardFn::AccumulateGrad { variable } => Some(variable.clone()),
            _ => None,
        }
    }

    /// Saved tensors for a snapshot, names as PyTorch's `_saved_<name>` attributes. Small
    /// ones that are still held (not freed by backward, not modified in place) come with their
    /// value, printed without autograd's suffix: the numbers a node's rule uses, for the
    /// inspector and the backward debugger. Bigger ones would cost a training loop's recorded
    /// passes their printing.
    pub(crate) fn saved_snapshot(self: &Rc<Self>) -> Vec<SnapSaved> {
        self.op
            .saved()
            .into_iter()
            .map(|(name, s)| {
                let small = s.shape.iter().product::<usize>() <= SAVED_VALUE_LIMIT;
                let held = small.then(|| s.unpack(self).ok()).flatten();
                SnapSaved {
                    name: name.to_string(),
                    shape: s.shape.clone(),
                    dtype: s.dtype.name().to_string(),
                    value: held.map(|t| crate::display::format_tensor_data(&t.detach())),
                }
            })
            .collect()
    }

    /// Whether `grad_fn._saved_<name>` exists for this kind of node even when nothing is saved
    /// under it: PyTorch's `MulBackward0` always has `_saved_self` and `_saved_other`, `None`
    /// where the other operand does not require grad.
    pub fn has_saved_attr(&self, name: &str) -> bool {
        matches!(
            (&self.op, name),
            (
                BackwardFn::Mul { .. } | BackwardFn::Div { .. },
                "self" | "other"
            )
        )
    }

    /// `grad_fn._saved_<name>`: the saved tensor (errors after it was freed).
    pub fn saved_tensor(self: &Rc<Self>, name: &str) -> Result<Option<Tensor>> {
        for (n, s) in self.op.saved() {
            if n == name {
                return s.unpack(self).map(Some);
            }
        }
        Ok(None)
    }

    /// Shape of the forward output this node produced.
    pub fn output_shape(&self) -> &[usize] {
        self.out_meta.first().map(|m| m.0.as_slice()).unwrap_or(&[])
    }

    /// Registers a hook on this node's output gradient (used for non-leaf tensor hooks).
    pub(crate) fn release_saved(&self) {
        for (_, s) in self.op.saved() {
            s.release();
        }
        if let BackwardFn::CopySlices { inner: Some(i), .. } = &self.op {
            i.release_saved();
        }
    }

    pub(crate) fn needs(&self, i: usize) -> bool {
        matches!(self.next_edges.get(i), Some(Some(_)))
    }
}

impl Drop for Node {
    /// Unlinks the graph iteratively so a long chain does not overflow the stack.
    fn drop(&mut self) {
        let mut stack: Vec<Rc<Node>> = Vec::new();
        let mut tensors: Vec<Tensor> = Vec::new();
        take_children(self, &mut stack, &mut tensors);
        loop {
            if let Some(t) = tensors.pop() {
                if let Ok(imp) = Rc::try_unwrap(t.0) {
                    let mut m = imp.meta.borrow_mut();
                    if let Some(n) = m.grad_fn.take() {
                        stack.push(n);
                    }
                    if let Some(g) = m.grad.take() {
                        tensors.push(g);
                    }
                    drop(m);
                    if let Some(b) = imp.view_base.clone() {
                        tensors.push(b);
                    }
                }
                continue;
            }
            match stack.pop() {
                Some(rc) => {
                    if let Ok(mut node) = Rc::try_unwrap(rc) {
                        take_children(&mut node, &mut stack, &mut tensors);
                    }
                }
                None => break,
            }
        }
    }
}

fn take_children(node: &mut Node, stack: &mut Vec<Rc<Node>>, tensors: &mut Vec<Tensor>) {
    for e in node.next_edges.drain(..).flatten() {
        stack.push(e.node);
    }
    if let BackwardFn::CopySlices { inner, .. } = &mut node.op {
        if let Some(i) = inner.take() {
            stack.push(i);
        }
    }
    for (_, s) in node.op.saved() {
        if let Some(t) = s.data.borrow_mut().take() {
            tensors.push(t);
        }
    }
}

/// A tensor saved for backward, with the version it had when saved.
pub struct SavedTensor {
    pub(crate) data: RefCell<Option<Tensor>>,
    saved_version: Cell<u64>,
    is_output: bool,
    pub(crate) shape: Vec<usize>,
    pub(crate) dtype: DType,
}

/// PyTorch's message for using freed saved tensors.
pub const SECOND_BACKWARD_MSG: &str = "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.";

impl SavedTensor {
    /// Saves an input of the op.
    pub(crate) fn input(t: &Tensor) -> SavedTensor {
        SavedTensor {
            data: RefCell::new(Some(t.clone())),
            saved_version: Cell::new(t.version()),
            is_output: false,
            shape: t.size(),
            dtype: t.dtype(),
        }
    }

    /// Saves the op's own output (stored without history to avoid a reference cycle).
    pub(crate) fn output(t: &Tensor) -> SavedTensor {
        SavedTensor {
            data: RefCell::new(Some(t.alias_without_history())),
            saved_version: Cell::new(t.version()),
            is_output: true,
            shape: t.size(),
            dtype: t.dtype(),
        }
    }

    fn release(&self) {
        self.data.borrow_mut().take();
    }

    /// An in-place op's saved output is the modified tensor itself, at its new version
    /// (`t.tanh_(); t.add_(1)` then fails in backward, as in PyTorch).
    pub(crate) fn rebind_output(&self, t: &Tensor) {
        if self.is_output {
            *self.data.borrow_mut() = Some(t.alias_without_history());
            self.saved_version.set(t.version());
        }
    }

    /// The saved tensor, checked against in-place modification.
    pub(crate) fn unpack(&self, node: &Rc<Node>) -> Result<Tensor> {
        let data = self.data.borrow().clone();
        let t = data.ok_or_else(|| TorchError::runtime(SECOND_BACKWARD_MSG))?;
        let current = t.version();
        if current != self.saved_version.get() {
            let mut msg = format!(
                "one of the variables needed for gradient computation has been modified by an inplace operation: [{} {}]",
                t.dtype().tensor_type_name(),
                fmt_list(t.shape())
            );
            // an input names its producer as it is now (after `y.add_(1)`, AddBackward0)
            let origin = if self.is_output {
                Some((node.qualified_name(), 0))
            } else {
                t.grad_fn().map(|n| (n.qualified_name(), t.output_nr()))
            };
            if let Some((name, nr)) = origin {
                // a generated node without `Backward` and a trailing 0 (ProdBackward0 is
                // `Prod`, ProdBackward1 `Prod1`); a hand-written one by its C++ name
                let stem = name.trim_end_matches(|c: char| c.is_ascii_digit());
                let digits = &name[stem.len()..];
                let stem = stem.strip_suffix("Backward").unwrap_or(stem);
                let digits = if digits == "0" { "" } else { digits };
                msg.push_str(&format!(", which is output {nr} of {stem}{digits},"));
            }
            msg.push_str(&format!(
                " is at version {current}; expected version {} instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False).",
                self.saved_version.get()
            ));
            return Err(TorchError::runtime(msg));
        }
        if self.is_output && crate::autograd::grad_mode::is_grad_enabled() {
            let alias = t.alias_without_history();
            alias.set_history(node.clone(), 0);
            return Ok(alias);
        }
        Ok(t)
    }
}

/// Reduction mode of loss functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Reduction {
    /// `reduction='none'`
    None,
    /// `reduction='mean'` (default)
    Mean,
    /// `reduction='sum'`
    Sum,
}

/// Elementwise functions of one tensor with their own node, forward in
/// `ops::unary::Tensor::elementwise` and backward in `BackwardFn::apply`; the node saves the
/// input, the output or nothing (`saved_name`). Parameters (eps, alpha, ...) ride along.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Elem {
    Tan,
    Asin,
    Acos,
    Atan,
    Sinh,
    Cosh,
    Expm1,
    Log10,
    Rsqrt,
    Frac,
    Deg2Rad,
    Rad2Deg,
    Sinc,
    /// `torch.logit(x, eps)`; a negative eps is `eps=None`.
    Logit(f64),
    /// `elu(x, alpha, scale, input_scale)`: `F.elu`, `F.selu` (both `EluBackward0`) and
    /// `F.celu` (`celu: true`, `CeluBackward0`).
    Elu {
        alpha: f64,
        scale: f64,
        input_scale: f64,
        celu: bool,
    },
    LogSigmoid,
    Hardswish,
    Hardsigmoid,
    Mish,
    /// `F.threshold(x, threshold, value)`.
    Threshold(f64, f64),
    Exp2,
    /// `torch.nan_to_num(x, nan, posinf, neginf)`; a NaN `posinf`/`neginf` is `None` (the
    /// dtype's largest / lowest value).
    NanToNum(f64, f64, f64),
}

impl Elem {
    /// The attribute the node saves its tensor under (`None`: it saves none).
    pub(crate) fn saved_name(self) -> Option<&'static str> {
        match self {
            Elem::Tan | Elem::Expm1 | Elem::Rsqrt | Elem::Exp2 => Some("result"),
            Elem::Frac | Elem::Deg2Rad | Elem::Rad2Deg => None,
            _ => Some("self"),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Elem::Tan => "TanBackward0",
            Elem::Asin => "AsinBackward0",
            Elem::Acos => "AcosBackward0",
            Elem::Atan => "AtanBackward0",
            Elem::Sinh => "SinhBackward0",
            Elem::Cosh => "CoshBackward0",
            Elem::Expm1 => "Expm1Backward0",
            Elem::Log10 => "Log10Backward0",
            Elem::Rsqrt => "RsqrtBackward0",
            Elem::Frac => "FracBackward0",
            Elem::Deg2Rad => "Deg2RadBackward0",
            Elem::Rad2Deg => "Rad2DegBackward0",
            Elem::Sinc => "SincBackward0",
            Elem::Logit(_) => "LogitBackward0",
            Elem::Elu { celu: true, .. } => "CeluBackward0",
            Elem::Elu { .. } => "EluBackward0",
            Elem::LogSigmoid => "LogSigmoidBackward0",
            Elem::Hardswish => "HardswishBackward0",
            Elem::Hardsigmoid => "HardsigmoidBackward0",
            Elem::Mish => "MishBackward0",
            Elem::Threshold(..) => "ThresholdBackward0",
            Elem::Exp2 => "Exp2Backward0",
            Elem::NanToNum(..) => "NanToNumBackward0",
        }
    }
}

/// Elementwise functions of two operands with their own node (`ops::special`); a Python
/// number operand is not an input of the node (`XlogyBackward2`, `FmodBackward0`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Bin {
    Atan2,
    Fmod,
    Xlogy,
    Fmin,
    Fmax,
    /// `torch.copysign`: a Python-number sign is `CopysignBackward1`.
    Copysign,
    Hypot,
}

/// The backward function of a node, carrying what it saved.
pub enum BackwardFn {
    /// `amax` / `amin` (`AmaxBackward0` / `AminBackward0`).
    Amax {
        this: SavedTensor,
        result: SavedTensor,
        dims: Vec<usize>,
        keepdim: bool,
        is_min: bool,
    },
    /// `torch.logsumexp` (`LogsumexpBackward0`).
    Logsumexp {
        this: SavedTensor,
        result: SavedTensor,
        dims: Vec<usize>,
        keepdim: bool,
    },
    /// `F.hardtanh(x, min, max)`, also `F.relu6` (`HardtanhBackward0`).
    Hardtanh {
        this: SavedTensor,
        min: f64,
        max: f64,
    },
    /// `tan`, `asin`, ... (see [`Elem`]).
    Elementwise {
        op: Elem,
        saved: Option<SavedTensor>,
        /// The in-place form of `elu` / `celu` / `threshold` (`EluBackward1`, `CeluBackward1`,
        /// `ThresholdBackward1`); the first two save the result.
        on_result: bool,
    },
    /// `atan2`, `fmod`, `xlogy` (see [`Bin`]); `None` for a Python-number operand.
    Binary {
        op: Bin,
        this: SavedTensor,
        other: SavedTensor,
        /// Which operands are tensors (inputs of the node): bit 0 self, bit 1 other.
        inputs: u8,
    },
    /// `nansum(self, dims, keepdim)` (`NansumBackward0`).
    Nansum {
        this: SavedTensor,
        dims: Vec<usize>,
        keepdim: bool,
    },
    /// `median(self)` of all elements (`MedianBackward0`).
    MedianAll {
        this: SavedTensor,
        result: SavedTensor,
    },
    /// `logcumsumexp(self, dim)` (`LogcumsumexpBackward0`).
    Logcumsumexp {
        this: SavedTensor,
        result: SavedTensor,
        dim: usize,
    },
    /// Accumulates into a leaf's `.grad`.
    AccumulateGrad {
        variable: Tensor,
    },
    Add {
        alpha: f64,
    },
    Sub {
        alpha: f64,
    },
    /// `rsub(self, other)` = other - alpha*self, both tensors.
    Rsub0 {
        alpha: f64,
    },
    /// `scalar - self`.
    Rsub1 {
        alpha: f64,
    },
    Mul {
        this: Option<SavedTensor>,
        other: Option<SavedTensor>,
    },
    Div {
        this: Option<SavedTensor>,
        other: SavedTensor,
    },
    Neg,
    PowScalar {
        this: SavedTensor,
        exponent: f64,
    },
    PowTensor {
        this: SavedTensor,
        exponent: SavedTensor,
        result: SavedTensor,
    },
    PowScalarBase {
        base: f64,
        result: SavedTensor,
    },
    Exp {
        result: SavedTensor,
    },
    Log {
        this: SavedTensor,
    },
    Sqrt {
        result: SavedTensor,
    },
    Abs {
        this: SavedTensor,
    },
    Sin {
        this: SavedTensor,
    },
    Cos {
        this: SavedTensor,
    },
    Tanh {
        result: SavedTensor,
    },
    Sigmoid {
        result: SavedTensor,
    },
    Relu {
        result: SavedTensor,
    },
    /// ReLU's backward recorded under `create_graph=True` (`ThresholdBackwardBackward0`):
    /// `result` is the ReLU's output, the mask.
    ThresholdBackward {
        result: SavedTensor,
    },
    Reciprocal {
        result: SavedTensor,
    },
    Clamp {
        this: SavedTensor,
        min: Option<f64>,
        max: Option<f64>,
    },
    /// clamp with tensor bounds (`ClampBackward0`); edges self, min, max. The bounds boxed:
    /// inline they made every node 8 bytes larger (and training about 1.5% slower).
    ClampTensor {
        this: SavedTensor,
        bounds: Box<[Option<SavedTensor>; 2]>,
    },
    Sum {
        sizes: Vec<usize>,
    },
    SumDim {
        sizes: Vec<usize>,
        dims: Vec<usize>,
        keepdim: bool,
    },
    Mean {
        sizes: Vec<usize>,
        count: usize,
    },
    MeanDim {
        sizes: Vec<usize>,
        dims: Vec<usize>,
        keepdim: bool,
        count: usize,
    },
    /// Whole-tensor max/min (`MaxBackward1` / `MinBackward1`).
    MaxAll {
        this: SavedTensor,
        result: SavedTensor,
        is_min: bool,
    },
    /// max/min along a dim (`MaxBackward0` / `MinBackward0`).
    /// `max(dim)` / `min(dim)` / `median(dim)` (`name`): the gradient scattered to `indices`.
    MaxDim {
        sizes: Vec<usize>,
        dim: usize,
        keepdim: bool,
        indices: SavedTensor,
        name: &'static str,
    },
    Mm {
        this: SavedTensor,
        mat2: SavedTensor,
    },
    Mv {
        this: SavedTensor,
        vec: SavedTensor,
    },
    Dot {
        this: SavedTensor,
        tensor: SavedTensor,
    },
    Bmm {
        this: SavedTensor,
        mat2: SavedTensor,
    },
    Softmax {
        result: SavedTensor,
        dim: usize,
    },
    LogSoftmax {
        result: SavedTensor,
        dim: usize,
    },
    MseLoss {
        this: SavedTensor,
        target: SavedTensor,
        reduction: Reduction,
    },
    NllLoss {
        target: SavedTensor,
        sizes: Vec<usize>,
        reduction: Reduction,
        ignore_index: i64,
    },
    Cat {
        dim: usize,
        lengths: Vec<usize>,
    },
    Stack {
        dim: usize,
    },
    Clone,
    ToCopy {
        dtype: DType,
    },
    View {
        sizes: Vec<usize>,
    },
    /// `reshape` of a non-contiguous tensor that needs no copy (`_reshape_alias`).
    ReshapeAlias {
        sizes: Vec<usize>,
    },
    UnsafeView {
        sizes: Vec<usize>,
    },
    T,
    Transpose {
        dim0: usize,
        dim1: usize,
    },
    Permute {
        dims: Vec<usize>,
    },
    Unsqueeze {
        dim: usize,
    },
    Squeeze {
        sizes: Vec<usize>,
    },
    /// squeeze with a tuple of dims (`SqueezeBackward2`).
    SqueezeDims {
        sizes: Vec<usize>,
    },
    SqueezeDim {
        sizes: Vec<usize>,
        dim: usize,
        /// the internal in-place squeeze (matmul of a vector, `SqueezeBackward4`).
        multi: bool,
    },
    Expand {
        sizes: Vec<usize>,
    },
    Select {
        sizes: Vec<usize>,
        dim: usize,
        index: usize,
    },
    Slice {
        sizes: Vec<usize>,
        dim: usize,
        start: usize,
        end: usize,
        step: usize,
    },
    /// Backward of `select`'s backward (`SelectBackwardBackward0`).
    SelectBackward {
        dim: usize,
        index: usize,
    },
    /// Backward of `slice`'s backward (`SliceBackwardBackward0`).
    SliceBackward {
        dim: usize,
        start: usize,
        end: usize,
        step: usize,
    },
    Log1p {
        this: SavedTensor,
    },
    Log2 {
        this: SavedTensor,
    },
    /// floor/ceil/round/trunc: zero gradient.
    Rounding {
        name: &'static str,
    },
    Maximum {
        this: SavedTensor,
        other: SavedTensor,
        is_min: bool,
    },
    Prod {
        this: SavedTensor,
        result: SavedTensor,
    },
    /// `prod` along `dim` (None for a 0-dim input).
    ProdDim {
        this: SavedTensor,
        result: SavedTensor,
        dim: Option<usize>,
        keepdim: bool,
    },
    /// var/std over `dims` (all when empty).
    Var {
        this: SavedTensor,
        dims: Vec<usize>,
        keepdim: bool,
        correction: f64,
        std_result: Option<SavedTensor>,
    },
    /// `vector_norm` of order `p`; `dims` are the reduced dims the result lacks.
    Norm {
        this: SavedTensor,
        result: SavedTensor,
        p: f64,
        dims: Vec<usize>,
        keepdim: bool,
    },
    /// `on_result`: the in-place form (`LeakyReluBackward1`), which saves the result.
    LeakyRelu {
        this: SavedTensor,
        slope: f64,
        on_result: bool,
    },
    /// The base of an in-place-modified region (`base[idx] = v`, `base[idx].mul_(2)`).
    CopySlices {
        /// 1 outside the region, 0 inside (base shape).
        mask: Tensor,
        /// Row-major positions of the region's elements within the base.
        positions: Tensor,
        view_shape: Vec<usize>,
        /// The in-place op applied to the region (None for plain assignment).
        inner: Option<Rc<Node>>,
    },
    /// A view re-derived from its base after an in-place op on it.
    AsStrided {
        base_sizes: Vec<usize>,
        positions: Tensor,
    },
    ClampMin {
        this: SavedTensor,
        min: f64,
    },
    ClampMax {
        this: SavedTensor,
        max: f64,
    },
    Cumsum {
        dim: usize,
    },
    Cumprod {
        this: SavedTensor,
        result: SavedTensor,
        dim: usize,
    },
    /// sort / topk / gather (`name`): the gradient scattered back through `indices` along `dim`.
    TakeAlong {
        name: &'static str,
        sizes: Vec<usize>,
        dim: usize,
        indices: SavedTensor,
    },
    /// `embedding(weight, indices)`: `indices` flat; the `padding_idx` row gets no gradient.
    Embedding {
        rows: usize,
        indices: SavedTensor,
        padding_idx: Option<usize>,
    },
    /// That gradient's own node (`create_graph=True`): rows gathered back, shaped `shape`.
    EmbeddingDense {
        indices: SavedTensor,
        padding_idx: Option<usize>,
        shape: Vec<usize>,
    },
    /// That scatter's own node: the gradient gathered at `indices`.
    PutAlong {
        dim: usize,
        indices: SavedTensor,
    },
    Flip {
        dims: Vec<usize>,
    },
    /// `torch.roll(x, shifts, dims)` (`RollBackward0`).
    Roll {
        shifts: Vec<i64>,
        dims: Vec<i64>,
    },
    /// `F.soft_margin_loss` (`SoftMarginLossBackward0`).
    SoftMargin {
        this: SavedTensor,
        target: SavedTensor,
        reduction: Reduction,
    },
    /// `remainder(self, other)`; `other` is None for a Python-number divisor.
    Remainder {
        this: Option<SavedTensor>,
        other: Option<SavedTensor>,
    },
    /// An op PyTorch has no derivative for (`floor_divide`): backward raises.
    NotImplemented {
        op: &'static str,
    },
    Addmm {
        mat1: SavedTensor,
        mat2: SavedTensor,
    },
    BinaryCrossEntropy {
        this: SavedTensor,
        target: SavedTensor,
        reduction: Reduction,
    },
    BinaryCrossEntropyWithLogits {
        this: SavedTensor,
        target: SavedTensor,
        reduction: Reduction,
    },
    /// smooth_l1 (`huber == false`, parameter beta) / huber (parameter delta).
    SmoothL1 {
        this: SavedTensor,
        target: SavedTensor,
        reduction: Reduction,
        param: f64,
        huber: bool,
    },
    Erf {
        this: SavedTensor,
    },
    /// `tanh`: `approximate='tanh'`.
    Gelu {
        this: SavedTensor,
        tanh: bool,
    },
    Silu {
        this: SavedTensor,
    },
    Softplus {
        this: SavedTensor,
        beta: f64,
        threshold: f64,
    },
    Tril {
        diagonal: i64,
        upper: bool,
    },
    Trace {
        sizes: Vec<usize>,
    },
    /// The diagonal of a matrix (`diag` of 2-D: `DiagonalBackward0_copy`; `diagonal`:
    /// `DiagonalBackward0`).
    DiagExtract {
        sizes: Vec<usize>,
        offset: i64,
        view: bool,
    },
    /// A vector placed on a diagonal (`diag` of 1-D: `DiagEmbedBackward0`).
    DiagEmbed {
        offset: i64,
    },
    Repeat {
        sizes: Vec<usize>,
        repeats: Vec<usize>,
    },
    Unbind {
        dim: usize,
    },
    /// `split` / `chunk` (`SplitBackward0`) and `split` with a list (`SplitWithSizesBackward0`).
    Split {
        dim: usize,
        with_sizes: bool,
    },
    /// `div(Tensor, Scalar)` called from C++ (`DivBackward1`).
    DivScalar {
        other: f64,
    },
    /// `torch.addcmul(self, t1, t2, value=v)` = `self + v * t1 * t2` (`AddcmulBackward0`).
    Addcmul {
        t1: SavedTensor,
        t2: SavedTensor,
        value: f64,
    },
    /// `torch.addcdiv(self, t1, t2, value=v)` = `self + v * t1 / t2` (`AddcdivBackward0`).
    Addcdiv {
        t1: SavedTensor,
        t2: SavedTensor,
        value: f64,
    },
    /// `torch.lerp(self, end, weight)` with a number weight (`LerpBackward0`).
    Lerp {
        weight: f64,
    },
    /// `mul(Tensor, Scalar)` called from C++ (`MulBackward1`).
    MulScalar {
        other: f64,
    },
    Zero,
    Fill,
    /// `copy_` into a fresh tensor, as `AccumulateGrad` does under `create_graph`.
    Copy,
    Sign,
    /// `x[...]`, `x[:, :]`: a view of the whole tensor (`AliasBackward0`).
    Alias,
    Where {
        cond: SavedTensor,
    },
    /// `tensor_value`: the value is a 0-dim tensor, an input of the node (`MaskedFillBackward1`).
    MaskedFill {
        mask: SavedTensor,
        tensor_value: bool,
    },
    Index {
        sizes: Vec<usize>,
        dim: usize,
        indices: SavedTensor,
        input_sizes: Vec<usize>,
    },
    IndexBackward {
        dim: usize,
        indices: SavedTensor,
    },
}

impl BackwardFn {
    /// PyTorch's class name.
    pub fn name(&self) -> &'static str {
        use BackwardFn::*;
        match self {
            AccumulateGrad { .. } => "AccumulateGrad",
            Add { .. } => "AddBackward0",
            Sub { .. } => "SubBackward0",
            Rsub0 { .. } => "RsubBackward0",
            Rsub1 { .. } => "RsubBackward1",
            Mul { .. } => "MulBackward0",
            Div { .. } => "DivBackward0",
            Neg => "NegBackward0",
            PowScalar { .. } => "PowBackward0",
            PowTensor { .. } => "PowBackward1",
            PowScalarBase { .. } => "PowBackward2",
            Exp { .. } => "ExpBackward0",
            Log { .. } => "LogBackward0",
            Sqrt { .. } => "SqrtBackward0",
            Abs { .. } => "AbsBackward0",
            Sin { .. } => "SinBackward0",
            Cos { .. } => "CosBackward0",
            Tanh { .. } => "TanhBackward0",
            Sigmoid { .. } => "SigmoidBackward0",
            Relu { .. } => "ReluBackward0",
            ThresholdBackward { .. } => "ThresholdBackwardBackward0",
            Reciprocal { .. } => "ReciprocalBackward0",
            Clamp { .. } => "ClampBackward1",
            ClampTensor { .. } => "ClampBackward0",
            Sum { .. } => "SumBackward0",
            SumDim { .. } => "SumBackward1",
            Mean { .. } => "MeanBackward0",
            MeanDim { .. } => "MeanBackward1",
            MaxAll { is_min: false, .. } => "MaxBackward1",
            MaxAll { is_min: true, .. } => "MinBackward1",
            MaxDim { name, .. } => name,
            Mm { .. } => "MmBackward0",
            Mv { .. } => "MvBackward0",
            Dot { .. } => "DotBackward0",
            Bmm { .. } => "BmmBackward0",
            Softmax { .. } => "SoftmaxBackward0",
            LogSoftmax { .. } => "LogSoftmaxBackward0",
            MseLoss { .. } => "MseLossBackward0",
            NllLoss { .. } => "NllLossBackward0",
            Cat { .. } => "CatBackward0",
            Stack { .. } => "StackBackward0",
            Clone => "CloneBackward0",
            ToCopy { .. } => "ToCopyBackward0",
            View { .. } => "ViewBackward0",
            ReshapeAlias { .. } => "ReshapeAliasBackward0",
            UnsafeView { .. } => "UnsafeViewBackward0",
            T => "TBackward0",
            Transpose { .. } => "TransposeBackward0",
            Permute { .. } => "PermuteBackward0",
            Unsqueeze { .. } => "UnsqueezeBackward0",
            Squeeze { .. } => "SqueezeBackward0",
            SqueezeDims { .. } => "SqueezeBackward2",
            SqueezeDim { multi: false, .. } => "SqueezeBackward1",
            SqueezeDim { multi: true, .. } => "SqueezeBackward4",
            Expand { .. } => "ExpandBackward0",
            Select { .. } => "SelectBackward0",
            Slice { .. } => "SliceBackward0",
            SelectBackward { .. } => "SelectBackwardBackward0",
            SliceBackward { .. } => "SliceBackwardBackward0",
            Zero => "ZeroBackward0",
            DivScalar { .. } => "DivBackward1",
            MulScalar { .. } => "MulBackward1",
            Elementwise {
                op,
                on_result: true,
                ..
            } => match op {
                Elem::Elu { celu: true, .. } => "CeluBackward1",
                Elem::Elu { .. } => "EluBackward1",
                _ => "ThresholdBackward1",
            },
            Elementwise { op, .. } => op.name(),
            Binary { op, inputs, .. } => match (op, inputs) {
                (Bin::Atan2, _) => "Atan2Backward0",
                (Bin::Fmod, 1) => "FmodBackward0",
                (Bin::Fmod, _) => "FmodBackward1",
                (Bin::Xlogy, 2) => "XlogyBackward1",
                (Bin::Xlogy, 1) => "XlogyBackward2",
                (Bin::Xlogy, _) => "XlogyBackward0",
                (Bin::Fmin, _) => "FminBackward0",
                (Bin::Fmax, _) => "FmaxBackward0",
                (Bin::Copysign, 1) => "CopysignBackward1",
                (Bin::Copysign, _) => "CopysignBackward0",
                (Bin::Hypot, _) => "HypotBackward0",
            },
            Nansum { .. } => "NansumBackward0",
            MedianAll { .. } => "MedianBackward0",
            Logcumsumexp { .. } => "LogcumsumexpBackward0",
            Hardtanh { .. } => "HardtanhBackward0",
            Amax { is_min: false, .. } => "AmaxBackward0",
            Amax { is_min: true, .. } => "AminBackward0",
            Logsumexp { .. } => "LogsumexpBackward0",
            Addcmul { .. } => "AddcmulBackward0",
            Addcdiv { .. } => "AddcdivBackward0",
            Lerp { .. } => "LerpBackward0",
            Unbind { .. } => "UnbindBackward0",
            Split {
                with_sizes: false, ..
            } => "SplitBackward0",
            Split {
                with_sizes: true, ..
            } => "SplitWithSizesBackward0",
            Tril { upper: false, .. } => "TrilBackward0",
            Tril { upper: true, .. } => "TriuBackward0",
            Trace { .. } => "TraceBackward0",
            DiagExtract { view: false, .. } => "DiagonalBackward0_copy",
            DiagExtract { view: true, .. } => "DiagonalBackward0",
            DiagEmbed { .. } => "DiagEmbedBackward0",
            Repeat { .. } => "RepeatBackward0",
            Addmm { .. } => "AddmmBackward0",
            BinaryCrossEntropy { .. } => "BinaryCrossEntropyBackward0",
            BinaryCrossEntropyWithLogits { .. } => "BinaryCrossEntropyWithLogitsBackward0",
            SmoothL1 { huber: false, .. } => "SmoothL1LossBackward0",
            SmoothL1 { huber: true, .. } => "HuberLossBackward0",
            Erf { .. } => "ErfBackward0",
            Gelu { .. } => "GeluBackward0",
            Silu { .. } => "SiluBackward0",
            Softplus { .. } => "SoftplusBackward0",
            ClampMin { .. } => "ClampMinBackward0",
            ClampMax { .. } => "ClampMaxBackward0",
            Cumsum { .. } => "CumsumBackward0",
            Cumprod { .. } => "CumprodBackward0",
            TakeAlong { name, .. } => name,
            Embedding { .. } => "EmbeddingBackward0",
            EmbeddingDense { .. } => "EmbeddingDenseBackwardBackward0",
            PutAlong { .. } => "ScatterBackward0",
            Flip { .. } => "FlipBackward0",
            Roll { .. } => "RollBackward0",
            SoftMargin { .. } => "SoftMarginLossBackward0",
            Remainder { other: None, .. } => "RemainderBackward0",
            Remainder { .. } => "RemainderBackward1",
            NotImplemented { .. } => "NotImplemented",
            CopySlices { .. } => "CopySlices",
            AsStrided { .. } => "AsStridedBackward0",
            Log1p { .. } => "Log1PBackward0",
            Log2 { .. } => "Log2Backward0",
            Rounding { name } => name,
            Maximum { is_min: false, .. } => "MaximumBackward0",
            Maximum { is_min: true, .. } => "MinimumBackward0",
            Prod { .. } => "ProdBackward0",
            ProdDim { .. } => "ProdBackward1",
            Var {
                std_result: None, ..
            } => "VarBackward0",
            Var { .. } => "StdBackward0",
            Norm { .. } => "LinalgVectorNormBackward0",
            LeakyRelu {
                on_result: true, ..
            } => "LeakyReluBackward1",
            LeakyRelu { .. } => "LeakyReluBackward0",
            Sign => "SignBackward0",
            Alias => "AliasBackward0",
            Fill => "FillBackward2",
            Copy => "CopyBackwards",
            Where { .. } => "WhereBackward0",
            MaskedFill {
                tensor_value: false,
                ..
            } => "MaskedFillBackward0",
            MaskedFill { .. } => "MaskedFillBackward1",
            Index { .. } => "IndexBackward0",
            IndexBackward { .. } => "IndexPutBackward0",
        }
    }

    /// Saved tensors with PyTorch's attribute names (`self`, `other`, `result`, ...).
    pub fn saved(&self) -> Vec<(&'static str, &SavedTensor)> {
        use BackwardFn::*;
        let mut v: Vec<(&'static str, &SavedTensor)> = Vec::new();
        match self {
            Hardtanh { this, .. } => v.push(("self", this)),
            Amax { this, result, .. } | Logsumexp { this, result, .. } => {
                v.push(("self", this));
                v.push(("result", result));
            }
            Elementwise {
                op,
                saved,
                on_result,
            } => {
                let name = match op {
                    Elem::Elu { .. } if *on_result => Some("result"),
                    _ => op.saved_name(),
                };
                if let (Some(n), Some(s)) = (name, saved) {
                    v.push((n, s))
                }
            }
            Binary {
                op,
                this,
                other,
                inputs,
            } => {
                if *inputs & 1 != 0 && !(*op == Bin::Fmod && *inputs == 1) {
                    v.push(("self", this));
                }
                if *inputs & 2 != 0 && *op != Bin::Copysign {
                    v.push(("other", other));
                }
            }
            Nansum { this, .. } => v.push(("self", this)),
            MedianAll { this, result } | Logcumsumexp { this, result, .. } => {
                v.push(("self", this));
                v.push(("result", result));
            }
            Addcmul { t1, t2, .. } | Addcdiv { t1, t2, .. } => {
                v.push(("tensor1", t1));
                v.push(("tensor2", t2));
            }
            Mul { this, other } => {
                if let Some(s) = this {
                    v.push(("self", s));
                }
                if let Some(o) = other {
                    v.push(("other", o));
                }
            }
            Div { this, other } => {
                if let Some(s) = this {
                    v.push(("self", s));
                }
                v.push(("other", other));
            }
            PowScalar { this, .. }
            | Log { this }
            | Abs { this }
            | Sin { this }
            | Cos { this }
            | Clamp { this, .. } => v.push(("self", this)),
            PowTensor {
                this,
                exponent,
                result,
            } => {
                v.push(("self", this));
                v.push(("exponent", exponent));
                v.push(("result", result));
            }
            PowScalarBase { result, .. }
            | Exp { result }
            | Sqrt { result }
            | Tanh { result }
            | Sigmoid { result }
            | Relu { result }
            | Reciprocal { result }
            | Softmax { result, .. }
            | LogSoftmax { result, .. } => v.push(("result", result)),
            ThresholdBackward { result } => v.push(("self", result)),
            ClampTensor { this, bounds } => {
                v.push(("self", this));
                if let Some(m) = &bounds[0] {
                    v.push(("min", m));
                }
                if let Some(m) = &bounds[1] {
                    v.push(("max", m));
                }
            }
            MaxAll { this, result, .. } | Cumprod { this, result, .. } => {
                v.push(("self", this));
                v.push(("result", result));
            }
            MaxDim { indices, .. }
            | Index { indices, .. }
            | IndexBackward { indices, .. }
            | TakeAlong { indices, .. }
            | Embedding { indices, .. }
            | EmbeddingDense { indices, .. }
            | PutAlong { indices, .. } => v.push(("indices", indices)),
            Mm { this, mat2 } | Bmm { this, mat2 } => {
                v.push(("self", this));
                v.push(("mat2", mat2));
            }
            Mv { this, vec } => {
                v.push(("self", this));
                v.push(("vec", vec));
            }
            Dot { this, tensor } => {
                v.push(("self", this));
                v.push(("tensor", tensor));
            }
            MseLoss { this, target, .. } => {
                v.push(("self", this));
                v.push(("target", target));
            }
            NllLoss { target, .. } => v.push(("target", target)),
            Addmm { mat1, mat2 } => {
                v.push(("mat1", mat1));
                v.push(("mat2", mat2));
            }
            BinaryCrossEntropy { this, target, .. }
            | BinaryCrossEntropyWithLogits { this, target, .. }
            | SmoothL1 { this, target, .. }
            | SoftMargin { this, target, .. } => {
                v.push(("self", this));
                v.push(("target", target));
            }
            Erf { this } | Gelu { this, .. } | Silu { this } | Softplus { this, .. } => {
                v.push(("self", this))
            }
            LeakyRelu {
                this,
                on_result: true,
                ..
            } => v.push(("result", this)),
            Log1p { this }
            | Log2 { this }
            | LeakyRelu { this, .. }
            | ClampMin { this, .. }
            | ClampMax { this, .. } => v.push(("self", this)),
            Remainder { this, other } => {
                if let Some(s) = this {
                    v.push(("self", s));
                }
                if let Some(o) = other {
                    v.push(("other", o));
                }
            }
            Maximum { this, other, .. } => {
                v.push(("self", this));
                v.push(("other", other));
            }
            Prod { this, result } | ProdDim { this, result, .. } | Norm { this, result, .. } => {
                v.push(("self", this));
                v.push(("result", result));
            }
            Var {
                this, std_result, ..
            } => {
                v.push(("self", this));
                if let Some(r) = std_result {
                    v.push(("result", r));
                }
            }
            Where { cond } => v.push(("condition", cond)),
            MaskedFill { mask, .. } => v.push(("mask", mask)),
            _ => {}
        }
        v
    }

    /// Computes the gradient for each input edge from the gradient of the output.
    /// Returned gradients may have the broadcast shape; the engine reduces them.
    pub(crate) fn apply(
        &self,
        node: &Rc<Node>,
        grads: &[Option<Tensor>],
    ) -> Result<Vec<Option<Tensor>>> {
        use BackwardFn::*;
        let n = node.next_edges.len();
        if let Unbind { dim } | Split { dim, .. } = self {
            // multi-output: missing gradients are zeros of that output's shape
            let mut parts = Vec::with_capacity(node.out_meta.len());
            for (i, (shape, dt)) in node.out_meta.iter().enumerate() {
                match grads.get(i) {
                    Some(Some(g)) => parts.push(g.clone()),
                    _ => parts.push(Tensor::zeros(shape, *dt)?),
                }
            }
            let r = if matches!(self, Unbind { .. }) {
                Tensor::stack(&parts, *dim as isize)?
            } else {
                Tensor::cat(&parts, *dim as isize)?
            };
            let mut out = vec![Some(r)];
            out.resize_with(n, || None);
            return Ok(out);
        }
        let Some(Some(g)) = grads.first() else {
            return Ok(vec![None; n]);
        };
        // The formulas are matched in three functions rather than one: as one function they
        // were 64 KB of wasm (at opt-level 3), which the browser compiles with its optimising
        // tier as a whole before backward() runs at full speed (see `interp`'s
        // `tensor_method`). Every variant must be matched in one of the three; a variant in
        // none would get no gradients.
        let out = match self.apply_basic(node, g)? {
            Some(out) => out,
            None => match self.apply_nn(node, g)? {
                Some(out) => out,
                None => self.apply_more(node, g)?.unwrap_or_default(),
            },
        };
        let mut out = out;
        out.resize_with(n, || None);
        Ok(out)
    }

    /// [`BackwardFn::apply`] for elementwise, reductions, products; `Ok(None)` for the other variants.
    #[inline(never)]
    fn apply_basic(&self, node: &Rc<Node>, g: &Tensor) -> Result<Option<Vec<Option<Tensor>>>> {
        use BackwardFn::*;
        let need = |i: usize| node.needs(i);
        let one = |t: Result<Tensor>| -> Result<Vec<Option<Tensor>>> { Ok(vec![Some(t?)]) };
        let u = |s: &SavedTensor| s.unpack(node);
        let out: Vec<Option<Tensor>> = match self {
            // handled above (multi-output)
            AccumulateGrad { .. } | Unbind { .. } | Split { .. } => Vec::new(),
            Add { alpha } => vec![
                Some(g.clone()),
                if need(1) {
                    Some(scale(g, *alpha)?)
                } else {
                    None
                },
            ],
            Sub { alpha } => vec![
                Some(g.clone()),
                if need(1) {
                    Some(scale(g, -*alpha)?)
                } else {
                    None
                },
            ],
            Rsub0 { alpha } => vec![
                if need(0) {
                    Some(scale(g, -*alpha)?)
                } else {
                    None
                },
                Some(g.clone()),
            ],
            Rsub1 { alpha } => one(scale(g, -*alpha))?,
            // restore_reduced_dims, then scale_grad_by_count / logsumexp_backward
            Amax {
                this,
                result,
                dims,
                keepdim,
                ..
            }
            | Logsumexp {
                this,
                result,
                dims,
                keepdim,
            } => {
                let x = u(this)?;
                let g = unsqueeze_dims(g, dims, *keepdim)?;
                let r = unsqueeze_dims(&u(result)?, dims, *keepdim)?;
                one(if matches!(self, Logsumexp { .. }) {
                    g.mul(&x.sub(&r)?.exp()?)
                } else {
                    let mask = r.eq(&x)?.to_dtype(x.dtype())?;
                    let dd: Vec<isize> = dims.iter().map(|&d| d as isize).collect();
                    g.div(&mask.sum_dim(&dd, true)?)?.mul(&mask)
                })?
            }
            // hardtanh_backward: zero where x <= min or x >= max (NaN passes the gradient)
            Hardtanh { this, min, max } => {
                let x = u(this)?;
                let out = x.le_scalar(*min)?.logical_or(&x.ge_scalar(*max)?)?;
                one(g.masked_fill(&out, 0.0))?
            }
            // derivatives.yaml, op for op
            Elementwise {
                op,
                saved,
                on_result,
            } => {
                let Some(saved) = saved else {
                    return Ok(Some(vec![Some(match op {
                        Elem::Deg2Rad => g.mul_scalar(std::f64::consts::PI / 180.0)?,
                        Elem::Rad2Deg => g.mul_scalar(180.0 / std::f64::consts::PI)?,
                        _ => g.clone(),
                    })]));
                };
                let x = u(saved)?;
                let on_result = *on_result && matches!(op, Elem::Elu { .. });
                if let Some(r) = crate::ops::special::elem_backward(*op, g, &x, on_result)? {
                    return Ok(Some(vec![Some(r)]));
                }
                one(match op {
                    Elem::Tan => g.mul(&x.pow_scalar(2i64)?.add_scalar(1i64)?),
                    Elem::Asin => g.mul(&x.neg()?.mul(&x)?.add_scalar(1i64)?.rsqrt()?),
                    Elem::Acos => g.mul(&x.neg()?.mul(&x)?.add_scalar(1i64)?.rsqrt()?.neg()?),
                    Elem::Atan => g.div(&x.mul(&x)?.add_scalar(1i64)?),
                    Elem::Sinh => g.mul(&x.cosh()?),
                    Elem::Cosh => g.mul(&x.sinh()?),
                    Elem::Expm1 => g.mul(&x.add_scalar(1i64)?),
                    Elem::Log10 => g.div(&x.mul_scalar(std::f64::consts::LN_10)?),
                    _ => g.mul_scalar(-0.5)?.mul(&x.pow_scalar(3i64)?),
                })?
            }
            Addcmul { t1, t2, value } => vec![
                if need(0) { Some(g.clone()) } else { None },
                if need(1) {
                    Some(g.mul(&u(t2)?.mul_scalar(*value)?)?)
                } else {
                    None
                },
                if need(2) {
                    Some(g.mul(&u(t1)?.mul_scalar(*value)?)?)
                } else {
                    None
                },
            ],
            Addcdiv { t1, t2, value } => {
                let d = u(t2)?;
                vec![
                    if need(0) { Some(g.clone()) } else { None },
                    if need(1) {
                        Some(g.mul(&d.rdiv_scalar(*value)?)?)
                    } else {
                        None
                    },
                    if need(2) {
                        let q = u(t1)?.mul_scalar(*value)?.div(&d.mul(&d)?)?;
                        Some(g.neg()?.mul(&q)?)
                    } else {
                        None
                    },
                ]
            }
            Lerp { weight } => vec![
                if need(0) {
                    Some(g.mul_scalar(1.0 - weight)?)
                } else {
                    None
                },
                if need(1) {
                    Some(g.mul_scalar(*weight)?)
                } else {
                    None
                },
            ],
            Mul { this, other } => {
                let a = match (need(0), other) {
                    (true, Some(o)) => Some(g.mul(&u(o)?)?),
                    _ => None,
                };
                let b = match (need(1), this) {
                    (true, Some(s)) => Some(g.mul(&u(s)?)?),
                    _ => None,
                };
                vec![a, b]
            }
            Div { this, other } => {
                let o = u(other)?;
                let a = if need(0) { Some(g.div(&o)?) } else { None };
                let b = match (need(1), this) {
                    (true, Some(s)) => {
                        let s = u(s)?;
                        // div_tensor_other_backward: -grad * ((self / other) / other)
                        Some(g.neg()?.mul(&s.div(&o)?.div(&o)?)?)
                    }
                    _ => None,
                };
                vec![a, b]
            }
            Neg => one(g.neg())?,
            PowScalar { this, exponent } => {
                let s = u(this)?;
                if *exponent == 0.0 {
                    one(s.zeros_like())?
                } else {
                    one(g.mul(&s.pow_scalar(exponent - 1.0)?.mul_scalar(*exponent)?))?
                }
            }
            PowTensor {
                this,
                exponent,
                result,
            } => {
                let s = u(this)?;
                let e = u(exponent)?;
                let a = if need(0) {
                    let e1 = e.sub_scalar(1.0)?;
                    let d = e.mul(&s.pow(&e1)?)?;
                    let zero_exp = e.eq_scalar(0.0)?;
                    Some(g.mul(&d)?.masked_fill(&zero_exp, 0.0)?)
                } else {
                    None
                };
                let b = if need(1) {
                    let r = u(result)?;
                    let d = g.mul(&r.mul(&s.log()?)?)?;
                    let cond = s.eq_scalar(0.0)?.logical_and(&e.ge_scalar(0.0)?)?;
                    Some(d.masked_fill(&cond, 0.0)?)
                } else {
                    None
                };
                vec![a, b]
            }
            PowScalarBase { base, result } => {
                let r = u(result)?;
                if *base == 0.0 {
                    one(g.mul(&r.zeros_like()?))?
                } else {
                    one(g.mul(&r.mul_scalar(base.ln())?))?
                }
            }
            Exp { result } => one(g.mul(&u(result)?))?,
            Log { this } => one(g.div(&u(this)?))?,
            Sqrt { result } => one(g.div(&u(result)?.mul_scalar(2.0)?))?,
            Abs { this } => one(g.mul(&u(this)?.sign()?))?,
            Sin { this } => one(g.mul(&u(this)?.cos()?))?,
            Cos { this } => one(g.mul(&u(this)?.sin()?.neg()?))?,
            Tanh { result } => {
                let r = u(result)?;
                one(g.mul(&r.mul(&r)?.rsub_scalar(1.0)?))?
            }
            Sigmoid { result } => {
                let r = u(result)?;
                one(g.mul(&r.mul(&r.rsub_scalar(1.0)?)?))?
            }
            Relu { result } | ThresholdBackward { result } => {
                one(Tensor::threshold_backward(g, &u(result)?))?
            }
            Reciprocal { result } => {
                let r = u(result)?;
                one(g.mul(&r.mul(&r)?.neg()?))?
            }
            // torch 2.15 passes the gradient strictly inside the bounds: none where x equals
            // a bound (`x.clamp(0, 1)` at x = 0 or 1)
            Clamp { this, min, max } => {
                let s = u(this)?;
                // no min: -inf passes (a max alone masks only what it clips, and NaN)
                let mask = match (min, max) {
                    (None, Some(mx)) => s.lt_scalar(*mx)?,
                    (Some(mn), Some(mx)) => s.gt_scalar(*mn)?.logical_and(&s.lt_scalar(*mx)?)?,
                    (mn, None) => s.gt_scalar(mn.unwrap_or(f64::NEG_INFINITY))?,
                };
                one(grad_where(&mask, g))?
            }
            Sum { sizes } => one(g.expand(sizes))?,
            SumDim {
                sizes,
                dims,
                keepdim,
            } => one(unsqueeze_dims(g, dims, *keepdim)?.expand(sizes))?,
            Mean { sizes, count } => one(g.expand(sizes)?.div_scalar(*count as f64))?,
            MeanDim {
                sizes,
                dims,
                keepdim,
                count,
            } => one(unsqueeze_dims(g, dims, *keepdim)?
                .expand(sizes)?
                .div_scalar(*count as f64))?,
            MaxAll { this, result, .. } => {
                // PyTorch (CPU): the gradient shared evenly among the elements equal to the
                // result (the NaNs when the result is NaN), zeros elsewhere.
                let s = u(this)?;
                let r = u(result)?;
                let mask = if r.item()?.to_f64().is_nan() {
                    s.ne(&s)?
                } else {
                    s.eq(&r)?
                };
                let count = mask.sum()?;
                one(grad_where(&mask, &g.div(&count)?))?
            }
            MaxDim {
                sizes,
                dim,
                keepdim,
                indices,
                ..
            } => {
                // value_selecting_reduction_backward: zeros with the gradient scattered (not
                // multiplied by a mask: elsewhere +0 even where the gradient is -0. or nan)
                let idx = u(indices)?;
                if sizes.is_empty() {
                    one(Ok(g.clone()))?
                } else if *keepdim {
                    one(g.put_along(sizes, *dim, &idx, false))?
                } else {
                    let d = *dim as isize;
                    one(g
                        .unsqueeze(d)?
                        .put_along(sizes, *dim, &idx.unsqueeze(d)?, false))?
                }
            }
            Mm { this, mat2 } => {
                let a = if need(0) {
                    Some(g.mm(&u(mat2)?.t()?)?)
                } else {
                    None
                };
                let b = if need(1) {
                    Some(u(this)?.t()?.mm(g)?)
                } else {
                    None
                };
                vec![a, b]
            }
            Mv { this, vec } => {
                let a = if need(0) {
                    Some(g.unsqueeze(1)?.mm(&u(vec)?.unsqueeze(0)?)?)
                } else {
                    None
                };
                let b = if need(1) {
                    Some(u(this)?.t()?.mv(g)?)
                } else {
                    None
                };
                vec![a, b]
            }
            Dot { this, tensor } => {
                let a = if need(0) {
                    Some(u(tensor)?.mul(g)?)
                } else {
                    None
                };
                let b = if need(1) {
                    Some(u(this)?.mul(g)?)
                } else {
                    None
                };
                vec![a, b]
            }
            Bmm { this, mat2 } => {
                let a = if need(0) {
                    Some(g.bmm(&u(mat2)?.transpose(1, 2)?)?)
                } else {
                    None
                };
                let b = if need(1) {
                    Some(u(this)?.transpose(1, 2)?.bmm(g)?)
                } else {
                    None
                };
                vec![a, b]
            }
            _ => return Ok(None),
        };
        Ok(Some(out))
    }

    /// [`BackwardFn::apply`] for losses, joins, views, linear layers; `Ok(None)` for the other variants.
    #[inline(never)]
    fn apply_nn(&self, node: &Rc<Node>, g: &Tensor) -> Result<Option<Vec<Option<Tensor>>>> {
        use BackwardFn::*;
        let n = node.next_edges.len();
        let need = |i: usize| node.needs(i);
        let one = |t: Result<Tensor>| -> Result<Vec<Option<Tensor>>> { Ok(vec![Some(t?)]) };
        let u = |s: &SavedTensor| s.unpack(node);
        let out: Vec<Option<Tensor>> = match self {
            Softmax { result, dim } => one(crate::ops::nn::softmax_backward(g, &u(result)?, *dim))?,
            LogSoftmax { result, dim } => {
                let r = u(result)?;
                one(g.sub(&r.exp()?.mul(&g.sum_dim(&[*dim as isize], true)?)?))?
            }
            MseLoss {
                this,
                target,
                reduction,
            } => {
                let s = u(this)?;
                let t = u(target)?;
                let diff = s.sub(&t)?.mul_scalar(2.0)?;
                let mut d = diff.mul(g)?;
                if *reduction == Reduction::Mean {
                    d = d.div_scalar(s.numel().max(1) as f64)?;
                }
                let b = if need(1) { Some(d.neg()?) } else { None };
                vec![if need(0) { Some(d) } else { None }, b]
            }
            NllLoss {
                target,
                sizes,
                reduction,
                ignore_index,
            } => {
                let t = u(target)?;
                one(crate::ops::nn::nll_loss_backward(
                    g,
                    &t,
                    sizes,
                    *reduction,
                    *ignore_index,
                ))?
            }
            Cat { dim, lengths } => {
                let mut out = Vec::with_capacity(lengths.len());
                let mut start = 0usize;
                for (i, &len) in lengths.iter().enumerate() {
                    if need(i) {
                        out.push(Some(g.slice(
                            *dim as isize,
                            start as i64,
                            (start + len) as i64,
                            1,
                        )?));
                    } else {
                        out.push(None);
                    }
                    start += len;
                }
                out
            }
            Stack { dim } => {
                let mut out = Vec::with_capacity(n);
                for i in 0..n {
                    out.push(if need(i) {
                        Some(g.select(*dim as isize, i as i64)?)
                    } else {
                        None
                    });
                }
                out
            }
            Clone => vec![Some(g.clone())],
            ToCopy { dtype } => one(g.to_dtype(*dtype))?,
            View { sizes } | ReshapeAlias { sizes } | UnsafeView { sizes } => {
                one(g.reshape_usize(sizes))?
            }
            T => one(g.t())?,
            Transpose { dim0, dim1 } => one(g.transpose(*dim0 as isize, *dim1 as isize))?,
            Permute { dims } => {
                let mut inv = vec![0isize; dims.len()];
                for (i, &d) in dims.iter().enumerate() {
                    if let Some(slot) = inv.get_mut(d) {
                        *slot = i as isize;
                    }
                }
                one(g.permute(&inv))?
            }
            Unsqueeze { dim } => one(g.squeeze_dim(*dim as isize))?,
            Squeeze { sizes } | SqueezeDim { sizes, .. } | SqueezeDims { sizes } => {
                one(g.reshape_usize(sizes))?
            }
            Expand { sizes } => one(g.sum_to_shape(sizes))?,
            Select { sizes, dim, index } => one(g.select_backward(sizes, *dim, *index))?,
            Slice {
                sizes,
                dim,
                start,
                end,
                step,
            } => one(g.slice_backward(sizes, *dim, *start, *end, *step))?,
            SelectBackward { dim, index } => one(g.select(*dim as isize, *index as i64))?,
            SliceBackward {
                dim,
                start,
                end,
                step,
            } => one(g.slice(*dim as isize, *start as i64, *end as i64, *step as i64))?,
            Zero | Fill | Sign => one(g.zeros_like())?,
            Alias => one(Ok(g.clone()))?,
            // CopyBackwards: zeros for the overwritten tensor (not None: they add to its other
            // gradients, and `0 + -0.` is `0.`), the gradient for the source
            Copy => vec![
                if need(0) { Some(g.zeros_like()?) } else { None },
                Some(g.clone()),
            ],
            DivScalar { other } => one(g.div_scalar(*other))?,
            MulScalar { other } => one(g.mul_scalar(*other))?,
            Tril { diagonal, upper } => one(if *upper {
                g.triu(*diagonal)
            } else {
                g.tril(*diagonal)
            })?,
            Trace { sizes } => {
                let (n, m) = (
                    sizes.first().copied().unwrap_or(0),
                    sizes.get(1).copied().unwrap_or(0),
                );
                one(g.mul(&Tensor::eye(n, Some(m), g.dtype())?))?
            }
            DiagExtract { sizes, offset, .. } => one(g.diag_scatter(sizes, *offset))?,
            DiagEmbed { offset } => one(g.diagonal(*offset))?,
            Repeat { sizes, repeats } => {
                // view g as (r0, s0, r1, s1, ...) and sum the repeat dims
                let lead = repeats.len() - sizes.len();
                let mut shape: Vec<isize> = Vec::new();
                let mut sum_dims: Vec<isize> = Vec::new();
                for (i, &r) in repeats.iter().enumerate() {
                    let s = if i < lead { 1 } else { sizes[i - lead] };
                    sum_dims.push(shape.len() as isize);
                    shape.push(r as isize);
                    shape.push(s as isize);
                }
                let summed = g.reshape(&shape)?.sum_dim(&sum_dims, false)?;
                one(summed.reshape_usize(sizes))?
            }
            Addmm { mat1, mat2 } => {
                let a = if need(1) {
                    Some(g.mm(&u(mat2)?.t()?)?)
                } else {
                    None
                };
                let b = if need(2) {
                    Some(u(mat1)?.t()?.mm(g)?)
                } else {
                    None
                };
                vec![Some(g.clone()), a, b]
            }
            BinaryCrossEntropy {
                this,
                target,
                reduction,
            } => {
                let x = u(this)?;
                let t = u(target)?;
                let denom = x.rsub_scalar(1i64)?.mul(&x)?.clamp_min(1e-12)?;
                let mut d = x.sub(&t)?.div(&denom)?.mul(g)?;
                if *reduction == Reduction::Mean {
                    d = d.div_scalar(x.numel().max(1) as f64)?;
                }
                let tg = if need(1) {
                    let lx = x.log()?.clamp_min(-100.0)?;
                    let l1x = x.rsub_scalar(1i64)?.log()?.clamp_min(-100.0)?;
                    let mut e = l1x.sub(&lx)?.mul(g)?;
                    if *reduction == Reduction::Mean {
                        e = e.div_scalar(x.numel().max(1) as f64)?;
                    }
                    Some(e)
                } else {
                    None
                };
                vec![Some(d), tg]
            }
            BinaryCrossEntropyWithLogits {
                this,
                target,
                reduction,
            } => {
                let x = u(this)?;
                let t = u(target)?;
                let n = x.numel().max(1) as f64;
                let mut d = x.sigmoid()?.sub(&t)?.mul(g)?;
                if *reduction == Reduction::Mean {
                    d = d.div_scalar(n)?;
                }
                let tg = if need(1) {
                    let mut e = x.neg()?.mul(g)?;
                    if *reduction == Reduction::Mean {
                        e = e.div_scalar(n)?;
                    }
                    Some(e)
                } else {
                    None
                };
                vec![Some(d), tg]
            }
            SmoothL1 {
                this,
                target,
                reduction,
                param,
                huber,
            } => {
                let x = u(this)?;
                let t = u(target)?;
                let diff = x.sub(&t)?;
                // a NaN difference takes the inner branch, as ATen's kernel: its gradient is NaN
                let small = diff.abs()?.ge_scalar(*param)?.logical_not()?;
                let inner = if *huber {
                    diff.clone()
                } else {
                    diff.div_scalar(*param)?
                };
                let outer = diff.sign()?.mul_scalar(if *huber { *param } else { 1.0 })?;
                let mut d = Tensor::where_(&small, &inner, &outer)?.mul(g)?;
                if *reduction == Reduction::Mean {
                    d = d.div_scalar(x.numel().max(1) as f64)?;
                }
                let tg = if need(1) { Some(d.neg()?) } else { None };
                vec![Some(d), tg]
            }
            _ => return Ok(None),
        };
        Ok(Some(out))
    }

    /// [`BackwardFn::apply`] for activations, in-place regions and indexing; `Ok(None)` for the other variants.
    #[inline(never)]
    fn apply_more(&self, node: &Rc<Node>, g: &Tensor) -> Result<Option<Vec<Option<Tensor>>>> {
        use BackwardFn::*;
        let need = |i: usize| node.needs(i);
        let one = |t: Result<Tensor>| -> Result<Vec<Option<Tensor>>> { Ok(vec![Some(t?)]) };
        let u = |s: &SavedTensor| s.unpack(node);
        let out: Vec<Option<Tensor>> = match self {
            Binary {
                op,
                this,
                other,
                inputs,
            } => {
                // a Python-number operand is no input: the tensor's gradient comes first
                let (na, nb) = match inputs {
                    1 => (need(0), false),
                    2 => (false, need(0)),
                    _ => (need(0), need(1)),
                };
                let (s, o) = (u(this)?, u(other)?);
                let [a, b] = crate::ops::special::binary_backward(*op, g, &s, &o, na, nb)?;
                match inputs {
                    2 => vec![b],
                    _ => vec![a, b],
                }
            }
            Nansum {
                this,
                dims,
                keepdim,
            } => {
                let x = u(this)?;
                let g = unsqueeze_dims(g, dims, *keepdim)?.expand(x.shape())?;
                one(g.mul(&x.ne(&x)?.logical_not()?))?
            }
            MedianAll { this, result } => {
                // evenly_distribute_backward
                let (x, r) = (u(this)?, u(result)?);
                let mask = x.eq(&r)?.logical_or(&x.ne(&x)?.logical_and(&r.ne(&r)?)?)?;
                let share = g.div(&mask.sum()?)?;
                one(Tensor::where_(&mask, &share, &x.zeros_like()?))?
            }
            Logcumsumexp { this, result, dim } => {
                let (x, r) = (u(this)?, u(result)?);
                one(crate::ops::special::logcumsumexp_backward(g, &x, &r, *dim))?
            }
            Erf { this } => {
                let x = u(this)?;
                let k = 2.0 / std::f64::consts::PI.sqrt();
                one(g.mul(&x.mul(&x)?.neg()?.exp()?.mul_scalar(k)?))?
            }
            Gelu { this, tanh: true } => {
                // ATen's GeluBackwardKernel for approximate='tanh'
                use crate::ops::nn_extra::{GELU_BETA, GELU_KAPPA};
                let x = u(this)?;
                let x_sq = x.mul(&x)?;
                let x_cube = x_sq.mul(&x)?;
                let inner = x
                    .add(&x_cube.mul_scalar(GELU_KAPPA)?)?
                    .mul_scalar(GELU_BETA)?;
                let th = inner.tanh()?;
                let left = x.mul_scalar(0.5)?;
                let right = th.add_scalar(1i64)?;
                let left_d = right.mul_scalar(0.5)?;
                let right_d = left
                    .mul(&th.mul(&th)?.rsub_scalar(1i64)?)?
                    .mul_scalar(GELU_BETA)?
                    .mul(&x_sq.mul_scalar(3.0 * GELU_KAPPA)?.add_scalar(1i64)?)?;
                one(g.mul(&left_d.add(&right_d)?))?
            }
            Gelu { this, tanh: false } => {
                let x = u(this)?;
                let cdf = x
                    .mul_scalar(std::f64::consts::FRAC_1_SQRT_2)?
                    .erf()?
                    .add_scalar(1i64)?
                    .mul_scalar(0.5)?;
                let pdf = x
                    .mul(&x)?
                    .mul_scalar(-0.5)?
                    .exp()?
                    .mul_scalar(1.0 / (2.0 * std::f64::consts::PI).sqrt())?;
                one(g.mul(&cdf.add(&x.mul(&pdf)?)?))?
            }
            Silu { this } => {
                let x = u(this)?;
                let s = x.sigmoid()?;
                let d = s.mul(&x.mul(&s.rsub_scalar(1i64)?)?.add_scalar(1i64)?)?;
                one(g.mul(&d))?
            }
            Softplus {
                this,
                beta,
                threshold,
            } => {
                let x = u(this)?;
                let bx = x.mul_scalar(*beta)?;
                let lin = bx.gt_scalar(*threshold)?;
                let d = Tensor::where_(&lin, &x.ones_like()?, &bx.sigmoid()?)?;
                one(g.mul(&d))?
            }
            ClampMin { this, min } => one(grad_where(&u(this)?.gt_scalar(*min)?, g))?,
            ClampMax { this, max } => one(grad_where(&u(this)?.lt_scalar(*max)?, g))?,
            ClampTensor { this, bounds } => {
                let [min, max] = &**bounds;
                let (lo, hi) = (
                    min.as_ref().map(u).transpose()?,
                    max.as_ref().map(u).transpose()?,
                );
                let [a, b, c] = crate::ops::extra::clamp_tensor_backward(
                    g,
                    &u(this)?,
                    lo.as_ref(),
                    hi.as_ref(),
                )?;
                vec![
                    a.filter(|_| need(0)),
                    b.filter(|_| need(1)),
                    c.filter(|_| need(2)),
                ]
            }
            Cumprod { this, result, dim } => one(crate::ops::extra::cumprod_backward(
                g,
                &u(this)?,
                &u(result)?,
                *dim,
            ))?,
            TakeAlong {
                name,
                sizes,
                dim,
                indices,
            } => one(g.put_along(
                sizes,
                *dim,
                &u(indices)?,
                matches!(
                    *name,
                    "GatherBackward0"
                        | "IndexSelectBackward0"
                        | "CummaxBackward0"
                        | "CumminBackward0"
                ),
            ))?,
            PutAlong { dim, indices } => one(g.take_along(*dim, &u(indices)?))?,
            Embedding {
                rows,
                indices,
                padding_idx,
            } => one(g.embedding_backward(*rows, &u(indices)?, *padding_idx))?,
            EmbeddingDense {
                indices,
                padding_idx,
                shape,
            } => one(g.embedding_double_backward(&u(indices)?, *padding_idx, shape))?,
            // cumsum_backward: a single element's gradient passes through (keeps a -0)
            Cumsum { dim } if g.numel() <= 1 || g.shape().get(*dim) == Some(&1) => {
                one(Ok(g.clone()))?
            }
            Cumsum { dim } => {
                let d = [*dim as isize];
                one(g.flip(&d)?.cumsum(*dim as isize)?.flip(&d))?
            }
            Flip { dims } => {
                let d: Vec<isize> = dims.iter().map(|&x| x as isize).collect();
                one(g.flip(&d))?
            }
            Roll { shifts, dims } => {
                let s: Vec<i64> = shifts.iter().rev().map(|&x| x.wrapping_neg()).collect();
                let d: Vec<i64> = dims.iter().rev().copied().collect();
                one(g.roll(&s, &d))?
            }
            SoftMargin {
                this,
                target,
                reduction,
            } => one(crate::ops::special::soft_margin_backward(
                g,
                &u(this)?,
                &u(target)?,
                *reduction,
            ))?,
            Remainder { this, other } => {
                let b = match (need(1), this, other) {
                    (true, Some(s), Some(o)) => {
                        let q = {
                            let s = u(s)?;
                            let o = u(o)?;
                            let _ng = crate::autograd::grad_mode::no_grad();
                            s.div(&o)?.floor()?
                        };
                        Some(g.neg()?.mul(&q)?)
                    }
                    _ => None,
                };
                vec![Some(g.clone()), b]
            }
            NotImplemented { op } => {
                return Err(TorchError::runtime(format!(
                    "derivative for aten::{op} is not implemented"
                )));
            }
            CopySlices {
                mask,
                positions,
                view_shape,
                inner,
            } => {
                let region = |g: &Tensor| -> Result<Tensor> {
                    g.reshape(&[-1])?
                        .advanced_index(0, positions)?
                        .reshape_usize(view_shape)
                };
                match inner {
                    None => vec![
                        if need(0) { Some(g.mul(mask)?) } else { None },
                        if need(1) { Some(region(g)?) } else { None },
                    ],
                    Some(inner) => {
                        let ig = inner.op.apply(inner, &[Some(region(g)?)])?;
                        let mut base = g.mul(mask)?;
                        if let Some(Some(g0)) = ig.first() {
                            let n = g.numel();
                            let sc = g0
                                .reshape(&[-1])?
                                .index_backward(&[n], 0, positions)?
                                .reshape_usize(g.shape())?;
                            base = base.add(&sc)?;
                        }
                        let mut out = vec![Some(base)];
                        out.extend(ig.into_iter().skip(1));
                        out
                    }
                }
            }
            AsStrided {
                base_sizes,
                positions,
            } => {
                let n: usize = base_sizes.iter().product();
                one(g
                    .reshape(&[-1])?
                    .index_backward(&[n], 0, positions)?
                    .reshape_usize(base_sizes))?
            }
            Log1p { this } => one(g.div(&u(this)?.add_scalar(1i64)?))?,
            Log2 { this } => one(g.div(&u(this)?.mul_scalar(std::f64::consts::LN_2)?))?,
            Rounding { .. } => one(g.zeros_like())?,
            Maximum {
                this,
                other,
                is_min,
            } => {
                // PyTorch's formula: `where(self == other, grad / 2, grad)`, zeroed where the
                // other input wins (so a pair with a NaN passes the gradient to both).
                let s = u(this)?;
                let o = u(other)?;
                let shared = Tensor::where_(&s.eq(&o)?, &g.div_scalar(2.0)?, g)?;
                let (self_loses, other_loses) = if *is_min {
                    (s.gt(&o)?, s.lt(&o)?)
                } else {
                    (s.lt(&o)?, s.gt(&o)?)
                };
                let zero = Tensor::wrapped(Scalar::Float(0.0));
                let a = if need(0) {
                    Some(Tensor::where_(&self_loses, &zero, &shared)?)
                } else {
                    None
                };
                let b = if need(1) {
                    Some(Tensor::where_(&other_loses, &zero, &shared)?)
                } else {
                    None
                };
                vec![a, b]
            }
            Prod { this, result } => one(crate::ops::reduce::prod_backward(
                g,
                &u(this)?,
                &u(result)?,
                None,
            ))?,
            ProdDim {
                this,
                result,
                dim,
                keepdim,
            } => {
                let (mut g, mut r) = (g.clone(), u(result)?);
                if let (Some(d), false) = (dim, keepdim) {
                    g = g.unsqueeze(*d as isize)?;
                    r = r.unsqueeze(*d as isize)?;
                }
                one(crate::ops::reduce::prod_backward(&g, &u(this)?, &r, *dim))?
            }
            Var {
                this,
                dims,
                keepdim,
                correction,
                std_result,
            } => {
                let s = u(this)?;
                let all: Vec<isize> = if dims.is_empty() {
                    (0..s.dim() as isize).collect()
                } else {
                    dims.iter().map(|&d| d as isize).collect()
                };
                let n: usize = all.iter().map(|&d| s.shape()[d as usize]).product();
                let mean = s.mean_dim(&all, true)?;
                let unsq = |t: Tensor| -> Result<Tensor> {
                    if dims.is_empty() || *keepdim {
                        return Ok(t);
                    }
                    let mut t = t;
                    let mut sorted = dims.clone();
                    sorted.sort_unstable();
                    for d in sorted {
                        t = t.unsqueeze(d as isize)?;
                    }
                    Ok(t)
                };
                let mut gg = unsq(g.clone())?;
                if let Some(r) = std_result {
                    // PyTorch's std_backward: (grad / (2 std)).masked_fill_(std == 0, 0)
                    let r = unsq(u(r)?)?;
                    gg = gg
                        .div(&r.mul_scalar(2i64)?)?
                        .masked_fill(&r.eq_scalar(0i64)?, 0.0)?;
                }
                // var_backward: (2 / dof) * grad * (self - mean); with no dim and dof <= 0,
                // grad * where(self == mean, nan, inf)
                let dof = n as f64 - correction;
                if dims.is_empty() && dof <= 0.0 {
                    let w = Tensor::where_(
                        &s.eq(&mean)?,
                        &Tensor::wrapped(Scalar::Float(f64::NAN)),
                        &Tensor::wrapped(Scalar::Float(f64::INFINITY)),
                    )?;
                    one(gg.mul(&w))?
                } else {
                    one(gg.mul_scalar(2.0 / dof)?.mul(&s.sub(&mean)?))?
                }
            }
            Norm {
                this,
                result,
                p,
                dims,
                keepdim,
            } if *p == 0.0 => vec![None], // the 0-norm's gradient is undefined: no edge runs
            Norm {
                this,
                result,
                p,
                dims,
                keepdim,
            } => {
                let s = u(this)?;
                let g = unsqueeze_dims(g, dims, *keepdim)?;
                let r = unsqueeze_dims(&u(result)?, dims, *keepdim)?;
                let p = *p;
                let r_zero = || r.eq_scalar(0i64);
                // PyTorch's `norm_backward`, op for op
                let grad = if p == 1.0 {
                    s.sign()?.mul(&g)?
                } else if p == 2.0 {
                    g.mul(&s.div(&r)?.masked_fill(&r_zero()?.expand_as(&s)?, 0.0)?)?
                } else if p == f64::INFINITY {
                    let a = s.abs()?;
                    let mask = a.eq(&r)?.logical_or(&a.ne(&a)?)?;
                    let all: Vec<isize> = (0..s.dim() as isize).collect();
                    let dims: Vec<isize> = if dims.is_empty() {
                        all
                    } else {
                        dims.iter().map(|&d| d as isize).collect()
                    };
                    let count = mask.to_dtype(s.dtype())?.sum_dim(&dims, true)?;
                    s.sign()?
                        .mul(&g.div(&count)?.mul(&mask.to_dtype(s.dtype())?)?)?
                } else if p < 1.0 {
                    let scaled = s.sign()?.mul(
                        &s.abs()?
                            .pow_scalar(p - 1.0)?
                            .masked_fill(&s.eq_scalar(0i64)?, 0.0)?,
                    )?;
                    scaled.mul(&g)?.mul(&r.pow_scalar(1.0 - p)?)?
                } else {
                    let scaled = if p < 2.0 {
                        s.sign()?.mul(&s.abs()?.pow_scalar(p - 1.0)?)?
                    } else {
                        s.mul(&s.abs()?.pow_scalar(p - 2.0)?)?
                    };
                    let scale = g.div(&r.pow_scalar(p - 1.0)?)?;
                    let scale = scale.masked_fill(&r_zero()?.expand_as(&scale)?, 0.0)?;
                    scaled.mul(&scale)?
                };
                one(Ok(grad))?
            }
            LeakyRelu { this, slope, .. } => {
                let s = u(this)?;
                let pos = s.gt_scalar(0i64)?.to_dtype(g.dtype())?;
                let factor = pos.mul_scalar(1.0 - slope)?.add_scalar(*slope)?;
                one(g.mul(&factor))?
            }
            Where { cond } => {
                let c = u(cond)?;
                let a = if need(0) {
                    Some(g.masked_fill(&c.logical_not()?, 0.0)?)
                } else {
                    None
                };
                let b = if need(1) {
                    Some(g.masked_fill(&c, 0.0)?)
                } else {
                    None
                };
                vec![a, b]
            }
            MaskedFill { mask, tensor_value } => {
                let m = u(mask)?;
                let a = if need(0) {
                    Some(g.masked_fill(&m, 0.0)?)
                } else {
                    None
                };
                let b = if *tensor_value && need(1) {
                    // masked_fill_backward
                    Some(Tensor::where_(&m, g, &Tensor::wrapped(0.0.into()))?.sum()?)
                } else {
                    None
                };
                vec![a, b]
            }
            Index {
                sizes,
                dim,
                indices,
                input_sizes,
            } => {
                let idx = u(indices)?;
                let r = g.index_backward(sizes, *dim, &idx)?;
                if sizes != input_sizes {
                    one(r.reshape_usize(input_sizes))?
                } else {
                    vec![Some(r)]
                }
            }
            IndexBackward { dim, indices } => {
                let idx = u(indices)?;
                one(g.advanced_index(*dim, &idx))?
            }
            _ => return Ok(None),
        };
        Ok(Some(out))
    }
}

fn scale(g: &Tensor, alpha: f64) -> Result<Tensor> {
    if alpha == 1.0 {
        Ok(g.clone())
    } else if alpha == -1.0 {
        g.neg()
    } else {
        g.mul_scalar(alpha)
    }
}

/// `where(keep, grad, 0)`. PyTorch's masked gradients (clamp's, max's) write zeros where the
/// mask is off; `grad * mask` would give NaN there for a NaN gradient and -0 (printed `-0.`)
/// for a negative one.
fn grad_where(keep: &Tensor, g: &Tensor) -> Result<Tensor> {
    Tensor::where_(keep, g, &Tensor::wrapped(Scalar::Float(0.0)))
}

fn unsqueeze_dims(g: &Tensor, dims: &[usize], keepdim: bool) -> Result<Tensor> {
    if keepdim {
        return Ok(g.clone());
    }
    let mut sorted = dims.to_vec();
    sorted.sort_unstable();
    let mut t = g.clone();
    for d in sorted {
        t = t.unsqueeze(d as isize)?;
    }
    Ok(t)
}
