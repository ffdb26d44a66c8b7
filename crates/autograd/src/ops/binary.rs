//! Elementwise binary ops with broadcasting and PyTorch's type promotion.

use super::{broadcast_shapes, broadcast_values};
use crate::autograd::node::{BackwardFn, SavedTensor};
use crate::dtype::{result_type, DType, Scalar};
use crate::error::{Result, TorchError};
use crate::storage::checked_numel;
use crate::tensor::Tensor;

pub(crate) fn operand(t: &Tensor) -> (DType, usize, bool) {
    (t.dtype(), t.dim(), t.is_wrapped_number())
}

/// The dtype PyTorch computes `a op b` in.
pub(crate) fn promote(a: &Tensor, b: &Tensor) -> DType {
    result_type(&[operand(a), operand(b)])
}

/// Computes `f(a, b)` elementwise after casting both to `compute`, rounding to `out`.
pub(crate) fn zip_map(
    a: &Tensor,
    b: &Tensor,
    compute: DType,
    out: DType,
    f: impl Fn(f64, f64) -> f64,
) -> Result<Tensor> {
    let shape = broadcast_shapes(a.shape(), b.shape())?;
    checked_numel(&shape)?;
    // The closures take the dtypes by value: by reference they were reloaded from memory for
    // every element. Float32 throughout, the common case, goes without a dtype match per element.
    let f = &f;
    let values = if compute == DType::Float32 && out == DType::Float32 {
        let round = |v: f64| f64::from(v as f32);
        over_operands(a, b, &shape, move |x, y| round(f(round(x), round(y))))
    } else {
        over_operands(a, b, &shape, move |x, y| {
            out.cast(f(compute.cast(x), compute.cast(y)))
        })
    };
    Ok(Tensor::new_raw(values, shape, out))
}

/// `g` over the elements of `a` and `b` broadcast to `shape`. Most operands are a whole tensor
/// of the result's shape or, on the right, one number (`x * 2`, `p.add_(d_p, alpha=-lr)`): those
/// are read in place instead of copied out first. (A number on the left is rarer; it is filled
/// out like any broadcast, which keeps this function, instantiated once per op, small.)
fn over_operands(a: &Tensor, b: &Tensor, shape: &[usize], g: impl Fn(f64, f64) -> f64) -> Vec<f64> {
    with_broadcast(a, shape, |xs| match single_value(b) {
        Some(y) => map_pairs(xs, &[y], &g),
        None => with_broadcast(b, shape, |ys| map_pairs(xs, ys, &g)),
    })
}

/// `g(x, y)` over `xs`, with `ys` of the same length or of one element (repeated). One loop,
/// so `g` has one call site and is inlined into it: the wasm build (opt-level "z") left it a
/// call per element when a second loop called it too (about 15% of a training step). Plain
/// indexing, as iterator adapters (`zip`, `push`) also stay calls per element at that level.
fn map_pairs(xs: &[f64], ys: &[f64], g: &impl Fn(f64, f64) -> f64) -> Vec<f64> {
    let mut out = vec![0.0; xs.len()];
    let step = usize::from(ys.len() > 1);
    let mut j = 0;
    for (i, x) in xs.iter().enumerate() {
        if let Some(o) = out.get_mut(i) {
            *o = g(*x, ys.get(j).copied().unwrap_or(0.0));
        }
        j += step;
    }
    out
}

/// [`zip_map`] for the ops off the training hot path: one instantiation shared by all of them
/// (each op's own was about 1 KB of wasm), for an indirect call per element.
pub(crate) fn zip_map_dyn(
    a: &Tensor,
    b: &Tensor,
    compute: DType,
    out: DType,
    f: &dyn Fn(f64, f64) -> f64,
) -> Result<Tensor> {
    zip_map(a, b, compute, out, f)
}

/// The value of a one-element tensor (a wrapped Python number, a 0-dim or `[1]` tensor).
fn single_value(t: &Tensor) -> Option<f64> {
    if t.numel() != 1 {
        return None;
    }
    t.0.storage.borrow().get(t.storage_offset()).copied()
}

