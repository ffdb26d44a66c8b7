//! Neural-network functions: softmax, log_softmax, mse_loss, nll_loss, cross_entropy.

use super::wrap_dim;
use crate::autograd::node::{BackwardFn, Reduction, SavedTensor};
use crate::dtype::{DType, Scalar};
use crate::error::{Result, TorchError};
use crate::tensor::Tensor;

/// (outer, size, inner) of `shape` around `dim`.
fn split(shape: &[usize], dim: usize) -> (usize, usize, usize) {
    let outer = shape[..dim].iter().product();
    let size = shape.get(dim).copied().unwrap_or(1);
    let inner = shape
        .get(dim + 1..)
        .map(|s| s.iter().product())
        .unwrap_or(1);
    (outer, size, inner)
}

impl Tensor {
    fn softmax_impl(&self, dim: isize, log: bool) -> Result<Tensor> {
        let d = wrap_dim(dim, self.dim())?;
        if !self.dtype().is_floating_point() {
            // ATen's kernel names: the last dim has its own
            return Err(TorchError::not_implemented(format!(
                "\"{}{}_kernel_impl\" not implemented for '{}'",
                if log { "log_softmax" } else { "softmax" },
                if d + 1 >= self.dim() { "_lastdim" } else { "" },
                self.dtype().scalar_name()
            )));
        }
        let (outer, size, inner) = split(self.shape(), d);
        let x = self.to_vec();
        let mut out = vec![0.0; x.len()];
        let dt = self.dtype();
        if dt == DType::Float32 {
            let out = super::kernels::softmax_f32(&x, outer, size, inner, log);
            let r = Tensor::new_raw(out, self.size(), dt);
            return Ok(Tensor::record(r, &[self], |r| {
                if log {
                    BackwardFn::LogSoftmax {
                        result: SavedTensor::output(r),
                        dim: d,
                    }
                } else {
                    BackwardFn::Softmax {
                        result: SavedTensor::output(r),
                        dim: d,
                    }
                }
            }));
        }
        for o in 0..outer {
            for i in 0..inner {
                let at = |k: usize| o * size * inner + k * inner + i;
                let mx = (0..size)
                    .map(|k| x[at(k)])
                    .fold(f64::NEG_INFINITY, f64::max);
                let s: f64 = (0..size).map(|k| (x[at(k)] - mx).exp()).sum();
                for k in 0..size {
                    let v = x[at(k)] - mx;
                    out[at(k)] = dt.cast(if log { v - s.ln() } else { v.exp() / s });
                }
            }
        }
        let r = Tensor::new_raw(out, self.size(), dt);
        Ok(Tensor::record(r, &[self], |r| {
            if log {
                BackwardFn::LogSoftmax {
                    result: SavedTensor::output(r),
                    dim: d,
                }
            } else {
                BackwardFn::Softmax {
                    result: SavedTensor::output(r),
                    dim: d,
                }
            }
        }))
    }

    /// `torch.softmax(x, dim)` (`SoftmaxBackward0`).
    pub fn softmax(&self, dim: isize) -> Result<Tensor> {
        self.softmax_impl(dim, false)
    }

    /// `torch.log_softmax(x, dim)` (`LogSoftmaxBackward0`).
    pub fn log_softmax(&self, dim: isize) -> Result<Tensor> {
        self.softmax_impl(dim, true)
    }

    /// `F.mse_loss(self, target, reduction)` (`MseLossBackward0`).
    pub fn mse_loss(&self, target: &Tensor, reduction: Reduction) -> Result<Tensor> {
        float_loss(self, target, "mse_cpu")?;
        let diff = {
            let _g = crate::autograd::grad_mode::no_grad();
            self.sub(target)?
        };
        let dt = diff.dtype();
        let sq: Vec<f64> = diff.to_vec().iter().map(|v| dt.cast(v * v)).collect();
        let r = match reduction {
            Reduction::None => Tensor::new_raw(sq, diff.size(), dt),
            Reduction::Sum => Tensor::new_raw(vec![super::kernels::inner_sum(&sq, dt)], vec![], dt),
            Reduction::Mean => {
                let n = dt.cast(sq.len() as f64);
                Tensor::new_raw(
                    vec![dt.cast(super::kernels::inner_sum(&sq, dt) / n)],
                    vec![],
                    dt,
                )
            }
        };
        Ok(Tensor::record(r, &[self, target], |_| {
            BackwardFn::MseLoss {
                this: SavedTensor::input(self),
                target: SavedTensor::input(target),
                reduction,
            }
        }))
    }

