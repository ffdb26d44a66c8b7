//! In-place ops with PyTorch's leaf rules and version counter.

use crate::autograd::grad_mode::is_grad_enabled;
use crate::dtype::{DType, Scalar};
use crate::error::{Result, TorchError};
use crate::tensor::{AutogradMeta, Tensor, TensorImpl};
use std::cell::RefCell;
use std::rc::Rc;

/// Whether `from` can be stored into `to` in place (no float→int, no int→bool).
fn can_cast(from: DType, to: DType) -> bool {
    !(from.is_floating_point() && !to.is_floating_point()
        || from != DType::Bool && to == DType::Bool)
}

impl Tensor {
    /// The checks PyTorch makes before modifying a tensor in place.
    pub(crate) fn check_inplace(&self) -> Result<()> {
        if !is_grad_enabled() {
            return Ok(());
        }
        // (A view made under no_grad requires grad without being a leaf that does: it gets
        // its own error below.)
        if self.is_leaf() && self.requires_grad() && !self.0.no_grad_view {
            return Err(TorchError::runtime(
                "a leaf Variable that requires grad is being used in an in-place operation.",
            ));
        }
        if let Some(node) = self.grad_fn() {
            if self.is_view()
                && matches!(
                    node.op,
                    crate::autograd::node::BackwardFn::Unbind { .. }
                        | crate::autograd::node::BackwardFn::Split { .. }
                )
            {
                let name = node.name();
                let short = name.trim_end_matches(|c: char| c.is_ascii_digit());
                let short = short.strip_suffix("Backward").unwrap_or(short);
                return Err(TorchError::runtime(format!(
                    "Output {} of {short} is a view and is being modified inplace. This view is the output of a function that returns multiple views. Such functions do not allow the output views to be modified inplace. You should replace the inplace operation by an out-of-place one.",
                    self.output_nr()
                )));
            }
        }
        if self.0.view_base.is_some() && self.0.no_grad_view {
            return Err(TorchError::runtime(
                "A view was created in no_grad mode and is being modified inplace with grad mode enabled. Given that this use case is ambiguous and error-prone, it is forbidden. You can clarify your code by moving both the view and the inplace either both inside the no_grad block (if you don't want the inplace to be tracked) or both outside (if you want the inplace to be tracked).",
            ));
        }
        if let Some(base) = &self.0.view_base {
            if base.is_leaf() && base.requires_grad() && !self.requires_grad() {
                return Ok(());
            }
            if base.is_leaf() && base.requires_grad() {
                return Err(TorchError::runtime(
                    "a view of a leaf Variable that requires grad is being used in an in-place operation.",
                ));
            }
        }
        Ok(())
    }

    /// The base whose history an in-place op on this view must rewrite (`CopySlices`).
    fn copy_slices_base(&self) -> Option<Tensor> {
        let base = self.0.view_base.clone()?;
        if base.requires_grad() && !base.is_leaf() && !base.same(self) {
            Some(base)
        } else {
            None
        }
    }

    /// Row-major positions of this view's elements within `base`.
    fn positions_in(&self, base: &Tensor) -> Vec<usize> {
        let map: std::collections::HashMap<usize, usize> = base
            .layout()
            .offsets()
            .into_iter()
            .enumerate()
            .map(|(i, o)| (o, i))
            .collect();
        self.layout()
            .offsets()
            .iter()
            .map(|o| map.get(o).copied().unwrap_or(0))
            .collect()
    }

    /// PyTorch's `assert_no_internal_overlap` for tensors written in place.
    pub(crate) fn check_no_overlap(&self) -> Result<()> {
        let l = self.layout();
        if l.shape
            .iter()
            .zip(&l.strides)
            .any(|(&d, &s)| d > 1 && s == 0)
        {
            return Err(TorchError::runtime(
                "unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.",
            ));
        }
        Ok(())
    }

