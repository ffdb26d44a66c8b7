//! Elementwise unary ops.

use crate::autograd::node::{BackwardFn, Elem, SavedTensor};
use crate::dtype::DType;
use crate::error::{Result, TorchError};
use crate::tensor::Tensor;

impl Tensor {
    /// Maps every element; `float_out` makes integer inputs produce float32.
    fn map(&self, float_out: bool, f: impl Fn(f64) -> f64) -> Tensor {
        let dt = if float_out && !self.dtype().is_floating_point() {
            DType::Float32
        } else {
            self.dtype()
        };
        let v = self.to_vec().into_iter().map(|x| dt.cast(f(x))).collect();
        Tensor::new_raw(v, self.size(), dt)
    }

    /// `-self` (`NegBackward0`).
    pub fn neg(&self) -> Result<Tensor> {
        if self.dtype() == DType::Bool {
            return Err(TorchError::not_implemented(
                "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.",
            ));
        }
        Ok(Tensor::record(self.map(false, |x| -x), &[self], |_| {
            BackwardFn::Neg
        }))
    }

    /// `torch.exp` (`ExpBackward0`).
    pub fn exp(&self) -> Result<Tensor> {
        Ok(Tensor::record(self.map(true, f64::exp), &[self], |r| {
            BackwardFn::Exp {
                result: SavedTensor::output(r),
            }
        }))
    }

    /// `torch.log` (`LogBackward0`).
    pub fn log(&self) -> Result<Tensor> {
        Ok(Tensor::record(self.map(true, f64::ln), &[self], |_| {
            BackwardFn::Log {
                this: SavedTensor::input(self),
            }
        }))
    }

    /// `torch.sqrt` (`SqrtBackward0`).
    pub fn sqrt(&self) -> Result<Tensor> {
        Ok(Tensor::record(self.map(true, f64::sqrt), &[self], |r| {
            BackwardFn::Sqrt {
                result: SavedTensor::output(r),
            }
        }))
    }

    /// `torch.abs` (`AbsBackward0`).
    pub fn abs(&self) -> Result<Tensor> {
        Ok(Tensor::record(self.map(false, f64::abs), &[self], |_| {
            BackwardFn::Abs {
                this: SavedTensor::input(self),
            }
        }))
    }

    /// `torch.sin` (`SinBackward0`).
    pub fn sin(&self) -> Result<Tensor> {
        Ok(Tensor::record(self.map(true, f64::sin), &[self], |_| {
            BackwardFn::Sin {
                this: SavedTensor::input(self),
            }
        }))
    }

    /// `torch.cos` (`CosBackward0`).
    pub fn cos(&self) -> Result<Tensor> {
        Ok(Tensor::record(self.map(true, f64::cos), &[self], |_| {
            BackwardFn::Cos {
                this: SavedTensor::input(self),
            }
        }))
    }

    /// `torch.tanh` (`TanhBackward0`).
    pub fn tanh(&self) -> Result<Tensor> {
        Ok(Tensor::record(self.map(true, f64::tanh), &[self], |r| {
            BackwardFn::Tanh {
                result: SavedTensor::output(r),
            }
        }))
    }

    /// `torch.sigmoid` (`SigmoidBackward0`).
    pub fn sigmoid(&self) -> Result<Tensor> {
        // PyTorch computes 1 / (1 + exp(-x)), rounding each step in the dtype.
        let dt = if self.dtype().is_floating_point() {
            self.dtype()
        } else {
            DType::Float32
        };
        let f = move |x: f64| {
            let e = dt.cast((-x).exp());
            let d = dt.cast(1.0 + e);
            1.0 / d
        };
        let r = if dt == DType::Float32 {
            // vectorised chunks (two 16-lane vectors) use SLEEF's exp, the tail libm's
            let v = self.to_vec();
            let vec_end = v.len() / 32 * 32;
            let out = v
                .iter()
                .enumerate()
                .map(|(i, &x)| {
                    let e = if i < vec_end {
                        super::kernels::sleef_expf(-(x as f32))
                    } else {
                        (-x).exp() as f32
                    };
                    f64::from(1.0f32 / (1.0f32 + e))
                })
                .collect();
            Tensor::new_raw(out, self.size(), dt)
        } else {
            self.map(true, f)
        };
        Ok(Tensor::record(r, &[self], |r| BackwardFn::Sigmoid {
            result: SavedTensor::output(r),
        }))
    }