    /// `F.nll_loss(self, target, reduction, ignore_index)` for `(N, C)` or `(C,)` input
    /// (`NllLossBackward0`).
    pub fn nll_loss(
        &self,
        target: &Tensor,
        reduction: Reduction,
        ignore_index: i64,
    ) -> Result<Tensor> {
        if target.dtype() != DType::Int64 {
            return Err(TorchError::runtime(format!(
                "expected scalar type Long but found {}",
                target.dtype().scalar_name()
            )));
        }
        let (n, c) = match self.dim() {
            1 => (1, self.shape()[0]),
            2 => (self.shape()[0], self.shape()[1]),
            d => {
                return Err(TorchError::value(format!(
                    "Expected 2 or 3 dimensions (got {d})"
                )));
            }
        };
        let tv = target.to_vec();
        if tv.len() != n || (self.dim() == 1 && target.dim() != 0) {
            return Err(TorchError::value(format!(
                "Expected input batch_size ({n}) to match target batch_size ({}).",
                target.shape().first().copied().unwrap_or(0)
            )));
        }
        if !self.dtype().is_floating_point() {
            return Err(TorchError::not_implemented(format!(
                "\"nll_loss_out_frame\" not implemented for '{}'",
                self.dtype().scalar_name()
            )));
        }
        let x = self.to_vec();
        let mut losses = Vec::with_capacity(n);
        let mut count = 0usize;
        for (i, &t) in tv.iter().enumerate() {
            let t = t as i64;
            if t == ignore_index {
                losses.push(0.0);
                continue;
            }
            if t < 0 || t as usize >= c {
                return Err(TorchError::index(format!("Target {t} is out of bounds.")));
            }
            count += 1;
            losses.push(-x[i * c + t as usize]);
        }
        let dt = self.dtype();
        let r = match reduction {
            Reduction::None => {
                let shape = if self.dim() == 1 { vec![] } else { vec![n] };
                Tensor::new_raw(losses.iter().map(|&v| dt.cast(v)).collect(), shape, dt)
            }
            Reduction::Sum => Tensor::new_raw(
                vec![nll_cascade_sum(&tv, &losses, ignore_index, dt)],
                vec![],
                dt,
            ),
            Reduction::Mean => Tensor::new_raw(
                vec![dt
                    .cast(nll_cascade_sum(&tv, &losses, ignore_index, dt) / dt.cast(count as f64))],
                vec![],
                dt,
            ),
        };
        let sizes = self.size();
        Ok(Tensor::record(r, &[self], |_| BackwardFn::NllLoss {
            target: SavedTensor::input(target),
            sizes,
            reduction,
            ignore_index,
        }))
    }

    /// `F.cross_entropy(self, target)` = `nll_loss(log_softmax(self, 1), target)`.
    pub fn cross_entropy(
        &self,
        target: &Tensor,
        reduction: Reduction,
        ignore_index: i64,
    ) -> Result<Tensor> {
        self.cross_entropy_smoothed(target, reduction, ignore_index, 0.0)
    }

    /// `F.cross_entropy(..., label_smoothing=ls)`, built as ATen's
    /// `cross_entropy_loss_label_smoothing` / `cross_entropy_loss_prob_target` build it:
    /// `(1 - ls) * nll + smooth * (ls / C)` (`AddBackward0` of two `MulBackward1`).
    pub fn cross_entropy_smoothed(
        &self,
        target: &Tensor,
        reduction: Reduction,
        ignore_index: i64,
        label_smoothing: f64,
    ) -> Result<Tensor> {
        let dim: isize = if self.dim() == 1 { 0 } else { 1 };
        if label_smoothing > 1.0 {
            return Err(TorchError::runtime(format!(
                "label_smoothing must be between 0.0 and 1.0. Got: {label_smoothing}"
            )));
        }
        let n_classes = self.shape().get(dim as usize).copied().unwrap_or(1);
        if target.dtype().is_floating_point() && target.shape() == self.shape() {
            // class probabilities
            let smoothed;
            let target = if label_smoothing > 0.0 {
                smoothed = target
                    .mul_scalar(1.0 - label_smoothing)?
                    .add_scalar(label_smoothing / n_classes as f64)?;
                &smoothed
            } else {
                target
            };
            let prod = self.log_softmax(dim)?.mul(target)?;
            return match reduction {
                Reduction::None => prod.sum_dim(&[dim], false)?.neg(),
                Reduction::Sum => prod.sum()?.neg(),
                Reduction::Mean => {
                    let n = if self.dim() == 1 { 1 } else { self.shape()[0] };
                    prod.sum()?.neg()?.div_scalar_op(n as f64)
                }
            };
        }
        if target.dtype().is_floating_point() {
            return Err(TorchError::runtime(format!(
                "expected target dtype to be Long or Byte, but got {}",
                target.dtype().scalar_name()
            )));
        }
        let input = self.log_softmax(dim)?;
        let nll = input.nll_loss(target, reduction, ignore_index)?;
        if label_smoothing <= 0.0 {
            return Ok(nll);
        }
        let ignore_mask = target.eq(&Tensor::scalar_of(ignore_index as f64, DType::Int64))?;
        let smooth = input
            .sum_dim(&[dim], false)?
            .neg()?
            .masked_fill(&ignore_mask, 0.0)?;
        let ret = match reduction {
            Reduction::None => smooth,
            Reduction::Sum => smooth.sum()?,
            Reduction::Mean => {
                let kept = ignore_mask.to_vec().iter().filter(|&&m| m == 0.0).count();
                smooth
                    .sum()?
                    .div(&Tensor::scalar_of(kept as f64, DType::Int64))?
            }
        };
        nll.mul_scalar_op(1.0 - label_smoothing)?
            .add(&ret.mul_scalar_op(label_smoothing / n_classes as f64)?)
    }
}

