//! sort, argsort, topk and the gather/scatter along a dim their gradients use.
//!
//! PyTorch's CPU kernels call libstdc++'s `std::sort`, `std::nth_element` and
//! `std::partial_sort` on (value, index) pairs; these are the same algorithms, written out, so
//! that ties come out in PyTorch's order (`sort` is not stable by default). Hand-written also
//! because core's `sort_by` would add its own code per call site to the wasm.

use super::wrap_dim;
use crate::autograd::node::{BackwardFn, SavedTensor};
use crate::dtype::DType;
use crate::error::{Result, TorchError};
use crate::tensor::Tensor;

type Item = (f64, usize);

/// PyTorch's comparators (NaN is the largest value); `stable` breaks ties by index.
#[derive(Clone, Copy)]
struct Cmp {
    desc: bool,
    stable: bool,
}

impl Cmp {
    fn lt(self, a: Item, b: Item) -> bool {
        let before = |x: Item, y: Item| {
            if self.desc {
                (x.0.is_nan() && !y.0.is_nan()) || x.0 > y.0
            } else {
                (!x.0.is_nan() && y.0.is_nan()) || x.0 < y.0
            }
        };
        before(a, b) || (self.stable && !before(b, a) && a.1 < b.1)
    }
}

fn insertion(v: &mut [Item], c: Cmp) {
    for i in 1..v.len() {
        let x = v[i];
        let mut j = i;
        while j > 0 && c.lt(x, v[j - 1]) {
            v[j] = v[j - 1];
            j -= 1;
        }
        v[j] = x;
    }
}

/// `__unguarded_partition_pivot` (`v.len() >= 4`): median of three moved to the front, then
/// Hoare's partition of the rest around it; returns the cut. (The bounds checks never fire
/// for a strict weak order; they only keep a bad order from panicking.)
fn partition(v: &mut [Item], c: Cmp) -> usize {
    let n = v.len();
    let (a, m, z) = (1, n / 2, n - 1);
    let s = if c.lt(v[a], v[m]) {
        if c.lt(v[m], v[z]) {
            m
        } else if c.lt(v[a], v[z]) {
            z
        } else {
            a
        }
    } else if c.lt(v[a], v[z]) {
        a
    } else if c.lt(v[m], v[z]) {
        z
    } else {
        m
    };
    v.swap(0, s);
    let p = v[0];
    let (mut lo, mut hi) = (1, n);
    loop {
        while lo < n - 1 && c.lt(v[lo], p) {
            lo += 1;
        }
        hi -= 1;
        while hi > 0 && c.lt(p, v[hi]) {
            hi -= 1;
        }
        if lo >= hi {
            return lo;
        }
        v.swap(lo, hi);
        lo += 1;
    }
}

/// `__adjust_heap` + `__push_heap` on the heap `v[..len]` (a max-heap under `c`).
fn adjust_heap(v: &mut [Item], mut hole: usize, len: usize, val: Item, c: Cmp) {
    if len == 0 {
        return;
    }
    let top = hole;
    let mut sc = hole;
    while sc < (len - 1) / 2 {
        sc = 2 * (sc + 1);
        if c.lt(v[sc], v[sc - 1]) {
            sc -= 1;
        }
        v[hole] = v[sc];
        hole = sc;
    }
    if len.is_multiple_of(2) && sc == (len - 2) / 2 {
        sc = 2 * (sc + 1);
        v[hole] = v[sc - 1];
        hole = sc - 1;
    }
    while hole > top {
        let parent = (hole - 1) / 2;
        if !c.lt(v[parent], val) {
            break;
        }
        v[hole] = v[parent];
        hole = parent;
    }
    v[hole] = val;
}

/// `__heap_select`: the `m` first items under `c` into a heap at the front.
fn heap_select(v: &mut [Item], m: usize, c: Cmp) {
    if m == 0 {
        return;
    }
    for p in (0..m / 2).rev() {
        adjust_heap(v, p, m, v[p], c);
    }
    for i in m..v.len() {
        if c.lt(v[i], v[0]) {
            let x = v[i];
            v[i] = v[0];
            adjust_heap(v, 0, m, x, c);
        }
    }
}