    /// A copy of the data carrying the same history (so saved inputs keep the old values).
    fn history_copy(&self) -> Tensor {
        let m = self.meta();
        let meta = AutogradMeta {
            requires_grad: m.requires_grad,
            grad_fn: m.grad_fn.clone(),
            output_nr: m.output_nr,
            ..AutogradMeta::default()
        };
        drop(m);
        Tensor(Rc::new(TensorImpl {
            storage: Rc::new(RefCell::new(self.to_vec())),
            layout: crate::storage::Layout::contiguous(self.shape()),
            dtype: self.dtype(),
            version: Rc::new(std::cell::Cell::new(0)),
            meta: RefCell::new(meta),
            wrapped_number: false,
            view_base: None,
            no_grad_view: false,
        }))
    }

    /// Runs the out-of-place `op` and stores its result into `self`, moving `self`'s history
    /// to the new node.
    pub(crate) fn apply_inplace(
        &self,
        others: &[&Tensor],
        op: impl FnOnce(&Tensor) -> Result<Tensor>,
    ) -> Result<()> {
        self.check_inplace()?;
        self.check_no_overlap()?;
        let records =
            is_grad_enabled() && (self.requires_grad() || others.iter().any(|o| o.requires_grad()));
        let r = if records {
            op(&self.history_copy())?
        } else {
            op(self)?
        };
        if r.shape() != self.shape() {
            return Err(TorchError::runtime(format!(
                "output with shape {} doesn't match the broadcast shape {}",
                crate::tensor::fmt_list(self.shape()),
                crate::tensor::fmt_list(r.shape())
            )));
        }
        if !can_cast(r.dtype(), self.dtype()) {
            return Err(TorchError::runtime(format!(
                "result type {} can't be cast to the desired output type {}",
                r.dtype().scalar_name(),
                self.dtype().scalar_name()
            )));
        }
        let dt = self.dtype();
        let vals: Vec<f64> = r.to_vec().into_iter().map(|v| dt.cast(v)).collect();
        self.write_values(&vals);
        if records {
            if let Some(node) = r.grad_fn() {
                for (_, saved) in node.op.saved() {
                    saved.rebind_output(self);
                }
                if let Some(base) = self.copy_slices_base() {
                    let positions = self.positions_in(&base);
                    let extra = node.next_edges.iter().skip(1).cloned().collect();
                    base.rebase_copy_slices(&positions, self.size(), Some(node), extra);
                    let pos = Tensor::new_raw(
                        positions.iter().map(|&p| p as f64).collect(),
                        vec![positions.len()],
                        DType::Int64,
                    );
                    let view_node = crate::autograd::node::Node::new(
                        crate::autograd::node::BackwardFn::AsStrided {
                            base_sizes: base.size(),
                            positions: pos,
                        },
                        vec![base.gradient_edge()],
                        self.size(),
                        self.dtype(),
                    );
                    self.set_history(view_node, 0);
                    return Ok(());
                }
                let retains = self.retains_grad();
                if retains {
                    // the retained gradient now comes from the new node only
                    if let Some(old) = self.grad_fn() {
                        let me = Rc::as_ptr(&self.0);
                        old.retain_grad
                            .borrow_mut()
                            .retain(|(_, w)| w.as_ptr() != me);
                    }
                }
                self.set_history(node.clone(), 0);
                if retains {
                    node.retain_grad
                        .borrow_mut()
                        .push((0, Rc::downgrade(&self.0)));
                }
            }
        }
        Ok(())
    }

    /// Runs an out-of-place op and stores it into `self` (used by `x[mask] = v`).
    pub(crate) fn inplace_op(
        &self,
        others: &[&Tensor],
        op: impl FnOnce(&Tensor) -> Result<Tensor>,
    ) -> Result<()> {
        self.apply_inplace(others, op)
    }

    /// `x.sin_()` and the like: `op` (an elementwise op of `self` alone) in place, with the
    /// checks and history of every in-place op.
    pub fn unary_(&self, op: fn(&Tensor) -> Result<Tensor>) -> Result<()> {
        self.apply_inplace(&[], op)
    }