/// Calls `f` with the elements of `t` broadcast to `shape`, row-major: borrowed from the
/// storage when `t` already has that shape contiguously, gathered into a copy otherwise.
fn with_broadcast<R>(t: &Tensor, shape: &[usize], f: impl FnOnce(&[f64]) -> R) -> R {
    let l = t.layout();
    if l.shape == shape && l.is_contiguous() {
        let st = t.0.storage.borrow();
        if let Some(v) = st.get(l.offset..l.offset + l.numel()) {
            return f(v);
        }
    }
    f(&broadcast_values(t, shape))
}

impl Tensor {
    /// `self + other` (`AddBackward0`).
    pub fn add(&self, other: &Tensor) -> Result<Tensor> {
        let dt = promote(self, other);
        let r = zip_map(self, other, dt, dt, |x, y| x + y)?;
        Ok(Tensor::record(r, &[self, other], |_| BackwardFn::Add {
            alpha: 1.0,
        }))
    }

    /// `self - other` (`SubBackward0`).
    pub fn sub(&self, other: &Tensor) -> Result<Tensor> {
        if self.dtype() == DType::Bool && other.dtype() == DType::Bool {
            return Err(TorchError::not_implemented(
                "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.",
            ));
        }
        let dt = promote(self, other);
        let r = zip_map(self, other, dt, dt, |x, y| x - y)?;
        Ok(Tensor::record(r, &[self, other], |_| BackwardFn::Sub {
            alpha: 1.0,
        }))
    }

    /// `torch.rsub(self, other)` = `other - self` (`RsubBackward0`).
    pub fn rsub(&self, other: &Tensor) -> Result<Tensor> {
        let dt = promote(self, other);
        let r = zip_map_dyn(self, other, dt, dt, &|x, y| y - x)?;
        Ok(Tensor::record(r, &[self, other], |_| BackwardFn::Rsub0 {
            alpha: 1.0,
        }))
    }

    /// `self * other` (`MulBackward0`).
    pub fn mul(&self, other: &Tensor) -> Result<Tensor> {
        let dt = promote(self, other);
        let f = if dt == DType::Bool {
            |x: f64, y: f64| f64::from(u8::from(x != 0.0 && y != 0.0))
        } else {
            |x: f64, y: f64| x * y
        };
        let r = zip_map(self, other, dt, dt, f)?;
        Ok(Tensor::record(r, &[self, other], |_| BackwardFn::Mul {
            this: other.requires_grad().then(|| SavedTensor::input(self)),
            other: self.requires_grad().then(|| SavedTensor::input(other)),
        }))
    }

    /// `self / other`, true division: integer inputs give float32 (`DivBackward0`).
    pub fn div(&self, other: &Tensor) -> Result<Tensor> {
        let mut dt = promote(self, other);
        if !dt.is_floating_point() {
            dt = DType::Float32;
        }
        let r = zip_map(self, other, dt, dt, |x, y| x / y)?;
        Ok(Tensor::record(r, &[self, other], |_| BackwardFn::Div {
            this: other.requires_grad().then(|| SavedTensor::input(self)),
            other: SavedTensor::input(other),
        }))
    }

    /// `self ** exponent` for a tensor exponent (`PowBackward1`).
    pub fn pow(&self, exponent: &Tensor) -> Result<Tensor> {
        let dt = promote(self, exponent);
        let r = zip_map_dyn(self, exponent, dt, dt, &pow_f)?;
        Ok(Tensor::record(r, &[self, exponent], |r| {
            BackwardFn::PowTensor {
                this: SavedTensor::input(self),
                exponent: SavedTensor::input(exponent),
                result: SavedTensor::output(r),
            }
        }))
    }

