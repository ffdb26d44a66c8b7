//! Python indexing: `x[i]`, `x[a:b:c]`, `x[None]`, `x[...]`, `x[idx_tensor]`, `x[mask]`, and
//! `x[...] = value`.

use crate::autograd::node::{BackwardFn, SavedTensor};
use crate::dtype::DType;
use crate::error::{Result, TorchError};
use crate::storage::checked_numel;
use crate::tensor::Tensor;

/// One item of a Python subscript.
#[derive(Clone, Debug)]
pub enum IndexItem {
    /// `x[3]`
    Int(i64),
    /// `x[start:stop:step]`
    Slice(Option<i64>, Option<i64>, Option<i64>),
    /// `x[None]`
    None,
    /// `x[...]`
    Ellipsis,
    /// `x[tensor]` (int64 indices or a bool mask)
    Tensor(Tensor),
}

fn is_int(t: &Tensor) -> bool {
    matches!(t.dtype(), DType::Int64 | DType::Int32)
}

impl Tensor {
    /// Whether the ints, slices and `None`s of `items` select a view other than `self`
    /// (PyTorch skips a slice over a whole dim: `x[:] = v` writes into `x` itself).
    fn basic_indexing_is_view(&self, items: &[IndexItem]) -> Result<bool> {
        let basic: Vec<IndexItem> = items
            .iter()
            .flat_map(|it| match it {
                IndexItem::Tensor(t) => {
                    let n = if t.dtype() == DType::Bool { t.dim() } else { 1 };
                    vec![IndexItem::Slice(None, None, None); n]
                }
                other => vec![other.clone()],
            })
            .collect();
        let _g = crate::autograd::grad_mode::no_grad();
        let v = self.detach().index(&basic)?;
        Ok(v.shape() != self.shape()
            || v.strides() != self.strides()
            || v.storage_offset() != self.storage_offset())
    }

    /// `x.nonzero()`: the indices of the non-zero elements, one row each (int64,
    /// `[n, ndim]`, not differentiable).
    pub fn nonzero(&self) -> Result<Tensor> {
        let shape = self.shape().to_vec();
        let nd = shape.len();
        let mut idx = vec![0usize; nd];
        let mut out = Vec::new();
        let mut n = 0;
        for v in self.to_vec() {
            if v != 0.0 {
                out.extend(idx.iter().map(|&i| i as f64));
                n += 1;
            }
            for d in (0..nd).rev() {
                idx[d] += 1;
                if idx[d] < shape[d] {
                    break;
                }
                idx[d] = 0;
            }
        }
        Ok(Tensor::new_raw(out, vec![n, nd], DType::Int64))
    }

