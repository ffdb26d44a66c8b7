//! Reductions: sum, mean, max/min (whole and along a dim), all/any, sum_to.

use super::wrap_dim;
use crate::autograd::node::{BackwardFn, SavedTensor};
use crate::dtype::DType;
use crate::error::{Result, TorchError};
use crate::tensor::Tensor;

/// Normalises a dim list, rejecting duplicates as PyTorch does.
pub(crate) fn wrap_dims(dims: &[isize], ndim: usize) -> Result<Vec<usize>> {
    let mut out = Vec::with_capacity(dims.len());
    for &d in dims {
        let w = wrap_dim(d, ndim)?;
        if out.contains(&w) {
            return Err(TorchError::runtime(format!(
                "dim {w} appears multiple times in the list of dims"
            )));
        }
        out.push(w);
    }
    if ndim == 0 {
        out.clear();
    }
    out.sort_unstable();
    Ok(out)
}

/// For reducing `shape` over `dims`: the kept-dim output shape and each element's output slot.
fn groups(shape: &[usize], dims: &[usize]) -> (Vec<usize>, Vec<usize>) {
    let kept = kept_shape(shape, dims);
    let ostrides = crate::storage::contiguous_strides(&kept);
    let n: usize = shape.iter().product();
    let nd = shape.len();
    let mut idx = vec![0usize; nd];
    let mut slots = Vec::with_capacity(n);
    for _ in 0..n {
        let mut o = 0;
        for d in 0..nd {
            if !dims.contains(&d) {
                o += idx[d] * ostrides[d];
            }
        }
        slots.push(o);
        for d in (0..nd).rev() {
            idx[d] += 1;
            if idx[d] < shape[d] {
                break;
            }
            idx[d] = 0;
        }
    }
    (kept, slots)
}

/// `shape` with the reduced `dims` set to 1.
fn kept_shape(shape: &[usize], dims: &[usize]) -> Vec<usize> {
    shape
        .iter()
        .enumerate()
        .map(|(i, &d)| if dims.contains(&i) { 1 } else { d })
        .collect()
}

fn out_shape(kept: &[usize], dims: &[usize], keepdim: bool) -> Vec<usize> {
    if keepdim {
        return kept.to_vec();
    }
    kept.iter()
        .enumerate()
        .filter(|(i, _)| !dims.contains(i))
        .map(|(_, &d)| d)
        .collect()
}

fn sum_dtype(dt: DType) -> DType {
    if dt.is_floating_point() {
        dt
    } else {
        DType::Int64
    }
}

fn mean_check(t: &Tensor) -> Result<()> {
    if !t.dtype().is_floating_point() {
        return Err(TorchError::not_implemented(format!(
            "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: {}",
            t.dtype().scalar_name()
        )));
    }
    Ok(())
}

impl Tensor {
    /// Elements in storage order when the tensor covers its storage densely in some dimension
    /// order (e.g. a transpose), which is the order PyTorch's full reductions visit them;
    /// row-major order otherwise.
    pub(crate) fn memory_order_values(&self) -> Vec<f64> {
        let l = self.layout();
        let mut dims: Vec<(usize, usize)> = l
            .shape
            .iter()
            .copied()
            .zip(l.strides.iter().copied())
            .filter(|(d, _)| *d != 1)
            .collect();
        // By stride, largest first, ties kept in order (a stable insertion sort: a tensor has
        // few dims, and `sort_by_key` added about 4 KB of wasm for this one call).
        for i in 1..dims.len() {
            let mut j = i;
            while j > 0 && dims[j].1 > dims[j - 1].1 {
                dims.swap(j, j - 1);
                j -= 1;
            }
        }
        let mut expected = 1usize;
        let mut dense = true;
        for &(d, st) in dims.iter().rev() {
            if st != expected {
                dense = false;
                break;
            }
            expected *= d;
        }
        if dense {
            let n = self.numel();
            let st = self.0.storage.borrow();
            if let Some(slice) = st.get(l.offset..l.offset + n) {
                return slice.to_vec();
            }
        }
        self.to_vec()
    }

