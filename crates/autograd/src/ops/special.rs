//! Less common elementwise functions, NaN-aware and order-statistic reductions and scans:
//! the forward kernels of the newer [`Elem`] functions (`frac`, `sinc`, `logit`, `F.mish`,
//! ...), `atan2` / `fmod` / `xlogy` ([`Bin`]), `nansum`, `median`, `cummax` / `cummin` and
//! `logcumsumexp`, with their backward formulas (derivatives.yaml / FunctionsManual, op for op).

use super::binary::{promote, zip_map_dyn};
use super::wrap_dim;
use crate::autograd::node::{BackwardFn, Bin, Elem, SavedTensor};
use crate::dtype::{DType, Scalar};
use crate::error::{Result, TorchError};
use crate::tensor::Tensor;
use std::f64::consts::PI;

/// The forward kernel of the [`Elem`] functions added after the first nine (those are plain
/// `f64` functions in `Tensor::elementwise`): ATen's scalar kernels step by step, each step
/// rounded to the dtype (`opmath_t` is `float` for float32).
pub(crate) fn elem_forward(op: Elem, dt: DType) -> Option<Box<dyn Fn(f64) -> f64>> {
    let c = move |v: f64| dt.cast(v);
    Some(match op {
        Elem::Frac => Box::new(|x: f64| x - x.trunc()),
        Elem::Deg2Rad => Box::new(move |x| c(x * c(PI / 180.0))),
        Elem::Rad2Deg => Box::new(move |x| c(x * c(180.0 / PI))),
        Elem::Sinc => Box::new(move |x| {
            if x == 0.0 {
                return 1.0;
            }
            let p = c(c(PI) * x);
            c(c(p.sin()) / p)
        }),
        Elem::Logit(eps) => Box::new(move |x| {
            let x = if eps < 0.0 {
                x
            } else {
                let lo = c(eps);
                let hi = c(1.0 - lo);
                if x < lo {
                    lo
                } else if x > hi {
                    hi
                } else {
                    x
                }
            };
            if x == 1.0 {
                f64::INFINITY
            } else {
                c(c(x / c(1.0 - x)).ln())
            }
        }),
        Elem::Elu {
            alpha,
            scale,
            input_scale,
            ..
        } => {
            let (nc, pc, nic) = (c(c(alpha) * c(scale)), c(scale), c(input_scale));
            Box::new(move |x| {
                if x > 0.0 {
                    c(x * pc)
                } else {
                    c(c(c(x * nic).exp_m1()) * nc)
                }
            })
        }
        Elem::LogSigmoid => Box::new(move |x| {
            let m = if x.is_nan() { x } else { x.min(0.0) };
            c(m - c(c((-x.abs()).exp()).ln_1p()))
        }),
        Elem::Hardswish => Box::new(move |x| c(c(x * c(x + 3.0).clamp(0.0, 6.0)) / 6.0)),
        Elem::Hardsigmoid => Box::new(move |x| c(c(x + 3.0).clamp(0.0, 6.0) / 6.0)),
        Elem::Mish => Box::new(move |x| c(x * c(c(c(x.exp()).ln_1p()).tanh()))),
        Elem::Threshold(th, value) => Box::new(move |x| if x <= c(th) { c(value) } else { x }),
        Elem::Exp2 => Box::new(f64::exp2),
        Elem::NanToNum(nan, pos, neg) => {
            let (hi, lo) = match dt {
                DType::Float32 => (f64::from(f32::MAX), f64::from(f32::MIN)),
                _ => (f64::MAX, f64::MIN),
            };
            let pos = if pos.is_nan() { hi } else { c(pos) };
            let neg = if neg.is_nan() { lo } else { c(neg) };
            let nan = c(nan);
            Box::new(move |x: f64| {
                if x.is_nan() {
                    nan
                } else if x == f64::INFINITY {
                    pos
                } else if x == f64::NEG_INFINITY {
                    neg
                } else {
                    x
                }
            })
        }
        _ => return None,
    })
}

fn scalar(v: f64) -> Tensor {
    Tensor::wrapped(Scalar::Float(v))
}