    /// `self ** exponent` for a Python number (`PowBackward0`).
    pub fn pow_scalar(&self, exponent: impl Into<Scalar>) -> Result<Tensor> {
        let e: Scalar = exponent.into();
        let w = Tensor::wrapped(e);
        let dt = promote(self, &w);
        if !dt.is_floating_point() {
            if let Scalar::Int(i) = e {
                if i < 0 {
                    return Err(TorchError::runtime(
                        "Integers to negative integer powers are not allowed.",
                    ));
                }
            }
        }
        let ev = e.to_f64();
        // PyTorch's pow_tensor_scalar kernel special-cases these exponents
        let f = move |x: f64, y: f64| -> f64 {
            if !dt.is_floating_point() {
                return pow_f(x, y);
            }
            let c = |v: f64| dt.cast(v);
            if y == 2.0 {
                x * x
            } else if y == 3.0 {
                c(x * x) * x
            } else if y == 0.5 {
                x.sqrt()
            } else if y == -0.5 {
                1.0 / c(x.sqrt())
            } else if y == -1.0 {
                1.0 / x
            } else if y == -2.0 {
                1.0 / c(x * x)
            } else {
                x.powf(y)
            }
        };
        let r = zip_map_dyn(self, &w, dt, dt, &f)?;
        Ok(Tensor::record(r, &[self], |_| BackwardFn::PowScalar {
            this: SavedTensor::input(self),
            exponent: ev,
        }))
    }

    /// `base ** self` for a Python number base (`PowBackward2`).
    pub fn rpow_scalar(&self, base: impl Into<Scalar>) -> Result<Tensor> {
        let b: Scalar = base.into();
        let w = Tensor::wrapped(b);
        let dt = promote(self, &w);
        let bv = b.to_f64();
        let r = zip_map_dyn(&w, self, dt, dt, &pow_f)?;
        Ok(Tensor::record(r, &[self], |r| BackwardFn::PowScalarBase {
            base: bv,
            result: SavedTensor::output(r),
        }))
    }

    /// `self + s` (`AddBackward0`, the scalar's edge is None).
    pub fn add_scalar(&self, s: impl Into<Scalar>) -> Result<Tensor> {
        self.add(&Tensor::wrapped(s.into()))
    }

    /// `self - s` (`SubBackward0`).
    pub fn sub_scalar(&self, s: impl Into<Scalar>) -> Result<Tensor> {
        self.sub(&Tensor::wrapped(s.into()))
    }

    /// `s - self` (`RsubBackward1`).
    pub fn rsub_scalar(&self, s: impl Into<Scalar>) -> Result<Tensor> {
        let w = Tensor::wrapped(s.into());
        if self.dtype() == DType::Bool && w.dtype() == DType::Bool {
            return Err(TorchError::not_implemented(
                "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.",
            ));
        }
        let dt = promote(self, &w);
        let r = zip_map_dyn(self, &w, dt, dt, &|x, y| y - x)?;
        Ok(Tensor::record(r, &[self], |_| BackwardFn::Rsub1 {
            alpha: 1.0,
        }))
    }

    /// `self * s` (`MulBackward0`).
    pub fn mul_scalar(&self, s: impl Into<Scalar>) -> Result<Tensor> {
        self.mul(&Tensor::wrapped(s.into()))
    }

    /// `self / s` (`DivBackward0`).
    pub fn div_scalar(&self, s: impl Into<Scalar>) -> Result<Tensor> {
        self.div(&Tensor::wrapped(s.into()))
    }

    /// `div(self, scalar)` as ATen calls it internally (`DivBackward1`).
    pub fn div_scalar_op(&self, s: f64) -> Result<Tensor> {
        let r = {
            let _g = crate::autograd::grad_mode::no_grad();
            self.div_scalar(s)?
        };
        let r = Tensor::new_raw(r.to_vec(), r.size(), r.dtype());
        Ok(Tensor::record(r, &[self], |_| BackwardFn::DivScalar {
            other: s,
        }))
    }

    /// `mul(self, scalar)` as ATen calls it internally (`MulBackward1`).
    pub fn mul_scalar_op(&self, s: f64) -> Result<Tensor> {
        let r = {
            let _g = crate::autograd::grad_mode::no_grad();
            self.mul_scalar(s)?
        };
        let r = Tensor::new_raw(r.to_vec(), r.size(), r.dtype());
        Ok(Tensor::record(r, &[self], |_| BackwardFn::MulScalar {
            other: s,
        }))
    }