    /// `x.sum()` (`SumBackward0`); integer and bool inputs sum to int64.
    pub fn sum(&self) -> Result<Tensor> {
        let dt = sum_dtype(self.dtype());
        let s = super::kernels::inner_sum(&self.memory_order_values(), dt);
        let r = Tensor::new_raw(vec![dt.cast(s)], vec![], dt);
        let sizes = self.size();
        Ok(Tensor::record(r, &[self], |_| BackwardFn::Sum { sizes }))
    }

    fn reduce_dims(&self, dims: &[usize], keepdim: bool, dt: DType, mean: bool) -> Tensor {
        let kept = kept_shape(self.shape(), dims);
        let m: usize = kept.iter().product();
        let count: usize = dims.iter().map(|&d| self.shape()[d]).product();
        let nd = self.dim();
        let vals = self.to_vec();
        let suffix = dims.iter().copied().eq(nd - dims.len()..nd);
        let prefix = dims.iter().copied().eq(0..dims.len());
        let acc: Vec<f64> = if count == 0 {
            vec![0.0; m]
        } else if dt.is_floating_point() && suffix {
            vals.chunks(count)
                .map(|c| super::kernels::inner_sum(c, dt))
                .collect()
        } else if dt.is_floating_point() && prefix {
            super::kernels::outer_sum(&vals, count, m, dt)
        } else {
            // Only this order needs each element's output slot.
            let (_, slots) = groups(self.shape(), dims);
            let mut acc = vec![0.0; m];
            for (v, &s) in vals.iter().zip(&slots) {
                if let Some(a) = acc.get_mut(s) {
                    *a = dt.cast(*a + v);
                }
            }
            acc
        };
        let values = acc
            .into_iter()
            .map(|a| dt.cast(if mean { a / dt.cast(count as f64) } else { a }))
            .collect();
        Tensor::new_raw(values, out_shape(&kept, dims, keepdim), dt)
    }

    /// `x.sum(dim, keepdim)` (`SumBackward1`).
    pub fn sum_dim(&self, dims: &[isize], keepdim: bool) -> Result<Tensor> {
        let d = wrap_dims(dims, self.dim())?;
        let dt = sum_dtype(self.dtype());
        let r = self.reduce_dims(&d, keepdim, dt, false);
        let sizes = self.size();
        Ok(Tensor::record(r, &[self], |_| BackwardFn::SumDim {
            sizes,
            dims: d,
            keepdim,
        }))
    }

    /// `x.mean()` (`MeanBackward0`).
    pub fn mean(&self) -> Result<Tensor> {
        mean_check(self)?;
        let n = self.numel();
        let dt = self.dtype();
        let s = super::kernels::inner_sum(&self.memory_order_values(), dt);
        let r = Tensor::new_raw(vec![dt.cast(s / dt.cast(n as f64))], vec![], dt);
        let sizes = self.size();
        Ok(Tensor::record(r, &[self], |_| BackwardFn::Mean {
            sizes,
            count: n,
        }))
    }

    /// `x.mean(dim, keepdim)` (`MeanBackward1`).
    pub fn mean_dim(&self, dims: &[isize], keepdim: bool) -> Result<Tensor> {
        mean_check(self)?;
        let d = wrap_dims(dims, self.dim())?;
        let r = self.reduce_dims(&d, keepdim, self.dtype(), true);
        let count = d.iter().map(|&i| self.shape()[i]).product();
        let sizes = self.size();
        Ok(Tensor::record(r, &[self], |_| BackwardFn::MeanDim {
            sizes,
            dims: d,
            keepdim,
            count,
        }))
    }

