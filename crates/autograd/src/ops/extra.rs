//! More ops: clamp_min/clamp_max, cumsum, flip, floor_divide, remainder, in-place unary and
//! random fills, equal/allclose.

use super::binary::{promote, zip_map, zip_map_dyn};
use super::wrap_dim;
use crate::autograd::node::{BackwardFn, SavedTensor};
use crate::dtype::{DType, Scalar};
use crate::error::{Result, TorchError};
use crate::tensor::Tensor;

impl Tensor {
    /// `self` converted to its result type with these Python-number operands (an integer
    /// tensor clamped with a float bound is clamped as float32, as in ATen's `clamp`).
    pub fn promoted_with(&self, scalars: &[Scalar]) -> Result<Tensor> {
        let dt = scalars.iter().fold(self.dtype(), |dt, s| {
            promote(
                &Tensor::new_raw(vec![0.0], self.size().iter().map(|_| 1).collect(), dt),
                &Tensor::wrapped(*s),
            )
        });
        if dt == self.dtype() {
            Ok(self.clone())
        } else {
            self.to_dtype(dt)
        }
    }

    /// `x.clamp_min(min)` (`ClampMinBackward0`).
    pub fn clamp_min(&self, min: f64) -> Result<Tensor> {
        let r = self.clamp(Some(min), None)?.detach();
        let r = Tensor::new_raw(r.to_vec(), r.size(), r.dtype());
        Ok(Tensor::record(r, &[self], |_| BackwardFn::ClampMin {
            this: SavedTensor::input(self),
            min,
        }))
    }

    /// `x.clamp_max(max)` (`ClampMaxBackward0`).
    pub fn clamp_max(&self, max: f64) -> Result<Tensor> {
        let r = self.clamp(None, Some(max))?.detach();
        let r = Tensor::new_raw(r.to_vec(), r.size(), r.dtype());
        Ok(Tensor::record(r, &[self], |_| BackwardFn::ClampMax {
            this: SavedTensor::input(self),
            max,
        }))
    }

    /// `torch.clamp(x, min, max)` with tensor bounds (`ClampBackward0`; a missing bound is
    /// None): broadcast, promoted, NaN in any operand gives NaN, `min > max` gives `max`.
    pub fn clamp_tensor(&self, min: Option<&Tensor>, max: Option<&Tensor>) -> Result<Tensor> {
        if min.is_none() && max.is_none() {
            return Err(TorchError::runtime(
                "torch.clamp: At least one of 'min' or 'max' must not be None",
            ));
        }
        let bounds: Vec<&Tensor> = min.into_iter().chain(max).collect();
        let mut ops = vec![super::binary::operand(self)];
        ops.extend(bounds.iter().map(|b| super::binary::operand(b)));
        let dt = crate::dtype::result_type(&ops);
        let (shape, [x, lo, hi]) = clamp_operands(self, min, max)?;
        let vals = (0..x.len())
            .map(|i| {
                let (l, h) = (lo.get(i).copied(), hi.get(i).copied());
                let v = x[i];
                let nan = |b: Option<f64>| b.is_some_and(f64::is_nan);
                let y = if v.is_nan() || nan(l) || nan(h) {
                    f64::NAN
                } else {
                    let y = l.map_or(v, |l| v.max(l));
                    h.map_or(y, |h| y.min(h))
                };
                dt.cast(y)
            })
            .collect();
        let r = Tensor::new_raw(vals, shape, dt);
        let none = Tensor::new_raw(vec![0.0], vec![], dt);
        let (a, b) = (min.unwrap_or(&none), max.unwrap_or(&none));
        Ok(Tensor::record(r, &[self, a, b], |_| {
            BackwardFn::ClampTensor {
                this: SavedTensor::input(self),
                bounds: Box::new([min.map(SavedTensor::input), max.map(SavedTensor::input)]),
            }
        }))
    }

    /// `x.cumsum(dim)` (`CumsumBackward0`); integer inputs accumulate in int64.
    pub fn cumsum(&self, dim: isize) -> Result<Tensor> {
        let (r, d) = self.scan(dim, false)?;
        Ok(Tensor::record(r, &[self], |_| BackwardFn::Cumsum {
            dim: d,
        }))
    }

