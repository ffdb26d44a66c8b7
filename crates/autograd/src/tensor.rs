//! The `Tensor` handle: shared storage, a strided layout, a dtype and autograd metadata.

use crate::autograd::grad_mode::is_grad_enabled;
use crate::autograd::node::{Edge, Hook, Node};
use crate::dtype::{DType, Scalar};
use crate::error::{Result, TorchError};
use crate::storage::{checked_numel, Layout, Storage};
use std::cell::{Cell, Ref, RefCell};
use std::rc::{Rc, Weak};

/// A tensor. Cloning the handle is cheap and aliases the same tensor (Python's `b = a`).
#[derive(Clone)]
pub struct Tensor(pub(crate) Rc<TensorImpl>);

/// The shared state behind a [`Tensor`] handle.
pub struct TensorImpl {
    pub(crate) storage: Storage,
    pub(crate) layout: Layout,
    pub(crate) dtype: DType,
    /// Version counter shared by all views of one storage; bumped by in-place ops.
    pub(crate) version: Rc<Cell<u64>>,
    pub(crate) meta: RefCell<AutogradMeta>,
    /// A Python number wrapped as a 0-dim tensor for an op (takes part in type promotion weakly).
    pub(crate) wrapped_number: bool,
    /// For views: the tensor whose storage this views (None when not a view).
    pub(crate) view_base: Option<Tensor>,
    /// A view made in no_grad mode of a tensor that requires grad (in-place on it is refused).
    pub(crate) no_grad_view: bool,
}

/// Autograd state of one tensor.
#[derive(Default)]
pub(crate) struct AutogradMeta {
    /// Set on leaves by `requires_grad_`; non-leaves require grad through `grad_fn`.
    pub(crate) requires_grad: bool,
    pub(crate) grad: Option<Tensor>,
    pub(crate) grad_fn: Option<Rc<Node>>,
    pub(crate) output_nr: usize,
    pub(crate) retains_grad: bool,
    /// Cached `AccumulateGrad` node of a leaf (weak: the graph owns it).
    pub(crate) grad_accumulator: Weak<Node>,
    /// Hooks of a leaf tensor, run before accumulation.
    pub(crate) hooks: Vec<(usize, Hook)>,
}

thread_local! {
    static NEXT_HOOK_ID: Cell<usize> = const { Cell::new(0) };
}

pub(crate) fn next_hook_id() -> usize {
    NEXT_HOOK_ID.with(|c| {
        let v = c.get();
        c.set(v + 1);
        v
    })
}

/// Handle returned by [`Tensor::register_hook`]; pass to [`Tensor::remove_hook`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HookHandle(pub usize);

impl Tensor {
    // ----- construction -------------------------------------------------------------------

    /// Builds a tensor from raw parts; `values` must already be rounded to `dtype`.
    pub(crate) fn new_raw(values: Vec<f64>, shape: Vec<usize>, dtype: DType) -> Tensor {
        let layout = Layout::contiguous(&shape);
        Tensor(Rc::new(TensorImpl {
            storage: Rc::new(RefCell::new(values)),
            layout,
            dtype,
            version: Rc::new(Cell::new(0)),
            meta: RefCell::new(AutogradMeta::default()),
            wrapped_number: false,
            view_base: None,
            no_grad_view: false,
        }))
    }

    /// A contiguous tensor from row-major `values` with `shape` and `dtype`
    /// (values are rounded to the dtype).
    pub fn from_data(values: Vec<f64>, shape: &[usize], dtype: DType) -> Result<Tensor> {
        let n = checked_numel(shape)?;
        if n != values.len() {
            return Err(TorchError::runtime(format!(
                "shape '{}' is invalid for input of size {}",
                fmt_list(shape),
                values.len()
            )));
        }
        let values = values.into_iter().map(|v| dtype.cast(v)).collect();
        Ok(Tensor::new_raw(values, shape.to_vec(), dtype))
    }

    /// A 0-dim tensor (`torch.tensor(2.5)`): float → float32, int → int64, bool → bool.
    pub fn scalar(s: Scalar) -> Tensor {
        let dt = s.default_dtype();
        Tensor::new_raw(vec![dt.cast(s.to_f64())], vec![], dt)
    }

