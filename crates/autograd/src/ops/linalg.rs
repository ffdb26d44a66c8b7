//! Matrix products: mm, mv, dot, bmm and `matmul` composed from them as PyTorch does.

use super::broadcast_shapes;
use crate::autograd::node::{BackwardFn, SavedTensor};
use crate::dtype::DType;
use crate::error::{Result, TorchError};
use crate::storage::checked_numel;
use crate::tensor::Tensor;

fn same_dtype(a: &Tensor, b: &Tensor) -> Result<()> {
    if a.dtype() != b.dtype() {
        return Err(TorchError::runtime(format!(
            "expected m1 and m2 to have the same dtype, but got: {} != {}",
            a.dtype().cpp_name(),
            b.dtype().cpp_name()
        )));
    }
    Ok(())
}

/// `(n x k) @ (k x m)` on row-major values. Float sums run over `k` in order in the dtype, as
/// PyTorch's CPU BLAS does for these sizes: plain multiply-then-add for narrow products (fewer
/// than 16 result columns or fewer than 4 rows), fused multiply-add otherwise (matched against
/// torch in tests).
fn gemm(a: &[f64], b: &[f64], n: usize, k: usize, m: usize, dt: DType) -> Vec<f64> {
    let fused = m >= 16 && n >= 4;
    if dt == DType::Float32 && n.saturating_mul(m).saturating_mul(k) > (1 << 21) {
        return gemm_f32_fast(a, b, n, k, m);
    }
    match dt {
        DType::Float32 => {
            let a32: Vec<f32> = a.iter().map(|&v| v as f32).collect();
            let b32: Vec<f32> = b.iter().map(|&v| v as f32).collect();
            let mut out = Vec::with_capacity(n * m);
            let mut row = vec![0f32; m];
            for i in 0..n {
                row.iter_mut().for_each(|r| *r = 0.0);
                for p in 0..k {
                    let av = a32[i * k + p];
                    let brow = &b32[p * m..(p + 1) * m];
                    if fused {
                        // a*b is exact in f64, so this is a fused multiply-add up to a
                        // (vanishingly rare) double rounding, and fast without FMA hardware.
                        let av = f64::from(av);
                        for (r, &bv) in row.iter_mut().zip(brow) {
                            *r = (av * f64::from(bv) + f64::from(*r)) as f32;
                        }
                    } else {
                        for (r, &bv) in row.iter_mut().zip(brow) {
                            *r += av * bv;
                        }
                    }
                }
                out.extend(row.iter().map(|&v| f64::from(v)));
            }
            out
        }
        _ => {
            let mut out = vec![0.0; n * m];
            for i in 0..n {
                let row = &mut out[i * m..(i + 1) * m];
                for p in 0..k {
                    let av = a[i * k + p];
                    let brow = &b[p * m..(p + 1) * m];
                    for (o, &bv) in row.iter_mut().zip(brow) {
                        *o = if fused && dt == DType::Float64 {
                            av.mul_add(bv, *o)
                        } else {
                            *o + av * bv
                        };
                    }
                }
            }
            out.into_iter().map(|v| dt.cast(v)).collect()
        }
    }
}

/// Large float32 products: row-blocked, vectorisable accumulation (speed over last-bit parity
/// with BLAS).
fn gemm_f32_fast(a: &[f64], b: &[f64], n: usize, k: usize, m: usize) -> Vec<f64> {
    let a32: Vec<f32> = a.iter().map(|&v| v as f32).collect();
    let b32: Vec<f32> = b.iter().map(|&v| v as f32).collect();
    let mut out = vec![0f32; n * m];
    const RB: usize = 4;
    let mut i0 = 0;
    while i0 < n {
        let rows = RB.min(n - i0);
        for p in 0..k {
            let brow = &b32[p * m..(p + 1) * m];
            for r in 0..rows {
                let av = a32[(i0 + r) * k + p];
                let orow = &mut out[(i0 + r) * m..(i0 + r + 1) * m];
                for (o, &bv) in orow.iter_mut().zip(brow) {
                    *o += av * bv;
                }
            }
        }
        i0 += rows;
    }
    out.into_iter().map(f64::from).collect()
}