    fn extreme(&self, is_min: bool) -> Result<Tensor> {
        if self.numel() == 0 {
            let name = if is_min { "min" } else { "max" };
            return Err(TorchError::runtime(format!(
                "{name}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument."
            )));
        }
        let vals = self.to_vec();
        let mut best = vals[0];
        for &v in &vals {
            if best.is_nan() {
                break;
            }
            if v.is_nan() || (if is_min { v < best } else { v > best }) {
                best = v;
            }
        }
        let r = Tensor::new_raw(vec![best], vec![], self.dtype());
        Ok(Tensor::record(r, &[self], |r| BackwardFn::MaxAll {
            this: SavedTensor::input(self),
            result: SavedTensor::output(r),
            is_min,
        }))
    }

    /// `x.max()` (`MaxBackward1`).
    pub fn max(&self) -> Result<Tensor> {
        self.extreme(false)
    }

    /// `x.min()` (`MinBackward1`).
    pub fn min(&self) -> Result<Tensor> {
        self.extreme(true)
    }

    fn extreme_dim(&self, dim: isize, keepdim: bool, is_min: bool) -> Result<(Tensor, Tensor)> {
        let d = wrap_dim(dim, self.dim())?;
        let name = if is_min { "min" } else { "max" };
        if self.dim() > 0 && self.shape()[d] == 0 {
            return Err(TorchError::index(format!(
                "{name}(): Expected reduction dim {d} to have non-zero size."
            )));
        }
        let dims: Vec<usize> = if self.dim() == 0 { vec![] } else { vec![d] };
        let (kept, slots) = groups(self.shape(), &dims);
        let m: usize = kept.iter().product();
        let mut best: Vec<Option<(f64, usize)>> = vec![None; m];
        let stride = crate::storage::contiguous_strides(self.shape());
        let st = stride.get(d).copied().unwrap_or(1);
        let size_d = self.shape().get(d).copied().unwrap_or(1);
        for (i, (v, &s)) in self.to_vec().into_iter().zip(&slots).enumerate() {
            let k = if size_d == 0 { 0 } else { (i / st) % size_d };
            if let Some(slot) = best.get_mut(s) {
                let replace = match slot {
                    None => true,
                    Some((b, _)) => {
                        !b.is_nan() && (v.is_nan() || if is_min { v < *b } else { v > *b })
                    }
                };
                if replace {
                    *slot = Some((v, k));
                }
            }
        }
        let shape = out_shape(&kept, &dims, keepdim);
        let values = best.iter().map(|b| b.map(|x| x.0).unwrap_or(0.0)).collect();
        let indices: Vec<f64> = best
            .iter()
            .map(|b| b.map(|x| x.1 as f64).unwrap_or(0.0))
            .collect();
        let idx = Tensor::new_raw(indices, shape.clone(), DType::Int64);
        let r = Tensor::new_raw(values, shape, self.dtype());
        let sizes = self.size();
        let r = Tensor::record(r, &[self], |_| BackwardFn::MaxDim {
            sizes,
            dim: d,
            keepdim,
            indices: SavedTensor::input(&idx),
            name: if is_min {
                "MinBackward0"
            } else {
                "MaxBackward0"
            },
        });
        Ok((r, idx))
    }

    /// `x.max(dim, keepdim)` → `(values, indices)` (`MaxBackward0`).
    pub fn max_dim(&self, dim: isize, keepdim: bool) -> Result<(Tensor, Tensor)> {
        self.extreme_dim(dim, keepdim, false)
    }

    /// `x.min(dim, keepdim)` → `(values, indices)` (`MinBackward0`).
    pub fn min_dim(&self, dim: isize, keepdim: bool) -> Result<(Tensor, Tensor)> {
        self.extreme_dim(dim, keepdim, true)
    }

    /// `x.argmax()` / `x.argmax(dim, keepdim)`.
    pub fn argmax(&self, dim: Option<isize>, keepdim: bool) -> Result<Tensor> {
        match dim {
            Some(d) => Ok(self.extreme_dim(d, keepdim, false)?.1),
            None => Ok(self.reshape(&[-1])?.extreme_dim(0, false, false)?.1),
        }
    }