fn sort_heap(v: &mut [Item], c: Cmp) {
    for l in (1..v.len()).rev() {
        let x = v[l];
        v[l] = v[0];
        adjust_heap(v, 0, l, x, c);
    }
}

/// `std::sort`: introsort (recursion depth at most 2 log2 n), then one insertion sort.
fn introsort(v: &mut [Item], c: Cmp) {
    fn go(mut v: &mut [Item], mut depth: u32, c: Cmp) {
        while v.len() > 16 {
            if depth == 0 {
                heap_select(v, v.len(), c);
                sort_heap(v, c);
                return;
            }
            depth -= 1;
            let cut = partition(v, c);
            let (left, right) = std::mem::take(&mut v).split_at_mut(cut);
            go(right, depth, c);
            v = left;
        }
    }
    if v.len() > 1 {
        go(v, 2 * v.len().ilog2(), c);
        insertion(v, c);
    }
}

/// `std::nth_element`: introselect.
fn nth_element(v: &mut [Item], nth: usize, c: Cmp) {
    let (mut f, mut l) = (0, v.len());
    if nth >= l {
        return;
    }
    let mut depth = 2 * l.ilog2();
    while l - f > 3 {
        if depth == 0 {
            heap_select(&mut v[f..l], nth - f + 1, c);
            v.swap(f, nth);
            return;
        }
        depth -= 1;
        let cut = f + partition(&mut v[f..l], c);
        if cut <= nth {
            f = cut;
        } else {
            l = cut;
        }
    }
    insertion(&mut v[f..l], c);
}

/// `sizes` split around `dim`: (outer, size, inner); a 0-dim tensor is one element.
fn around(sizes: &[usize], dim: usize) -> (usize, usize, usize) {
    let outer = sizes.get(..dim).map_or(1, |s| s.iter().product());
    let inner = sizes.get(dim + 1..).map_or(1, |s| s.iter().product());
    (outer, sizes.get(dim).copied().unwrap_or(1), inner)
}

/// For `idx` pointing along `dim` into a tensor of `sizes` (no larger than it in the other
/// dims, as `gather` allows): each position of `idx` and the position it points to.
fn along(idx: &Tensor, dim: usize, sizes: &[usize]) -> Result<Vec<(usize, usize)>> {
    let s = sizes.get(dim).copied().unwrap_or(1);
    let ishape = idx.shape();
    let strides = crate::storage::contiguous_strides(sizes);
    let mut out = Vec::with_capacity(idx.numel());
    for (p, v) in idx.to_vec().into_iter().enumerate() {
        if v < 0.0 || v >= s as f64 {
            return Err(TorchError::runtime(format!(
                "index {v} is out of bounds for dimension {dim} with size {s}"
            )));
        }
        // unravel p over idx's shape, re-ravel over sizes with `dim` replaced by v
        let (mut rest, mut q) = (p, 0usize);
        for k in (0..ishape.len()).rev() {
            let c = rest % ishape[k].max(1);
            rest /= ishape[k].max(1);
            let c = if k == dim { v as usize } else { c };
            q += c * strides.get(k).copied().unwrap_or(0);
        }
        out.push((p, q));
    }
    Ok(out)
}

impl Tensor {
    /// `x.sort(dim, descending, stable)` → `(values, indices)` (`SortBackward0`).
    pub fn sort(&self, dim: isize, descending: bool, stable: bool) -> Result<(Tensor, Tensor)> {
        self.sorted_along(dim, None, descending, stable)
    }

    /// `x.argsort(dim, descending, stable)`: `sort`'s indices.
    pub fn argsort(&self, dim: isize, descending: bool, stable: bool) -> Result<Tensor> {
        Ok(self.sort(dim, descending, stable)?.1)
    }

