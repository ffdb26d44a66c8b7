//! Constructors: from nested data, zeros/ones/full/empty (+ `_like`), arange, linspace, eye,
//! rand/randn/randint/normal.

use super::random::{normal_f32_values, normal_f64_values, with_gen};
use crate::dtype::{DType, Scalar};
use crate::error::{Result, TorchError};
use crate::storage::checked_numel;
use crate::tensor::Tensor;

/// Nested Python data for `torch.tensor(data)`.
#[derive(Clone, Debug)]
pub enum NestedData {
    /// A number.
    Scalar(Scalar),
    /// A list or tuple.
    List(Vec<NestedData>),
    /// A tensor element inside a list (`torch.tensor([t1, t2])` of 0-dim tensors).
    Tensor(Tensor),
}

fn type_name(d: &NestedData) -> &'static str {
    match d {
        NestedData::Scalar(Scalar::Bool(_)) => "bool",
        NestedData::Scalar(Scalar::Int(_)) => "int",
        NestedData::Scalar(Scalar::Float(_)) => "float",
        NestedData::List(_) => "list",
        NestedData::Tensor(_) => "Tensor",
    }
}

impl Tensor {
    /// `torch.tensor(data, dtype=...)`: infers shape and dtype (any float → float32, else
    /// int64, all bools → bool); ragged data gives PyTorch's `ValueError`.
    pub fn from_nested(data: &NestedData, dtype: Option<DType>) -> Result<Tensor> {
        // shape from the first element at each depth
        let mut shape = Vec::new();
        let mut cur = data;
        loop {
            match cur {
                NestedData::List(items) => {
                    shape.push(items.len());
                    match items.first() {
                        Some(first) => cur = first,
                        None => break,
                    }
                }
                NestedData::Tensor(t) => {
                    shape.extend_from_slice(t.shape());
                    break;
                }
                NestedData::Scalar(_) => break,
            }
        }
        if shape.len() > 64 {
            return Err(TorchError::value(format!(
                "too many dimensions '{}'",
                type_name(data)
            )));
        }
        checked_numel(&shape)?;
        let mut values = Vec::new();
        let mut inferred = DType::Bool;
        let mut any = false;
        collect(data, 0, &shape, &mut values, &mut inferred, &mut any)?;
        if !any {
            inferred = DType::Float32;
        }
        let dt = dtype.unwrap_or(inferred);
        if values.iter().any(|&v| int_overflows(v, dt)) {
            return Err(TorchError::runtime(format!(
                "value cannot be converted to type {} without overflow",
                dt.name().trim_start_matches("torch.")
            )));
        }
        Tensor::from_data(values, &shape, dt)
    }

    /// `torch.zeros(shape, dtype)`.
    pub fn zeros(shape: &[usize], dtype: DType) -> Result<Tensor> {
        Tensor::full(shape, 0.0, dtype)
    }

    /// `torch.ones(shape, dtype)`.
    pub fn ones(shape: &[usize], dtype: DType) -> Result<Tensor> {
        Tensor::full(shape, 1.0, dtype)
    }

    /// `torch.full(shape, value, dtype)` (for `torch.full`'s own inference use
    /// `Scalar::default_dtype`).
    pub fn full(shape: &[usize], value: f64, dtype: DType) -> Result<Tensor> {
        let n = checked_numel(shape)?;
        if dtype == DType::Int64 && int_overflows(value, dtype) {
            return Err(TorchError::runtime(
                "value cannot be converted to type int64_t without overflow",
            ));
        }
        Ok(Tensor::new_raw(
            vec![dtype.cast(value); n],
            shape.to_vec(),
            dtype,
        ))
    }

    /// `torch.empty(shape)`: zero-filled here.
    pub fn empty(shape: &[usize], dtype: DType) -> Result<Tensor> {
        Tensor::zeros(shape, dtype)
    }

    /// `torch.zeros_like(x)`.
    pub fn zeros_like(&self) -> Result<Tensor> {
        Tensor::zeros(self.shape(), self.dtype())
    }

    /// `torch.ones_like(x)`.
    pub fn ones_like(&self) -> Result<Tensor> {
        Tensor::ones(self.shape(), self.dtype())
    }

    /// `torch.full_like(x, value)`.
    pub fn full_like(&self, value: f64) -> Result<Tensor> {
        Tensor::full(self.shape(), value, self.dtype())
    }