/// The batch sum of `nll_loss` in ATen's order: an 8-level cascade in the dtype.
fn nll_cascade_sum(targets: &[f64], losses: &[f64], ignore_index: i64, dt: DType) -> f64 {
    const LEVELS: usize = 8;
    let n = losses.len();
    let ceil_log2 = if n <= 2 {
        1
    } else {
        (usize::BITS - (n - 1).leading_zeros()) as usize
    };
    let level_power = 4.max(ceil_log2 / LEVELS);
    let level_mask = (1usize << level_power) - 1;
    let mut partial = [0.0f64; LEVELS];
    for (b, (&t, &loss)) in targets.iter().zip(losses).enumerate() {
        if t as i64 == ignore_index {
            continue;
        }
        partial[0] = dt.cast(partial[0] + loss);
        for j in 0..LEVELS - 1 {
            let mask = level_mask << (j * level_power);
            if b & mask != 0 {
                break;
            }
            partial[j + 1] = dt.cast(partial[j + 1] + partial[j]);
            partial[j] = 0.0;
        }
    }
    partial.iter().fold(0.0, |acc, &p| dt.cast(acc + p))
}

/// Gradient of `nll_loss` with respect to its input, written with differentiable ops of `g`.
pub(crate) fn nll_loss_backward(
    g: &Tensor,
    target: &Tensor,
    sizes: &[usize],
    reduction: Reduction,
    ignore_index: i64,
) -> Result<Tensor> {
    let (n, c) = if sizes.len() == 1 {
        (1, sizes[0])
    } else {
        (sizes[0], sizes.get(1).copied().unwrap_or(1))
    };
    // ATen's nll_loss_backward: zeros with `-grad` (divided by the total weight for 'mean')
    // at each target, so where(hit, -grad, 0), not a -1/0 mask times grad (-0. or nan elsewhere)
    let tv = target.to_vec();
    let mut mask = vec![0.0; n * c];
    let mut count = 0usize;
    for (i, &t) in tv.iter().enumerate() {
        let t = t as i64;
        if t != ignore_index && t >= 0 && (t as usize) < c {
            mask[i * c + t as usize] = 1.0;
            count += 1;
        }
    }
    let mask = Tensor::new_raw(mask, sizes.to_vec(), DType::Bool);
    let g = match reduction {
        Reduction::None if sizes.len() != 1 => g.unsqueeze(1)?,
        Reduction::Mean => g.div_scalar(count as f64)?,
        _ => g.clone(),
    };
    Tensor::where_(&mask, &g.neg()?, &Tensor::wrapped(Scalar::Float(0.0)))
}

/// `SoftmaxBackward0`: ATen's `_softmax_backward_data`, `(grad - sum(grad * out)) * out`
/// rounded as its CPU kernel; under `create_graph` the same formula in recorded ops.
pub(crate) fn softmax_backward(g: &Tensor, out: &Tensor, dim: usize) -> Result<Tensor> {
    if crate::autograd::grad_mode::is_grad_enabled() && (g.requires_grad() || out.requires_grad()) {
        let s = g.mul(out)?.sum_dim(&[dim as isize], true)?;
        return g.sub(&s)?.mul(out);
    }
    let dt = out.dtype();
    let (outer, size, inner) = split(out.shape(), dim);
    let v = super::kernels::softmax_backward(&g.to_vec(), &out.to_vec(), outer, size, inner, dt);
    Ok(Tensor::new_raw(v, out.size(), dt))
}

/// ATen's error for a loss kernel (dispatch name `kernel`) on integer or bool operands.
pub(crate) fn float_loss(input: &Tensor, target: &Tensor, kernel: &str) -> Result<()> {
    let dt = super::binary::promote(input, target);
    if dt.is_floating_point() {
        return Ok(());
    }
    Err(TorchError::not_implemented(format!(
        "\"{kernel}\" not implemented for '{}'",
        dt.scalar_name()
    )))
}