    /// `x.topk(k, dim, largest, sorted)` → `(values, indices)` (`TopkBackward0`).
    pub fn topk(
        &self,
        k: i64,
        dim: isize,
        largest: bool,
        sorted: bool,
    ) -> Result<(Tensor, Tensor)> {
        self.sorted_along(dim, Some(k), largest, sorted)
    }

    /// sort (`k` None; `flag` = stable) or topk (`flag` = sorted), as PyTorch's CPU kernels.
    fn sorted_along(
        &self,
        dim: isize,
        k: Option<i64>,
        desc: bool,
        flag: bool,
    ) -> Result<(Tensor, Tensor)> {
        let d = wrap_dim(dim, self.dim())?;
        let (outer, s, inner) = around(self.shape(), d);
        let kk = match k {
            None => s,
            Some(k) if k >= 0 && k as u64 <= s as u64 => k as usize,
            Some(_) => return Err(TorchError::runtime("selected index k out of range")),
        };
        let c = Cmp {
            desc,
            stable: k.is_none() && flag,
        };
        // An expanded dim (stride 0): PyTorch leaves the indices in order.
        let expanded = self.strides().get(d) == Some(&0);
        let x = self.to_vec();
        let n = outer * kk * inner;
        let (mut vals, mut idx) = (vec![0.0; n], vec![0.0; n]);
        let mut buf = Vec::with_capacity(s);
        for o in 0..outer {
            for i in 0..inner {
                buf.clear();
                buf.extend((0..s).map(|j| (x[(o * s + j) * inner + i], j)));
                if k.is_none() {
                    if !expanded {
                        introsort(&mut buf, c);
                    }
                } else if kk > 0 && kk * 64 <= s {
                    heap_select(&mut buf, kk, c);
                    sort_heap(&mut buf[..kk], c);
                } else if kk > 0 {
                    nth_element(&mut buf, kk - 1, c);
                    if flag {
                        introsort(&mut buf[..kk - 1], c);
                    }
                }
                for (j, &(v, p)) in buf.iter().take(kk).enumerate() {
                    let q = (o * kk + j) * inner + i;
                    vals[q] = v;
                    idx[q] = p as f64;
                }
            }
        }
        let mut shape = self.size();
        if let Some(sd) = shape.get_mut(d) {
            *sd = kk;
        }
        let indices = Tensor::new_raw(idx, shape.clone(), DType::Int64);
        let values = Tensor::new_raw(vals, shape, self.dtype());
        let sizes = self.size();
        let values = Tensor::record(values, &[self], |_| BackwardFn::TakeAlong {
            name: if k.is_some() {
                "TopkBackward0"
            } else {
                "SortBackward0"
            },
            sizes,
            dim: d,
            indices: SavedTensor::input(&indices),
        });
        Ok((values, indices))
    }

    /// `torch.gather(self, dim, index)` (`GatherBackward0`); the index may be smaller than
    /// the input in every dim.
    pub fn gather(&self, dim: isize, index: &Tensor) -> Result<Tensor> {
        if !matches!(index.dtype(), DType::Int64 | DType::Int32) {
            return Err(TorchError::runtime(
                "gather(): Expected dtype int32/int64 for index",
            ));
        }
        if index.dim() != self.dim().max(1) && !(self.dim() == 0 && index.dim() == 0) {
            return Err(TorchError::runtime(
                "Index tensor must have the same number of dimensions as input tensor",
            ));
        }
        let d = wrap_dim(dim, self.dim())?;
        let fits = (0..self.dim())
            .filter(|&k| k != d)
            .all(|k| index.shape()[k] <= self.shape()[k]);
        if !fits {
            return Err(TorchError::runtime(format!(
                "Size does not match at dimension {} expected index {} to be no larger than self {} apart from dimension {d}",
                (0..self.dim()).find(|&k| k != d && index.shape()[k] > self.shape()[k]).unwrap_or(0),
                crate::tensor::fmt_list(index.shape()),
                crate::tensor::fmt_list(self.shape())
            )));
        }
        self.take_along(d, index)
    }