    /// `torch.relu` (`ReluBackward0`).
    pub fn relu(&self) -> Result<Tensor> {
        if self.dtype() == DType::Bool {
            return Err(TorchError::runtime(
                "\"clamp_min_cpu\" not implemented for 'Bool'",
            ));
        }
        // ATen's clamp_min(x, 0): max(0, x) keeps x when equal, so relu(-0.) is -0.
        let f = |x: f64| if x < 0.0 { 0.0 } else { x };
        Ok(Tensor::record(self.map(false, f), &[self], |r| {
            BackwardFn::Relu {
                result: SavedTensor::output(r),
            }
        }))
    }

    /// ReLU's backward, PyTorch's `threshold_backward(grad, result, 0)`: `grad`, or 0 where
    /// the result is `<= 0`, in one pass. A zero rather than `grad * mask`, which would give
    /// NaN for a NaN gradient and -0 (printed `-0.`) for a negative one.
    pub(crate) fn threshold_backward(grad: &Tensor, result: &Tensor) -> Result<Tensor> {
        let dt = grad.dtype();
        let r =
            super::binary::zip_map(grad, result, dt, dt, |g, r| if r <= 0.0 { 0.0 } else { g })?;
        // Recorded when the gradient has history (`create_graph=True`), so that a second
        // derivative flows through it.
        Ok(Tensor::record(r, &[grad], |_| {
            BackwardFn::ThresholdBackward {
                result: SavedTensor::input(result),
            }
        }))
    }

    /// `torch.reciprocal` (`ReciprocalBackward0`).
    pub fn reciprocal(&self) -> Result<Tensor> {
        Ok(Tensor::record(self.map(true, |x| 1.0 / x), &[self], |r| {
            BackwardFn::Reciprocal {
                result: SavedTensor::output(r),
            }
        }))
    }

    /// `torch.log1p` (`Log1PBackward0`).
    pub fn log1p(&self) -> Result<Tensor> {
        Ok(Tensor::record(self.map(true, f64::ln_1p), &[self], |_| {
            BackwardFn::Log1p {
                this: SavedTensor::input(self),
            }
        }))
    }

    /// The [`Elem`] functions (`tan`, `asin`, ..., `logit`, `F.mish`, ...); the backward
    /// formulas are in `BackwardFn::apply` and `ops::special::elem_backward`.
    pub fn elementwise(&self, op: Elem) -> Result<Tensor> {
        self.elementwise_on(op, false)
    }

    /// [`Tensor::elementwise`]; `on_result` for the in-place forms with their own node
    /// (`elu_`, `celu_` save the result, `threshold_` the input).
    pub fn elementwise_on(&self, op: Elem, on_result: bool) -> Result<Tensor> {
        let dt = self.dtype();
        let kernel = match op {
            Elem::Frac => "frac_cpu",
            Elem::Elu { .. } => "elu_cpu",
            Elem::LogSigmoid => "log_sigmoid_cpu",
            Elem::Hardswish => "hardswish_cpu",
            Elem::Hardsigmoid => "hardsigmoid_cpu",
            Elem::Mish => "mish_cpu",
            _ => "",
        };
        if !kernel.is_empty() && !dt.is_floating_point() {
            return Err(TorchError::not_implemented(format!(
                "\"{kernel}\" not implemented for '{}'",
                dt.scalar_name()
            )));
        }
        let float_out = !matches!(op, Elem::Threshold(..) | Elem::NanToNum(..));
        let out_dt = if float_out && !dt.is_floating_point() {
            DType::Float32
        } else {
            dt
        };
        let f: fn(f64) -> f64 = match op {
            Elem::Tan => f64::tan,
            Elem::Asin => f64::asin,
            Elem::Acos => f64::acos,
            Elem::Atan => f64::atan,
            Elem::Sinh => f64::sinh,
            Elem::Cosh => f64::cosh,
            Elem::Expm1 => f64::exp_m1,
            Elem::Log10 => f64::log10,
            Elem::Rsqrt => |x| 1.0 / x.sqrt(),
            _ => |x| x,
        };
        let r = match super::special::elem_forward(op, out_dt) {
            Some(g) => self.map(float_out, g),
            None => self.map(true, f),
        };
        Ok(Tensor::record(r, &[self], |r| BackwardFn::Elementwise {
            op,
            saved: match op.saved_name() {
                Some("result") => Some(SavedTensor::output(r)),
                _ if on_result && matches!(op, Elem::Elu { .. }) => Some(SavedTensor::output(r)),
                Some(_) => Some(SavedTensor::input(self)),
                None => None,
            },
            on_result,
        }))
    }

