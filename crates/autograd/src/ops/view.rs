//! Views sharing storage: view/reshape, transpose/permute/t, (un)squeeze, expand, select, slice.

use super::wrap_dim;
use crate::autograd::node::BackwardFn;
use crate::error::{Result, TorchError};
use crate::storage::{checked_numel, Layout};
use crate::tensor::{fmt_list, Tensor};

/// Resolves a `-1` in a requested shape.
fn infer_size(shape: &[isize], numel: usize) -> Result<Vec<usize>> {
    let mut infer = None;
    let mut prod: usize = 1;
    for (i, &d) in shape.iter().enumerate() {
        if d == -1 {
            if infer.is_some() {
                return Err(TorchError::runtime("only one dimension can be inferred"));
            }
            infer = Some(i);
        } else if d < 0 {
            return Err(TorchError::runtime(format!("invalid shape dimension {d}")));
        } else {
            prod = prod
                .checked_mul(d as usize)
                .ok_or_else(|| invalid_shape(shape, numel))?;
        }
    }
    let mut out: Vec<usize> = shape.iter().map(|&d| d.max(0) as usize).collect();
    match infer {
        Some(i) => {
            if prod == 0 || !numel.is_multiple_of(prod) {
                return Err(invalid_shape(shape, numel));
            }
            out[i] = numel / prod;
        }
        None => {
            if prod != numel {
                return Err(invalid_shape(shape, numel));
            }
        }
    }
    Ok(out)
}

fn invalid_shape(shape: &[isize], numel: usize) -> TorchError {
    let parts: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
    TorchError::runtime(format!(
        "shape '[{}]' is invalid for input of size {numel}",
        parts.join(", ")
    ))
}

/// PyTorch's `computeStride`: strides viewing `old` layout with `new_shape`, if possible.
fn compute_stride(
    old_shape: &[usize],
    old_stride: &[usize],
    new_shape: &[usize],
) -> Option<Vec<usize>> {
    let numel: usize = old_shape.iter().product();
    if old_shape.is_empty() || numel == 0 {
        return Some(crate::storage::contiguous_strides(new_shape));
    }
    let mut new_stride = vec![0usize; new_shape.len()];
    let mut view_d = new_shape.len() as isize - 1;
    let mut chunk_base_stride = *old_stride.last()?;
    let mut tensor_numel = 1usize;
    let mut view_numel = 1usize;
    for tensor_d in (0..old_shape.len()).rev() {
        tensor_numel *= old_shape[tensor_d];
        if tensor_d == 0
            || (old_shape[tensor_d - 1] != 1
                && old_stride[tensor_d - 1] != tensor_numel * chunk_base_stride)
        {
            while view_d >= 0 && (view_numel < tensor_numel || new_shape[view_d as usize] == 1) {
                new_stride[view_d as usize] = view_numel * chunk_base_stride;
                view_numel *= new_shape[view_d as usize];
                view_d -= 1;
            }
            if view_numel != tensor_numel {
                return None;
            }
            if tensor_d > 0 {
                chunk_base_stride = old_stride[tensor_d - 1];
                tensor_numel = 1;
                view_numel = 1;
            }
        }
    }
    if view_d != -1 {
        return None;
    }
    Some(new_stride)
}

impl Tensor {
    fn view_layout(&self, shape: Vec<usize>, strides: Vec<usize>, offset: usize) -> Tensor {
        self.make_view(Layout {
            shape,
            strides,
            offset,
        })
    }

    /// `x.view(*shape)` (`ViewBackward0`); `-1` infers one dimension.
    pub fn view(&self, shape: &[isize]) -> Result<Tensor> {
        let new_shape = infer_size(shape, self.numel())?;
        let l = self.layout();
        let strides = compute_stride(&l.shape, &l.strides, &new_shape).ok_or_else(|| {
            TorchError::runtime(
                "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.",
            )
        })?;
        let r = self.view_layout(new_shape, strides, l.offset);
        let sizes = self.size();
        Ok(Tensor::record(r, &[self], |_| BackwardFn::View { sizes }))
    }