impl Tensor {
    /// `torch.mm` (`MmBackward0`).
    pub fn mm(&self, mat2: &Tensor) -> Result<Tensor> {
        if self.dim() != 2 {
            return Err(TorchError::runtime(format!(
                "mm: self must be a matrix, got {}-D tensor",
                self.dim()
            )));
        }
        if mat2.dim() != 2 {
            return Err(TorchError::runtime(format!(
                "mm: mat2 must be a matrix, got {}-D tensor",
                mat2.dim()
            )));
        }
        let (n, k) = (self.shape()[0], self.shape()[1]);
        let (k2, m) = (mat2.shape()[0], mat2.shape()[1]);
        if k != k2 {
            return Err(TorchError::runtime(format!(
                "mm: mat1 and mat2 shapes cannot be multiplied ({n}x{k} and {k2}x{m})"
            )));
        }
        same_dtype(self, mat2)?;
        checked_numel(&[n, m])?;
        let v = gemm(&self.to_vec(), &mat2.to_vec(), n, k, m, self.dtype());
        let r = Tensor::new_raw(v, vec![n, m], self.dtype());
        Ok(Tensor::record(r, &[self, mat2], |_| BackwardFn::Mm {
            this: SavedTensor::input(self),
            mat2: SavedTensor::input(mat2),
        }))
    }

    /// `torch.mv` (`MvBackward0`).
    pub fn mv(&self, vec: &Tensor) -> Result<Tensor> {
        if self.dim() != 2 || vec.dim() != 1 || self.shape()[1] != vec.shape()[0] {
            return Err(TorchError::runtime(format!(
                "size mismatch, got input ({}), mat ({}), vec ({})",
                self.shape().first().copied().unwrap_or(0),
                self.shape()
                    .iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join("x"),
                vec.shape().first().copied().unwrap_or(0)
            )));
        }
        same_dtype(self, vec)?;
        let (n, k) = (self.shape()[0], self.shape()[1]);
        let v = gemm(&self.to_vec(), &vec.to_vec(), n, k, 1, self.dtype());
        let r = Tensor::new_raw(v, vec![n], self.dtype());
        Ok(Tensor::record(r, &[self, vec], |_| BackwardFn::Mv {
            this: SavedTensor::input(self),
            vec: SavedTensor::input(vec),
        }))
    }

    /// `torch.dot` (`DotBackward0`).
    pub fn dot(&self, other: &Tensor) -> Result<Tensor> {
        if self.dim() != 1 || other.dim() != 1 {
            return Err(TorchError::runtime(format!(
                "1D tensors expected, but got {}D and {}D tensors",
                self.dim(),
                other.dim()
            )));
        }
        if self.numel() != other.numel() {
            return Err(TorchError::runtime(format!(
                "inconsistent tensor size, expected tensor [{}] and src [{}] to have the same number of elements, but got {} and {} elements respectively",
                self.numel(),
                other.numel(),
                self.numel(),
                other.numel()
            )));
        }
        if self.dtype() != other.dtype() {
            return Err(TorchError::runtime(format!(
                "dot : expected both vectors to have same dtype, but found {} and {}",
                self.dtype().scalar_name(),
                other.dtype().scalar_name()
            )));
        }
        let s: f64 = self
            .to_vec()
            .iter()
            .zip(other.to_vec())
            .map(|(a, b)| a * b)
            .sum();
        let r = Tensor::new_raw(vec![self.dtype().cast(s)], vec![], self.dtype());
        Ok(Tensor::record(r, &[self, other], |_| BackwardFn::Dot {
            this: SavedTensor::input(self),
            tensor: SavedTensor::input(other),
        }))
    }

    /// `torch.bmm` (`BmmBackward0`).
    pub fn bmm(&self, mat2: &Tensor) -> Result<Tensor> {
        if self.dim() != 3 {
            return Err(TorchError::runtime("batch1 must be a 3D tensor"));
        }
        if mat2.dim() != 3 {
            return Err(TorchError::runtime("batch2 must be a 3D tensor"));
        }
        let (b, n, k) = (self.shape()[0], self.shape()[1], self.shape()[2]);
        if mat2.shape()[0] != b || mat2.shape()[1] != k {
            return Err(TorchError::runtime(format!(
                "Expected size for first two dimensions of batch2 tensor to be: [{b}, {k}] but got: [{}, {}].",
                mat2.shape()[0],
                mat2.shape()[1]
            )));
        }
        if self.dtype() != mat2.dtype() {
            return Err(TorchError::runtime(format!(
                "expected scalar type {} but found {}",
                self.dtype().scalar_name(),
                mat2.dtype().scalar_name()
            )));
        }
        let m = mat2.shape()[2];
        checked_numel(&[b, n, m])?;
        let av = self.to_vec();
        let bv = mat2.to_vec();
        let mut out = Vec::with_capacity(b * n * m);
        for i in 0..b {
            out.extend(gemm(
                &av[i * n * k..(i + 1) * n * k],
                &bv[i * k * m..(i + 1) * k * m],
                n,
                k,
                m,
                self.dtype(),
            ));
        }
        let r = Tensor::new_raw(out, vec![b, n, m], self.dtype());
        Ok(Tensor::record(r, &[self, mat2], |_| BackwardFn::Bmm {
            this: SavedTensor::input(self),
            mat2: SavedTensor::input(mat2),
        }))
    }