    /// `x[items]` with Python semantics (views for ints/slices/None; a copy with
    /// `IndexBackward0` for a tensor index).
    pub fn index(&self, items: &[IndexItem]) -> Result<Tensor> {
        let consumed = items
            .iter()
            .map(|it| match it {
                IndexItem::Int(_) | IndexItem::Slice(..) => 1,
                IndexItem::Tensor(t) if t.dtype() == DType::Bool => t.dim().max(1),
                IndexItem::Tensor(_) => 1,
                _ => 0,
            })
            .sum::<usize>();
        if consumed > self.dim() {
            return Err(TorchError::index(format!(
                "too many indices for tensor of dimension {}",
                self.dim()
            )));
        }
        if items
            .iter()
            .filter(|i| matches!(i, IndexItem::Ellipsis))
            .count()
            > 1
        {
            return Err(TorchError::index(
                "an index can only have a single ellipsis ('...')",
            ));
        }
        let mut t = self.clone();
        let mut dim: usize = 0;
        let mut adv: Option<(usize, Tensor)> = None;
        let mut mask_view: Option<(Tensor, Vec<isize>)> = None;
        let mut multi: Vec<(usize, Tensor)> = Vec::new();
        for it in items {
            match it {
                IndexItem::Int(i) => t = t.select(dim as isize, *i)?,
                IndexItem::Slice(a, b, c) => {
                    let step = c.unwrap_or(1);
                    let size = t.shape().get(dim).copied().unwrap_or(0) as i64;
                    let full = a.unwrap_or(0) == 0 && b.is_none_or(|e| e >= size) && step == 1;
                    // As PyTorch: a slice over a whole dim is skipped in a tuple of indices, but
                    // a lone slice (`x[:]`) is always a slice (`SliceBackward0`).
                    if full && t.dim() > dim && items.len() > 1 {
                        dim += 1;
                        continue;
                    }
                    t = t.slice(dim as isize, a.unwrap_or(0), b.unwrap_or(i64::MAX), step)?;
                    dim += 1;
                }
                IndexItem::None => {
                    t = t.unsqueeze(dim as isize)?;
                    dim += 1;
                }
                IndexItem::Ellipsis => {
                    dim += self.dim() - consumed;
                }
                IndexItem::Tensor(ix) if is_int(ix) && ix.dim() == 0 => {
                    // a 0-dim integer tensor indexes like an int
                    let i = ix.to_vec().first().copied().unwrap_or(0.0) as i64;
                    t = t.select(dim as isize, i)?;
                }
                IndexItem::Tensor(ix) if is_int(ix) && mask_view.is_none() => {
                    if let Some((d0, first)) = adv.take() {
                        multi.push((d0, first));
                    }
                    if !multi.is_empty() {
                        multi.push((dim, ix.clone()));
                    } else {
                        adv = Some((dim, ix.clone()));
                    }
                    dim += 1;
                }
                IndexItem::Tensor(ix) => {
                    if adv.is_some() || !multi.is_empty() {
                        return Err(TorchError::index(
                            "indexing with a boolean mask and another tensor index is not supported",
                        ));
                    }
                    if ix.dtype() == DType::Bool {
                        let k = ix.dim();
                        // merge the masked dims into one and turn the mask into indices
                        let mut shape: Vec<isize> =
                            t.shape()[..dim].iter().map(|&d| d as isize).collect();
                        let masked = &t.shape()[dim..dim + k];
                        if masked != ix.shape() {
                            let (pos, (a, b)) = masked
                                .iter()
                                .zip(ix.shape())
                                .enumerate()
                                .find(|(_, (a, b))| a != b)
                                .map(|(p, (a, b))| (p, (*a, *b)))
                                .unwrap_or((0, (0, 0)));
                            return Err(TorchError::index(format!(
                                "The shape of the mask [{}] at index {pos} does not match the shape of the indexed tensor [{}] at index {}",
                                b, a, dim + pos
                            )));
                        }
                        shape.push(masked.iter().product::<usize>() as isize);
                        shape.extend(t.shape()[dim + k..].iter().map(|&d| d as isize));
                        if k != 1 {
                            mask_view = Some((t.clone(), shape.clone()));
                        }
                        let idx: Vec<f64> = ix
                            .to_vec()
                            .iter()
                            .enumerate()
                            .filter(|(_, &v)| v != 0.0)
                            .map(|(i, _)| i as f64)
                            .collect();
                        let n = idx.len();
                        adv = Some((dim, Tensor::new_raw(idx, vec![n], DType::Int64)));
                    } else if is_int(ix) {
                        adv = Some((dim, ix.clone()));
                    } else {
                        return Err(TorchError::index(
                            "tensors used as indices must be long, int, byte or bool tensors",
                        ));
                    }
                    dim += 1;
                }
            }
        }
        if !multi.is_empty() {
            return t.multi_index(&multi);
        }
        match adv {
            Some((d, idx)) => match mask_view {
                Some((orig, shape)) => {
                    let flat = orig.detach().reshape(&shape)?;
                    let r = flat.advanced_index(d, &idx)?;
                    let r = Tensor::new_raw(r.to_vec(), r.size(), r.dtype());
                    let sizes = flat.size();
                    let input_sizes = orig.size();
                    Ok(Tensor::record(r, &[&orig], |_| BackwardFn::Index {
                        sizes,
                        dim: d,
                        indices: SavedTensor::input(&idx),
                        input_sizes,
                    }))
                }
                None => t.advanced_index(d, &idx),
            },
            None => {
                if items.is_empty() || t.same(self) {
                    // x[...] / x[()] / x[:, :] is an alias view
                    return Ok(self.alias());
                }
                Ok(t)
            }
        }
    }