    /// `x.reshape(*shape)`: a view when possible (`ViewBackward0`, or `ReshapeAliasBackward0`
    /// for a non-contiguous tensor, as ATen's `_reshape_alias`), else a copy
    /// (`UnsafeViewBackward0` after `CloneBackward0`).
    pub fn reshape(&self, shape: &[isize]) -> Result<Tensor> {
        let new_shape = infer_size(shape, self.numel())?;
        let l = self.layout();
        if let Some(strides) = compute_stride(&l.shape, &l.strides, &new_shape) {
            if self.is_contiguous() {
                return self.view(shape);
            }
            let r = self.view_layout(new_shape, strides, l.offset);
            let sizes = self.size();
            return Ok(Tensor::record(r, &[self], |_| BackwardFn::ReshapeAlias {
                sizes,
            }));
        }
        let c = self.clone_tensor()?;
        let r = c.view_layout(
            new_shape.clone(),
            crate::storage::contiguous_strides(&new_shape),
            0,
        );
        let sizes = self.size();
        Ok(Tensor::record(r, &[&c], |_| BackwardFn::UnsafeView {
            sizes,
        }))
    }

    /// `reshape` with a known shape.
    pub fn reshape_usize(&self, shape: &[usize]) -> Result<Tensor> {
        let s: Vec<isize> = shape.iter().map(|&d| d as isize).collect();
        self.reshape(&s)
    }

    /// `x.flatten(start_dim, end_dim)`.
    pub fn flatten(&self, start_dim: isize, end_dim: isize) -> Result<Tensor> {
        if self.dim() == 0 {
            return self.reshape(&[1]);
        }
        let s = wrap_dim(start_dim, self.dim())?;
        let e = wrap_dim(end_dim, self.dim())?;
        if s > e {
            return Err(TorchError::runtime(
                "flatten() has invalid args: start_dim cannot come after end_dim",
            ));
        }
        if s == e {
            return Ok(self.clone());
        }
        let mut shape: Vec<isize> = Vec::new();
        for (i, &d) in self.shape().iter().enumerate() {
            if i <= s || i > e {
                shape.push(d as isize);
            } else if let Some(last) = shape.last_mut() {
                *last *= d as isize;
            }
        }
        self.reshape(&shape)
    }

    /// `x.contiguous()`: `self` if already contiguous, else a copy (`CloneBackward0`).
    pub fn contiguous(&self) -> Result<Tensor> {
        if self.is_contiguous() {
            Ok(self.clone())
        } else {
            self.clone_tensor()
        }
    }

    /// `x.t()` (`TBackward0`).
    pub fn t(&self) -> Result<Tensor> {
        if self.dim() > 2 {
            return Err(TorchError::runtime(format!(
                "t() expects a tensor with <= 2 dimensions, but self is {}D",
                self.dim()
            )));
        }
        let l = self.layout();
        let mut shape = l.shape.clone();
        let mut strides = l.strides.clone();
        shape.reverse();
        strides.reverse();
        let r = self.view_layout(shape, strides, l.offset);
        Ok(Tensor::record(r, &[self], |_| BackwardFn::T))
    }

    /// `x.transpose(dim0, dim1)` (`TransposeBackward0`).
    pub fn transpose(&self, dim0: isize, dim1: isize) -> Result<Tensor> {
        let a = wrap_dim(dim0, self.dim())?;
        let b = wrap_dim(dim1, self.dim())?;
        let l = self.layout();
        let mut shape = l.shape.clone();
        let mut strides = l.strides.clone();
        if self.dim() > 0 {
            shape.swap(a, b);
            strides.swap(a, b);
        }
        let r = self.view_layout(shape, strides, l.offset);
        Ok(Tensor::record(r, &[self], |_| BackwardFn::Transpose {
            dim0: a,
            dim1: b,
        }))
    }

