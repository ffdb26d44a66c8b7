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

/// For `idx` pointing along `dim` into a tensor whose size there is `s` (other dims equal):
/// each position of `idx` and the position it points to.
fn along(idx: &Tensor, dim: usize, s: usize) -> Result<Vec<(usize, usize)>> {
    let (_, k, inner) = around(idx.shape(), dim);
    let mut out = Vec::with_capacity(idx.numel());
    for (p, v) in idx.to_vec().into_iter().enumerate() {
        if v < 0.0 || v >= s as f64 {
            return Err(TorchError::runtime(format!(
                "index {v} is out of bounds for dimension {dim} with size {s}"
            )));
        }
        let o = p / (k * inner).max(1);
        out.push((p, (o * s + v as usize) * inner + p % inner.max(1)));
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

    /// `self` gathered along `dim` at `idx` (same shape but along `dim`), recorded as
    /// `GatherBackward0`: `out[.., j, ..] = self[.., idx[.., j, ..], ..]`.
    pub(crate) fn take_along(&self, dim: usize, idx: &Tensor) -> Result<Tensor> {
        let s = self.shape().get(dim).copied().unwrap_or(1);
        let x = self.to_vec();
        let mut out = vec![0.0; idx.numel()];
        for (p, q) in along(idx, dim, s)? {
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
        for (p, q) in along(idx, dim, sizes.get(dim).copied().unwrap_or(1))? {
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
