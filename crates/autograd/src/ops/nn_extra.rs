//! More neural-network functions: linear/addmm, binary cross entropy (plain and with logits),
//! l1/smooth_l1/huber losses, erf, gelu, silu, elu, softplus.

use crate::autograd::node::{BackwardFn, Reduction, SavedTensor};
use crate::dtype::DType;
use crate::error::{Result, TorchError};
use crate::tensor::{fmt_list, Tensor};

fn reduce(values: Vec<f64>, shape: Vec<usize>, dt: DType, reduction: Reduction) -> Tensor {
    match reduction {
        Reduction::None => Tensor::new_raw(values, shape, dt),
        Reduction::Sum => Tensor::new_raw(vec![super::kernels::inner_sum(&values, dt)], vec![], dt),
        Reduction::Mean => {
            let n = dt.cast(values.len() as f64);
            Tensor::new_raw(
                vec![dt.cast(super::kernels::inner_sum(&values, dt) / n)],
                vec![],
                dt,
            )
        }
    }
}

fn same_shape(a: &Tensor, b: &Tensor, what: &str) -> Result<()> {
    if a.shape() != b.shape() {
        return Err(TorchError::value(format!(
            "Using a target size ({}) that is different to the input size ({}) is deprecated. Please ensure they have the same size.",
            crate::display::format_size(b.shape()),
            crate::display::format_size(a.shape())
        )
        .replace("Using a target size", if what.is_empty() { "Using a target size" } else { what })));
    }
    Ok(())
}

/// The tanh approximation's constants in ATen: sqrt(2) * 2/sqrt(pi) * 0.5 and kappa.
pub(crate) const GELU_BETA: f64 = std::f64::consts::SQRT_2 * std::f64::consts::FRAC_2_SQRT_PI * 0.5;
pub(crate) const GELU_KAPPA: f64 = 0.044715;

/// Error function (Abramowitz–Stegun 7.1.26 is too coarse; this is W. J. Cody's rational
/// approximation, accurate to double precision).
#[allow(clippy::excessive_precision)]
pub(crate) fn erf(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let ax = x.abs();
    if ax >= 6.0 {
        // erfc(6) < 2.2e-17 rounds away against 1 (and the del below is nan at infinity)
        return 1f64.copysign(x);
    }
    let r = if ax < 0.5 {
        let t = x * x;
        let p = [
            3.161_123_743_870_565_6,
            113.864_154_151_050_16,
            377.485_237_685_302_1,
            3_209.377_589_138_469_4,
            0.185_777_706_184_603_15,
        ];
        let q = [
            23.601_290_952_344_122,
            244.024_637_934_444_17,
            1_282.616_526_077_372_3,
            2_844.236_833_439_171,
        ];
        let num = (((p[4] * t + p[0]) * t + p[1]) * t + p[2]) * t + p[3];
        let den = (((t + q[0]) * t + q[1]) * t + q[2]) * t + q[3];
        return x * num / den;
    } else if ax < 4.0 {
        let p = [
            0.564_188_496_988_670_1,
            8.883_149_794_388_376,
            66.119_190_637_141_63,
            298.635_138_197_400_1,
            881.952_221_241_769_1,
            1_712.047_612_634_070_7,
            2_051.078_377_826_071_6,
            1_230.339_354_797_997_2,
            2.153_115_354_744_038_3e-8,
        ];
        let q = [
            15.744_926_110_709_835,
            117.693_950_891_312_5,
            537.181_101_862_009_9,
            1_621.389_574_566_690_3,
            3_290.799_235_733_459_7,
            4_362.619_090_143_247,
            3_439.367_674_143_721_6,
            1_230.339_354_803_749_5,
        ];
        let mut num = p[8] * ax;
        let mut den = ax;
        for i in 0..7 {
            num = (num + p[i]) * ax;
            den = (den + q[i]) * ax;
        }
        let res = (num + p[7]) / (den + q[7]);
        let z = (ax * 16.0).trunc() / 16.0;
        let del = (ax - z) * (ax + z);
        (-z * z).exp() * (-del).exp() * res
    } else {
        let p = [
            0.305_326_634_961_232_36,
            0.360_344_899_949_804_45,
            0.125_781_726_111_229_26,
            0.016_083_785_148_742_275,
            6.587_491_615_298_378e-4,
            0.016_315_387_137_302_097,
        ];
        let q = [
            2.568_520_192_289_822,
            1.872_952_849_923_460_4,
            0.527_905_102_951_428_4,
            0.060_518_341_312_441_32,
            0.002_335_204_976_268_691_8,
        ];
        let t = 1.0 / (ax * ax);
        let mut num = p[5] * t;
        let mut den = t;
        for i in 0..4 {
            num = (num + p[i]) * t;
            den = (den + q[i]) * t;
        }
        let mut res = t * (num + p[4]) / (den + q[4]);
        res = (1.0 / std::f64::consts::PI.sqrt() - res) / ax;
        let z = (ax * 16.0).trunc() / 16.0;
        let del = (ax - z) * (ax + z);
        (-z * z).exp() * (-del).exp() * res
    };
    // r is erfc(|x|) for |x| >= 0.5
    if x < 0.0 {
        r - 1.0
    } else {
        1.0 - r
    }
}