    /// A 0-dim tensor of the given dtype.
    pub fn scalar_of(v: f64, dtype: DType) -> Tensor {
        Tensor::new_raw(vec![dtype.cast(v)], vec![], dtype)
    }

    /// A Python number wrapped for an op (`x + 2`): it promotes like PyTorch's wrapped numbers
    /// (a float only makes integer tensors float32; it never makes float32 float64).
    pub fn wrapped(s: Scalar) -> Tensor {
        let dt = match s {
            Scalar::Bool(_) => DType::Bool,
            Scalar::Int(_) => DType::Int64,
            Scalar::Float(_) => DType::Float64,
        };
        Tensor(Rc::new(TensorImpl {
            storage: Rc::new(RefCell::new(vec![s.to_f64()])),
            layout: Layout::contiguous(&[]),
            dtype: dt,
            version: Rc::new(Cell::new(0)),
            meta: RefCell::new(AutogradMeta::default()),
            wrapped_number: true,
            view_base: None,
            no_grad_view: false,
        }))
    }

    /// A tensor sharing this one's storage with another layout (a view).
    pub(crate) fn make_view(&self, layout: Layout) -> Tensor {
        let base = match &self.0.view_base {
            Some(b) => b.clone(),
            None => self.clone(),
        };
        let no_grad_view = self.0.no_grad_view || (!is_grad_enabled() && self.requires_grad());
        Tensor(Rc::new(TensorImpl {
            storage: self.0.storage.clone(),
            layout,
            dtype: self.0.dtype,
            version: self.0.version.clone(),
            meta: RefCell::new(AutogradMeta::default()),
            wrapped_number: false,
            view_base: Some(base),
            no_grad_view,
        }))
    }

    /// Same storage, layout and version counter, no autograd history (used for saved outputs).
    pub(crate) fn alias_without_history(&self) -> Tensor {
        Tensor(Rc::new(TensorImpl {
            storage: self.0.storage.clone(),
            layout: self.0.layout.clone(),
            dtype: self.0.dtype,
            version: self.0.version.clone(),
            meta: RefCell::new(AutogradMeta::default()),
            wrapped_number: self.0.wrapped_number,
            view_base: None,
            no_grad_view: false,
        }))
    }

    // ----- layout ---------------------------------------------------------------------------

    /// The shape (`x.shape`).
    pub fn shape(&self) -> &[usize] {
        &self.0.layout.shape
    }

    /// The shape as a vector (`x.size()`).
    pub fn size(&self) -> Vec<usize> {
        self.0.layout.shape.clone()
    }

    /// Number of dimensions.
    pub fn dim(&self) -> usize {
        self.0.layout.shape.len()
    }

    /// Number of elements.
    pub fn numel(&self) -> usize {
        self.0.layout.numel()
    }

    /// The element type.
    pub fn dtype(&self) -> DType {
        self.0.dtype
    }

    /// Strides in elements (`x.stride()`).
    pub fn strides(&self) -> &[usize] {
        &self.0.layout.strides
    }

    /// Storage offset of the first element.
    pub fn storage_offset(&self) -> usize {
        self.0.layout.offset
    }

    /// Whether the tensor is row-major contiguous.
    pub fn is_contiguous(&self) -> bool {
        self.0.layout.is_contiguous()
    }

    /// The layout.
    pub fn layout(&self) -> &Layout {
        &self.0.layout
    }

    /// Whether this was created from a Python number by [`Tensor::wrapped`].
    pub fn is_wrapped_number(&self) -> bool {
        self.0.wrapped_number
    }

    /// A stable identity for the tensor object while it lives (Python's `id(x)`).
    pub fn id(&self) -> usize {
        Rc::as_ptr(&self.0) as usize
    }