/// The backward of the newer [`Elem`] functions (`None` for the first nine, which are in
/// `BackwardFn::apply`), written with tensor ops so `create_graph=True` records it.
/// `on_result`: `x` is the result of the in-place form (`elu_backward(is_result=true)`).
pub(crate) fn elem_backward(
    op: Elem,
    g: &Tensor,
    x: &Tensor,
    on_result: bool,
) -> Result<Option<Tensor>> {
    let zero = scalar(0.0);
    Ok(Some(match op {
        Elem::Sinc => {
            // sinc_backward
            let self_pi = x.mul_scalar(PI)?;
            let sq_pi = x.mul(x)?.mul_scalar(PI)?;
            let out = g
                .mul(&self_pi.mul(&self_pi.cos()?)?.sub(&self_pi.sin()?)?)?
                .div(&sq_pi)?;
            Tensor::where_(&sq_pi.eq_scalar(0.0)?, &zero, &out)?
        }
        Elem::Logit(eps) => {
            // logit_backward
            let dt = x.dtype();
            let d = g.div(&x.mul(&x.rsub_scalar(1i64)?)?)?;
            if eps < 0.0 {
                let outside = x.lt_scalar(0i64)?.logical_or(&x.gt_scalar(1i64)?)?;
                let edge = x.eq_scalar(0i64)?.logical_or(&x.eq_scalar(1i64)?)?;
                let at_edge = g.mul_scalar(f64::INFINITY)?;
                let d = Tensor::where_(&edge, &at_edge, &d)?;
                Tensor::where_(&outside, &scalar(f64::NAN), &d)?
            } else {
                let lo = dt.cast(eps);
                let hi = dt.cast(1.0 - lo);
                let outside = x.lt_scalar(lo)?.logical_or(&x.gt_scalar(hi)?)?;
                Tensor::where_(&outside, &zero, &d)?
            }
        }
        Elem::Elu {
            alpha,
            scale,
            input_scale,
            celu,
        } => {
            // elu_backward(is_result=false); celu's derivative takes 1 / float(alpha)
            let nic = if celu {
                1.0 / f64::from(alpha as f32)
            } else {
                input_scale
            };
            let neg = if on_result {
                g.mul_scalar(nic)?.mul(&x.add_scalar(alpha * scale)?)?
            } else {
                g.mul_scalar(nic * alpha * scale)?
                    .mul(&x.mul_scalar(nic)?.exp()?)?
            };
            Tensor::where_(&x.le_scalar(0i64)?, &neg, &g.mul_scalar(scale)?)?
        }
        Elem::LogSigmoid => {
            let z = x.abs()?.neg()?.exp()?;
            let t = z.div(&z.add_scalar(1i64)?)?;
            let d = Tensor::where_(&x.lt_scalar(0i64)?, &t.rsub_scalar(1i64)?, &t)?;
            g.mul(&d)?
        }
        Elem::Hardswish => {
            let mid = g.mul(&x.div_scalar(3.0)?.add_scalar(0.5)?)?;
            let d = Tensor::where_(&x.lt_scalar(3i64)?, &mid, g)?;
            Tensor::where_(&x.le_scalar(-3i64)?, &zero, &d)?
        }
        Elem::Hardsigmoid => {
            let inside = x.gt_scalar(-3i64)?.logical_and(&x.lt_scalar(3i64)?)?;
            // ATen's one_sixth is a float literal, also for double
            Tensor::where_(&inside, &g.mul_scalar(f64::from(1.0f32 / 6.0))?, &zero)?
        }
        Elem::Mish => {
            let sig = x.sigmoid()?;
            let ts = x.exp()?.log1p()?.tanh()?;
            // the compiler fuses both multiply-adds in ATen's kernel
            let b = ts.ones_like()?.addcmul(&ts, &ts, -1.0)?;
            let d = ts.addcmul(&x.mul(&sig)?, &b, 1.0)?;
            g.mul(&d)?
        }
        Elem::Threshold(th, _) => Tensor::where_(&x.le_scalar(th)?, &zero, g)?,
        // x is the result
        Elem::Exp2 => g.mul(x)?.mul_scalar(std::f64::consts::LN_2)?,
        Elem::NanToNum(..) => {
            let v = x.to_vec();
            let v = v.iter().map(|v| f64::from(u8::from(v.is_finite())));
            g.mul(&Tensor::new_raw(v.collect(), x.size(), DType::Bool))?
        }
        _ => return Ok(None),
    }))
}