    /// `F.hardtanh(self, min, max)`: the values of `clamp` (`HardtanhBackward0`).
    pub fn hardtanh(&self, min: f64, max: f64) -> Result<Tensor> {
        let r = {
            let _g = crate::autograd::grad_mode::no_grad();
            self.clamp(Some(min), Some(max))?
        };
        let r = Tensor::new_raw(r.to_vec(), r.size(), r.dtype());
        Ok(Tensor::record(r, &[self], |_| BackwardFn::Hardtanh {
            this: SavedTensor::input(self),
            min,
            max,
        }))
    }

    /// `torch.rsqrt` (`RsqrtBackward0`).
    pub fn rsqrt(&self) -> Result<Tensor> {
        self.elementwise(Elem::Rsqrt)
    }

    /// `torch.sinh` (`SinhBackward0`).
    pub fn sinh(&self) -> Result<Tensor> {
        self.elementwise(Elem::Sinh)
    }

    /// `torch.cosh` (`CoshBackward0`).
    pub fn cosh(&self) -> Result<Tensor> {
        self.elementwise(Elem::Cosh)
    }

    /// `torch.log2` (`Log2Backward0`).
    pub fn log2(&self) -> Result<Tensor> {
        Ok(Tensor::record(self.map(true, f64::log2), &[self], |_| {
            BackwardFn::Log2 {
                this: SavedTensor::input(self),
            }
        }))
    }

    fn rounding(&self, name: &'static str, f: fn(f64) -> f64) -> Result<Tensor> {
        Ok(Tensor::record(self.map(false, f), &[self], |_| {
            BackwardFn::Rounding { name }
        }))
    }

    /// `torch.floor` (`FloorBackward0`).
    pub fn floor(&self) -> Result<Tensor> {
        self.rounding("FloorBackward0", f64::floor)
    }

    /// `torch.ceil` (`CeilBackward0`).
    pub fn ceil(&self) -> Result<Tensor> {
        self.rounding("CeilBackward0", f64::ceil)
    }

    /// `torch.round` (half to even, as PyTorch) (`RoundBackward0`).
    pub fn round(&self) -> Result<Tensor> {
        self.rounding("RoundBackward0", f64::round_ties_even)
    }

    /// `torch.trunc` (`TruncBackward0`).
    pub fn trunc(&self) -> Result<Tensor> {
        self.rounding("TruncBackward0", f64::trunc)
    }

    /// `F.leaky_relu(x, negative_slope)` (`LeakyReluBackward0`).
    pub fn leaky_relu(&self, slope: f64) -> Result<Tensor> {
        self.leaky_relu_on(slope, false)
    }

    /// `F.leaky_relu(x, slope, inplace=True)`: `LeakyReluBackward1`, saving the result.
    pub fn leaky_relu_(&self, slope: f64) -> Result<()> {
        self.inplace_with(&[], &|t| t.leaky_relu_on(slope, true))
    }