    /// `x.argmin()` / `x.argmin(dim, keepdim)`.
    pub fn argmin(&self, dim: Option<isize>, keepdim: bool) -> Result<Tensor> {
        match dim {
            Some(d) => Ok(self.extreme_dim(d, keepdim, true)?.1),
            None => Ok(self.reshape(&[-1])?.extreme_dim(0, false, true)?.1),
        }
    }

    /// `x.prod()` (`ProdBackward0`).
    pub fn prod(&self) -> Result<Tensor> {
        let dt = sum_dtype(self.dtype());
        let p: f64 = self.to_vec().iter().product();
        let r = Tensor::new_raw(vec![dt.cast(p)], vec![], dt);
        Ok(Tensor::record(r, &[self], |r| BackwardFn::Prod {
            this: SavedTensor::input(self),
            result: SavedTensor::output(r),
        }))
    }

    /// `x.prod(dim, keepdim)` (`ProdBackward1`).
    pub fn prod_dim(&self, dim: isize, keepdim: bool) -> Result<Tensor> {
        let d = wrap_dims(&[dim], self.dim())?;
        let dt = sum_dtype(self.dtype());
        let (kept, slots) = groups(self.shape(), &d);
        let mut p = vec![1.0; kept.iter().product()];
        for (v, &s) in self.to_vec().iter().zip(&slots) {
            if let Some(a) = p.get_mut(s) {
                *a = dt.cast(*a * v);
            }
        }
        let r = Tensor::new_raw(p, out_shape(&kept, &d, keepdim), dt);
        Ok(Tensor::record(r, &[self], |r| BackwardFn::ProdDim {
            this: SavedTensor::input(self),
            result: SavedTensor::output(r),
            dim: d.first().copied(),
            keepdim,
        }))
    }

    /// `x.var(dims, correction=1, keepdim)`; empty `dims` reduces everything (`VarBackward0`).
    pub fn var(&self, dims: &[isize], correction: f64, keepdim: bool) -> Result<Tensor> {
        self.var_std(dims, correction, keepdim, false)
    }

    /// `x.std(dims, correction=1, keepdim)` (`StdBackward0`).
    pub fn std(&self, dims: &[isize], correction: f64, keepdim: bool) -> Result<Tensor> {
        self.var_std(dims, correction, keepdim, true)
    }

    fn var_std(
        &self,
        dims: &[isize],
        correction: f64,
        keepdim: bool,
        is_std: bool,
    ) -> Result<Tensor> {
        if !self.dtype().is_floating_point() {
            return Err(TorchError::not_implemented(
                "std and var only support floating point and complex dtypes",
            ));
        }
        let d = if dims.is_empty() {
            Vec::new()
        } else {
            wrap_dims(dims, self.dim())?
        };
        let all: Vec<usize> = if d.is_empty() {
            (0..self.dim()).collect()
        } else {
            d.clone()
        };
        let n: usize = all.iter().map(|&i| self.shape()[i]).product();
        let (kept, slots) = groups(self.shape(), &all);
        let m: usize = kept.iter().product();
        let vals = self.to_vec();
        let mut sum = vec![0.0; m];
        for (v, &s) in vals.iter().zip(&slots) {
            sum[s] += v;
        }
        let mean: Vec<f64> = sum.iter().map(|s| s / n as f64).collect();
        let mut ss = vec![0.0; m];
        for (v, &s) in vals.iter().zip(&slots) {
            ss[s] += (v - mean[s]) * (v - mean[s]);
        }
        let denom = (n as f64 - correction).max(0.0);
        let dt = self.dtype();
        let out: Vec<f64> = ss
            .iter()
            .map(|s| {
                let var = s / denom;
                dt.cast(if is_std { var.sqrt() } else { var })
            })
            .collect();
        let shape = if d.is_empty() && !keepdim {
            vec![]
        } else {
            out_shape(&kept, &all, keepdim)
        };
        let r = Tensor::new_raw(out, shape, dt);
        Ok(Tensor::record(r, &[self], |r| BackwardFn::Var {
            this: SavedTensor::input(self),
            dims: d,
            keepdim,
            correction,
            std_result: is_std.then(|| SavedTensor::output(r)),
        }))
    }