    /// `x.add_(other)`.
    pub fn add_(&self, other: &Tensor) -> Result<()> {
        self.apply_inplace(&[other], |s| s.add(other))
    }
    /// `x.sub_(other)`.
    pub fn sub_(&self, other: &Tensor) -> Result<()> {
        self.apply_inplace(&[other], |s| s.sub(other))
    }
    /// `x.mul_(other)`.
    pub fn mul_(&self, other: &Tensor) -> Result<()> {
        self.apply_inplace(&[other], |s| s.mul(other))
    }
    /// `x.div_(other)`.
    pub fn div_(&self, other: &Tensor) -> Result<()> {
        self.apply_inplace(&[other], |s| s.div(other))
    }
    /// `x.add_(scalar)`.
    pub fn add_scalar_(&self, s: impl Into<Scalar>) -> Result<()> {
        self.add_(&Tensor::wrapped(s.into()))
    }
    /// `x.sub_(scalar)`.
    pub fn sub_scalar_(&self, s: impl Into<Scalar>) -> Result<()> {
        self.sub_(&Tensor::wrapped(s.into()))
    }
    /// `x.mul_(scalar)`.
    pub fn mul_scalar_(&self, s: impl Into<Scalar>) -> Result<()> {
        self.mul_(&Tensor::wrapped(s.into()))
    }
    /// `x.div_(scalar)`.
    pub fn div_scalar_(&self, s: impl Into<Scalar>) -> Result<()> {
        self.div_(&Tensor::wrapped(s.into()))
    }
    /// `x.pow_(scalar)`.
    pub fn pow_scalar_(&self, s: impl Into<Scalar>) -> Result<()> {
        let s = s.into();
        self.apply_inplace(&[], |t| t.pow_scalar(s))
    }
    /// `x.clamp_(min, max)`.
    pub fn clamp_(&self, min: Option<f64>, max: Option<f64>) -> Result<()> {
        self.apply_inplace(&[], |t| t.clamp(min, max))
    }
    /// `x.zero_()` (`ZeroBackward0` on a non-leaf).
    pub fn zero_(&self) -> Result<()> {
        self.apply_inplace(&[], |t| {
            let r = t.zeros_like()?;
            Ok(Tensor::record(r, &[t], |_| {
                crate::autograd::node::BackwardFn::Zero
            }))
        })
    }
    /// `x.fill_(value)` (`FillBackward0` on a non-leaf).
    pub fn fill_(&self, value: Scalar) -> Result<()> {
        if value.default_dtype().is_floating_point() && !self.dtype().is_floating_point() {
            // PyTorch truncates silently here.
        }
        self.apply_inplace(&[], |t| {
            let r = t.full_like(value.to_f64())?;
            Ok(Tensor::record(r, &[t], |_| {
                crate::autograd::node::BackwardFn::Fill
            }))
        })
    }
    /// `x.copy_(src)` (broadcasting `src` into `x`).
    pub fn copy_(&self, src: &Tensor) -> Result<()> {
        self.check_inplace()?;
        self.check_no_overlap()?;
        let shape = crate::ops::broadcast_shapes(self.shape(), src.shape())?;
        if shape != self.shape() {
            return Err(TorchError::runtime(format!(
                "output with shape {} doesn't match the broadcast shape {}",
                crate::tensor::fmt_list(self.shape()),
                crate::tensor::fmt_list(&shape)
            )));
        }
        let dt = self.dtype();
        let vals: Vec<f64> = crate::ops::broadcast_values(src, self.shape())
            .into_iter()
            .map(|v| dt.cast(v))
            .collect();
        if !dt.is_floating_point() {
            // an integer result has no gradient
            self.write_values(&vals);
            return Ok(());
        }
        let size = self.size();
        // recorded as `CopyBackwards` (zeros for the old `self`, the gradient for `src`)
        self.apply_inplace(&[src], |t| {
            let r = Tensor::new_raw(vals, size, dt);
            Ok(Tensor::record(r, &[t, src], |_| {
                crate::autograd::node::BackwardFn::Copy
            }))
        })
    }
}
