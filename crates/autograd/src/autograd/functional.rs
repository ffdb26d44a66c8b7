//! `torch.autograd.functional.jacobian` / `hessian` for a function given as a closure.

use super::engine::grad;
use super::grad_mode::GradModeGuard;
use crate::error::Result;
use crate::storage::checked_numel;
use crate::tensor::Tensor;

/// A differentiable function of one tensor (the interpreter wraps a Python callable).
pub type TensorFn<'a> = &'a dyn Fn(&Tensor) -> Result<Tensor>;

/// `torch.autograd.functional.jacobian(f, x, create_graph)`: shape `f(x).shape + x.shape`,
/// one `autograd.grad` per output element (PyTorch's default, non-vectorised path).
pub fn jacobian(f: TensorFn<'_>, x: &Tensor, create_graph: bool) -> Result<Tensor> {
    let _mode = GradModeGuard::new(true);
    let xi = if create_graph && x.requires_grad() {
        x.view_as_self()?
    } else {
        let d = x.detach();
        let leaf = Tensor::new_raw(d.to_vec(), d.size(), d.dtype());
        leaf.requires_grad_(true)?;
        leaf
    };
    let y = f(&xi)?;
    let n_out = y.numel();
    let mut out_shape = y.size();
    out_shape.extend_from_slice(x.shape());
    checked_numel(&out_shape)?;
    let mut rows: Vec<Tensor> = Vec::with_capacity(n_out);
    for i in 0..n_out {
        let mut onehot = vec![0.0; n_out];
        onehot[i] = 1.0;
        let go = Tensor::from_data(onehot, y.shape(), y.dtype())?;
        let g = if y.requires_grad() {
            grad(
                std::slice::from_ref(&y),
                std::slice::from_ref(&xi),
                &[Some(go)],
                Some(true),
                create_graph,
                true,
            )?
            .pop()
            .flatten()
        } else {
            None
        };
        rows.push(match g {
            Some(g) => g,
            None => xi.zeros_like()?,
        });
    }
    if rows.is_empty() {
        return Tensor::zeros(&out_shape, x.dtype());
    }
    let stacked = if create_graph {
        Tensor::stack(&rows, 0)?
    } else {
        Tensor::stack(&rows, 0)?.detach()
    };
    if create_graph {
        stacked.view(&out_shape.iter().map(|&d| d as isize).collect::<Vec<_>>())
    } else {
        Ok(Tensor::new_raw(
            stacked.to_vec(),
            out_shape,
            stacked.dtype(),
        ))
    }
}

/// `torch.autograd.functional.hessian(f, x)` for a scalar-valued `f`.
pub fn hessian(f: TensorFn<'_>, x: &Tensor, create_graph: bool) -> Result<Tensor> {
    let inner = |xi: &Tensor| -> Result<Tensor> {
        let g = jacobian(f, xi, true)?;
        if g.numel() != xi.numel() {
            return Err(crate::error::TorchError::runtime(
                "The Tensor returned by the function given to hessian should contain a single element",
            ));
        }
        g.reshape_usize(xi.shape())
    };
    jacobian(&inner, x, create_graph)
}

impl Tensor {
    /// A view of the whole tensor recorded with history (used to differentiate through `x`).
    fn view_as_self(&self) -> Result<Tensor> {
        let s: Vec<isize> = self.shape().iter().map(|&d| d as isize).collect();
        self.view(&s)
    }
}
