//! Shared element storage and strided layouts.

use crate::error::{Result, TorchError};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Elements shared by a tensor and its views (always `f64`, rounded per dtype).
pub(crate) type Storage = Rc<RefCell<Vec<f64>>>;

thread_local! {
    static MAX_ELEMENTS: Cell<usize> = const { Cell::new(50_000_000) };
}

/// Sets the largest number of elements a single allocation may have (default 50,000,000).
pub fn set_max_elements(n: usize) {
    MAX_ELEMENTS.with(|m| m.set(n));
}

/// The current allocation limit in elements.
pub fn max_elements() -> usize {
    MAX_ELEMENTS.with(|m| m.get())
}

/// Number of elements of `shape`, with overflow and the allocation limit checked.
pub(crate) fn checked_numel(shape: &[usize]) -> Result<usize> {
    let mut n: usize = 1;
    for &d in shape {
        n = n.checked_mul(d).ok_or_else(|| too_big(usize::MAX))?;
    }
    if n > max_elements() {
        return Err(too_big(n));
    }
    Ok(n)
}

fn too_big(n: usize) -> TorchError {
    let what = if n == usize::MAX {
        "more than usize::MAX".to_string()
    } else {
        n.to_string()
    };
    TorchError::runtime(format!(
        "tensor of {what} elements exceeds the allocation limit of {} elements",
        max_elements()
    ))
}

/// Shape, strides (in elements) and storage offset of a tensor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    /// Size of each dimension.
    pub shape: Vec<usize>,
    /// Step in storage per index of each dimension.
    pub strides: Vec<usize>,
    /// Index of the first element in storage.
    pub offset: usize,
}

impl Layout {
    /// Row-major contiguous layout.
    pub fn contiguous(shape: &[usize]) -> Layout {
        Layout {
            shape: shape.to_vec(),
            strides: contiguous_strides(shape),
            offset: 0,
        }
    }

    /// Number of elements.
    pub fn numel(&self) -> usize {
        self.shape.iter().product()
    }

    /// Whether elements are laid out row-major without gaps.
    pub fn is_contiguous(&self) -> bool {
        let mut expected = 1;
        for (&d, &s) in self.shape.iter().zip(&self.strides).rev() {
            if d != 1 && s != expected {
                return false;
            }
            expected *= d;
        }
        true
    }

    /// The elements of `storage` this layout covers, in row-major order (0.0 for an index
    /// outside the storage, which a valid layout never has). Walks the strides directly instead
    /// of building [`Layout::offsets`] first: every op reads its inputs through this, and an
    /// index vector per read was a large part of the time of small-tensor ops.
    pub fn gather(&self, storage: &[f64]) -> Vec<f64> {
        let n = self.numel();
        if n == 0 {
            return Vec::new();
        }
        if self.is_contiguous() {
            if let Some(s) = storage.get(self.offset..self.offset + n) {
                return s.to_vec();
            }
        }
        let at = |i: usize| storage.get(i).copied().unwrap_or(0.0);
        let Some((&last, outer)) = self.shape.split_last() else {
            return vec![at(self.offset)];
        };
        let step = self.strides.last().copied().unwrap_or(0);
        // Written through a slice with plain loops: at opt-level "z" (wasm) an iterator chain
        // here stayed a few calls per element.
        let mut out = vec![0.0; n];
        let dst: &mut [f64] = &mut out;
        // Row by row along the last dimension; `idx` counts the outer dimensions.
        let mut idx = vec![0usize; outer.len()];
        let mut pos = self.offset;
        for row in 0..n / last {
            let base = row * last;
            for j in 0..last {
                let i = pos + j * step;
                dst[base + j] = if i < storage.len() { storage[i] } else { 0.0 };
            }
            for d in (0..outer.len()).rev() {
                idx[d] += 1;
                pos += self.strides[d];
                if idx[d] < outer[d] {
                    break;
                }
                pos -= self.strides[d] * outer[d];
                idx[d] = 0;
            }
        }
        out
    }

    /// Storage index of every element, in row-major order.
    pub fn offsets(&self) -> Vec<usize> {
        let n = self.numel();
        let mut out = Vec::with_capacity(n);
        if n == 0 {
            return out;
        }
        if self.is_contiguous() {
            out.extend(self.offset..self.offset + n);
            return out;
        }
        let nd = self.shape.len();
        let mut idx = vec![0usize; nd];
        let mut pos = self.offset;
        for _ in 0..n {
            out.push(pos);
            for d in (0..nd).rev() {
                idx[d] += 1;
                pos += self.strides[d];
                if idx[d] < self.shape[d] {
                    break;
                }
                pos -= self.strides[d] * self.shape[d];
                idx[d] = 0;
            }
        }
        out
    }
}

/// Row-major strides for `shape`.
pub fn contiguous_strides(shape: &[usize]) -> Vec<usize> {
    let mut strides = vec![0; shape.len()];
    let mut acc = 1usize;
    for i in (0..shape.len()).rev() {
        strides[i] = acc;
        acc = acc.saturating_mul(shape[i].max(1));
    }
    strides
}
