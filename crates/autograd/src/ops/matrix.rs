//! Matrix helpers: tril/triu, trace, diag/diagonal, repeat, one_hot.

use crate::autograd::node::BackwardFn;
use crate::dtype::DType;
use crate::error::{Result, TorchError};
use crate::storage::checked_numel;
use crate::tensor::Tensor;

fn need_2d(t: &Tensor, what: &str) -> Result<(usize, usize)> {
    if t.dim() != 2 {
        return Err(TorchError::runtime(format!(
            "{what}: input tensor must have at least 2 dimensions."
        )));
    }
    Ok((t.shape()[0], t.shape()[1]))
}

/// Positions (row, col) of the `offset` diagonal of an n x m matrix.
fn diag_positions(n: usize, m: usize, offset: i64) -> Vec<(usize, usize)> {
    (0..n)
        .filter_map(|i| {
            let j = i as i64 + offset;
            (j >= 0 && (j as usize) < m).then_some((i, j as usize))
        })
        .collect()
}

impl Tensor {
    /// `tril`/`triu` of each matrix in the last two dims (batched, as ATen).
    fn tri(&self, diagonal: i64, upper: bool) -> Result<Tensor> {
        if self.dim() < 2 {
            return Err(TorchError::runtime(format!(
                "{}: input tensor must have at least 2 dimensions",
                if upper { "triu" } else { "tril" }
            )));
        }
        let (n, m) = (self.shape()[self.dim() - 2], self.shape()[self.dim() - 1]);
        let v = self.to_vec();
        let out = (0..v.len())
            .map(|idx| {
                let within = idx % (n * m).max(1);
                let (i, j) = ((within / m) as i64, (within % m) as i64);
                let keep = if upper {
                    j - i >= diagonal
                } else {
                    j - i <= diagonal
                };
                if keep {
                    v[idx]
                } else {
                    0.0
                }
            })
            .collect();
        let r = Tensor::new_raw(out, self.size(), self.dtype());
        Ok(Tensor::record(r, &[self], |_| BackwardFn::Tril {
            diagonal,
            upper,
        }))
    }

    /// `x.tril(diagonal)` (`TrilBackward0`).
    pub fn tril(&self, diagonal: i64) -> Result<Tensor> {
        self.tri(diagonal, false)
    }

    /// `x.triu(diagonal)` (`TriuBackward0`).
    pub fn triu(&self, diagonal: i64) -> Result<Tensor> {
        self.tri(diagonal, true)
    }

    /// `x.trace()` (`TraceBackward0`).
    pub fn trace(&self) -> Result<Tensor> {
        if self.dim() != 2 {
            return Err(TorchError::runtime(
                "trace: expected a matrix, but got tensor with dim ".to_string()
                    + &self.dim().to_string(),
            ));
        }
        let (n, m) = (self.shape()[0], self.shape()[1]);
        let v = self.to_vec();
        let dt = if self.dtype().is_floating_point() {
            self.dtype()
        } else {
            DType::Int64
        };
        let mut s = 0.0;
        for (i, j) in diag_positions(n, m, 0) {
            s = dt.cast(s + v[i * m + j]);
        }
        let r = Tensor::new_raw(vec![s], vec![], dt);
        let sizes = self.size();
        Ok(Tensor::record(r, &[self], |_| BackwardFn::Trace { sizes }))
    }

    fn diag_extract(&self, offset: i64, view: bool) -> Result<Tensor> {
        let (n, m) = need_2d(self, "diagonal")?;
        let v = self.to_vec();
        let vals: Vec<f64> = diag_positions(n, m, offset)
            .into_iter()
            .map(|(i, j)| v[i * m + j])
            .collect();
        let len = vals.len();
        let r = Tensor::new_raw(vals, vec![len], self.dtype());
        let sizes = self.size();
        Ok(Tensor::record(r, &[self], |_| BackwardFn::DiagExtract {
            sizes,
            offset,
            view,
        }))
    }

    /// `x.diagonal(offset)` of a matrix (`DiagonalBackward0`; a copy here, not a view).
    pub fn diagonal(&self, offset: i64) -> Result<Tensor> {
        self.diag_extract(offset, true)
    }