    /// `x.norm()` / `torch.linalg.vector_norm(x)` (2-norm of all elements,
    /// `LinalgVectorNormBackward0`).
    pub fn norm(&self) -> Result<Tensor> {
        self.vector_norm(2.0, &[], false)
    }

    /// `torch.linalg.vector_norm(x, ord, dim, keepdim)`, also `x.norm(p, dim, keepdim)`:
    /// `(sum |x|^p)^(1/p)` over `dims` (all when empty); `p` = inf is the largest `|x|`, 0 the
    /// number of non-zeros (`LinalgVectorNormBackward0`).
    pub fn vector_norm(&self, p: f64, dims: &[isize], keepdim: bool) -> Result<Tensor> {
        if !self.dtype().is_floating_point() {
            return Err(TorchError::not_implemented(format!(
                "linalg.vector_norm: Expected a floating point or complex tensor as input. Got {}",
                self.dtype().scalar_name()
            )));
        }
        let d = if dims.is_empty() {
            (0..self.dim()).collect()
        } else {
            wrap_dims(dims, self.dim())?
        };
        let (kept, slots) = groups(self.shape(), &d);
        let m: usize = kept.iter().product();
        let dt = self.dtype();
        let x = self.to_vec();
        let values: Vec<f64> = if d.iter().all(|&i| self.shape()[i] == 1) {
            // ATen: a reduction over size-1 dims is abs (ne 0 for p = 0)
            x.iter()
                .map(|v| {
                    if p == 0.0 {
                        f64::from(u8::from(*v != 0.0))
                    } else {
                        v.abs()
                    }
                })
                .collect()
        } else {
            // over trailing dims each group is contiguous: ATen's vectorised 2-norm path
            let lastdim = d
                .iter()
                .enumerate()
                .all(|(k, &i)| i == self.dim() - d.len() + k);
            let mut groups_of: Vec<Vec<f64>> = vec![Vec::new(); m];
            for (v, &s) in x.iter().zip(&slots) {
                if let Some(g) = groups_of.get_mut(s) {
                    g.push(*v);
                }
            }
            groups_of
                .iter()
                .map(|g| super::kernels::vector_norm(g, p, lastdim, dt))
                .collect()
        };
        let shape = if dims.is_empty() && !keepdim {
            vec![]
        } else {
            out_shape(&kept, &d, keepdim)
        };
        let r = Tensor::new_raw(values, shape, dt);
        Ok(Tensor::record(r, &[self], |r| BackwardFn::Norm {
            this: SavedTensor::input(self),
            result: SavedTensor::output(r),
            p,
            dims: d,
            keepdim,
        }))
    }

    /// `x.amax(dims, keepdim)` / `x.amin(...)` (all dims when empty; NaN propagates;
    /// `AmaxBackward0` / `AminBackward0`).
    pub fn amax(&self, dims: &[isize], keepdim: bool, is_min: bool) -> Result<Tensor> {
        let d = if dims.is_empty() {
            (0..self.dim()).collect()
        } else {
            wrap_dims(dims, self.dim())?
        };
        if self.numel() == 0 {
            return Err(TorchError::index(format!(
                "{}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.",
                if is_min { "amin" } else { "amax" }
            )));
        }
        let (kept, slots) = groups(self.shape(), &d);
        let mut acc: Vec<Option<f64>> = vec![None; kept.iter().product()];
        for (v, &s) in self.to_vec().iter().zip(&slots) {
            if let Some(a) = acc.get_mut(s) {
                *a = Some(match *a {
                    None => *v,
                    Some(m) if m.is_nan() || v.is_nan() => f64::NAN,
                    Some(m) if is_min => m.min(*v),
                    Some(m) => m.max(*v),
                });
            }
        }
        let values = acc.into_iter().map(|a| a.unwrap_or(0.0)).collect();
        let r = Tensor::new_raw(values, out_shape(&kept, &d, keepdim), self.dtype());
        Ok(Tensor::record(r, &[self], |r| BackwardFn::Amax {
            this: SavedTensor::input(self),
            result: SavedTensor::output(r),
            dims: d,
            keepdim,
            is_min,
        }))
    }