impl Tensor {
    /// `torch.addmm(bias, mat1, mat2)` = `bias + mat1 @ mat2` (`AddmmBackward0`).
    pub fn addmm(bias: &Tensor, mat1: &Tensor, mat2: &Tensor) -> Result<Tensor> {
        // PyTorch's checks, in its order (so `nn.Linear` on float64 input says this, not mm's
        // message).
        for (name, t) in [("self", bias), ("mat1", mat1)] {
            if t.dtype() != mat2.dtype() {
                return Err(TorchError::runtime(format!(
                    "{name} and mat2 must have the same dtype, but got {} and {}",
                    t.dtype().scalar_name(),
                    mat2.dtype().scalar_name()
                )));
            }
        }
        let prod = {
            let _g = crate::autograd::grad_mode::no_grad();
            mat1.detach().mm(&mat2.detach())?
        };
        let sum = {
            let _g = crate::autograd::grad_mode::no_grad();
            bias.detach().expand(prod.shape()).map_err(|_| {
                TorchError::runtime(format!(
                    "The expanded size of the tensor ({}) must match the existing size ({}) at non-singleton dimension 1.  Target sizes: {}.  Tensor sizes: {}",
                    prod.shape().get(1).copied().unwrap_or(0),
                    bias.shape().last().copied().unwrap_or(0),
                    fmt_list(prod.shape()),
                    fmt_list(bias.shape())
                ))
            })?;
            prod.add(&bias.detach())?
        };
        // `sum` is a fresh tensor made under no_grad (no history, no view): record on it
        // directly rather than on a copy.
        Ok(Tensor::record(sum, &[bias, mat1, mat2], |_| {
            BackwardFn::Addmm {
                mat1: SavedTensor::input(mat1),
                mat2: SavedTensor::input(mat2),
            }
        }))
    }

    /// `F.linear(input, weight, bias)` = `input @ weight.T + bias`, composed as PyTorch does
    /// (`AddmmBackward0` for 2-D input with bias, `UnsafeViewBackward0` around it otherwise).
    pub fn linear(&self, weight: &Tensor, bias: Option<&Tensor>) -> Result<Tensor> {
        let wt = weight.t()?;
        let Some(b) = bias else {
            return self.matmul(&wt);
        };
        match self.dim() {
            2 => Tensor::addmm(b, self, &wt),
            0 => Err(TorchError::runtime(
                "both arguments to linear need to be at least 1D, but they are 0D and 2D",
            )),
            _ => {
                let k = *self.shape().last().unwrap_or(&0);
                let mut out_shape: Vec<usize> = self.shape()[..self.dim() - 1].to_vec();
                out_shape.push(weight.shape().first().copied().unwrap_or(0));
                let folded = self.reshape(&[-1, k as isize])?;
                Tensor::addmm(b, &folded, &wt)?.unsafe_view(&out_shape)
            }
        }
    }

    /// `F.binary_cross_entropy(self, target, reduction)` (`BinaryCrossEntropyBackward0`).
    pub fn binary_cross_entropy(&self, target: &Tensor, reduction: Reduction) -> Result<Tensor> {
        same_shape(self, target, "")?;
        super::nn::float_loss(self, target, "binary_cross_entropy")?;
        let dt = self.dtype();
        let x = self.to_vec();
        if x.iter().any(|&v| !(0.0..=1.0).contains(&v)) {
            return Err(TorchError::runtime(
                "all elements of input should be between 0 and 1",
            ));
        }
        let t = target.to_vec();
        let vals: Vec<f64> = x
            .iter()
            .zip(&t)
            .map(|(&x, &t)| {
                let lx = dt.cast(x.ln()).max(-100.0);
                let l1x = dt.cast((1.0 - x).ln()).max(-100.0);
                dt.cast(-(t * lx + (1.0 - t) * l1x))
            })
            .collect();
        let r = reduce(vals, self.size(), dt, reduction);
        Ok(Tensor::record(r, &[self, target], |_| {
            BackwardFn::BinaryCrossEntropy {
                this: SavedTensor::input(self),
                target: SavedTensor::input(target),
                reduction,
            }
        }))
    }