    /// `_unsafe_view`: a view recorded as `UnsafeViewBackward0`.
    pub(crate) fn unsafe_view(&self, shape: &[usize]) -> Result<Tensor> {
        let c = self.contiguous()?;
        let r = c.make_view(crate::storage::Layout {
            shape: shape.to_vec(),
            strides: crate::storage::contiguous_strides(shape),
            offset: c.storage_offset(),
        });
        let sizes = c.size();
        Ok(Tensor::record(r, &[&c], |_| BackwardFn::UnsafeView {
            sizes,
        }))
    }

    /// `a @ b` with PyTorch's dispatch to dot/mv/mm/bmm.
    pub fn matmul(&self, other: &Tensor) -> Result<Tensor> {
        let (da, db) = (self.dim(), other.dim());
        if da == 0 || db == 0 {
            return Err(TorchError::runtime(format!(
                "both arguments to matmul need to be at least 1D, but they are {da}D and {db}D"
            )));
        }
        match (da, db) {
            (1, 1) => self.dot(other),
            (2, 1) => self.mv(other),
            (1, 2) => self.unsqueeze(0)?.mm(other)?.squeeze_dims(0),
            (2, 2) => self.mm(other),
            _ if da >= 3 && (db == 1 || db == 2) => {
                let k = self.shape()[da - 1];
                let mut out_shape: Vec<usize> = self.shape()[..da - 1].to_vec();
                let t2 = if db == 1 {
                    other.unsqueeze(-1)?
                } else {
                    other.clone()
                };
                if db == 2 {
                    out_shape.push(other.shape()[1]);
                }
                let folded = self.reshape(&[-1, k as isize])?;
                folded.mm(&t2)?.unsafe_view(&out_shape)
            }
            _ => {
                let a = if da == 1 {
                    self.unsqueeze(0)?
                } else {
                    self.clone()
                };
                let b = if db == 1 {
                    other.unsqueeze(-1)?
                } else {
                    other.clone()
                };
                let (na, nb) = (a.dim(), b.dim());
                let (n, k) = (a.shape()[na - 2], a.shape()[na - 1]);
                let (k2, m) = (b.shape()[nb - 2], b.shape()[nb - 1]);
                let batch = broadcast_shapes(&a.shape()[..na - 2], &b.shape()[..nb - 2])?;
                if k != k2 {
                    return Err(TorchError::runtime(format!(
                        "Expected size for first two dimensions of batch2 tensor to be: [{}, {}] but got: [{}, {}].",
                        batch.iter().product::<usize>(),
                        k,
                        batch.iter().product::<usize>(),
                        k2
                    )));
                }
                let bsz: usize = batch.iter().product();
                let mut ea = batch.clone();
                ea.extend([n, k]);
                let mut eb = batch.clone();
                eb.extend([k2, m]);
                let a3 = if a.shape() == ea.as_slice() {
                    a.clone()
                } else {
                    a.expand(&ea)?
                };
                let b3 = if b.shape() == eb.as_slice() {
                    b.clone()
                } else {
                    b.expand(&eb)?
                };
                let a3 = a3.reshape_usize(&[bsz, n, k])?;
                let b3 = b3.reshape_usize(&[bsz, k2, m])?;
                let mut out_shape = batch.clone();
                if da > 1 {
                    out_shape.push(n);
                }
                if db > 1 {
                    out_shape.push(m);
                }
                a3.bmm(&b3)?.unsafe_view(&out_shape)
            }
        }
    }
}