/// What [`Tensor::lines`] calls on each line: its elements in, (value, index) pairs out.
type LineFn<'a> = dyn FnMut(&[f64], &mut Vec<(f64, usize)>) + 'a;

impl Tensor {
    /// `torch.atan2` / `torch.fmod` / `torch.xlogy` (see [`Bin`]); a wrapped Python number on
    /// either side is not an input of the node.
    pub fn binary_fn(&self, other: &Tensor, op: Bin) -> Result<Tensor> {
        let mut dt = promote(self, other);
        if op == Bin::Hypot && !dt.is_floating_point() {
            return Err(TorchError::not_implemented(format!(
                "\"hypot_cpu\" not implemented for '{}'",
                dt.scalar_name()
            )));
        }
        if !matches!(op, Bin::Fmod | Bin::Fmin | Bin::Fmax) && !dt.is_floating_point() {
            dt = DType::Float32;
        }
        if op == Bin::Fmod && dt == DType::Bool {
            return Err(TorchError::not_implemented(
                "\"fmod_cpu\" not implemented for 'Bool'",
            ));
        }
        if op == Bin::Fmod && !dt.is_floating_point() && other.to_vec().contains(&0.0) {
            return Err(TorchError::runtime("ZeroDivisionError"));
        }
        let f: &dyn Fn(f64, f64) -> f64 = match op {
            Bin::Atan2 => &f64::atan2,
            // C's fmod (exact), integer % (truncating) alike
            Bin::Fmod => &|x, y| x % y,
            Bin::Xlogy => &move |x: f64, y: f64| {
                if y.is_nan() {
                    f64::NAN
                } else if x == 0.0 {
                    0.0
                } else {
                    x * dt.cast(y.ln())
                }
            },
            Bin::Fmin => &|x: f64, y: f64| if y.is_nan() || x < y { x } else { y.min(x) },
            Bin::Fmax => &|x: f64, y: f64| if y.is_nan() || x > y { x } else { y.max(x) },
            Bin::Copysign => &f64::copysign,
            Bin::Hypot => &f64::hypot,
        };
        let r = zip_map_dyn(self, other, dt, dt, f)?;
        let inputs =
            u8::from(!self.is_wrapped_number()) | (u8::from(!other.is_wrapped_number()) << 1);
        let make = |_: &Tensor| BackwardFn::Binary {
            op,
            this: SavedTensor::input(self),
            other: SavedTensor::input(other),
            inputs,
        };
        Ok(match inputs {
            1 => Tensor::record(r, &[self], make),
            2 => Tensor::record(r, &[other], make),
            _ => Tensor::record(r, &[self, other], make),
        })
    }

    /// `x.fmod_(other)` / `x.xlogy_(other)` / `x.atan2_(other)`.
    pub fn binary_fn_(&self, other: &Tensor, op: Bin) -> Result<()> {
        self.inplace_with(&[other], &|s| s.binary_fn(other, op))
    }

    /// The in-place form of an [`Elem`] function (`x.logit_()`, `F.celu(x, inplace=True)`).
    pub fn elementwise_(&self, op: Elem) -> Result<()> {
        let on_result = matches!(op, Elem::Elu { .. } | Elem::Threshold(..));
        self.inplace_with(&[], &|s| s.elementwise_on(op, on_result))
    }

    /// Applies `op` (of `self` and `others`) in place (`F.silu(x, inplace=True)`,
    /// `x.fmod_(y)`, ...): one copy of the in-place machinery for all of them in the wasm.
    pub fn inplace_with(
        &self,
        others: &[&Tensor],
        op: &dyn Fn(&Tensor) -> Result<Tensor>,
    ) -> Result<()> {
        self.apply_inplace(others, op)
    }