    /// `torch.diag(x, offset)`: the diagonal of a matrix, or a matrix with `x` on its diagonal.
    pub fn diag(&self, offset: i64) -> Result<Tensor> {
        match self.dim() {
            1 => {
                let n = self.numel() + offset.unsigned_abs() as usize;
                let r = self.detach().diag_scatter(&[n, n], offset)?;
                let r = Tensor::new_raw(r.to_vec(), r.size(), r.dtype());
                Ok(Tensor::record(r, &[self], |_| BackwardFn::DiagEmbed {
                    offset,
                }))
            }
            2 => self.diag_extract(offset, false),
            _ => Err(TorchError::runtime(
                "diag(): Supports 1D or 2D tensors. Got ".to_string()
                    + &self.dim().to_string()
                    + "D",
            )),
        }
    }

    /// Zeros of `sizes` with `self` (1-D) on the `offset` diagonal; differentiable.
    pub(crate) fn diag_scatter(&self, sizes: &[usize], offset: i64) -> Result<Tensor> {
        let (n, m) = (
            sizes.first().copied().unwrap_or(0),
            sizes.get(1).copied().unwrap_or(0),
        );
        let mut out = vec![0.0; checked_numel(&[n, m])?];
        let v = self.to_vec();
        for (k, (i, j)) in diag_positions(n, m, offset).into_iter().enumerate() {
            if let Some(x) = v.get(k) {
                out[i * m + j] = *x;
            }
        }
        let r = Tensor::new_raw(out, vec![n, m], self.dtype());
        Ok(Tensor::record(r, &[self], |_| BackwardFn::DiagEmbed {
            offset,
        }))
    }

    /// `x.repeat(*sizes)` (`RepeatBackward0`).
    pub fn repeat(&self, repeats: &[usize]) -> Result<Tensor> {
        if repeats.len() < self.dim() {
            return Err(TorchError::runtime(
                "Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor",
            ));
        }
        let lead = repeats.len() - self.dim();
        let src_shape: Vec<usize> = (0..repeats.len())
            .map(|i| if i < lead { 1 } else { self.shape()[i - lead] })
            .collect();
        let out_shape: Vec<usize> = src_shape.iter().zip(repeats).map(|(s, r)| s * r).collect();
        let n = checked_numel(&out_shape)?;
        let src = self.to_vec();
        let src_strides = crate::storage::contiguous_strides(&src_shape);
        let out_strides = crate::storage::contiguous_strides(&out_shape);
        let out: Vec<f64> = (0..n)
            .map(|idx| {
                let mut rem = idx;
                let mut off = 0;
                for d in 0..out_shape.len() {
                    let c = rem / out_strides[d].max(1);
                    rem %= out_strides[d].max(1);
                    off += (c % src_shape[d].max(1)) * src_strides[d];
                }
                src.get(off).copied().unwrap_or(0.0)
            })
            .collect();
        let r = Tensor::new_raw(out, out_shape, self.dtype());
        let sizes = self.size();
        let repeats = repeats.to_vec();
        Ok(Tensor::record(r, &[self], |_| BackwardFn::Repeat {
            sizes,
            repeats,
        }))
    }

    /// `F.one_hot(x, num_classes)` (int64; `None` = max + 1).
    pub fn one_hot(&self, num_classes: Option<i64>) -> Result<Tensor> {
        if self.dtype() != DType::Int64 {
            return Err(TorchError::runtime(
                "one_hot is only applicable to index tensor of type LongTensor.",
            ));
        }
        let v = self.to_vec();
        if v.is_empty() && num_classes.is_none_or(|c| c < 0) {
            return Err(TorchError::runtime(
                "Can not infer total number of classes from empty tensor.",
            ));
        }
        if v.iter().any(|&x| x < 0.0) {
            return Err(TorchError::runtime("Class values must be non-negative."));
        }
        let max = v.iter().fold(-1.0f64, |a, &b| a.max(b)) as i64;
        let c = match num_classes {
            // only -1 (the default) means "one more than the largest"
            Some(c) if c != -1 => {
                if max >= c || c < 0 {
                    return Err(TorchError::runtime(
                        "Class values must be smaller than num_classes.",
                    ));
                }
                c as usize
            }
            _ => (max + 1).max(0) as usize,
        };
        let mut shape = self.size();
        shape.push(c);
        let mut out = vec![0.0; checked_numel(&shape)?];
        for (i, &x) in v.iter().enumerate() {
            out[i * c + x as usize] = 1.0;
        }
        Ok(Tensor::new_raw(out, shape, DType::Int64))
    }
}