    /// `torch.logsumexp(x, dims, keepdim)` as ATen computes it: `log(sum(exp(x - m))) + m`
    /// with `m` the amax (0 where infinite) (`LogsumexpBackward0`).
    pub fn logsumexp(&self, dims: &[isize], keepdim: bool) -> Result<Tensor> {
        let d = wrap_dims(dims, self.dim())?;
        let r = {
            let _g = crate::autograd::grad_mode::no_grad();
            let x = if self.dtype().is_floating_point() {
                self.clone()
            } else {
                self.to_dtype(DType::Float32)?
            };
            let dd: Vec<isize> = d.iter().map(|&i| i as isize).collect();
            let m = x.amax(&dd, true, false)?;
            let m = m.masked_fill(&m.abs()?.eq_scalar(f64::INFINITY)?, 0.0)?;
            let s = x.sub(&m)?.exp()?.sum_dim(&dd, keepdim)?.log()?;
            let m = m.reshape_usize(s.shape())?;
            s.add(&m)?
        };
        let r = Tensor::new_raw(r.to_vec(), r.size(), r.dtype());
        Ok(Tensor::record(r, &[self], |r| BackwardFn::Logsumexp {
            this: SavedTensor::input(self),
            result: SavedTensor::output(r),
            dims: d,
            keepdim,
        }))
    }

    /// `x.all(dim, keepdim)` / `x.any(dim, keepdim)`: bool, not differentiable.
    pub fn all_any_dim(&self, dim: isize, keepdim: bool, any: bool) -> Result<Tensor> {
        let d = wrap_dims(&[dim], self.dim())?;
        let (kept, slots) = groups(self.shape(), &d);
        let mut acc = vec![!any; kept.iter().product()];
        for (v, &s) in self.to_vec().iter().zip(&slots) {
            if let Some(a) = acc.get_mut(s) {
                *a = if any {
                    *a || *v != 0.0
                } else {
                    *a && *v != 0.0
                };
            }
        }
        let values = acc.into_iter().map(|b| f64::from(u8::from(b))).collect();
        Ok(Tensor::new_raw(
            values,
            out_shape(&kept, &d, keepdim),
            DType::Bool,
        ))
    }

    /// `x.all()`.
    pub fn all(&self) -> Result<Tensor> {
        let b = self.to_vec().iter().all(|&v| v != 0.0);
        Ok(Tensor::new_raw(
            vec![f64::from(u8::from(b))],
            vec![],
            DType::Bool,
        ))
    }

    /// `x.any()`.
    pub fn any(&self) -> Result<Tensor> {
        let b = self.to_vec().iter().any(|&v| v != 0.0);
        Ok(Tensor::new_raw(
            vec![f64::from(u8::from(b))],
            vec![],
            DType::Bool,
        ))
    }