    /// `x.permute(*dims)` (`PermuteBackward0`).
    pub fn permute(&self, dims: &[isize]) -> Result<Tensor> {
        if dims.len() != self.dim() {
            return Err(TorchError::runtime(format!(
                "permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = {} is not equal to len(dims) = {}",
                self.dim(),
                dims.len()
            )));
        }
        let mut wrapped = Vec::with_capacity(dims.len());
        for &d in dims {
            let w = wrap_dim(d, self.dim())?;
            if wrapped.contains(&w) {
                return Err(TorchError::runtime(
                    "permute(): duplicate dims are not allowed.",
                ));
            }
            wrapped.push(w);
        }
        let l = self.layout();
        let shape = wrapped.iter().map(|&d| l.shape[d]).collect();
        let strides = wrapped.iter().map(|&d| l.strides[d]).collect();
        let r = self.view_layout(shape, strides, l.offset);
        Ok(Tensor::record(r, &[self], |_| BackwardFn::Permute {
            dims: wrapped,
        }))
    }

    /// `x.unsqueeze(dim)` (`UnsqueezeBackward0`).
    pub fn unsqueeze(&self, dim: isize) -> Result<Tensor> {
        let d = wrap_dim(dim, self.dim() + 1)?;
        let l = self.layout();
        let mut shape = l.shape.clone();
        let mut strides = l.strides.clone();
        let st = if d < l.shape.len() {
            l.strides[d] * l.shape[d]
        } else {
            1
        };
        shape.insert(d, 1);
        strides.insert(d, st);
        let r = self.view_layout(shape, strides, l.offset);
        Ok(Tensor::record(r, &[self], |_| BackwardFn::Unsqueeze {
            dim: d,
        }))
    }

    /// `x.squeeze()`: drops every size-1 dim (`SqueezeBackward0`).
    pub fn squeeze(&self) -> Result<Tensor> {
        let l = self.layout();
        let (shape, strides): (Vec<usize>, Vec<usize>) = l
            .shape
            .iter()
            .zip(&l.strides)
            .filter(|(d, _)| **d != 1)
            .map(|(a, b)| (*a, *b))
            .unzip();
        let r = self.view_layout(shape, strides, l.offset);
        let sizes = self.size();
        Ok(Tensor::record(r, &[self], |_| BackwardFn::Squeeze {
            sizes,
        }))
    }

    /// `x.squeeze(dim)` (`SqueezeBackward1`); a no-op view when that dim isn't 1.
    pub fn squeeze_dim(&self, dim: isize) -> Result<Tensor> {
        self.squeeze_dim_impl(dim, false)
    }

    /// Like `squeeze_dim` but recorded as `SqueezeBackward4` (PyTorch's `squeeze_(dim)` inside
    /// `matmul`).
    pub fn squeeze_dims(&self, dim: isize) -> Result<Tensor> {
        self.squeeze_dim_impl(dim, true)
    }

    /// `x.squeeze((d0, d1, ...))`: drops those of the dims that are 1 (`SqueezeBackward2`).
    pub fn squeeze_list(&self, dims: &[isize]) -> Result<Tensor> {
        let d = super::reduce::wrap_dims(dims, self.dim())?;
        let l = self.layout();
        let (shape, strides): (Vec<usize>, Vec<usize>) = (0..l.shape.len())
            .filter(|i| !(d.contains(i) && l.shape[*i] == 1))
            .map(|i| (l.shape[i], l.strides[i]))
            .unzip();
        let r = self.view_layout(shape, strides, l.offset);
        let sizes = self.size();
        Ok(Tensor::record(r, &[self], |_| BackwardFn::SqueezeDims {
            sizes,
        }))
    }

    fn squeeze_dim_impl(&self, dim: isize, multi: bool) -> Result<Tensor> {
        let d = wrap_dim(dim, self.dim())?;
        let l = self.layout();
        let mut shape = l.shape.clone();
        let mut strides = l.strides.clone();
        if self.dim() > 0 && shape[d] == 1 {
            shape.remove(d);
            strides.remove(d);
        }
        let r = self.view_layout(shape, strides, l.offset);
        let sizes = self.size();
        Ok(Tensor::record(r, &[self], |_| BackwardFn::SqueezeDim {
            sizes,
            dim: d,
            multi,
        }))
    }