    /// `torch.index_select(self, dim, index)` (`IndexSelectBackward0`): the whole slices at
    /// `index` along `dim`; the gradient is added back at those positions.
    pub fn index_select(&self, dim: isize, index: &Tensor) -> Result<Tensor> {
        if index.dim() > 1 {
            return Err(TorchError::index(
                "index_select(): Index is supposed to be a vector",
            ));
        }
        if !matches!(index.dtype(), DType::Int64 | DType::Int32) {
            return Err(TorchError::runtime(
                "index_select(): Expected dtype int32 or int64 for index",
            ));
        }
        let d = wrap_dim(dim, self.dim())?;
        let size = self.shape().get(d).copied().unwrap_or(1);
        let iv = index.to_vec();
        if let Some(bad) = iv.iter().find(|&&v| v < 0.0 || v >= size as f64) {
            return Err(TorchError::runtime(format!(
                "INDICES element is out of DATA bounds, id={bad} axis_dim={size}"
            )));
        }
        // the index spread over the result's shape, then a gather recorded under its own name
        let mut shape = self.size();
        if let Some(s) = shape.get_mut(d) {
            *s = iv.len();
        }
        let (outer, k, inner) = around(&shape, d);
        let mut full = Vec::with_capacity(outer * k * inner);
        for _ in 0..outer {
            for &v in &iv {
                full.extend(std::iter::repeat_n(v, inner));
            }
        }
        let full = Tensor::new_raw(full, shape, DType::Int64);
        let r = {
            let _g = crate::autograd::grad_mode::no_grad();
            self.take_along(d, &full)?
        };
        let r = Tensor::new_raw(r.to_vec(), r.size(), r.dtype());
        let sizes = self.size();
        Ok(Tensor::record(r, &[self], |_| BackwardFn::TakeAlong {
            name: "IndexSelectBackward0",
            sizes,
            dim: d,
            indices: SavedTensor::input(&full),
        }))
    }

    /// `torch.embedding(weight, indices, padding_idx)` (`EmbeddingBackward0`): the rows of
    /// the 2-D `self` at `indices` (any shape), shaped `indices.shape + [embedding_dim]`. The
    /// gradient adds each row's gradient into its weight row in index order; the
    /// `padding_idx` row (already wrapped, in range) gets none.
    pub fn embedding(&self, indices: &Tensor, padding_idx: Option<usize>) -> Result<Tensor> {
        if !matches!(indices.dtype(), DType::Int64 | DType::Int32) {
            let got = match indices.dtype() {
                DType::Bool => "CPUBoolType",
                d => d.tensor_type_name(),
            };
            return Err(TorchError::runtime(format!(
                "Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got {got} instead (while checking arguments for embedding)"
            )));
        }
        if self.dim() != 2 {
            return Err(TorchError::runtime("'weight' must be 2-D"));
        }
        let rows = self.shape()[0];
        let iv = indices.to_vec();
        if iv.iter().any(|&v| v < 0.0 || v >= rows as f64) {
            return Err(TorchError::index("index out of range in self"));
        }
        let flat = Tensor::new_raw(iv, vec![indices.numel()], DType::Int64);
        let r = {
            let _g = crate::autograd::grad_mode::no_grad();
            self.index_select(0, &flat)?
        };
        let mut shape = indices.size();
        shape.push(self.shape()[1]);
        let r = Tensor::new_raw(r.to_vec(), shape, r.dtype());
        Ok(Tensor::record(r, &[self], |_| BackwardFn::Embedding {
            rows,
            indices: SavedTensor::input(&flat),
            padding_idx,
        }))
    }