    /// `F.binary_cross_entropy_with_logits(self, target, reduction)`
    /// (`BinaryCrossEntropyWithLogitsBackward0`).
    pub fn binary_cross_entropy_with_logits(
        &self,
        target: &Tensor,
        reduction: Reduction,
    ) -> Result<Tensor> {
        same_shape(self, target, "")?;
        let dt = self.dtype();
        // ATen: (1 - target).mul_(input), then log_sigmoid(input)
        if !target.dtype().is_floating_point() && dt.is_floating_point() {
            return Err(TorchError::runtime(format!(
                "result type Float can't be cast to the desired output type {}",
                target.dtype().scalar_name()
            )));
        }
        self.float_kernel("log_sigmoid_cpu")?;
        let vals: Vec<f64> = self
            .to_vec()
            .iter()
            .zip(target.to_vec())
            .map(|(&x, t)| {
                // (1 - t) * x - log_sigmoid(x)
                let log_sig = if x < 0.0 {
                    x - (x.exp()).ln_1p()
                } else {
                    -((-x).exp()).ln_1p()
                };
                dt.cast((1.0 - t) * x - log_sig)
            })
            .collect();
        let r = reduce(vals, self.size(), dt, reduction);
        Ok(Tensor::record(r, &[self, target], |_| {
            BackwardFn::BinaryCrossEntropyWithLogits {
                this: SavedTensor::input(self),
                target: SavedTensor::input(target),
                reduction,
            }
        }))
    }

    /// `F.soft_margin_loss(self, target, reduction)`: `log1p(exp(-target * self))`
    /// (`SoftMarginLossBackward0`).
    pub fn soft_margin_loss(&self, target: &Tensor, reduction: Reduction) -> Result<Tensor> {
        if target.requires_grad() && crate::autograd::grad_mode::is_grad_enabled() {
            return Err(TorchError::runtime("The function 'soft_margin_loss' is not differentiable with respect to argument 'target'. This input cannot have requires_grad True."));
        }
        if !self.dtype().is_floating_point() {
            return Err(TorchError::runtime(format!(
                "result type Float can't be cast to the desired output type {}",
                self.dtype().scalar_name()
            )));
        }
        let l = {
            let _g = crate::autograd::grad_mode::no_grad();
            self.neg()?.mul(target)?.exp()?.log1p()?
        };
        let r = reduce(l.to_vec(), l.size(), l.dtype(), reduction);
        Ok(Tensor::record(r, &[self], |_| BackwardFn::SoftMargin {
            this: SavedTensor::input(self),
            target: SavedTensor::input(target),
            reduction,
        }))
    }

    /// `F.l1_loss(self, target, reduction)`: `(self - target).abs()` reduced (composite in
    /// PyTorch, so `MeanBackward0` / `SumBackward0` / `AbsBackward0`).
    pub fn l1_loss(&self, target: &Tensor, reduction: Reduction) -> Result<Tensor> {
        let d = self.sub(target)?.abs()?;
        match reduction {
            Reduction::None => Ok(d),
            Reduction::Sum => d.sum(),
            Reduction::Mean => d.mean(),
        }
    }

    fn smooth_l1_impl(
        &self,
        target: &Tensor,
        reduction: Reduction,
        param: f64,
        huber: bool,
    ) -> Result<Tensor> {
        super::nn::float_loss(
            self,
            target,
            if huber { "huber_cpu" } else { "smooth_l1_cpu" },
        )?;
        let dt = self.dtype();
        let vals: Vec<f64> = self
            .to_vec()
            .iter()
            .zip(target.to_vec())
            .map(|(&x, t)| {
                let d = (x - t).abs();
                dt.cast(if huber {
                    if d < param {
                        0.5 * d * d
                    } else {
                        param * (d - 0.5 * param)
                    }
                } else if d < param {
                    0.5 * d * d / param
                } else {
                    d - 0.5 * param
                })
            })
            .collect();
        let r = reduce(vals, self.size(), dt, reduction);
        Ok(Tensor::record(r, &[self, target], |_| {
            BackwardFn::SmoothL1 {
                this: SavedTensor::input(self),
                target: SavedTensor::input(target),
                reduction,
                param,
                huber,
            }
        }))
    }