    /// Sums broadcast dimensions away so the result has `shape` (PyTorch's `sum_to`).
    pub fn sum_to_shape(&self, shape: &[usize]) -> Result<Tensor> {
        if self.shape() == shape {
            return Ok(self.clone());
        }
        let nd = self.dim();
        if shape.len() > nd {
            return Err(TorchError::runtime(format!(
                "sum_to: cannot reduce shape {:?} to {:?}",
                self.shape(),
                shape
            )));
        }
        let lead = nd - shape.len();
        let mut dims: Vec<isize> = (0..lead as isize).collect();
        for (i, &t) in shape.iter().enumerate() {
            let s = self.shape()[lead + i];
            if t == 1 && s != 1 {
                dims.push((lead + i) as isize);
            } else if t != s {
                return Err(TorchError::runtime(format!(
                    "sum_to: cannot reduce shape {:?} to {:?}",
                    self.shape(),
                    shape
                )));
            }
        }
        let mut r = if dims.is_empty() {
            self.clone()
        } else {
            self.sum_dim(&dims, true)?
        };
        if lead > 0 {
            r = r.reshape_usize(shape)?;
        }
        Ok(r)
    }
}

/// A 0/1 mask of `sizes` with ones where `indices` (the argmax along `dim`) point.
pub(crate) fn one_hot_along(
    indices: &Tensor,
    sizes: &[usize],
    dim: usize,
    keepdim: bool,
    dtype: DType,
) -> Result<Tensor> {
    let idx = if keepdim || sizes.is_empty() {
        indices.clone()
    } else {
        indices.unsqueeze(dim as isize)?
    };
    let iv = idx.to_vec();
    let n: usize = sizes.iter().product();
    let mut out = vec![0.0; n];
    let strides = crate::storage::contiguous_strides(sizes);
    let kept: Vec<usize> = sizes
        .iter()
        .enumerate()
        .map(|(i, &d)| if i == dim { 1 } else { d })
        .collect();
    let kstrides = crate::storage::contiguous_strides(&kept);
    for (flat, &k) in iv.iter().enumerate() {
        // decompose flat index over `kept`
        let mut rem = flat;
        let mut off = 0;
        for d in 0..kept.len() {
            let c = rem / kstrides[d].max(1);
            rem %= kstrides[d].max(1);
            off += if d == dim { k as usize } else { c } * strides[d];
        }
        if let Some(o) = out.get_mut(off) {
            *o = 1.0;
        }
    }
    Ok(Tensor::new_raw(out, sizes.to_vec(), dtype))
}

/// `prod`'s gradient (along `dim`, or of the whole tensor): grad × result / self, or, where
/// `self` holds a zero (the division would give NaN), grad × the product of the other elements.
/// `g` and `result` must broadcast against `self` (keepdim shape).
pub(crate) fn prod_backward(
    g: &Tensor,
    this: &Tensor,
    result: &Tensor,
    dim: Option<usize>,
) -> Result<Tensor> {
    if this.to_vec().contains(&0.0) {
        g.mul(&prod_of_others(this, dim)?)
    } else {
        g.mul(&result.div(this)?)
    }
}

/// For `prod` with zeros: each element's product of all other elements (a constant); along
/// `dim` only when given.
pub(crate) fn prod_of_others(t: &Tensor, dim: Option<usize>) -> Result<Tensor> {
    let v = t.to_vec();
    let dims: Vec<usize> = match dim {
        Some(d) => vec![d],
        None => (0..t.dim()).collect(),
    };
    let (kept, slots) = groups(t.shape(), &dims);
    // each group's elements in order, then products before and after each one
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); kept.iter().product()];
    for (i, &s) in slots.iter().enumerate() {
        if let Some(g) = members.get_mut(s) {
            g.push(i);
        }
    }
    let mut out = vec![1.0; v.len()];
    for g in &members {
        let mut before = 1.0;
        for &i in g {
            out[i] = before;
            before *= v[i];
        }
        let mut after = 1.0;
        for &i in g.iter().rev() {
            out[i] *= after;
            after *= v[i];
        }
    }
    let dt = t.dtype();
    Ok(Tensor::new_raw(
        out.into_iter().map(|x| dt.cast(x)).collect(),
        t.size(),
        dt,
    ))
}