    /// `torch.isnan` (bool, no history).
    pub fn isnan(&self) -> Result<Tensor> {
        let v = self
            .to_vec()
            .iter()
            .map(|x| f64::from(u8::from(x.is_nan())))
            .collect();
        Ok(Tensor::new_raw(v, self.size(), DType::Bool))
    }

    /// `torch.nansum(x, dims, keepdim)`: the sum with NaNs as zeros, in `sum`'s order
    /// (`NansumBackward0`); no dims is all of them.
    pub fn nansum(&self, dims: &[isize], keepdim: bool) -> Result<Tensor> {
        let dt = self.dtype();
        let v = self
            .to_vec()
            .into_iter()
            .map(|x| if x.is_nan() { 0.0 } else { x })
            .collect();
        let clean = Tensor::new_raw(v, self.size(), dt);
        let r = if dims.is_empty() && !keepdim {
            clean.sum()?
        } else if dims.is_empty() {
            let all: Vec<isize> = (0..self.dim() as isize).collect();
            clean.sum_dim(&all, true)?
        } else {
            clean.sum_dim(dims, keepdim)?
        };
        let d = if dims.is_empty() {
            (0..self.dim()).collect()
        } else {
            super::reduce::wrap_dims(dims, self.dim())?
        };
        Ok(Tensor::record(r, &[self], |_| BackwardFn::Nansum {
            this: SavedTensor::input(self),
            dims: d,
            keepdim,
        }))
    }

    /// `torch.median(x)`: the lower median of all elements, NaN if there is one
    /// (`MedianBackward0`).
    pub fn median(&self) -> Result<Tensor> {
        self.check_median()?;
        let mut v = self.to_vec();
        let m = if v.iter().any(|x| x.is_nan()) || v.is_empty() {
            f64::NAN
        } else {
            v.sort_by(f64::total_cmp);
            v[(v.len() - 1) / 2]
        };
        let r = Tensor::new_raw(vec![m], vec![], self.dtype());
        Ok(Tensor::record(r, &[self], |r| BackwardFn::MedianAll {
            this: SavedTensor::input(self),
            result: SavedTensor::output(r),
        }))
    }

    fn check_median(&self) -> Result<()> {
        if self.dtype() == DType::Bool {
            return Err(TorchError::not_implemented(
                "\"median_cpu\" not implemented for 'Bool'",
            ));
        }
        Ok(())
    }

    /// `torch.median(x, dim, keepdim)` → (values, indices): per line the element at
    /// `(n - 1) / 2` in (value, index) order, or the first NaN (`MedianBackward1`).
    pub fn median_dim(&self, dim: isize, keepdim: bool) -> Result<(Tensor, Tensor)> {
        self.check_median()?;
        let d = wrap_dim(dim, self.dim())?;
        if self.dim() > 0 && self.shape()[d] == 0 {
            return Err(TorchError::index(format!(
                "median(): Expected reduction dim {d} to have non-zero size."
            )));
        }
        let (vals, idx, mut shape) = self.lines(d, &mut |line, out| {
            let pick = match line.iter().position(|x| x.is_nan()) {
                Some(i) => i,
                None => {
                    let mut order: Vec<usize> = (0..line.len()).collect();
                    order.sort_by(|&a, &b| {
                        let o = line[a].partial_cmp(&line[b]);
                        o.unwrap_or(std::cmp::Ordering::Equal).then(a.cmp(&b))
                    });
                    order[(line.len() - 1) / 2]
                }
            };
            out.push((line[pick], pick));
        });
        if !keepdim && self.dim() > 0 {
            shape.remove(d);
        }
        let values = Tensor::new_raw(vals, shape.clone(), self.dtype());
        let indices = Tensor::new_raw(idx, shape, DType::Int64);
        let sizes = self.size();
        let values = Tensor::record(values, &[self], |_| BackwardFn::MaxDim {
            sizes,
            dim: d,
            keepdim,
            indices: SavedTensor::input(&indices),
            name: "MedianBackward1",
        });
        Ok((values, indices))
    }