    /// `F.smooth_l1_loss(self, target, reduction, beta)` (`SmoothL1LossBackward0`).
    pub fn smooth_l1_loss(
        &self,
        target: &Tensor,
        reduction: Reduction,
        beta: f64,
    ) -> Result<Tensor> {
        self.smooth_l1_impl(target, reduction, beta, false)
    }

    /// `F.huber_loss(self, target, reduction, delta)` (`HuberLossBackward0`).
    pub fn huber_loss(&self, target: &Tensor, reduction: Reduction, delta: f64) -> Result<Tensor> {
        self.smooth_l1_impl(target, reduction, delta, true)
    }

    /// ATen's error for a float-only activation kernel (`kernel` is its dispatch name) called
    /// on an integer or bool tensor.
    fn float_kernel(&self, kernel: &str) -> Result<()> {
        if self.dtype().is_floating_point() {
            return Ok(());
        }
        Err(TorchError::not_implemented(format!(
            "\"{kernel}\" not implemented for '{}'",
            self.dtype().scalar_name()
        )))
    }

    fn float_map(&self, f: impl Fn(f64) -> f64) -> Tensor {
        let dt = if self.dtype().is_floating_point() {
            self.dtype()
        } else {
            DType::Float32
        };
        Tensor::new_raw(
            self.to_vec().into_iter().map(|x| dt.cast(f(x))).collect(),
            self.size(),
            dt,
        )
    }

    /// `torch.erf` (`ErfBackward0`).
    pub fn erf(&self) -> Result<Tensor> {
        let r = self.float_map(erf);
        Ok(Tensor::record(r, &[self], |_| BackwardFn::Erf {
            this: SavedTensor::input(self),
        }))
    }

    /// `F.gelu(x)` with the exact erf form (`GeluBackward0`).
    pub fn gelu(&self) -> Result<Tensor> {
        self.gelu_approximate(false)
    }

    /// `F.gelu(x, approximate='tanh' if tanh else 'none')` (`GeluBackward0`).
    pub fn gelu_approximate(&self, tanh: bool) -> Result<Tensor> {
        self.float_kernel("GeluKernelImpl")?;
        // ATen's GeluKernelImpl step by step in the dtype (float32 cancels in 1 + erf)
        let c = |v: f64| self.dtype().cast(v);
        let r = if tanh {
            let (beta, kappa) = (c(GELU_BETA), c(GELU_KAPPA));
            self.float_map(|x| {
                let inner = c(beta * c(x + c(kappa * c(c(x * x) * x))));
                c(c(0.5 * x) * c(1.0 + c(inner.tanh())))
            })
        } else {
            let alpha = c(std::f64::consts::FRAC_1_SQRT_2);
            // (ATen's vectorized path, taken for most tensors of 2+ elements, uses a less
            // exact float32 erf; this is its scalar path, std::erf)
            self.float_map(|x| c(c(x * 0.5) * c(1.0 + c(erf(c(x * alpha))))))
        };
        Ok(Tensor::record(r, &[self], |_| BackwardFn::Gelu {
            this: SavedTensor::input(self),
            tanh,
        }))
    }

    /// `F.silu(x)` = `x * sigmoid(x)` (`SiluBackward0`).
    pub fn silu(&self) -> Result<Tensor> {
        self.float_kernel("silu_cpu")?;
        let r = self.float_map(|x| x / (1.0 + (-x).exp()));
        Ok(Tensor::record(r, &[self], |_| BackwardFn::Silu {
            this: SavedTensor::input(self),
        }))
    }

    /// `F.elu(x, alpha)` (`EluBackward0`).
    pub fn elu(&self, alpha: f64) -> Result<Tensor> {
        self.elementwise(crate::autograd::node::Elem::Elu {
            alpha,
            scale: 1.0,
            input_scale: 1.0,
            celu: false,
        })
    }

    /// `F.softplus(x, beta, threshold)` (`SoftplusBackward0`).
    pub fn softplus(&self, beta: f64, threshold: f64) -> Result<Tensor> {
        self.float_kernel("softplus_cpu")?;
        let r = self.float_map(|x| {
            if x * beta > threshold {
                x
            } else {
                (x * beta).exp().ln_1p() / beta
            }
        });
        Ok(Tensor::record(r, &[self], |_| BackwardFn::Softplus {
            this: SavedTensor::input(self),
            beta,
            threshold,
        }))
    }
}