    /// `x.cumprod(dim)` (`CumprodBackward0`); integer inputs multiply in int64.
    pub fn cumprod(&self, dim: isize) -> Result<Tensor> {
        let (r, d) = self.scan(dim, true)?;
        Ok(Tensor::record(r, &[self], |r| BackwardFn::Cumprod {
            this: SavedTensor::input(self),
            result: SavedTensor::output(r),
            dim: d,
        }))
    }

    /// Running sums or products along `dim`, accumulated in double and rounded per output
    /// like PyTorch's CPU kernel (`acc_type<float>` is double there).
    fn scan(&self, dim: isize, prod: bool) -> Result<(Tensor, usize)> {
        let d = wrap_dim(dim, self.dim())?;
        let dt = if self.dtype().is_floating_point() {
            self.dtype()
        } else {
            DType::Int64
        };
        let shape = self.size();
        let size = shape.get(d).copied().unwrap_or(1);
        let inner: usize = shape.get(d + 1..).map(|s| s.iter().product()).unwrap_or(1);
        let outer: usize = shape.get(..d).map(|s| s.iter().product()).unwrap_or(1);
        let mut v = self.to_vec();
        for o in 0..outer {
            for i in 0..inner {
                let mut acc = if prod { 1.0 } else { 0.0 };
                for k in 0..size {
                    let idx = (o * size + k) * inner + i;
                    acc = if prod { acc * v[idx] } else { acc + v[idx] };
                    if !dt.is_floating_point() {
                        acc = dt.cast(acc);
                    }
                    v[idx] = dt.cast(acc);
                }
            }
        }
        Ok((Tensor::new_raw(v, shape, dt), d))
    }

    /// `x.flip(dims)` (`FlipBackward0`).
    pub fn flip(&self, dims: &[isize]) -> Result<Tensor> {
        let mut ds = Vec::new();
        for &d in dims {
            let w = wrap_dim(d, self.dim())?;
            if ds.contains(&w) {
                return Err(TorchError::runtime(format!(
                    "dims has duplicates, original flip dims size={}, but unique flip dims size={}",
                    dims.len(),
                    ds.len()
                )));
            }
            ds.push(w);
        }
        let shape = self.size();
        let strides = crate::storage::contiguous_strides(&shape);
        let v = self.to_vec();
        let mut out = vec![0.0; v.len()];
        for (i, slot) in out.iter_mut().enumerate() {
            let mut src = 0;
            let mut rem = i;
            for (k, (&st, &sz)) in strides.iter().zip(&shape).enumerate() {
                let c = rem / st.max(1);
                rem %= st.max(1);
                let c = if ds.contains(&k) { sz - 1 - c } else { c };
                src += c * st;
            }
            *slot = v.get(src).copied().unwrap_or(0.0);
        }
        let r = Tensor::new_raw(out, shape, self.dtype());
        Ok(Tensor::record(r, &[self], |_| BackwardFn::Flip {
            dims: ds,
        }))
    }

    /// `self // other` (`torch.floor_divide`); backward raises as in PyTorch.
    pub fn floor_divide(&self, other: &Tensor) -> Result<Tensor> {
        let dt = promote(self, other);
        if !dt.is_floating_point() && other.to_vec().contains(&0.0) {
            return Err(TorchError::runtime("ZeroDivisionError"));
        }
        let r = zip_map_dyn(self, other, dt, dt, &|x, y| (x / y).floor())?;
        Ok(Tensor::record(r, &[self, other], |_| {
            BackwardFn::NotImplemented { op: "floor_divide" }
        }))
    }

    /// `self % other` with Python's sign rule (`RemainderBackward0`): ATen's `fmod`, plus
    /// the divisor when the signs differ (a zero keeps the dividend's sign: `-2. % 2` is -0).
    pub fn remainder(&self, other: &Tensor) -> Result<Tensor> {
        let dt = promote(self, other);
        if !dt.is_floating_point() && other.to_vec().contains(&0.0) {
            return Err(TorchError::runtime("ZeroDivisionError"));
        }
        let r = zip_map_dyn(self, other, dt, dt, &|x, y| {
            let m = x % y;
            if m != 0.0 && (m < 0.0) != (y < 0.0) {
                m + y
            } else {
                m
            }
        })?;
        if other.is_wrapped_number() {
            return Ok(Tensor::record(r, &[self], |_| BackwardFn::Remainder {
                this: None,
                other: None,
            }));
        }
        Ok(Tensor::record(r, &[self, other], |_| {
            BackwardFn::Remainder {
                this: Some(SavedTensor::input(self)),
                other: Some(SavedTensor::input(other)),
            }
        }))
    }