    /// `torch.cummax` / `torch.cummin` → (values, indices); a later equal element or a NaN
    /// takes over, as ATen's `cummax_cummin_helper` (`CummaxBackward0` / `CumminBackward0`).
    pub fn cummax(&self, dim: isize, is_min: bool) -> Result<(Tensor, Tensor)> {
        let d = wrap_dim(dim, self.dim())?;
        let (vals, idx, shape) = self.lines(d, &mut |line, out| {
            let mut best: Option<(f64, usize)> = None;
            for (i, &x) in line.iter().enumerate() {
                let take = match best {
                    None => true,
                    Some((b, _)) => {
                        x.is_nan() || (!b.is_nan() && if is_min { x <= b } else { x >= b })
                    }
                };
                if take {
                    best = Some((x, i));
                }
                out.extend(best);
            }
        });
        let values = Tensor::new_raw(vals, shape.clone(), self.dtype());
        let indices = Tensor::new_raw(idx, shape.clone(), DType::Int64);
        let values = Tensor::record(values, &[self], |_| BackwardFn::TakeAlong {
            name: if is_min {
                "CumminBackward0"
            } else {
                "CummaxBackward0"
            },
            sizes: shape,
            dim: d,
            indices: SavedTensor::input(&indices),
        });
        Ok((values, indices))
    }

    /// `torch.logcumsumexp(x, dim)`: ATen's `_log_add_exp_helper` accumulated in double,
    /// NaN once a NaN is met (`LogcumsumexpBackward0`).
    pub fn logcumsumexp(&self, dim: isize) -> Result<Tensor> {
        let d = wrap_dim(dim, self.dim())?;
        let dt = self.dtype();
        if !dt.is_floating_point() {
            return Err(TorchError::not_implemented(format!(
                "\"logcumsumexp_out_cpu\" not implemented for '{}'",
                dt.scalar_name()
            )));
        }
        let (vals, _, shape) = self.lines(d, &mut |line, out| {
            let mut acc = f64::NEG_INFINITY;
            for &x in line {
                let (lo, hi) = if acc.is_nan() || x.is_nan() {
                    (x + acc, x + acc)
                } else {
                    (x.min(acc), x.max(acc))
                };
                acc = if lo != hi || lo.is_finite() {
                    hi + (lo - hi).exp().ln_1p()
                } else {
                    x
                };
                out.push((dt.cast(acc), 0));
            }
        });
        // a 0-dim tensor is copied
        let r = if self.dim() == 0 {
            Tensor::new_raw(self.to_vec(), shape, dt)
        } else {
            Tensor::new_raw(vals, shape, dt)
        };
        Ok(Tensor::record(r, &[self], |r| BackwardFn::Logcumsumexp {
            this: SavedTensor::input(self),
            result: SavedTensor::output(r),
            dim: d,
        }))
    }

    /// Calls `f` on each line of the tensor along `d` (its elements in order), which pushes
    /// (value, index) pairs; returns them scattered back in row-major order of the lines'
    /// positions (one per line, or one per element) with the result's shape (`d` kept). (`dyn`:
    /// one copy of the loops in the wasm for its three callers.)
    fn lines(&self, d: usize, f: &mut LineFn) -> (Vec<f64>, Vec<f64>, Vec<usize>) {
        let shape = self.size();
        let size = shape.get(d).copied().unwrap_or(1);
        let inner: usize = shape.get(d + 1..).map(|s| s.iter().product()).unwrap_or(1);
        let outer: usize = shape.get(..d).map(|s| s.iter().product()).unwrap_or(1);
        let v = self.to_vec();
        let mut vals = Vec::new();
        let mut idx = Vec::new();
        let mut per_line = 0;
        let mut line = Vec::with_capacity(size);
        let mut out = Vec::with_capacity(size);
        let mut results: Vec<Vec<(f64, usize)>> = Vec::with_capacity(outer * inner);
        for o in 0..outer {
            for i in 0..inner {
                line.clear();
                line.extend((0..size).filter_map(|k| v.get((o * size + k) * inner + i)));
                out.clear();
                f(&line, &mut out);
                per_line = out.len();
                results.push(out.clone());
            }
        }
        // (outer, per_line, inner) row-major
        for o in 0..outer {
            for k in 0..per_line {
                for i in 0..inner {
                    if let Some(&(x, j)) = results.get(o * inner + i).and_then(|r| r.get(k)) {
                        vals.push(x);
                        idx.push(j as f64);
                    }
                }
            }
        }
        let mut out_shape = shape;
        if let Some(s) = out_shape.get_mut(d) {
            *s = per_line;
        }
        (vals, idx, out_shape)
    }
}

