//! Joining tensors: `torch.cat` and `torch.stack`.

use super::wrap_dim;
use crate::autograd::node::BackwardFn;
use crate::dtype::result_type;
use crate::error::{Result, TorchError};
use crate::storage::checked_numel;
use crate::tensor::{fmt_list, Tensor};

impl Tensor {
    /// `torch.cat(tensors, dim)` (`CatBackward0`).
    pub fn cat(tensors: &[Tensor], dim: isize) -> Result<Tensor> {
        let first = tensors.first().ok_or_else(|| {
            TorchError::runtime("torch.cat(): expected a non-empty list of Tensors")
        })?;
        for (i, t) in tensors.iter().enumerate() {
            if t.dim() == 0 {
                return Err(TorchError::runtime(format!(
                    "zero-dimensional tensor (at position {i}) cannot be concatenated"
                )));
            }
        }
        let nd = first.dim();
        let d = wrap_dim(dim, nd)?;
        for (i, t) in tensors.iter().enumerate() {
            if t.dim() != nd {
                return Err(TorchError::runtime(format!(
                    "Tensors must have same number of dimensions: got {} and {}",
                    nd,
                    t.dim()
                )));
            }
            for k in 0..nd {
                if k != d && t.shape()[k] != first.shape()[k] {
                    return Err(TorchError::runtime(format!(
                        "Sizes of tensors must match except in dimension {d}. Expected size {} but got size {} for tensor number {i} in the list.",
                        first.shape()[k],
                        t.shape()[k]
                    )));
                }
            }
        }
        let dt = result_type(
            &tensors
                .iter()
                .map(|t| (t.dtype(), t.dim(), false))
                .collect::<Vec<_>>(),
        );
        let mut shape = first.size();
        shape[d] = tensors.iter().map(|t| t.shape()[d]).sum();
        checked_numel(&shape)?;
        let outer: usize = shape[..d].iter().product();
        let inner: usize = shape[d + 1..].iter().product();
        let vals: Vec<Vec<f64>> = tensors.iter().map(|t| t.to_vec()).collect();
        let mut out = Vec::with_capacity(shape.iter().product());
        for o in 0..outer {
            for (t, v) in tensors.iter().zip(&vals) {
                let chunk = t.shape()[d] * inner;
                out.extend(v[o * chunk..(o + 1) * chunk].iter().map(|&x| dt.cast(x)));
            }
        }
        let r = Tensor::new_raw(out, shape, dt);
        let lengths = tensors.iter().map(|t| t.shape()[d]).collect();
        let refs: Vec<&Tensor> = tensors.iter().collect();
        Ok(Tensor::record(r, &refs, |_| BackwardFn::Cat {
            dim: d,
            lengths,
        }))
    }

    /// `torch.stack(tensors, dim)` (`StackBackward0`).
    pub fn stack(tensors: &[Tensor], dim: isize) -> Result<Tensor> {
        let first = tensors
            .first()
            .ok_or_else(|| TorchError::runtime("stack expects a non-empty TensorList"))?;
        for (i, t) in tensors.iter().enumerate() {
            if t.shape() != first.shape() {
                return Err(TorchError::runtime(format!(
                    "stack expects each tensor to be equal size, but got {} at entry 0 and {} at entry {i}",
                    fmt_list(first.shape()),
                    fmt_list(t.shape())
                )));
            }
        }
        let d = wrap_dim(dim, first.dim() + 1)?;
        let r = {
            let _g = crate::autograd::grad_mode::no_grad();
            let parts: Vec<Tensor> = tensors
                .iter()
                .map(|t| t.detach().unsqueeze(d as isize))
                .collect::<Result<_>>()?;
            Tensor::cat(&parts, d as isize)?
        };
        let r = Tensor::new_raw(r.to_vec(), r.size(), r.dtype());
        let refs: Vec<&Tensor> = tensors.iter().collect();
        Ok(Tensor::record(r, &refs, |_| BackwardFn::Stack { dim: d }))
    }
}