    /// `s % self` (PyTorch records no derivative: `NotImplemented`).
    pub fn rremainder_scalar(&self, s: impl Into<Scalar>) -> Result<Tensor> {
        let w = Tensor::wrapped(s.into());
        let r = w.remainder(&self.detach())?;
        let r = Tensor::new_raw(r.to_vec(), r.size(), r.dtype());
        Ok(Tensor::record(r, &[self], |_| BackwardFn::NotImplemented {
            op: "remainder",
        }))
    }

    /// `s // self`.
    pub fn rfloor_divide_scalar(&self, s: impl Into<Scalar>) -> Result<Tensor> {
        Tensor::wrapped(s.into()).floor_divide(self)
    }

    /// `x.exp_()`.
    pub fn exp_(&self) -> Result<()> {
        self.inplace_op(&[], |t| t.exp())
    }
    /// `x.relu_()`.
    pub fn relu_(&self) -> Result<()> {
        self.inplace_op(&[], |t| t.relu())
    }
    /// `x.sigmoid_()`.
    pub fn sigmoid_(&self) -> Result<()> {
        self.inplace_op(&[], |t| t.sigmoid())
    }
    /// `x.tanh_()`.
    pub fn tanh_(&self) -> Result<()> {
        self.inplace_op(&[], |t| t.tanh())
    }
    /// `x.neg_()`.
    pub fn neg_(&self) -> Result<()> {
        self.inplace_op(&[], |t| t.neg())
    }
    /// `x.sqrt_()`.
    pub fn sqrt_(&self) -> Result<()> {
        self.inplace_op(&[], |t| t.sqrt())
    }
    /// `x.abs_()`.
    pub fn abs_(&self) -> Result<()> {
        self.inplace_op(&[], |t| t.abs())
    }
    /// `x.square_()`.
    pub fn square_(&self) -> Result<()> {
        self.inplace_op(&[], |t| t.pow_scalar(2i64))
    }

    /// `x.uniform_(from, to)` from the seeded generator.
    pub fn uniform_(&self, from: f64, to: f64) -> Result<()> {
        self.check_inplace()?;
        self.check_no_overlap()?;
        if !self.dtype().is_floating_point() {
            return Err(TorchError::runtime(format!(
                "\"check_uniform_bounds\" not implemented for '{}'",
                self.dtype().scalar_name()
            )));
        }
        let u = Tensor::rand(self.shape(), self.dtype())?.to_vec();
        let dt = self.dtype();
        // bounds are cast to the dtype first; x * (to - from) + from is then one fused
        // multiply-add (exact product in f64), as PyTorch's kernel computes it
        let (from, to) = (dt.cast(from), dt.cast(to));
        let span = dt.cast(to - from);
        let v: Vec<f64> = u
            .into_iter()
            .map(|x| dt.cast(x.mul_add(span, from)))
            .collect();
        self.write_values(&v);
        Ok(())
    }

    /// `x.normal_(mean, std)` from the seeded generator.
    pub fn normal_(&self, mean: f64, std: f64) -> Result<()> {
        self.check_inplace()?;
        self.check_no_overlap()?;
        let v = Tensor::normal(mean, std, self.shape(), self.dtype())?.to_vec();
        self.write_values(&v);
        Ok(())
    }

    /// `x.equal(other)`: same shape and values.
    pub fn equal(&self, other: &Tensor) -> bool {
        self.shape() == other.shape() && self.to_vec() == other.to_vec()
    }

    /// `torch.allclose(self, other, rtol, atol, equal_nan=False)`.
    pub fn allclose(&self, other: &Tensor, rtol: f64, atol: f64) -> Result<bool> {
        let shape = super::broadcast_shapes(self.shape(), other.shape())?;
        let a = super::broadcast_values(self, &shape);
        let b = super::broadcast_values(other, &shape);
        Ok(a.iter()
            .zip(&b)
            .all(|(x, y)| x == y || (x - y).abs() <= atol + rtol * y.abs()))
    }
}

