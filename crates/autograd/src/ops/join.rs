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