    fn leaky_relu_on(&self, slope: f64, on_result: bool) -> Result<Tensor> {
        if !self.dtype().is_floating_point() {
            return Err(TorchError::not_implemented(format!(
                "\"leaky_relu_cpu\" not implemented for '{}'",
                self.dtype().scalar_name()
            )));
        }
        let dt = self.dtype();
        let f = move |x: f64| if x > 0.0 { x } else { dt.cast(x * slope) };
        Ok(Tensor::record(self.map(false, f), &[self], |r| {
            BackwardFn::LeakyRelu {
                this: if on_result {
                    SavedTensor::output(r)
                } else {
                    SavedTensor::input(self)
                },
                slope,
                on_result,
            }
        }))
    }

    /// `x.data`: shares storage, no history and its own version counter.
    pub fn data(&self) -> Tensor {
        let t = self.alias_without_history();
        Tensor(std::rc::Rc::new(crate::tensor::TensorImpl {
            storage: t.0.storage.clone(),
            layout: t.0.layout.clone(),
            dtype: t.0.dtype,
            version: std::rc::Rc::new(std::cell::Cell::new(0)),
            meta: std::cell::RefCell::new(Default::default()),
            wrapped_number: false,
            view_base: None,
            no_grad_view: false,
        }))
    }

    /// `torch.sign` (`SignBackward0`, gradient zero).
    pub fn sign(&self) -> Result<Tensor> {
        let f = |x: f64| {
            if x > 0.0 {
                1.0
            } else if x < 0.0 {
                -1.0
            } else {
                // ATen's `(0 < x) - (x < 0)`: +0 for -0. and for NaN
                0.0
            }
        };
        Ok(Tensor::record(self.map(false, f), &[self], |_| {
            BackwardFn::Sign
        }))
    }

    /// `torch.clamp(self, min, max)` (`ClampBackward1`, or `ClampMinBackward0` /
    /// `ClampMaxBackward0` with one bound).
    pub fn clamp(&self, min: Option<f64>, max: Option<f64>) -> Result<Tensor> {
        if min.is_none() && max.is_none() {
            return Err(TorchError::runtime(
                "torch.clamp: At least one of 'min' or 'max' must not be None",
            ));
        }
        let dt = self.dtype();
        let f = |x: f64| {
            if x.is_nan() {
                return x;
            }
            let mut y = x;
            if let Some(lo) = min {
                if y < dt.cast(lo) || lo.is_nan() {
                    y = dt.cast(lo);
                }
            }
            if let Some(hi) = max {
                if y > dt.cast(hi) || hi.is_nan() {
                    y = dt.cast(hi);
                }
            }
            y
        };
        Ok(Tensor::record(self.map(false, f), &[self], |_| {
            BackwardFn::Clamp {
                this: SavedTensor::input(self),
                min,
                max,
            }
        }))
    }

    /// `x.clone()` (`CloneBackward0`).
    pub fn clone_tensor(&self) -> Result<Tensor> {
        Ok(Tensor::record(self.map(false, |x| x), &[self], |_| {
            BackwardFn::Clone
        }))
    }

    /// `x.to(dtype)` / `.float()` / `.double()` / `.long()` / `.bool()`: returns `self`
    /// when the dtype already matches (`ToCopyBackward0` otherwise).
    pub fn to_dtype(&self, dtype: DType) -> Result<Tensor> {
        if dtype == self.dtype() {
            return Ok(self.clone());
        }
        let src = self.dtype();
        let float_to_int32 =
            src.is_floating_point() && matches!(dtype, DType::Int32 | DType::Int16);
        let v = self
            .to_vec()
            .into_iter()
            .map(|x| {
                // x86's float -> int32 conversion gives INT_MIN when out of range (int16 goes
                // through int32: 0)
                if float_to_int32 && !(x > -2_147_483_649.0 && x < 2_147_483_648.0) {
                    dtype.cast(f64::from(i32::MIN))
                } else {
                    dtype.cast(x)
                }
            })
            .collect();
        let r = Tensor::new_raw(v, self.size(), dtype);
        if !dtype.is_floating_point() {
            return Ok(r);
        }
        Ok(Tensor::record(r, &[self], |_| BackwardFn::ToCopy {
            dtype: src,
        }))
    }
}