/// `atan2_backward`, `fmod` (`-grad * self.div(other, rounding_mode="trunc")`) and `xlogy`
/// (`xlogy(grad, other)` zeroed where self == 0 and other <= 0, `grad * self / other`); `need_*` picks the inputs.
pub(crate) fn binary_backward(
    op: Bin,
    g: &Tensor,
    s: &Tensor,
    o: &Tensor,
    need_self: bool,
    need_other: bool,
) -> Result<[Option<Tensor>; 2]> {
    let a = if !need_self {
        None
    } else {
        Some(match op {
            Bin::Atan2 => g.mul(o)?.mul(&atan2_recip(s, o)?)?,
            Bin::Fmod => g.clone(),
            Bin::Xlogy => {
                let m = s.eq_scalar(0i64)?.logical_and(&o.le_scalar(0i64)?)?;
                Tensor::where_(&m, &scalar(0.0), &g.binary_fn(o, Bin::Xlogy)?)?
            }
            Bin::Fmin | Bin::Fmax => {
                let keep = if op == Bin::Fmin { s.le(o)? } else { s.ge(o)? };
                let drop = keep.logical_or(&o.isnan()?)?.logical_not()?;
                fmin_split(g, s, o)?.masked_fill(&drop, 0.0)?
            }
            Bin::Copysign => {
                // copysign_tensor_self_backward; the result is recomputed from both operands
                let r = s.binary_fn(o, Bin::Copysign)?;
                g.mul(&r.div(s)?.masked_fill(&s.eq_scalar(0i64)?, 0.0)?)?
            }
            Bin::Hypot => g.mul(s)?.div(&s.binary_fn(o, Bin::Hypot)?)?,
        })
    };
    let b = if !need_other {
        None
    } else {
        Some(match op {
            Bin::Atan2 => g.mul(&s.neg()?)?.mul(&atan2_recip(s, o)?)?,
            Bin::Fmod => {
                let q = {
                    let _ng = crate::autograd::grad_mode::no_grad();
                    s.div(o)?.trunc()?
                };
                g.neg()?.mul(&q)?
            }
            Bin::Xlogy => g.mul(s)?.div(o)?,
            Bin::Fmin | Bin::Fmax => {
                let lose = if op == Bin::Fmin { s.lt(o)? } else { s.gt(o)? };
                fmin_split(g, s, o)?.masked_fill(&lose.logical_or(&o.isnan()?)?, 0.0)?
            }
            Bin::Copysign => o.zeros_like()?,
            Bin::Hypot => g.mul(o)?.div(&s.binary_fn(o, Bin::Hypot)?)?,
        })
    };
    Ok([a, b])
}

/// `at::where(self == other, grad / 2, grad)`: fmin/fmax split ties.
fn fmin_split(g: &Tensor, s: &Tensor, o: &Tensor) -> Result<Tensor> {
    Tensor::where_(&s.eq(o)?, &g.div_scalar(2.0)?, g)
}

/// `soft_margin_loss_backward`: `-norm * target * z / (1 + z) * grad`, `z = exp(-target * x)`.
pub(crate) fn soft_margin_backward(
    g: &Tensor,
    x: &Tensor,
    t: &Tensor,
    reduction: crate::autograd::node::Reduction,
) -> Result<Tensor> {
    let norm = if reduction == crate::autograd::node::Reduction::Mean {
        1.0 / x.numel().max(1) as f64
    } else {
        1.0
    };
    let z = x.neg()?.mul(t)?.exp()?;
    t.mul(&z)?
        .mul_scalar(-norm)?
        .div(&z.add_scalar(1i64)?)?
        .mul(g)
}