    /// `EmbeddingBackward0`'s formula: `self` (the output's gradient) summed into zeros of
    /// `[rows, embedding_dim]` at `indices`, skipping `padding_idx`.
    pub(crate) fn embedding_backward(
        &self,
        rows: usize,
        indices: &Tensor,
        padding_idx: Option<usize>,
    ) -> Result<Tensor> {
        let d = self.shape().last().copied().unwrap_or(1);
        let n = indices.numel();
        let mut g = self.reshape(&[n as isize, d as isize])?;
        let mut iv = indices.to_vec();
        if let Some(p) = padding_idx {
            let keep: Vec<f64> = (0..n)
                .filter(|&i| iv[i] != p as f64)
                .map(|i| i as f64)
                .collect();
            if keep.len() < n {
                let k = Tensor::new_raw(keep.clone(), vec![keep.len()], DType::Int64);
                g = g.index_select(0, &k)?;
                iv = keep.iter().map(|&i| iv[i as usize]).collect();
            }
        }
        let m = iv.len();
        let full: Vec<f64> = iv.iter().flat_map(|&v| std::iter::repeat_n(v, d)).collect();
        let full = Tensor::new_raw(full, vec![m, d], DType::Int64);
        let r = {
            let _g = crate::autograd::grad_mode::no_grad();
            g.put_along(&[rows, d], 0, &full, true)?
        };
        let r = Tensor::new_raw(r.to_vec(), r.size(), r.dtype());
        let shape = self.size();
        Ok(Tensor::record(r, &[self], |_| BackwardFn::EmbeddingDense {
            indices: SavedTensor::input(indices),
            padding_idx,
            shape,
        }))
    }

    /// `EmbeddingDenseBackwardBackward0`'s formula (ATen's `embedding_dense_double_backward`):
    /// the rows of `self` at `indices`, the `padding_idx` ones zero, shaped `shape`.
    pub(crate) fn embedding_double_backward(
        &self,
        indices: &Tensor,
        padding_idx: Option<usize>,
        shape: &[usize],
    ) -> Result<Tensor> {
        let mut r = self.index_select(0, indices)?;
        if let Some(p) = padding_idx {
            let keep: Vec<f64> = indices
                .to_vec()
                .iter()
                .map(|&v| f64::from(u8::from(v != p as f64)))
                .collect();
            let n = keep.len();
            r = r.mul(&Tensor::new_raw(keep, vec![n, 1], r.dtype()))?;
        }
        let shape: Vec<isize> = shape.iter().map(|&s| s as isize).collect();
        r.reshape(&shape)
    }

    /// `self` gathered along `dim` at `idx` (same shape but along `dim`), recorded as
    /// `GatherBackward0`: `out[.., j, ..] = self[.., idx[.., j, ..], ..]`.
    pub(crate) fn take_along(&self, dim: usize, idx: &Tensor) -> Result<Tensor> {
        let x = self.to_vec();
        let mut out = vec![0.0; idx.numel()];
        for (p, q) in along(idx, dim, self.shape())? {
            out[p] = x.get(q).copied().unwrap_or(0.0);
        }
        let r = Tensor::new_raw(out, idx.size(), self.dtype());
        let sizes = self.size();
        Ok(Tensor::record(r, &[self], |_| BackwardFn::TakeAlong {
            name: "GatherBackward0",
            sizes,
            dim,
            indices: SavedTensor::input(idx),
        }))
    }

    /// Zeros of `sizes` with `self` put at `idx` along `dim`, recorded as `ScatterBackward0`:
    /// added (`scatter_add`, gather's gradient: `0 + -0.` is `0.`) when `accumulate`, else
    /// written over the zero (`scatter`, the gradient of sort/topk/max(dim): `-0.` stays).
    pub(crate) fn put_along(
        &self,
        sizes: &[usize],
        dim: usize,
        idx: &Tensor,
        accumulate: bool,
    ) -> Result<Tensor> {
        let n = crate::storage::checked_numel(sizes)?;
        let g = self.to_vec();
        let dt = self.dtype();
        let mut out = vec![0.0; n];
        for (p, q) in along(idx, dim, sizes)? {
            if let (Some(o), Some(v)) = (out.get_mut(q), g.get(p)) {
                *o = if accumulate { dt.cast(*o + v) } else { *v };
            }
        }
        let r = Tensor::new_raw(out, sizes.to_vec(), dt);
        Ok(Tensor::record(r, &[self], |_| BackwardFn::PutAlong {
            dim,
            indices: SavedTensor::input(idx),
        }))
    }
}