    /// `x.expand(*sizes)` with Python's sizes (`-1` keeps a dim) (`ExpandBackward0`).
    pub fn expand_sizes(&self, sizes: &[i64]) -> Result<Tensor> {
        if sizes.len() < self.dim() {
            return Err(TorchError::runtime(format!(
                "expand({}{{{}}}, size={}): the number of sizes provided ({}) must be greater or equal to the number of dimensions in the tensor ({})",
                self.dtype().tensor_type_name(),
                fmt_list(self.shape()),
                fmt_list(&sizes.iter().map(|&s| s.max(0) as usize).collect::<Vec<_>>()),
                sizes.len(),
                self.dim()
            )));
        }
        let lead = sizes.len() - self.dim();
        let mut target = Vec::with_capacity(sizes.len());
        for (i, &s) in sizes.iter().enumerate() {
            if s == -1 {
                if i < lead {
                    return Err(TorchError::runtime(format!(
                        "The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension {i}"
                    )));
                }
                target.push(self.shape()[i - lead]);
            } else if s < 0 {
                return Err(TorchError::runtime(format!("invalid shape dimension {s}")));
            } else {
                target.push(s as usize);
            }
        }
        self.expand(&target)
    }

    /// `x.expand(sizes)` with explicit sizes.
    pub fn expand(&self, sizes: &[usize]) -> Result<Tensor> {
        let l = self.layout();
        if sizes.len() < l.shape.len() {
            return Err(TorchError::runtime(format!(
                "expand({}{{{}}}, size={}): the number of sizes provided ({}) must be greater or equal to the number of dimensions in the tensor ({})",
                self.dtype().tensor_type_name(),
                fmt_list(self.shape()),
                fmt_list(sizes),
                sizes.len(),
                self.dim()
            )));
        }
        // A view, but everything reading it materialises it: keep it under the element limit.
        checked_numel(sizes)?;
        let lead = sizes.len() - l.shape.len();
        let mut strides = vec![0usize; sizes.len()];
        for i in (0..l.shape.len()).rev() {
            let j = lead + i;
            if l.shape[i] == sizes[j] {
                strides[j] = l.strides[i];
            } else if l.shape[i] == 1 {
                strides[j] = 0;
            } else {
                return Err(TorchError::runtime(format!(
                    "The expanded size of the tensor ({}) must match the existing size ({}) at non-singleton dimension {}.  Target sizes: {}.  Tensor sizes: {}",
                    sizes[j],
                    l.shape[i],
                    j,
                    fmt_list(sizes),
                    fmt_list(&l.shape)
                )));
            }
        }
        let r = self.view_layout(sizes.to_vec(), strides, l.offset);
        let sizes_in = self.size();
        Ok(Tensor::record(r, &[self], |_| BackwardFn::Expand {
            sizes: sizes_in,
        }))
    }

    /// `x.expand_as(other)`.
    pub fn expand_as(&self, other: &Tensor) -> Result<Tensor> {
        self.expand(other.shape())
    }

    /// `x[index]` along `dim` (`SelectBackward0`).
    pub fn select(&self, dim: isize, index: i64) -> Result<Tensor> {
        if self.dim() == 0 {
            return Err(TorchError::index(
                "select() cannot be applied to a 0-dim tensor.",
            ));
        }
        let d = wrap_dim(dim, self.dim())?;
        let l = self.layout();
        let size = l.shape[d] as i64;
        if index < -size || index >= size {
            return Err(TorchError::index(format!(
                "index {index} is out of bounds for dimension {d} with size {size}"
            )));
        }
        let i = if index < 0 { index + size } else { index } as usize;
        let mut shape = l.shape.clone();
        let mut strides = l.strides.clone();
        let offset = l.offset + i * l.strides[d];
        shape.remove(d);
        strides.remove(d);
        let r = self.view_layout(shape, strides, offset);
        let sizes = self.size();
        Ok(Tensor::record(r, &[self], |_| BackwardFn::Select {
            sizes,
            dim: d,
            index: i,
        }))
    }