/// `a * b + c` rounded once in `dt` (PyTorch's vectorised kernels use fused multiply-add).
fn fma_dt(dt: DType, a: f64, b: f64, c: f64) -> f64 {
    match dt {
        DType::Float32 => f64::from((a as f32).mul_add(b as f32, c as f32)),
        DType::Float64 => a.mul_add(b, c),
        _ => dt.cast(a * b + c),
    }
}

impl Tensor {
    /// `torch.add(self, other, alpha=alpha)` = `self + alpha * other` (`AddBackward0`).
    pub fn add_alpha(&self, other: &Tensor, alpha: f64) -> Result<Tensor> {
        let dt = promote(self, other);
        let a = dt.cast(alpha);
        let r = zip_map(self, other, dt, dt, move |x, y| fma_dt(dt, y, a, x))?;
        Ok(Tensor::record(r, &[self, other], |_| BackwardFn::Add {
            alpha,
        }))
    }

    /// `torch.sub(self, other, alpha=alpha)` = `self - alpha * other` (`SubBackward0`).
    pub fn sub_alpha(&self, other: &Tensor, alpha: f64) -> Result<Tensor> {
        let dt = promote(self, other);
        let a = dt.cast(alpha);
        let r = zip_map(self, other, dt, dt, move |x, y| fma_dt(dt, y, -a, x))?;
        Ok(Tensor::record(r, &[self, other], |_| BackwardFn::Sub {
            alpha,
        }))
    }

    /// `x.add_(other, alpha=alpha)` (what `torch.optim.SGD` does).
    pub fn add_alpha_(&self, other: &Tensor, alpha: f64) -> Result<()> {
        self.inplace_op(&[other], |t| t.add_alpha(other, alpha))
    }

    /// `x.sub_(other, alpha=alpha)`.
    pub fn sub_alpha_(&self, other: &Tensor, alpha: f64) -> Result<()> {
        self.inplace_op(&[other], |t| t.sub_alpha(other, alpha))
    }

    /// `torch.addcmul(self, t1, t2, value=v)`: `(v * t1)` rounded, then one fused multiply-add
    /// with `t2` and `self` (`AddcmulBackward0`).
    pub fn addcmul(&self, t1: &Tensor, t2: &Tensor, value: f64) -> Result<Tensor> {
        // the result type of all three operands
        let rank = t1.dim().max(t2.dim());
        let dt = promote(
            self,
            &Tensor::new_raw(vec![0.0], vec![1; rank], promote(t1, t2)),
        );
        let v1 = zip_map_dyn(t1, &Tensor::wrapped(value.into()), dt, dt, &|a, b| b * a)?;
        let shape = crate::ops::broadcast_shapes(
            self.shape(),
            &crate::ops::broadcast_shapes(v1.shape(), t2.shape())?,
        )?;
        let xv = crate::ops::broadcast_values(self, &shape);
        let av = crate::ops::broadcast_values(&v1, &shape);
        let bv = crate::ops::broadcast_values(t2, &shape);
        let out = xv
            .iter()
            .zip(av.iter().zip(&bv))
            .map(|(&x, (&a, &b))| fma_dt(dt, a, b, x))
            .collect();
        let r = Tensor::new_raw(out, shape, dt);
        Ok(Tensor::record(r, &[self, t1, t2], |_| {
            BackwardFn::Addcmul {
                t1: SavedTensor::input(t1),
                t2: SavedTensor::input(t2),
                value,
            }
        }))
    }

    /// `x.addcmul_(t1, t2, value=v)` (what `torch.optim.Adam` does).
    pub fn addcmul_(&self, t1: &Tensor, t2: &Tensor, value: f64) -> Result<()> {
        self.inplace_op(&[t1, t2], |t| t.addcmul(t1, t2, value))
    }

    /// `torch.addcdiv(self, t1, t2, value=v)`: `self + (v * t1) / t2` (`AddcdivBackward0`).
    pub fn addcdiv(&self, t1: &Tensor, t2: &Tensor, value: f64) -> Result<Tensor> {
        let dt = if self.dtype().is_floating_point() {
            self.dtype()
        } else {
            DType::Float32
        };
        let q = {
            let _g = crate::autograd::grad_mode::no_grad();
            let q = zip_map_dyn(&t1.mul_scalar(value)?, t2, dt, dt, &|a, b| a / b)?;
            self.add(&q)?
        };
        let r = Tensor::new_raw(q.to_vec(), q.size(), q.dtype());
        Ok(Tensor::record(r, &[self, t1, t2], |_| {
            BackwardFn::Addcdiv {
                t1: SavedTensor::input(t1),
                t2: SavedTensor::input(t2),
                value,
            }
        }))
    }