    /// `x[i0, i1, ...]` with several int64 index tensors on adjacent dims (broadcast together):
    /// one gather over the merged dims, recorded as `IndexBackward0` on `self`.
    fn multi_index(&self, items: &[(usize, Tensor)]) -> Result<Tensor> {
        let d0 = items[0].0;
        let k = items.len();
        if items.iter().enumerate().any(|(i, (d, _))| *d != d0 + i) {
            return Err(TorchError::index(
                "indexing with non-adjacent tensor indices is not supported",
            ));
        }
        let mut bshape: Vec<usize> = Vec::new();
        for (_, ix) in items {
            bshape = crate::ops::broadcast_shapes(&bshape, ix.shape()).map_err(|_| {
                let shapes: Vec<String> = items.iter().map(|(_, t)| crate::tensor::fmt_list(t.shape())).collect();
                TorchError::index(format!(
                    "shape mismatch: indexing tensors could not be broadcast together with shapes {}",
                    shapes.join(", ")
                ))
            })?;
        }
        checked_numel(&bshape)?;
        let sizes = &self.shape()[d0..d0 + k];
        let n: usize = bshape.iter().product();
        let mut linear = vec![0.0; n];
        for (j, (_, ix)) in items.iter().enumerate() {
            let size = sizes[j] as i64;
            let vals = crate::ops::broadcast_values(ix, &bshape);
            let stride: usize = sizes[j + 1..].iter().product();
            for (l, v) in linear.iter_mut().zip(vals) {
                let i = v as i64;
                if i < -size || i >= size {
                    return Err(TorchError::index(format!(
                        "index {i} is out of bounds for dimension {} with size {size}",
                        d0 + j
                    )));
                }
                let i = if i < 0 { i + size } else { i } as usize;
                *l += (i * stride) as f64;
            }
        }
        let lin = Tensor::new_raw(linear, bshape, DType::Int64);
        let mut merged: Vec<isize> = self.shape()[..d0].iter().map(|&d| d as isize).collect();
        merged.push(sizes.iter().product::<usize>() as isize);
        merged.extend(self.shape()[d0 + k..].iter().map(|&d| d as isize));
        let flat = self.detach().reshape(&merged)?;
        let r = {
            let _g = crate::autograd::grad_mode::no_grad();
            flat.advanced_index(d0, &lin)?
        };
        let r = Tensor::new_raw(r.to_vec(), r.size(), r.dtype());
        let flat_sizes = flat.size();
        let input_sizes = self.size();
        Ok(Tensor::record(r, &[self], |_| BackwardFn::Index {
            sizes: flat_sizes,
            dim: d0,
            indices: SavedTensor::input(&lin),
            input_sizes,
        }))
    }

    /// Gathers `idx` (int64, any shape) along `dim`; records `IndexBackward0`.
    pub(crate) fn advanced_index(&self, dim: usize, idx: &Tensor) -> Result<Tensor> {
        let size = self.shape().get(dim).copied().unwrap_or(0) as i64;
        let iv = idx.to_vec();
        let mut resolved = Vec::with_capacity(iv.len());
        for &v in &iv {
            let i = v as i64;
            if i < -size || i >= size {
                return Err(TorchError::index(format!(
                    "index {i} is out of bounds for dimension {dim} with size {size}"
                )));
            }
            resolved.push(if i < 0 { i + size } else { i } as usize);
        }
        let outer: usize = self.shape()[..dim].iter().product();
        let inner: usize = self.shape()[dim + 1..].iter().product();
        let mut shape: Vec<usize> = self.shape()[..dim].to_vec();
        shape.extend_from_slice(idx.shape());
        shape.extend_from_slice(&self.shape()[dim + 1..]);
        checked_numel(&shape)?;
        let x = self.to_vec();
        let s = size as usize;
        let mut out = Vec::with_capacity(outer * resolved.len() * inner);
        for o in 0..outer {
            for &r in &resolved {
                let base = (o * s + r) * inner;
                out.extend_from_slice(&x[base..base + inner]);
            }
        }
        let res = Tensor::new_raw(out, shape, self.dtype());
        let flat = Tensor::new_raw(
            resolved.iter().map(|&r| r as f64).collect(),
            idx.size(),
            DType::Int64,
        );
        let sizes = self.size();
        let input_sizes = sizes.clone();
        Ok(Tensor::record(res, &[self], |_| BackwardFn::Index {
            input_sizes,
            sizes,
            dim,
            indices: SavedTensor::input(&flat),
        }))
    }

    /// Gradient of advanced indexing: zeros of `sizes` with `self` accumulated at `idx`.
    pub(crate) fn index_backward(
        &self,
        sizes: &[usize],
        dim: usize,
        idx: &Tensor,
    ) -> Result<Tensor> {
        let n = checked_numel(sizes)?;
        let outer: usize = sizes[..dim].iter().product();
        let inner: usize = sizes[dim + 1..].iter().product();
        let s = sizes.get(dim).copied().unwrap_or(1);
        let iv = idx.to_vec();
        let g = self.to_vec();
        let mut out = vec![0.0; n];
        let mut p = 0;
        for o in 0..outer {
            for &r in &iv {
                let base = (o * s + r as usize) * inner;
                for k in 0..inner {
                    if let (Some(dst), Some(src)) = (out.get_mut(base + k), g.get(p)) {
                        *dst += src;
                    }
                    p += 1;
                }
            }
        }
        let dt = self.dtype();
        let out = out.into_iter().map(|v| dt.cast(v)).collect();
        let r = Tensor::new_raw(out, sizes.to_vec(), dt);
        let idx = idx.clone();
        Ok(Tensor::record(r, &[self], |_| BackwardFn::IndexBackward {
            dim,
            indices: SavedTensor::input(&idx),
        }))
    }