    /// A view of the whole tensor (`AliasBackward0`), what `x[...]` and `x[:, :]` give.
    pub fn alias(&self) -> Tensor {
        let r = self.make_view(self.layout().clone());
        Tensor::record(r, &[self], |_| BackwardFn::Alias)
    }

    /// `x[start:end:step]` along `dim` with Python's clamping (`SliceBackward0`).
    pub fn slice(&self, dim: isize, start: i64, end: i64, step: i64) -> Result<Tensor> {
        if self.dim() == 0 {
            return Err(TorchError::index(
                "slice() cannot be applied to a 0-dim tensor.",
            ));
        }
        if step <= 0 {
            return Err(TorchError::value("step must be greater than zero"));
        }
        let d = wrap_dim(dim, self.dim())?;
        let l = self.layout();
        let size = l.shape[d] as i64;
        let clampi = |v: i64| -> i64 {
            let v = if v < 0 { v + size } else { v };
            v.clamp(0, size)
        };
        let s = clampi(start);
        let e = clampi(end).max(s);
        let len = ((e - s) + step - 1) / step;
        let (s, e, step, len) = (s as usize, e as usize, step as usize, len as usize);
        let mut shape = l.shape.clone();
        let mut strides = l.strides.clone();
        shape[d] = len;
        let offset = l.offset + if len > 0 { s * l.strides[d] } else { 0 };
        strides[d] = l.strides[d] * step;
        let r = self.view_layout(shape, strides, offset);
        let sizes = self.size();
        Ok(Tensor::record(r, &[self], |_| BackwardFn::Slice {
            sizes,
            dim: d,
            start: s,
            end: e,
            step,
        }))
    }

    /// `x.narrow(dim, start, length)`.
    pub fn narrow(&self, dim: isize, start: i64, length: i64) -> Result<Tensor> {
        if self.dim() == 0 {
            return Err(TorchError::runtime(
                "narrow() cannot be applied to a 0-dim tensor.",
            ));
        }
        let d = wrap_dim(dim, self.dim())?;
        let size = self.shape()[d] as i64;
        if start < -size || start > size {
            return Err(TorchError::index(format!(
                "start out of range (expected to be in range of [{}, {}], but got {start})",
                -size, size
            )));
        }
        let start = if start < 0 { start + size } else { start };
        if length < 0 {
            return Err(TorchError::runtime(
                "narrow(): length must be non-negative.",
            ));
        }
        if start + length > size {
            return Err(TorchError::runtime(format!(
                "start ({start}) + length ({length}) exceeds dimension size ({size})."
            )));
        }
        self.slice(dim, start, start + length, 1)
    }

    /// Gradient of `select`: zeros of `sizes` with `self` written at `index` along `dim`.
    pub(crate) fn select_backward(
        &self,
        sizes: &[usize],
        dim: usize,
        index: usize,
    ) -> Result<Tensor> {
        let z = Tensor::new_raw(
            vec![0.0; checked_numel(sizes)?],
            sizes.to_vec(),
            self.dtype(),
        );
        let target = z.detach().select(dim as isize, index as i64)?;
        target.write_values(&self.to_vec());
        let r = Tensor::new_raw(z.to_vec(), sizes.to_vec(), self.dtype());
        Ok(Tensor::record(r, &[self], |_| BackwardFn::SelectBackward {
            dim,
            index,
        }))
    }

    /// Gradient of `slice`: zeros of `sizes` with `self` written into the slice.
    pub(crate) fn slice_backward(
        &self,
        sizes: &[usize],
        dim: usize,
        start: usize,
        end: usize,
        step: usize,
    ) -> Result<Tensor> {
        let z = Tensor::new_raw(
            vec![0.0; checked_numel(sizes)?],
            sizes.to_vec(),
            self.dtype(),
        );
        let target = z
            .detach()
            .slice(dim as isize, start as i64, end as i64, step as i64)?;
        target.write_values(&self.to_vec());
        let r = Tensor::new_raw(z.to_vec(), sizes.to_vec(), self.dtype());
        Ok(Tensor::record(r, &[self], |_| BackwardFn::SliceBackward {
            dim,
            start,
            end,
            step,
        }))
    }
}