    /// Whether two handles are the same tensor object (Python's `is`).
    pub fn same(&self, other: &Tensor) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }

    /// Whether two tensors share storage (views, `detach`).
    pub fn shares_storage(&self, other: &Tensor) -> bool {
        Rc::ptr_eq(&self.0.storage, &other.0.storage)
    }

    /// Whether this tensor is a view of another.
    pub fn is_view(&self) -> bool {
        self.0.view_base.is_some()
    }

    /// The tensor's version counter (`x._version`).
    pub fn version(&self) -> u64 {
        self.0.version.get()
    }

    pub(crate) fn bump_version(&self) {
        self.0.version.set(self.0.version.get() + 1);
    }

    // ----- values ---------------------------------------------------------------------------

    /// All elements in row-major order, as `f64` (ints and bools as whole numbers / 0, 1).
    pub fn to_vec(&self) -> Vec<f64> {
        self.0.layout.gather(&self.0.storage.borrow())
    }

    /// `x.item()`: the only element, typed by dtype.
    pub fn item(&self) -> Result<Scalar> {
        let n = self.numel();
        if n != 1 {
            return Err(TorchError::runtime(format!(
                "a Tensor with {n} elements cannot be converted to Scalar"
            )));
        }
        let v = self.to_vec().first().copied().unwrap_or(0.0);
        Ok(match self.dtype() {
            DType::Bool => Scalar::Bool(v != 0.0),
            DType::Int64 | DType::Int32 | DType::Int16 => Scalar::Int(v as i64),
            _ => Scalar::Float(v),
        })
    }

    /// Writes row-major `values` (already rounded) through this tensor's layout and bumps the
    /// version counter.
    pub(crate) fn write_values(&self, values: &[f64]) {
        let offs = self.0.layout.offsets();
        {
            let mut st = self.0.storage.borrow_mut();
            for (o, v) in offs.into_iter().zip(values) {
                if let Some(slot) = st.get_mut(o) {
                    *slot = *v;
                }
            }
        }
        self.bump_version();
    }

    // ----- autograd metadata ---------------------------------------------------------------

    pub(crate) fn meta(&self) -> Ref<'_, AutogradMeta> {
        self.0.meta.borrow()
    }

    /// `x.requires_grad`. A view made under `no_grad` of a tensor that requires grad requires
    /// grad too, as in PyTorch, though it has no history (its gradient goes nowhere).
    pub fn requires_grad(&self) -> bool {
        let m = self.0.meta.borrow();
        m.requires_grad || m.grad_fn.is_some() || self.0.no_grad_view
    }

    /// `x.is_leaf`: true when the tensor has no `grad_fn`.
    pub fn is_leaf(&self) -> bool {
        self.0.meta.borrow().grad_fn.is_none()
    }

    /// `x.grad_fn`: the node that created this tensor (None for leaves).
    pub fn grad_fn(&self) -> Option<Rc<Node>> {
        self.0.meta.borrow().grad_fn.clone()
    }

    /// Which output of `grad_fn` this tensor is.
    pub fn output_nr(&self) -> usize {
        self.0.meta.borrow().output_nr
    }

    /// `x.grad`.
    pub fn grad(&self) -> Option<Tensor> {
        self.0.meta.borrow().grad.clone()
    }

    /// `x.grad = g` (None clears it). The shape must match, as in PyTorch.
    pub fn set_grad(&self, grad: Option<Tensor>) -> Result<()> {
        if let Some(g) = &grad {
            if g.dtype() != self.dtype() {
                return Err(TorchError::type_error(
                    "assigned grad has data of a different type".to_string(),
                ));
            }
            if g.shape() != self.shape() {
                return Err(TorchError::runtime(
                    "assigned grad has data of a different size",
                ));
            }
        }
        self.0.meta.borrow_mut().grad = grad;
        Ok(())
    }

    /// `x.retains_grad`.
    pub fn retains_grad(&self) -> bool {
        self.0.meta.borrow().retains_grad
    }

    /// `x.requires_grad_(flag)` (the method). Only floating tensors can require grad; a
    /// non-leaf can't be switched off.
    pub fn requires_grad_(&self, flag: bool) -> Result<()> {
        if !self.is_leaf() {
            if !flag {
                return Err(TorchError::runtime(requires_grad_leaf_error(false)));
            }
            return Ok(());
        }
        self.set_leaf_requires_grad(flag, false)
    }

    /// `x.requires_grad = flag` (the attribute setter): any non-leaf is refused.
    pub fn set_requires_grad(&self, flag: bool) -> Result<()> {
        if !self.is_leaf() {
            return Err(TorchError::runtime(requires_grad_leaf_error(flag)));
        }
        self.set_leaf_requires_grad(flag, false)
    }

    /// Used by constructors (`torch.tensor(..., requires_grad=True)`), whose message is
    /// capitalised differently.
    pub fn set_requires_grad_at_creation(&self, flag: bool) -> Result<()> {
        self.set_leaf_requires_grad(flag, true)
    }

    fn set_leaf_requires_grad(&self, flag: bool, capital: bool) -> Result<()> {
        if flag && !self.dtype().is_floating_point() {
            let msg = if capital {
                "Only Tensors of floating point and complex dtype can require gradients"
            } else {
                "only Tensors of floating point dtype can require gradients"
            };
            return Err(TorchError::runtime(msg));
        }
        self.0.meta.borrow_mut().requires_grad = flag;
        Ok(())
    }

    /// `x.retain_grad()`: keep `.grad` for a non-leaf after backward.
    pub fn retain_grad(&self) -> Result<()> {
        if !self.requires_grad() {
            return Err(TorchError::runtime(
                "can't retain_grad on Tensor that has requires_grad=False",
            ));
        }
        if self.is_leaf() {
            return Ok(());
        }
        let node = self.grad_fn();
        let nr = self.output_nr();
        let already = self.retains_grad();
        self.0.meta.borrow_mut().retains_grad = true;
        if let (Some(node), false) = (node, already) {
            node.retain_grad
                .borrow_mut()
                .push((nr, Rc::downgrade(&self.0)));
        }
        Ok(())
    }

    /// `x.register_hook(fn)`: `hook(grad)` runs when the gradient for this tensor is computed;
    /// returning `Some(t)` replaces the gradient.
    pub fn register_hook(&self, hook: Hook) -> Result<HookHandle> {
        if !self.requires_grad() {
            return Err(TorchError::runtime(
                "cannot register a hook on a tensor that doesn't require gradient",
            ));
        }
        let id = next_hook_id();
        match self.grad_fn() {
            Some(node) => node
                .pre_hooks
                .borrow_mut()
                .push((id, self.output_nr(), hook)),
            None => self.0.meta.borrow_mut().hooks.push((id, hook)),
        }
        Ok(HookHandle(id))
    }

    /// Removes a hook added by [`Tensor::register_hook`] (`handle.remove()`).
    pub fn remove_hook(&self, handle: HookHandle) {
        if let Some(node) = self.grad_fn() {
            node.pre_hooks
                .borrow_mut()
                .retain(|(id, _, _)| *id != handle.0);
        }
        self.0
            .meta
            .borrow_mut()
            .hooks
            .retain(|(id, _)| *id != handle.0);
    }

    pub(crate) fn leaf_hooks(&self) -> Vec<Hook> {
        self.0
            .meta
            .borrow()
            .hooks
            .iter()
            .map(|(_, h)| h.clone())
            .collect()
    }

    /// `x.detach()`: shares storage and version counter, no history.
    pub fn detach(&self) -> Tensor {
        let t = self.alias_without_history();
        Tensor(Rc::new(TensorImpl {
            storage: t.0.storage.clone(),
            layout: t.0.layout.clone(),
            dtype: t.0.dtype,
            version: t.0.version.clone(),
            meta: RefCell::new(AutogradMeta::default()),
            wrapped_number: false,
            view_base: None,
            no_grad_view: false,
        }))
    }

    /// `x.tolist()` (and `x.item()` for 0-dim tensors): nested lists of typed scalars.
    pub fn tolist(&self) -> crate::ops::create::NestedData {
        use crate::ops::create::NestedData;
        let values = self.to_vec();
        let dt = self.dtype();
        let leaf = |v: f64| {
            NestedData::Scalar(match dt {
                DType::Bool => Scalar::Bool(v != 0.0),
                DType::Int64 | DType::Int32 | DType::Int16 => Scalar::Int(v as i64),
                _ => Scalar::Float(v),
            })
        };
        // build bottom-up, iteratively over dims
        let mut level: Vec<NestedData> = values.into_iter().map(leaf).collect();
        let shape = self.shape();
        for i in (0..shape.len()).rev() {
            let d = shape[i];
            let mut next = Vec::with_capacity(level.len() / d.max(1));
            if d == 0 {
                let outer: usize = shape[..i].iter().product();
                for _ in 0..outer {
                    next.push(NestedData::List(Vec::new()));
                }
            } else {
                let mut it = level.into_iter();
                loop {
                    let chunk: Vec<NestedData> = it.by_ref().take(d).collect();
                    if chunk.is_empty() {
                        break;
                    }
                    next.push(NestedData::List(chunk));
                }
            }
            level = next;
        }
        level
            .into_iter()
            .next()
            .unwrap_or(NestedData::List(Vec::new()))
    }

    /// `x.detach_()`: drops the history of this tensor in place.
    pub fn detach_(&self) -> Result<()> {
        if self.is_view() && self.requires_grad() && !self.is_leaf() {
            return Err(TorchError::runtime(
                "Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is set as True, gradients are views of DDP buckets, and hence detach_() cannot be called on these gradients. To fix this error, please refer to the Optimizer.zero_grad() function in torch/optim/optimizer.py as the solution.",
            ));
        }
        let mut m = self.0.meta.borrow_mut();
        m.grad_fn = None;
        m.requires_grad = false;
        m.output_nr = 0;
        Ok(())
    }

    /// The edge gradients for this tensor flow along: its `grad_fn`, or its `AccumulateGrad`.
    pub(crate) fn gradient_edge(&self) -> Option<Edge> {
        let (grad_fn, output_nr, rg) = {
            let m = self.0.meta.borrow();
            (m.grad_fn.clone(), m.output_nr, m.requires_grad)
        };
        if let Some(node) = grad_fn {
            return Some(Edge {
                node,
                input_nr: output_nr,
            });
        }
        if rg {
            return Some(Edge {
                node: self.grad_accumulator(),
                input_nr: 0,
            });
        }
        None
    }

    /// The `AccumulateGrad` node of a leaf (created on demand, cached weakly).
    pub(crate) fn grad_accumulator(&self) -> Rc<Node> {
        if let Some(n) = self.0.meta.borrow().grad_accumulator.upgrade() {
            return n;
        }
        let node = Node::accumulate_grad(self.clone());
        self.0.meta.borrow_mut().grad_accumulator = Rc::downgrade(&node);
        node
    }

    /// Attaches autograd history to a freshly computed `result` when grad mode is on and an
    /// input requires grad. `make` builds the backward function (it may save `result`).
    pub(crate) fn record(
        result: Tensor,
        inputs: &[&Tensor],
        make: impl FnOnce(&Tensor) -> crate::autograd::node::BackwardFn,
    ) -> Tensor {
        if !is_grad_enabled() || !inputs.iter().any(|t| t.requires_grad()) {
            return result;
        }
        let edges = inputs.iter().map(|t| t.gradient_edge()).collect();
        let op = make(&result);
        let node = Node::new(op, edges, result.size(), result.dtype());
        result.set_history(node, 0);
        result
    }

    /// Like [`Tensor::record`] for an op with several outputs (one node, `output_nr` 0..n).
    pub(crate) fn record_multi(
        results: Vec<Tensor>,
        inputs: &[&Tensor],
        make: impl FnOnce() -> crate::autograd::node::BackwardFn,
    ) -> Vec<Tensor> {
        if !is_grad_enabled() || !inputs.iter().any(|t| t.requires_grad()) {
            return results;
        }
        let edges = inputs.iter().map(|t| t.gradient_edge()).collect();
        let meta = results.iter().map(|r| (r.size(), r.dtype())).collect();
        let node = Node::new_multi(make(), edges, meta);
        for (i, r) in results.iter().enumerate() {
            r.set_history(node.clone(), i);
        }
        results
    }

    pub(crate) fn set_history(&self, node: Rc<Node>, output_nr: usize) {
        let mut m = self.0.meta.borrow_mut();
        m.grad_fn = Some(node);
        m.output_nr = output_nr;
        m.requires_grad = false;
    }
}

pub(crate) fn requires_grad_leaf_error(flag: bool) -> String {
    let mut s = String::from("you can only change requires_grad flags of leaf variables.");
    if !flag {
        s.push_str(
            " If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().",
        );
    }
    s
}

/// `[2, 3]` as PyTorch prints shapes in messages.
pub(crate) fn fmt_list(shape: &[usize]) -> String {
    let parts: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
    format!("[{}]", parts.join(", "))
}

impl std::fmt::Debug for Tensor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}