    /// `torch.arange(start, end, step, dtype)`; `dtype=None` infers int64 from integer
    /// arguments and float32 otherwise.
    pub fn arange(
        start: Scalar,
        end: Scalar,
        step: Scalar,
        dtype: Option<DType>,
    ) -> Result<Tensor> {
        let all_int = [start, end, step]
            .iter()
            .all(|s| !matches!(s, Scalar::Float(_)));
        let dt = dtype.unwrap_or(if all_int {
            DType::Int64
        } else {
            DType::Float32
        });
        let (s, e, st) = (start.to_f64(), end.to_f64(), step.to_f64());
        if st == 0.0 {
            return Err(TorchError::runtime("step must be nonzero"));
        }
        if !s.is_finite() || !e.is_finite() {
            return Err(TorchError::runtime(format!(
                "unsupported range: {s} -> {e}"
            )));
        }
        if (st > 0.0 && e < s) || (st < 0.0 && e > s) {
            return Err(TorchError::runtime(
                "upper bound and lower bound inconsistent with step sign",
            ));
        }
        let n = ((e - s) / st).ceil().max(0.0);
        if n > crate::storage::max_elements() as f64 {
            checked_numel(&[usize::MAX])?;
        }
        let n = n as usize;
        checked_numel(&[n])?;
        let v = super::kernels::arange(s, st, n, dt);
        Ok(Tensor::new_raw(v, vec![n], dt))
    }

    /// `torch.linspace(start, end, steps)` (float32 unless `dtype` says otherwise).
    pub fn linspace(start: f64, end: f64, steps: i64, dtype: Option<DType>) -> Result<Tensor> {
        if steps < 0 {
            return Err(TorchError::runtime("number of steps must be non-negative"));
        }
        let n = steps as usize;
        checked_numel(&[n])?;
        let dt = dtype.unwrap_or(DType::Float32);
        // ATen fills a single step with `start`
        let v = if n == 1 {
            vec![dt.cast(start)]
        } else {
            super::kernels::linspace(start, end, n, dt)
        };
        Ok(Tensor::new_raw(v, vec![n], dt))
    }

    /// `torch.eye(n, m)`.
    pub fn eye(n: usize, m: Option<usize>, dtype: DType) -> Result<Tensor> {
        let m = m.unwrap_or(n);
        let total = checked_numel(&[n, m])?;
        let mut v = vec![0.0; total];
        for i in 0..n.min(m) {
            v[i * m + i] = 1.0;
        }
        Ok(Tensor::new_raw(v, vec![n, m], dtype))
    }

    /// `torch.rand(shape)`: uniform [0, 1) from the seeded generator.
    pub fn rand(shape: &[usize], dtype: DType) -> Result<Tensor> {
        let n = checked_numel(shape)?;
        float_only(dtype, "check_uniform_bounds")?;
        let v = with_gen(|g| {
            (0..n)
                .map(|_| {
                    if dtype == DType::Float64 {
                        g.uniform_f64()
                    } else {
                        f64::from(g.uniform_f32())
                    }
                })
                .collect()
        });
        Ok(Tensor::new_raw(v, shape.to_vec(), dtype))
    }

    /// `torch.randn(shape)`: standard normal from the seeded generator.
    pub fn randn(shape: &[usize], dtype: DType) -> Result<Tensor> {
        Tensor::normal(0.0, 1.0, shape, dtype)
    }

    /// `torch.normal(mean, std, size)`.
    pub fn normal(mean: f64, std: f64, shape: &[usize], dtype: DType) -> Result<Tensor> {
        let n = checked_numel(shape)?;
        float_only(dtype, "normal_kernel_cpu")?;
        if std < 0.0 {
            return Err(TorchError::runtime(format!(
                "normal expects std >= 0.0, but found std {std}"
            )));
        }
        let v = if dtype == DType::Float64 {
            normal_f64_values(n, mean, std)
        } else {
            normal_f32_values(n, mean, std)
        };
        Ok(Tensor::new_raw(v, shape.to_vec(), dtype))
    }

