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

/// Calls `f` with the row-major elements of `t`: borrowed straight from the storage when `t` is
/// contiguous (no copy, no index vector), gathered by [`Tensor::to_vec`] otherwise.
fn with_values<R>(t: &Tensor, f: impl FnOnce(&[f64]) -> R) -> R {
    let layout = &t.0.layout;
    if layout.is_contiguous() {
        let st = t.0.storage.borrow();
        if let Some(v) = st.get(layout.offset..layout.offset + layout.numel()) {
            return f(v);
        }
    }
    f(&t.to_vec())
}

/// [`gemm`] on two tensors' elements.
fn gemm_tensors(a: &Tensor, b: &Tensor, n: usize, k: usize, m: usize) -> Vec<f64> {
    with_values(a, |av| {
        with_values(b, |bv| gemm(av, bv, n, k, m, a.dtype()))
    })
}

/// `(n x k) @ (k x m)` on row-major values. Float sums run over `k` in order in the dtype, as
/// PyTorch's CPU BLAS does: plain multiply-then-add for narrow products (fewer than 16 result
/// columns or fewer than 4 rows), fused multiply-add otherwise, with MKL's blocking of `k` for
/// float32 (matched against torch in tests). The wide float32 case, the one that costs, runs in
/// [`gemm_f32_fused`].
fn gemm(a: &[f64], b: &[f64], n: usize, k: usize, m: usize, dt: DType) -> Vec<f64> {
    let fused = m >= 16 && n >= 4;
    match dt {
        DType::Float32 if k == 1 => outer_f32(a, b, n, m),
        DType::Float32 if n == 1 && !fused => vec_mat_f32(a, b, k, m),
        DType::Float32 if fused => gemm_f32_fused(a, b, n, k, m),
        DType::Float32 if m == 1 => mat_vec_f32(a, b, n, k),
        DType::Float32 => gemm_f32_narrow(a, b, n, k, m),
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

/// `k == 1` (`Linear(1, _)`, and the input gradient of `Linear(_, 1)`): every element is one
/// product added to a zero accumulator, which the fused and the narrow kernels below round
/// alike (`+ 0.0` included: it turns a product of -0 into +0 as theirs does), so no packing.
fn outer_f32(a: &[f64], b: &[f64], n: usize, m: usize) -> Vec<f64> {
    let b32: Vec<f32> = b.iter().take(m).map(|&v| v as f32).collect();
    let mut out = Vec::with_capacity(n * m);
    for &av in a.iter().take(n) {
        let av = av as f32;
        out.extend(b32.iter().map(|&bv| f64::from(av * bv + 0.0)));
    }
    out
}

/// A matrix times a vector (`m == 1`: `Linear(_, 1)`, its weight gradient): one running sum
/// per row in a register. A row of sums in memory made every step wait for the previous store;
/// same operations in the same order as the narrow kernel, so the same rounding.
fn mat_vec_f32(a: &[f64], b: &[f64], n: usize, k: usize) -> Vec<f64> {
    let b32: Vec<f32> = b.iter().take(k).map(|&v| v as f32).collect();
    let mut out: Vec<f64> = a
        .chunks_exact(k.max(1))
        .take(n)
        .map(|arow| {
            let mut acc = 0f32;
            for (&av, &bv) in arow.iter().zip(&b32) {
                acc += av as f32 * bv;
            }
            f64::from(acc)
        })
        .collect();
    out.resize(n, 0.0);
    out
}

/// One row times a matrix (`n == 1`: the weight gradient of `Linear(1, _)`), rounded as the
/// narrow kernel rounds it (each element summed over `k` in order, multiply then add in
/// float32), with the row of accumulators in one pass over B instead of packed panels.
fn vec_mat_f32(a: &[f64], b: &[f64], k: usize, m: usize) -> Vec<f64> {
    let mut acc = vec![0f32; m];
    if m > 0 {
        for (&av, brow) in a.iter().zip(b.chunks_exact(m)).take(k) {
            let av = av as f32;
            for (c, &bv) in acc.iter_mut().zip(brow) {
                *c += av * bv as f32;
            }
        }
    }
    acc.into_iter().map(f64::from).collect()
}

/// Narrow float32 products (fewer than 16 result columns or fewer than 4 rows) as PyTorch's
/// CPU BLAS rounds them: each element summed over `k` in order, multiply then add in float32.
/// B is packed into zero-padded panels of `NR` columns so a row of accumulators lives in
/// registers for the whole `k` loop (a row kept in memory made every step wait for the previous
/// store: most of the time of a `Linear(16, 1)` training step).
fn gemm_f32_narrow(a: &[f64], b: &[f64], n: usize, k: usize, m: usize) -> Vec<f64> {
    const NR: usize = 8;
    let mut out = vec![0.0; n * m];
    if n == 0 || m == 0 || k == 0 {
        return out;
    }
    let mut bpack = vec![0f32; m.div_ceil(NR) * k * NR];
    for (jb, panel) in bpack.chunks_exact_mut(k * NR).enumerate() {
        let j0 = jb * NR;
        let w = NR.min(m - j0);
        for (dst, brow) in panel.chunks_exact_mut(NR).zip(b.chunks_exact(m)) {
            for (d, &v) in dst.iter_mut().zip(&brow[j0..j0 + w]) {
                *d = v as f32;
            }
        }
    }
    let a32: Vec<f32> = a.iter().map(|&v| v as f32).collect();
    for (arow, orow) in a32.chunks_exact(k).zip(out.chunks_exact_mut(m)) {
        for (jb, panel) in bpack.chunks_exact(k * NR).enumerate() {
            let mut acc = [0f32; NR];
            for (&av, bp) in arow.iter().zip(panel.chunks_exact(NR)) {
                for (c, &bv) in acc.iter_mut().zip(bp) {
                    *c += av * bv;
                }
            }
            let j0 = jb * NR;
            for (o, &v) in orow[j0..].iter_mut().zip(&acc) {
                *o = f64::from(v);
            }
        }
    }
    out
}

/// One accumulation step of float32 fused multiply-add, on the element type the tiled kernel
/// works in.
trait FmaLane: Copy + Default {
    fn from_f64(v: f64) -> Self;
    fn to_f64(self) -> f64;
    /// `round_f32(a * b + acc)`.
    fn fma(a: Self, b: Self, acc: Self) -> Self;
    /// `round_f32(a + b)`.
    fn add(a: Self, b: Self) -> Self;
}

/// Float32 values held in f64. The product of two float32 values is exact in f64, so
/// `(a * b + acc) as f32` is a fused multiply-add up to a (vanishingly rare) double rounding,
/// and needs no FMA hardware (wasm, baseline x86-64).
#[cfg_attr(target_feature = "fma", allow(dead_code))]
#[derive(Clone, Copy, Default)]
struct EmulatedFma(f64);

impl FmaLane for EmulatedFma {
    #[inline(always)]
    fn from_f64(v: f64) -> Self {
        EmulatedFma(f64::from(v as f32))
    }
    #[inline(always)]
    fn to_f64(self) -> f64 {
        self.0
    }
    #[inline(always)]
    fn fma(a: Self, b: Self, acc: Self) -> Self {
        EmulatedFma(f64::from((a.0 * b.0 + acc.0) as f32))
    }
    #[inline(always)]
    fn add(a: Self, b: Self) -> Self {
        // Exact: f64 has more than twice float32's precision, so no double rounding.
        EmulatedFma(f64::from((a.0 + b.0) as f32))
    }
}

/// Hardware float32 FMA, exactly `fmaf`; only where the build enables the instruction (e.g.
/// `-C target-cpu=native`), since `f32::mul_add` is a slow libm call without it.
#[cfg(target_feature = "fma")]
impl FmaLane for f32 {
    #[inline(always)]
    fn from_f64(v: f64) -> Self {
        v as f32
    }
    #[inline(always)]
    fn to_f64(self) -> f64 {
        f64::from(self)
    }
    #[inline(always)]
    fn fma(a: Self, b: Self, acc: Self) -> Self {
        a.mul_add(b, acc)
    }
    #[inline(always)]
    fn add(a: Self, b: Self) -> Self {
        a + b
    }
}

/// Wide float32 products as MKL's single-threaded sgemm rounds them (what torch uses on CPU):
/// `k` is cut into blocks ([`k_blocks`]); within a block every output element is
/// `acc = fmaf(a[i][p], b[p][j], acc)` for `p` in order, each step rounded to float32; the
/// blocks' partial products are then added in order in float32.
fn gemm_f32_fused(a: &[f64], b: &[f64], n: usize, k: usize, m: usize) -> Vec<f64> {
    // Eight vector accumulators: 4 rows of two 512-bit or two 256-bit registers.
    #[cfg(all(target_feature = "fma", target_feature = "avx512f"))]
    {
        gemm_tiled::<f32, 4, 32>(a, b, n, k, m)
    }
    #[cfg(all(target_feature = "fma", not(target_feature = "avx512f")))]
    {
        gemm_tiled::<f32, 4, 16>(a, b, n, k, m)
    }
    #[cfg(not(target_feature = "fma"))]
    {
        gemm_tiled::<EmulatedFma, 4, 6>(a, b, n, k, m)
    }
}

/// MKL's blocking of the reduction dimension, measured against torch 2.15 (MKL 2024.2,
/// one thread) bit for bit: `k <= 192` is one block; `192 < k <= 384` two halves; beyond that
/// blocks of 192 and the remainder. Exact for every `k` tried except odd `k` in `193..=383`,
/// where MKL's split was not pinned down (about a third of the elements then differ in the last
/// bit; the smaller half first is the closest found).
fn k_blocks(k: usize) -> Vec<(usize, usize)> {
    const KC: usize = 192;
    if k <= KC {
        return vec![(0, k)];
    }
    if k <= 2 * KC {
        let half = k / 2;
        return vec![(0, half), (half, k)];
    }
    (0..k).step_by(KC).map(|s| (s, (s + KC).min(k))).collect()
}

/// Register-tiled product, safe Rust without target-specific code: both operands are packed
/// into contiguous panels (A as `MR`-wide columns, B as `NR`-wide rows, zero-padded at the
/// edges), and an `MR x NR` tile of accumulators lives in a fixed-size array, so the inner loop
/// has no bounds checks and compiles to straight-line SIMD over registers. The summation order
/// per element is that of the plain loop, so the result is bit-identical to it.
fn gemm_tiled<T: FmaLane, const MR: usize, const NR: usize>(
    a: &[f64],
    b: &[f64],
    n: usize,
    k: usize,
    m: usize,
) -> Vec<f64> {
    let mut out = vec![0.0; n * m];
    if n == 0 || m == 0 || k == 0 {
        return out;
    }
    // B packed per column block: for block `jb`, `k` rows of `NR` values.
    let mut bpack = vec![T::default(); m.div_ceil(NR) * k * NR];
    for (jb, panel) in bpack.chunks_exact_mut(k * NR).enumerate() {
        let j0 = jb * NR;
        let w = NR.min(m - j0);
        for (dst, brow) in panel.chunks_exact_mut(NR).zip(b.chunks_exact(m)) {
            for (d, &v) in dst.iter_mut().zip(&brow[j0..j0 + w]) {
                *d = T::from_f64(v);
            }
        }
    }
    let blocks = k_blocks(k);
    let mut apack = vec![T::default(); k * MR];
    for i0 in (0..n).step_by(MR) {
        let h = MR.min(n - i0);
        apack.iter_mut().for_each(|v| *v = T::default());
        for (r, arow) in a[i0 * k..(i0 + h) * k].chunks_exact(k).enumerate() {
            for (dst, &v) in apack.chunks_exact_mut(MR).zip(arow) {
                dst[r] = T::from_f64(v);
            }
        }
        for (jb, panel) in bpack.chunks_exact(k * NR).enumerate() {
            let mut tile = [[T::default(); NR]; MR];
            for (bi, &(k0, k1)) in blocks.iter().enumerate() {
                let part =
                    micro_kernel::<T, MR, NR>(&apack[k0 * MR..k1 * MR], &panel[k0 * NR..k1 * NR]);
                if bi == 0 {
                    tile = part;
                } else {
                    for (trow, prow) in tile.iter_mut().zip(&part) {
                        for (t, &p) in trow.iter_mut().zip(prow) {
                            *t = T::add(*t, p);
                        }
                    }
                }
            }
            let j0 = jb * NR;
            let w = NR.min(m - j0);
            for (r, trow) in tile.iter().enumerate().take(h) {
                let o = (i0 + r) * m + j0;
                for (d, &v) in out[o..o + w].iter_mut().zip(trow) {
                    *d = v.to_f64();
                }
            }
        }
    }
    out
}

/// One `MR x NR` tile: `acc[r][c] = fma(a[p][r], b[p][c], acc[r][c])` for `p` in order.
#[inline(always)]
fn micro_kernel<T: FmaLane, const MR: usize, const NR: usize>(
    apack: &[T],
    bpanel: &[T],
) -> [[T; NR]; MR] {
    let mut acc = [[T::default(); NR]; MR];
    for (ap, bp) in apack.chunks_exact(MR).zip(bpanel.chunks_exact(NR)) {
        for (row, &av) in acc.iter_mut().zip(ap) {
            for (c, &bv) in row.iter_mut().zip(bp) {
                *c = T::fma(av, bv, *c);
            }
        }
    }
    acc
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
        let v = gemm_tensors(self, mat2, n, k, m);
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
        if self.dtype() != vec.dtype() {
            // ATen's mv is addmv_ into a result of the vector's dtype: (self, mat, vec)
            let v = vec.dtype().scalar_name();
            return Err(TorchError::runtime(format!(
                "addmv input tensors must have the same dtype, but got {v}, {}, and {v}",
                self.dtype().scalar_name()
            )));
        }
        let (n, k) = (self.shape()[0], self.shape()[1]);
        let v = gemm_tensors(self, vec, n, k, 1);
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
        let mut out = Vec::with_capacity(b * n * m);
        with_values(self, |av| {
            with_values(mat2, |bv| {
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
            })
        });
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain loop (per `k` block) the tiled kernel must reproduce bit for bit.
    fn reference_fused(a: &[f64], b: &[f64], n: usize, k: usize, m: usize) -> Vec<f64> {
        let mut out = Vec::with_capacity(n * m);
        for i in 0..n {
            for j in 0..m {
                let mut total = 0f32;
                for (bi, &(k0, k1)) in k_blocks(k).iter().enumerate() {
                    let mut acc = 0f32;
                    for p in k0..k1 {
                        let (x, y) = (a[i * k + p] as f32, b[p * m + j] as f32);
                        #[cfg(not(target_feature = "fma"))]
                        {
                            acc = (f64::from(x) * f64::from(y) + f64::from(acc)) as f32;
                        }
                        #[cfg(target_feature = "fma")]
                        {
                            acc = x.mul_add(y, acc);
                        }
                    }
                    total = if bi == 0 { acc } else { total + acc };
                }
                out.push(f64::from(total));
            }
        }
        out
    }

    fn values(len: usize, seed: &mut u64) -> Vec<f64> {
        (0..len)
            .map(|_| {
                *seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let u = (*seed >> 40) as f64 / (1u64 << 24) as f64;
                f64::from(((u - 0.5) * 8.0) as f32)
            })
            .collect()
    }

    #[test]
    fn tiled_fused_kernel_matches_the_plain_loop_bit_for_bit() {
        let mut seed = 7;
        for &(n, k, m) in &[
            (4, 1, 16),
            (64, 1, 16),
            (4, 3, 16),
            (5, 7, 17),
            (9, 33, 23),
            (31, 64, 40),
            (13, 197, 21),
            (6, 400, 19),
            (8, 0, 16),
        ] {
            let a = values(n * k, &mut seed);
            let b = values(k * m, &mut seed);
            let got = gemm(&a, &b, n, k, m, DType::Float32);
            let want = reference_fused(&a, &b, n, k, m);
            assert_eq!(got.len(), want.len());
            for (g, w) in got.iter().zip(&want) {
                assert_eq!(g.to_bits(), w.to_bits(), "({n}x{k}) @ ({k}x{m})");
            }
        }
    }

    /// Narrow products (fewer than 16 columns or 4 rows), including matrix-vector, against the
    /// plain float32 multiply-then-add loop over `k` in order.
    #[test]
    fn narrow_float32_kernels_match_the_plain_loop_bit_for_bit() {
        let mut seed = 11;
        for &(n, k, m) in &[
            (1, 64, 16),
            (1, 7, 40),
            (1, 0, 4),
            (1, 4, 0),
            (3, 1, 5),
            (16, 64, 1),
            (64, 16, 1),
            (3, 5, 40),
            (7, 9, 15),
            (2, 300, 9),
            (5, 0, 3),
            (0, 4, 4),
            (4, 1, 1),
        ] {
            let a = values(n * k, &mut seed);
            let b = values(k * m, &mut seed);
            let got = gemm(&a, &b, n, k, m, DType::Float32);
            let mut want = Vec::with_capacity(n * m);
            for i in 0..n {
                for j in 0..m {
                    let mut acc = 0f32;
                    for p in 0..k {
                        acc += a[i * k + p] as f32 * b[p * m + j] as f32;
                    }
                    want.push(f64::from(acc));
                }
            }
            assert_eq!(got.len(), want.len());
            for (g, w) in got.iter().zip(&want) {
                assert_eq!(g.to_bits(), w.to_bits(), "({n}x{k}) @ ({k}x{m})");
            }
        }
    }

    /// A one-term sum (`k == 1`) starts from +0 in both kernels, so a product of -0 comes out +0.
    #[test]
    fn single_term_products_round_zeros_as_the_kernels_do() {
        let a = [-1.0, 0.0, -0.0, 2.5];
        for m in [3, 16] {
            let b: Vec<f64> = (0..m).map(|j| [0.0, -0.0, -3.0][j % 3]).collect();
            let got = gemm(&a, &b, 4, 1, m, DType::Float32);
            let want = if m >= 16 {
                reference_fused(&a, &b, 4, 1, m)
            } else {
                a.iter()
                    .flat_map(|&x| {
                        b.iter()
                            .map(move |&y| f64::from(0f32 + x as f32 * y as f32))
                    })
                    .collect()
            };
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&got), bits(&want), "m = {m}");
            assert!(got.iter().all(|v| *v != 0.0 || v.is_sign_positive()));
        }
    }

    /// FNV-1a over the float32 bits, row-major.
    fn fnv(v: &[f64]) -> u64 {
        v.iter().fold(0xcbf2_9ce4_8422_2325, |h, &x| {
            (h ^ u64::from((x as f32).to_bits())).wrapping_mul(0x0100_0000_01b3)
        })
    }

    /// Goldens from torch 2.15 (MKL, `torch.set_num_threads(1)`): hashes of `a @ b` for
    /// `a[i][p] = float32(((131 i + 71 p + s) % 1009) / 1009 - 0.5)` (s = 0 for a, 7 for b).
    #[test]
    fn wide_float32_matmul_matches_torch_bit_for_bit() {
        let mat = |r: usize, c: usize, s: usize| -> Vec<f64> {
            (0..r)
                .flat_map(|i| {
                    (0..c).map(move |p| {
                        (((i * 131 + p * 71 + s) % 1009) as f64 / 1009.0 - 0.5) as f32
                    })
                })
                .map(f64::from)
                .collect()
        };
        for &(n, k, m, want) in &[
            (256, 256, 256, 0x67cf_f9f2_323f_9207u64),
            (64, 200, 48, 0xd8e3_ff46_1cd8_eb40),
            (16, 400, 32, 0x394c_756b_9b0d_6ae8),
            (8, 1000, 16, 0x1fb4_ab58_7db3_5ba7),
            (20, 100, 24, 0x607a_b2fa_1e00_e8cd),
        ] {
            let got = gemm(&mat(n, k, 0), &mat(k, m, 7), n, k, m, DType::Float32);
            assert_eq!(fnv(&got), want, "({n}x{k}) @ ({k}x{m})");
        }
    }
}
