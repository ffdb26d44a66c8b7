//! Tensor operations, each with its forward computation next to its autograd recording.
//! Backward formulas live in [`crate::autograd::node::BackwardFn::apply`].

pub mod binary;
pub mod create;
pub mod extra;
pub mod index;
pub mod inplace;
pub mod join;
pub(crate) mod kernels;
pub mod linalg;
pub mod matrix;
pub mod nn;
pub mod nn_extra;
pub mod random;
pub mod reduce;
pub mod sort;
pub mod special;
pub mod unary;
pub mod view;

use crate::error::{Result, TorchError};
use crate::storage::Layout;
use crate::tensor::Tensor;

/// Wraps a possibly negative dim into `0..ndim` with PyTorch's error.
pub(crate) fn wrap_dim(dim: isize, ndim: usize) -> Result<usize> {
    let n = ndim.max(1) as isize;
    if dim < -n || dim >= n {
        return Err(TorchError::index(format!(
            "Dimension out of range (expected to be in range of [{}, {}], but got {})",
            -n,
            n - 1,
            dim
        )));
    }
    Ok(if dim < 0 {
        (dim + n) as usize
    } else {
        dim as usize
    })
}

/// Broadcasts two shapes with PyTorch's error text.
pub fn broadcast_shapes(a: &[usize], b: &[usize]) -> Result<Vec<usize>> {
    let n = a.len().max(b.len());
    let mut out = vec![0; n];
    for i in (0..n).rev() {
        let da = if i + a.len() >= n {
            a[i + a.len() - n]
        } else {
            1
        };
        let db = if i + b.len() >= n {
            b[i + b.len() - n]
        } else {
            1
        };
        out[i] = if da == db || db == 1 {
            da
        } else if da == 1 {
            db
        } else {
            return Err(TorchError::runtime(format!(
                "The size of tensor a ({da}) must match the size of tensor b ({db}) at non-singleton dimension {i}"
            )));
        };
    }
    Ok(out)
}

/// The layout that reads `t` broadcast to `shape` (stride 0 on broadcast dims).
pub(crate) fn broadcast_layout(t: &Tensor, shape: &[usize]) -> Layout {
    let l = t.layout();
    let n = shape.len();
    let k = l.shape.len();
    let mut strides = vec![0; n];
    for i in 0..k {
        let j = n - k + i;
        strides[j] = if l.shape[i] == shape[j] {
            l.strides[i]
        } else {
            0
        };
    }
    Layout {
        shape: shape.to_vec(),
        strides,
        offset: l.offset,
    }
}

/// Values of `t` broadcast to `shape`, in row-major order.
pub(crate) fn broadcast_values(t: &Tensor, shape: &[usize]) -> Vec<f64> {
    let st = t.0.storage.borrow();
    let l = t.layout();
    // A single element (a Python number, `sum()`'s result) is a fill; the common case.
    if l.numel() == 1 {
        let v = st.get(l.offset).copied().unwrap_or(0.0);
        return vec![v; shape.iter().product()];
    }
    broadcast_layout(t, shape).gather(&st)
}