    /// `s / self`, computed as PyTorch does: `self.reciprocal() * s` (`MulBackward0`).
    pub fn rdiv_scalar(&self, s: impl Into<Scalar>) -> Result<Tensor> {
        self.reciprocal()?.mul_scalar(s)
    }

    fn compare(&self, other: &Tensor, f: fn(f64, f64) -> bool) -> Result<Tensor> {
        let dt = promote(self, other);
        zip_map(self, other, dt, DType::Bool, |x, y| {
            f64::from(u8::from(f(x, y)))
        })
    }

    /// `self == other` (bool result, no grad).
    pub fn eq(&self, other: &Tensor) -> Result<Tensor> {
        self.compare(other, |x, y| x == y)
    }
    /// `self != other`.
    pub fn ne(&self, other: &Tensor) -> Result<Tensor> {
        self.compare(other, |x, y| x != y)
    }
    /// `self < other`.
    pub fn lt(&self, other: &Tensor) -> Result<Tensor> {
        self.compare(other, |x, y| x < y)
    }
    /// `self <= other`.
    pub fn le(&self, other: &Tensor) -> Result<Tensor> {
        self.compare(other, |x, y| x <= y)
    }
    /// `self > other`.
    pub fn gt(&self, other: &Tensor) -> Result<Tensor> {
        self.compare(other, |x, y| x > y)
    }
    /// `self >= other`.
    pub fn ge(&self, other: &Tensor) -> Result<Tensor> {
        self.compare(other, |x, y| x >= y)
    }
    /// `self == s`.
    pub fn eq_scalar(&self, s: impl Into<Scalar>) -> Result<Tensor> {
        self.eq(&Tensor::wrapped(s.into()))
    }
    /// `self != s`.
    pub fn ne_scalar(&self, s: impl Into<Scalar>) -> Result<Tensor> {
        self.ne(&Tensor::wrapped(s.into()))
    }
    /// `self < s`.
    pub fn lt_scalar(&self, s: impl Into<Scalar>) -> Result<Tensor> {
        self.lt(&Tensor::wrapped(s.into()))
    }
    /// `self <= s`.
    pub fn le_scalar(&self, s: impl Into<Scalar>) -> Result<Tensor> {
        self.le(&Tensor::wrapped(s.into()))
    }
    /// `self > s`.
    pub fn gt_scalar(&self, s: impl Into<Scalar>) -> Result<Tensor> {
        self.gt(&Tensor::wrapped(s.into()))
    }
    /// `self >= s`.
    pub fn ge_scalar(&self, s: impl Into<Scalar>) -> Result<Tensor> {
        self.ge(&Tensor::wrapped(s.into()))
    }

    /// `torch.maximum(self, other)` (`MaximumBackward0`).
    pub fn maximum(&self, other: &Tensor) -> Result<Tensor> {
        self.extremum(other, false)
    }

    /// `torch.minimum(self, other)` (`MinimumBackward0`).
    pub fn minimum(&self, other: &Tensor) -> Result<Tensor> {
        self.extremum(other, true)
    }

    fn extremum(&self, other: &Tensor, is_min: bool) -> Result<Tensor> {
        let dt = promote(self, other);
        let f = move |x: f64, y: f64| {
            if x.is_nan() || y.is_nan() {
                f64::NAN
            } else if is_min {
                x.min(y)
            } else {
                x.max(y)
            }
        };
        let r = zip_map_dyn(self, other, dt, dt, &f)?;
        Ok(Tensor::record(r, &[self, other], |_| BackwardFn::Maximum {
            this: SavedTensor::input(self),
            other: SavedTensor::input(other),
            is_min,
        }))
    }

    /// `torch.logical_and`.
    pub fn logical_and(&self, other: &Tensor) -> Result<Tensor> {
        zip_map_dyn(self, other, DType::Float64, DType::Bool, &|x, y| {
            f64::from(u8::from(x != 0.0 && y != 0.0))
        })
    }