impl Tensor {
    /// `x.unbind(dim)`: views of each slice along `dim` (one `UnbindBackward0` node).
    pub fn unbind(&self, dim: isize) -> Result<Vec<Tensor>> {
        if self.dim() == 0 {
            return Err(TorchError::index(
                "Dimension specified as 0 but tensor has no dimensions",
            ));
        }
        let d = wrap_dim(dim, self.dim())?;
        let views = {
            let _g = crate::autograd::grad_mode::no_grad();
            (0..self.shape()[d])
                .map(|i| self.select(d as isize, i as i64))
                .collect::<Result<Vec<_>>>()?
        };
        Ok(Tensor::record_multi(views, &[self], || {
            BackwardFn::Unbind { dim: d }
        }))
    }

    fn split_at(&self, sizes: &[usize], d: usize, with_sizes: bool) -> Result<Vec<Tensor>> {
        let views = {
            let _g = crate::autograd::grad_mode::no_grad();
            let mut start = 0i64;
            let mut v = Vec::with_capacity(sizes.len());
            for &s in sizes {
                v.push(self.slice(d as isize, start, start + s as i64, 1)?);
                start += s as i64;
            }
            v
        };
        Ok(Tensor::record_multi(views, &[self], || BackwardFn::Split {
            dim: d,
            with_sizes,
        }))
    }

    /// `x.split(split_size, dim)` (`SplitBackward0`).
    pub fn split(&self, split_size: i64, dim: isize) -> Result<Vec<Tensor>> {
        if self.dim() == 0 {
            return Err(TorchError::runtime(
                "split expects at least a 1-dimensional tensor",
            ));
        }
        let d = wrap_dim(dim, self.dim())?;
        if split_size < 0 {
            return Err(TorchError::runtime(format!(
                "split expects split_size be non-negative, but got split_size={split_size}"
            )));
        }
        let size = self.shape()[d];
        let ss = split_size as usize;
        if ss == 0 && size != 0 {
            return Err(TorchError::runtime(format!(
                "split_size can only be 0 if dimension size is 0, but got dimension size of {size}"
            )));
        }
        let mut sizes = Vec::new();
        let mut left = size;
        while left > 0 {
            let s = ss.min(left);
            sizes.push(s);
            left -= s;
        }
        if sizes.is_empty() {
            sizes.push(0);
        }
        self.split_at(&sizes, d, false)
    }

    /// `x.split([s0, s1, ...], dim)` (`SplitWithSizesBackward0`).
    pub fn split_with_sizes(&self, sizes: &[i64], dim: isize) -> Result<Vec<Tensor>> {
        let d = wrap_dim(dim, self.dim())?;
        let size = self.shape().get(d).copied().unwrap_or(0);
        let total: i64 = sizes.iter().sum();
        if sizes.iter().any(|&s| s < 0) || total != size as i64 {
            let parts: Vec<String> = sizes.iter().map(|s| s.to_string()).collect();
            return Err(TorchError::runtime(format!(
                "split_with_sizes expects split_sizes to sum exactly to {size} (input tensor's size at dimension {d}), but got split_sizes=[{}]",
                parts.join(", ")
            )));
        }
        let us: Vec<usize> = sizes.iter().map(|&s| s as usize).collect();
        self.split_at(&us, d, true)
    }

    /// `x.chunk(chunks, dim)` (`SplitBackward0`, as PyTorch implements chunk with split).
    pub fn chunk(&self, chunks: i64, dim: isize) -> Result<Vec<Tensor>> {
        if chunks <= 0 {
            return Err(TorchError::runtime(
                "chunk expects `chunks` to be greater than 0, got: ".to_string()
                    + &chunks.to_string(),
            ));
        }
        let d = wrap_dim(dim, self.dim())?;
        let size = self.shape().get(d).copied().unwrap_or(0) as i64;
        let split_size = (size + chunks - 1) / chunks;
        if split_size == 0 && size == 0 {
            return self.split_at(&vec![0; chunks as usize], d, false);
        }
        self.split(split_size.max(1), dim)
    }
}