/// `1 / (self^2 + other^2)`, 0 where that sum is 0 (atan2's gradient at the origin is 0).
fn atan2_recip(s: &Tensor, o: &Tensor) -> Result<Tensor> {
    let denom = s.mul(s)?.add(&o.mul(o)?)?;
    denom
        .reciprocal()?
        .masked_fill(&denom.eq_scalar(0i64)?, 0.0)
}

/// `logcumsumexp_backward` (FunctionsManual): positive and negative parts of the gradient in
/// log space, each through a reversed logcumsumexp.
pub(crate) fn logcumsumexp_backward(
    g: &Tensor,
    x: &Tensor,
    result: &Tensor,
    dim: usize,
) -> Result<Tensor> {
    if g.dim() == 0 || g.numel() == 0 {
        return Ok(g.clone());
    }
    let lowest = if g.dtype() == DType::Float32 {
        f64::from(f32::MIN)
    } else {
        f64::MIN
    };
    let d = [dim as isize];
    let reverse =
        |t: &Tensor| -> Result<Tensor> { t.flip(&d)?.logcumsumexp(dim as isize)?.flip(&d) };
    let log_abs = g.abs()?.log()?;
    let min = scalar(lowest);
    let pos = Tensor::where_(&g.gt_scalar(0i64)?, &log_abs, &min)?;
    let neg = Tensor::where_(&g.lt_scalar(0i64)?, &log_abs, &min)?;
    let out_pos = reverse(&pos.sub(result)?)?.add(x)?.exp()?;
    let out_neg = reverse(&neg.sub(result)?)?.add(x)?.exp()?;
    out_pos.sub(&out_neg)
}

impl Tensor {
    /// `torch.roll(x, shifts, dims)` (`RollBackward0`); no dims rolls the flattened tensor.
    pub fn roll(&self, shifts: &[i64], dims: &[i64]) -> Result<Tensor> {
        if shifts.is_empty() {
            return Err(TorchError::runtime("`shifts` required"));
        }
        if shifts.len() != dims.len() && !(dims.is_empty() && shifts.len() == 1) {
            return Err(TorchError::runtime(format!(
                "shifts and dimensions must align. shifts: {}, dims:{}",
                shifts.len(),
                dims.len()
            )));
        }
        let shape = self.size();
        // the total shift of each dimension; no dims: one dimension of all elements
        let (sizes, mut by) = if dims.is_empty() {
            (vec![self.numel()], vec![shifts[0]])
        } else {
            if self.dim() == 0 {
                return Err(TorchError::index(format!(
                    "Dimension specified as {} but tensor has no dimensions",
                    dims[0]
                )));
            }
            let mut by = vec![0i64; shape.len()];
            for (&s, &d) in shifts.iter().zip(dims) {
                let d = wrap_dim(d as isize, self.dim())?;
                by[d] = by[d].wrapping_add(s);
            }
            (shape.clone(), by)
        };
        for (b, &n) in by.iter_mut().zip(&sizes) {
            *b = if n == 0 { 0 } else { b.rem_euclid(n as i64) };
        }
        let v = self.to_vec();
        let mut out = vec![0.0; v.len()];
        let strides = crate::storage::contiguous_strides(&sizes);
        for (i, slot) in out.iter_mut().enumerate() {
            let (mut src, mut rem) = (0, i);
            for ((&st, &n), &b) in strides.iter().zip(&sizes).zip(&by) {
                let c = rem / st.max(1);
                rem %= st.max(1);
                src += (c + n - b as usize) % n.max(1) * st;
            }
            *slot = v.get(src).copied().unwrap_or(0.0);
        }
        let r = Tensor::new_raw(out, shape, self.dtype());
        Ok(Tensor::record(r, &[self], |_| BackwardFn::Roll {
            shifts: shifts.to_vec(),
            dims: dims.to_vec(),
        }))
    }
}