    /// `torch.logical_or`.
    pub fn logical_or(&self, other: &Tensor) -> Result<Tensor> {
        zip_map_dyn(self, other, DType::Float64, DType::Bool, &|x, y| {
            f64::from(u8::from(x != 0.0 || y != 0.0))
        })
    }

    /// `torch.logical_not`.
    pub fn logical_not(&self) -> Result<Tensor> {
        let v = self
            .to_vec()
            .into_iter()
            .map(|x| f64::from(u8::from(x == 0.0)))
            .collect();
        Ok(Tensor::new_raw(v, self.size(), DType::Bool))
    }

    /// `torch.where(cond, self, other)` (`WhereBackward0`).
    pub fn where_(cond: &Tensor, a: &Tensor, b: &Tensor) -> Result<Tensor> {
        let dt = promote(a, b);
        let shape = broadcast_shapes(&broadcast_shapes(cond.shape(), a.shape())?, b.shape())?;
        checked_numel(&shape)?;
        let cv = broadcast_values(cond, &shape);
        let av = broadcast_values(a, &shape);
        let bv = broadcast_values(b, &shape);
        let v = cv
            .into_iter()
            .zip(av.into_iter().zip(bv))
            .map(|(c, (x, y))| dt.cast(if c != 0.0 { dt.cast(x) } else { dt.cast(y) }))
            .collect();
        let r = Tensor::new_raw(v, shape, dt);
        let condb = cond.to_dtype(DType::Bool)?.detach();
        Ok(Tensor::record(r, &[a, b], |_| BackwardFn::Where {
            cond: SavedTensor::input(&condb),
        }))
    }

    /// `self.masked_fill(mask, value)` (`MaskedFillBackward0`).
    pub fn masked_fill(&self, mask: &Tensor, value: f64) -> Result<Tensor> {
        if mask.dtype() != DType::Bool {
            return Err(TorchError::runtime(format!(
                "masked_fill_ only supports boolean masks, but got mask with dtype {}",
                mask.dtype().cpp_name()
            )));
        }
        let shape = broadcast_shapes(self.shape(), mask.shape())?;
        if shape != self.shape() {
            return Err(TorchError::runtime(format!(
                "The expanded size of the tensor ({}) must match the existing size ({}) at non-singleton dimension 0.",
                shape.first().copied().unwrap_or(0),
                self.shape().first().copied().unwrap_or(0)
            )));
        }
        let mv = broadcast_values(mask, &shape);
        let dt = self.dtype();
        let v = self
            .to_vec()
            .into_iter()
            .zip(mv)
            .map(|(x, m)| if m != 0.0 { dt.cast(value) } else { x })
            .collect();
        let r = Tensor::new_raw(v, shape, dt);
        let maskd = mask.detach();
        Ok(Tensor::record(r, &[self], |_| BackwardFn::MaskedFill {
            mask: SavedTensor::input(&maskd),
            tensor_value: false,
        }))
    }

    /// `self.masked_fill(mask, value)` with a 0-dim tensor value (`MaskedFillBackward1`, the
    /// value's gradient is the sum of the gradient where the mask is set).
    pub fn masked_fill_tensor(&self, mask: &Tensor, value: &Tensor) -> Result<Tensor> {
        if value.dim() != 0 {
            return Err(TorchError::runtime(format!(
                "masked_fill_ only supports a 0-dimensional value tensor, but got tensor with {} dimension(s).",
                value.dim()
            )));
        }
        let r = {
            let _g = crate::autograd::grad_mode::no_grad();
            self.masked_fill(mask, value.to_vec().first().copied().unwrap_or(0.0))?
        };
        let r = Tensor::new_raw(r.to_vec(), r.size(), r.dtype());
        let maskd = mask.detach();
        Ok(Tensor::record(r, &[self, value], |_| {
            BackwardFn::MaskedFill {
                mask: SavedTensor::input(&maskd),
                tensor_value: true,
            }
        }))
    }
}

/// Python's / PyTorch's `pow` on doubles.
pub(crate) fn pow_f(x: f64, y: f64) -> f64 {
    if y == 2.0 {
        x * x
    } else if y == 0.5 {
        x.sqrt()
    } else {
        x.powf(y)
    }
}