    /// `x.addcdiv_(t1, t2, value=v)`.
    pub fn addcdiv_(&self, t1: &Tensor, t2: &Tensor, value: f64) -> Result<()> {
        self.inplace_op(&[t1, t2], |t| t.addcdiv(t1, t2, value))
    }

    /// `torch.lerp(self, end, weight)` with PyTorch's formula (`self + w * (end - self)` for
    /// `|w| < 0.5`, else `end - (end - self) * (1 - w)`, each fused; `LerpBackward0`).
    pub fn lerp(&self, end: &Tensor, weight: f64) -> Result<Tensor> {
        if end.dtype() != self.dtype() {
            return Err(TorchError::runtime(format!(
                "expected dtype {} for `end` but got dtype {}",
                self.dtype().cpp_name(),
                end.dtype().cpp_name()
            )));
        }
        let dt = promote(self, end);
        if !dt.is_floating_point() {
            return Err(TorchError::not_implemented(format!(
                "\"lerp_kernel_scalar\" not implemented for '{}'",
                dt.scalar_name()
            )));
        }
        let w = dt.cast(weight);
        let r = zip_map_dyn(self, end, dt, dt, &move |s, e| {
            let diff = dt.cast(e - s);
            if w.abs() < 0.5 {
                fma_dt(dt, w, diff, s)
            } else {
                fma_dt(dt, -diff, dt.cast(1.0 - w), e)
            }
        })?;
        Ok(Tensor::record(r, &[self, end], |_| BackwardFn::Lerp {
            weight,
        }))
    }

    /// `x.lerp_(end, weight)`.
    pub fn lerp_(&self, end: &Tensor, weight: f64) -> Result<()> {
        self.inplace_op(&[end], |t| t.lerp(end, weight))
    }
}

/// PyTorch's `cumprod_backward`. Without a zero in `x`: `reversed_cumsum(out * g) / x`.
/// With zeros, under grad mode (`create_graph`) the differentiable O(n^2) form, otherwise the
/// O(n) masked form: before the first zero as above, at the first zero the products of the
/// elements up to the second zero times `out` just before it, zero after.
#[inline(never)]
pub(crate) fn cumprod_backward(g: &Tensor, x: &Tensor, out: &Tensor, dim: usize) -> Result<Tensor> {
    let n = x.shape().get(dim).copied().unwrap_or(1) as i64;
    if x.numel() <= 1 || n == 1 {
        return Ok(g.clone());
    }
    let d = dim as isize;
    let is_zero = x.eq_scalar(0.0)?;
    if is_zero.any()?.item()?.to_f64() == 0.0 {
        return out.mul(g)?.flip(&[d])?.cumsum(d)?.flip(&[d])?.div(x);
    }
    if crate::autograd::grad_mode::is_grad_enabled() {
        // PyTorch assigns each slice into zeros in place (`CopySlices`); here the slices are
        // concatenated (`CatBackward0`): the same values, another node name.
        let mut ones_size = x.size();
        ones_size[dim] = 1;
        let mut parts = Vec::with_capacity(n as usize);
        for k in 0..n {
            let omitted = if k == 0 {
                let ones = Tensor::ones(&ones_size, g.dtype())?;
                Tensor::cat(&[ones, x.slice(d, 1, n, 1)?.cumprod(d)?], d)?
            } else {
                let until = x.slice(d, 0, k, 1)?.prod_dim(d, true)?;
                if k == n - 1 {
                    until
                } else {
                    let from = x.slice(d, k + 1, n, 1)?.cumprod(d)?;
                    let prods = until.expand_as(&from)?.mul(&from)?;
                    Tensor::cat(&[until, prods], d)?
                }
            };
            parts.push(g.slice(d, k, n, 1)?.mul(&omitted)?.sum_dim(&[d], true)?);
        }
        return Tensor::cat(&parts, d);
    }
    let cs = is_zero.cumsum(d)?;
    let before = cs.eq_scalar(0)?;
    let w = out.mul(g)?.masked_fill(&before.logical_not()?, 0.0)?;
    let gi = w.flip(&[d])?.cumsum(d)?.flip(&[d])?.div(x)?;
    let gi = Tensor::where_(&before, &gi, &g.zeros_like()?)?;
    let first_run = cs.eq_scalar(1)?;
    let first = first_run.max_dim(d, true)?.1;
    let first_mask = super::reduce::one_hot_along(&first, x.shape(), dim, true, DType::Bool)?
        .logical_and(&first_run)?;
    let between = first_run.logical_and(&first_mask.logical_not()?)?;
    let prev = out
        .take_along(dim, &first.sub_scalar(1)?.clamp(Some(0.0), None)?)?
        .masked_fill(&first.eq_scalar(0)?, 1.0)?;
    let at_zero = x
        .masked_fill(&between.logical_not()?, 1.0)?
        .cumprod(d)?
        .mul(&g.masked_fill(&first_run.logical_not()?, 0.0)?)?
        .sum_dim(&[d], true)?
        .mul(&prev)?;
    Tensor::where_(&first_mask, &at_zero, &gi)
}