    /// `x[items] = value` (in place, with PyTorch's leaf check). The autograd history of a
    /// non-leaf target is not rewritten (no `CopySlices`).
    pub fn index_put_(&self, items: &[IndexItem], value: &Tensor) -> Result<()> {
        if crate::autograd::grad_mode::is_grad_enabled()
            && self.is_leaf()
            && self.requires_grad()
            && self.basic_indexing_is_view(items)?
        {
            // Python's `x[0] = v` modifies the view `x[0]`
            return Err(TorchError::runtime(
                "a view of a leaf Variable that requires grad is being used in an in-place operation.",
            ));
        }
        let has_adv = items.iter().any(|i| matches!(i, IndexItem::Tensor(_)));
        if !has_adv && !self.basic_indexing_is_view(items)? {
            // `x[:] = v`, `x[...] = v`: PyTorch writes into `x` itself, as `fill_` / `copy_`
            // (`FillBackward2` / `CopyBackwards`, not `CopySlices`).
            return match value.is_wrapped_number() {
                true => self.fill_(value.item()?),
                false => self.copy_(value),
            };
        }
        self.check_inplace()?;
        let records = crate::autograd::grad_mode::is_grad_enabled()
            && (self.requires_grad() || value.requires_grad());
        let (positions, region) = {
            let _g = crate::autograd::grad_mode::no_grad();
            let ids = Tensor::new_raw(
                (0..self.numel()).map(|i| i as f64).collect(),
                self.size(),
                DType::Float64,
            );
            let sel = ids.index(items)?;
            let pos: Vec<usize> = sel.to_vec().into_iter().map(|p| p as usize).collect();
            (pos, sel.size())
        };
        if let [IndexItem::Tensor(mask)] = items {
            if mask.dtype() == DType::Bool
                && mask.shape() == self.shape()
                && value.is_wrapped_number()
            {
                let v = value.to_vec().first().copied().unwrap_or(0.0);
                let mask = mask.clone();
                return self.inplace_op(&[], move |t| t.masked_fill(&mask, v));
            }
        }
        if !has_adv {
            let _g = crate::autograd::grad_mode::no_grad();
            value.detach().expand(&region)?;
        }
        let b = crate::ops::broadcast_shapes(&region, value.shape())?;
        if b != region {
            return Err(TorchError::runtime(format!(
                "shape mismatch: value tensor of shape {} cannot be broadcast to indexing result of shape {}",
                crate::tensor::fmt_list(value.shape()),
                crate::tensor::fmt_list(&region)
            )));
        }
        let vals = crate::ops::broadcast_values(value, &region);
        let offs = self.layout().offsets();
        {
            let mut st = self.0.storage.borrow_mut();
            for (&p, v) in positions.iter().zip(vals) {
                if let Some(&o) = offs.get(p) {
                    if let Some(slot) = st.get_mut(o) {
                        *slot = self.dtype().cast(v);
                    }
                }
            }
        }
        self.bump_version();
        if records {
            let extra = if value.is_wrapped_number() {
                vec![]
            } else {
                vec![value.gradient_edge()]
            };
            self.rebase_copy_slices(&positions, region, None, extra);
        }
        Ok(())
    }

    /// Gives `self` a `CopySlices` history after the elements at `positions` were rewritten.
    pub(crate) fn rebase_copy_slices(
        &self,
        positions: &[usize],
        view_shape: Vec<usize>,
        inner: Option<std::rc::Rc<crate::autograd::node::Node>>,
        extra_edges: Vec<Option<crate::autograd::node::Edge>>,
    ) {
        let n = self.numel();
        let mut mask = vec![1.0; n];
        for &p in positions {
            if let Some(m) = mask.get_mut(p) {
                *m = 0.0;
            }
        }
        let dt = if self.dtype().is_floating_point() {
            self.dtype()
        } else {
            DType::Float32
        };
        let mask = Tensor::new_raw(mask, self.size(), dt);
        let pos = Tensor::new_raw(
            positions.iter().map(|&p| p as f64).collect(),
            vec![positions.len()],
            DType::Int64,
        );
        let mut edges = vec![self.gradient_edge()];
        edges.extend(extra_edges);
        let node = crate::autograd::node::Node::new(
            BackwardFn::CopySlices {
                mask,
                positions: pos,
                view_shape,
                inner,
            },
            edges,
            self.size(),
            self.dtype(),
        );
        self.set_history(node, 0);
    }
}