    /// `torch.randint(low, high, shape)` (int64).
    pub fn randint(low: i64, high: i64, shape: &[usize], dtype: DType) -> Result<Tensor> {
        let n = checked_numel(shape)?;
        if low >= high {
            return Err(TorchError::runtime(format!(
                "random_ expects 'from' to be less than 'to', but got from={low} >= to={high}"
            )));
        }
        let range = (high as i128 - low as i128) as u64;
        let v = with_gen(|g| {
            (0..n)
                .map(|_| {
                    let r = if range >= 1u64 << 32 {
                        g.random64() % range
                    } else {
                        u64::from(g.random()) % range
                    };
                    dtype.cast((r as i128 + low as i128) as f64)
                })
                .collect()
        });
        Ok(Tensor::new_raw(v, shape.to_vec(), dtype))
    }

    /// `torch.randperm(n)`: ATen's `randperm_cpu`, a Fisher-Yates shuffle drawing
    /// `random() % (n - i)`.
    pub fn randperm(n: usize, dtype: DType) -> Result<Tensor> {
        checked_numel(&[n])?;
        let mut r: Vec<f64> = (0..n).map(|i| i as f64).collect();
        with_gen(|g| {
            for i in 0..n.saturating_sub(1) {
                let z = if n < (u32::MAX / 20) as usize {
                    u64::from(g.random()) % (n - i) as u64
                } else {
                    g.random64() % (n - i) as u64
                };
                r.swap(i, i + z as usize);
            }
        });
        Ok(Tensor::new_raw(r, vec![n], dtype))
    }

    /// `torch.rand_like(x)`.
    pub fn rand_like(&self) -> Result<Tensor> {
        Tensor::rand(self.shape(), self.dtype())
    }

    /// `torch.randn_like(x)`.
    pub fn randn_like(&self) -> Result<Tensor> {
        Tensor::randn(self.shape(), self.dtype())
    }
}

fn float_only(dtype: DType, kernel: &str) -> Result<()> {
    if !dtype.is_floating_point() {
        return Err(TorchError::runtime(format!(
            "\"{kernel}\" not implemented for '{}'",
            dtype.scalar_name()
        )));
    }
    Ok(())
}

fn collect(
    d: &NestedData,
    depth: usize,
    shape: &[usize],
    out: &mut Vec<f64>,
    dt: &mut DType,
    any: &mut bool,
) -> Result<()> {
    // Iterative over lists would be nicer; depth is bounded by the shape length.
    match d {
        NestedData::Scalar(s) => {
            if depth != shape.len() {
                return Err(TorchError::type_error(format!(
                    "new(): invalid data type '{}'",
                    type_name(d)
                )));
            }
            *any = true;
            *dt = (*dt).max(s.default_dtype());
            out.push(s.to_f64());
        }
        NestedData::Tensor(t) => {
            if t.shape() != &shape[depth.min(shape.len())..] {
                return Err(TorchError::value(format!(
                    "expected sequence of length {} at dim {} (got {})",
                    shape.get(depth).copied().unwrap_or(0),
                    depth,
                    t.shape().first().copied().unwrap_or(0)
                )));
            }
            *any = true;
            *dt = (*dt).max(t.dtype());
            out.extend(t.to_vec());
        }
        NestedData::List(items) => {
            let Some(&expected) = shape.get(depth) else {
                return Err(TorchError::type_error(format!(
                    "new(): invalid data type '{}'",
                    type_name(d)
                )));
            };
            if items.len() != expected {
                return Err(TorchError::value(format!(
                    "expected sequence of length {expected} at dim {depth} (got {})",
                    items.len()
                )));
            }
            for it in items {
                if matches!(it, NestedData::Scalar(_)) && depth + 1 < shape.len() {
                    return Err(TorchError::type_error("not a sequence".to_string()));
                }
                collect(it, depth + 1, shape, out, dt, any)?;
            }
        }
    }
    Ok(())
}

/// Whether `v` is outside the range of the integer dtype `dt` (c10's `checked_convert`:
/// NaN and infinities always are). 2^63 itself passes: it is how `2**63 - 1` arrives in f64.
fn int_overflows(v: f64, dt: DType) -> bool {
    let bits = match dt {
        DType::Int64 => 63,
        DType::Int32 => 31,
        DType::Int16 => 15,
        _ => return false,
    };
    let lim = f64::from(2u32).powi(bits);
    !v.is_finite() || v < -lim || v > lim || (bits < 63 && v > lim - 1.0)
}