/// The operands of a tensor clamp broadcast together: shape, then x, min, max values (a
/// missing bound is empty).
fn clamp_operands(
    x: &Tensor,
    min: Option<&Tensor>,
    max: Option<&Tensor>,
) -> Result<(Vec<usize>, [Vec<f64>; 3])> {
    let mut shape = x.size();
    for b in min.iter().chain(max.iter()) {
        shape = super::broadcast_shapes(&shape, b.shape())?;
    }
    let vals = |t: Option<&Tensor>| t.map_or(Vec::new(), |t| super::broadcast_values(t, &shape));
    let v = [vals(Some(x)), vals(min), vals(max)];
    Ok((shape, v))
}

/// `ClampBackward0`'s gradients for x, min and max as they are in torch 2.15: with both
/// bounds and `min < max` a tie with a bound splits the gradient in halves; `min > max`
/// sends it all to max; a NaN bound sends nothing to the bounds. With one bound, as
/// `maximum`/`minimum` (halves at ties, everything to both at a NaN).
#[inline(never)]
pub(crate) fn clamp_tensor_backward(
    g: &Tensor,
    x: &Tensor,
    min: Option<&Tensor>,
    max: Option<&Tensor>,
) -> Result<[Option<Tensor>; 3]> {
    let (shape, [xv, lo, hi]) = clamp_operands(x, min, max)?;
    let n = xv.len();
    let mut f = [vec![0.0; n], vec![0.0; n], vec![0.0; n]];
    let b = |c: bool| f64::from(u8::from(c));
    // 1 unless `c`: NaN comparisons are false, so `nb(v < l)` passes a NaN
    let nb = |c: bool| 1.0 - b(c);
    for i in 0..n {
        let v = xv[i];
        let r = match (lo.get(i).copied(), hi.get(i).copied()) {
            (Some(l), Some(h)) => {
                let half = if (v == l || v == h) && l < h {
                    0.5
                } else {
                    1.0
                };
                [
                    nb(v < l) * nb(v > h) * half,
                    b(v < l && l <= h) + 0.5 * b(v == l && l < h),
                    b((v > h && l <= h) || l > h) + 0.5 * b(v == h && l < h),
                ]
            }
            (Some(l), None) => {
                let half = if v == l { 0.5 } else { 1.0 };
                [nb(v < l) * half, nb(v > l) * half, 0.0]
            }
            (None, Some(h)) => {
                let half = if v == h { 0.5 } else { 1.0 };
                [nb(v > h) * half, 0.0, nb(v < h) * half]
            }
            (None, None) => [1.0, 0.0, 0.0],
        };
        for k in 0..3 {
            f[k][i] = r[k];
        }
    }
    let present = [true, min.is_some(), max.is_some()];
    let mut out = [None, None, None];
    for (k, fk) in f.into_iter().enumerate() {
        if present[k] {
            let m = Tensor::new_raw(fk, shape.clone(), g.dtype());
            // Zeroed where the factor is 0, not `grad * 0` (NaN or -0.), as PyTorch does
            // (`MaskedFillBackward0` under create_graph, as there).
            out[k] = Some(g.mul(&m)?.masked_fill(&m.eq_scalar(0.0)?, 0.0)?);
        }
    }
    Ok(out)
}
