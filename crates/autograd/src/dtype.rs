//! Element types and PyTorch's type promotion.

use std::fmt;

/// A tensor's element type. Elements are stored as `f64` and rounded to the dtype after
/// every operation, so one code path serves every dtype.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum DType {
    /// `torch.bool`
    Bool,
    /// `torch.int16` (`torch.short`)
    Int16,
    /// `torch.int32` (`torch.int`)
    Int32,
    /// `torch.int64` (`torch.long`)
    Int64,
    /// `torch.float32`, the default floating dtype.
    Float32,
    /// `torch.float64`
    Float64,
}

impl DType {
    /// `true` for float32/float64.
    pub fn is_floating_point(self) -> bool {
        matches!(self, DType::Float32 | DType::Float64)
    }

    /// Bytes per element as PyTorch reports it (`element_size()` / `itemsize`).
    pub fn itemsize(self) -> usize {
        match self {
            DType::Bool => 1,
            DType::Int16 => 2,
            DType::Int32 | DType::Float32 => 4,
            DType::Int64 | DType::Float64 => 8,
        }
    }

    /// The printed name, e.g. `torch.float32`.
    pub fn name(self) -> &'static str {
        match self {
            DType::Bool => "torch.bool",
            DType::Int16 => "torch.int16",
            DType::Int32 => "torch.int32",
            DType::Int64 => "torch.int64",
            DType::Float32 => "torch.float32",
            DType::Float64 => "torch.float64",
        }
    }

    /// The legacy type string, e.g. `torch.FloatTensor` (used in some error messages).
    pub fn tensor_type_name(self) -> &'static str {
        match self {
            DType::Bool => "torch.BoolTensor",
            DType::Int16 => "torch.ShortTensor",
            DType::Int32 => "torch.IntTensor",
            DType::Int64 => "torch.LongTensor",
            DType::Float32 => "torch.FloatTensor",
            DType::Float64 => "torch.DoubleTensor",
        }
    }

    /// The C++ scalar type name used in some messages (`Float`, `Long`, ...).
    pub fn scalar_name(self) -> &'static str {
        match self {
            DType::Bool => "Bool",
            DType::Int16 => "Short",
            DType::Int32 => "Int",
            DType::Int64 => "Long",
            DType::Float32 => "Float",
            DType::Float64 => "Double",
        }
    }

    /// The C++ type name used in some messages (`float`, `double`, `long int`, `bool`).
    pub fn cpp_name(self) -> &'static str {
        match self {
            DType::Bool => "bool",
            DType::Int16 => "short int",
            DType::Int32 => "int",
            DType::Int64 => "long int",
            DType::Float32 => "float",
            DType::Float64 => "double",
        }
    }

    /// Rounds an `f64` to a value representable in this dtype.
    ///
    /// Inlined for the float and bool dtypes: kernels call this once per element, and the wasm
    /// build (opt-level "z") otherwise makes each of those a call (about 15% of a training step).
    #[inline(always)]
    pub fn cast(self, v: f64) -> f64 {
        match self {
            DType::Float64 => v,
            DType::Float32 => v as f32 as f64,
            DType::Bool => f64::from(u8::from(v != 0.0)),
            // one out-of-line call for the integer dtypes: an arm per dtype here made the
            // inlined kernels larger (and training slower) when int16 was added
            _ => cast_int(self, v),
        }
    }

    /// The larger of two dtypes in PyTorch's promotion lattice
    /// (bool < int16 < int32 < int64 < float32 < float64).
    pub fn promote(self, other: DType) -> DType {
        self.max(other)
    }
}

/// [`DType::cast`] to an integer dtype, out of line: integer tensors are rare on the hot paths.
#[inline(never)]
fn cast_int(dt: DType, v: f64) -> f64 {
    match dt {
        DType::Int32 => cast_int32(v),
        DType::Int16 => cast_int16(v),
        _ => cast_int64(v),
    }
}

/// [`DType::cast`] to int64.
fn cast_int64(v: f64) -> f64 {
    // x86's conversion gives INT64_MIN for NaN and out-of-range values
    if !(v > -9.223_372_036_854_778e18 && v < 9.223_372_036_854_776e18) {
        i64::MIN as f64
    } else {
        (v.trunc() as i64) as f64
    }
}

/// [`DType::cast`] to int32.
fn cast_int32(v: f64) -> f64 {
    if v.is_nan() {
        f64::from(i32::MIN)
    } else {
        // wraps like a C++ int cast of an in-range int64
        f64::from((v.trunc() as i64) as i32)
    }
}

/// [`DType::cast`] to int16: the low 16 bits, like a C++ cast of an in-range integer.
fn cast_int16(v: f64) -> f64 {
    if v.is_nan() {
        0.0
    } else {
        f64::from((v.trunc() as i64) as i16)
    }
}

impl fmt::Display for DType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A Python number passed to an op (`x + 2`, `x * 0.5`).
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Scalar {
    /// A Python `bool`.
    Bool(bool),
    /// A Python `int`.
    Int(i64),
    /// A Python `float`.
    Float(f64),
}

impl Scalar {
    /// The value as `f64`.
    pub fn to_f64(self) -> f64 {
        match self {
            Scalar::Bool(b) => f64::from(u8::from(b)),
            Scalar::Int(i) => i as f64,
            Scalar::Float(f) => f,
        }
    }

    /// The dtype a tensor built from this scalar gets (`torch.tensor(2.5)` is float32).
    pub fn default_dtype(self) -> DType {
        match self {
            Scalar::Bool(_) => DType::Bool,
            Scalar::Int(_) => DType::Int64,
            Scalar::Float(_) => DType::Float32,
        }
    }
}

impl From<f64> for Scalar {
    fn from(v: f64) -> Self {
        Scalar::Float(v)
    }
}

impl From<i64> for Scalar {
    fn from(v: i64) -> Self {
        Scalar::Int(v)
    }
}

impl From<bool> for Scalar {
    fn from(v: bool) -> Self {
        Scalar::Bool(v)
    }
}

/// `combine_categories` from PyTorch's `result_type`.
fn combine_categories(higher: Option<DType>, lower: Option<DType>) -> Option<DType> {
    match (higher, lower) {
        (None, l) => l,
        (Some(h), None) => Some(h),
        (Some(h), Some(l)) => {
            if h.is_floating_point() {
                Some(h)
            } else if h == DType::Bool || l.is_floating_point() {
                Some(h.promote(l))
            } else {
                Some(h)
            }
        }
    }
}

/// PyTorch's `result_type` over operands described as (dtype, ndim, is_wrapped_number).
pub(crate) fn result_type(operands: &[(DType, usize, bool)]) -> DType {
    let mut dim: Option<DType> = None;
    let mut zero: Option<DType> = None;
    let mut wrapped: Option<DType> = None;
    for &(dt, nd, w) in operands {
        let slot = if w {
            &mut wrapped
        } else if nd == 0 {
            &mut zero
        } else {
            &mut dim
        };
        // Wrapped floats count as the default dtype.
        let dt = if w && dt.is_floating_point() {
            DType::Float32
        } else {
            dt
        };
        *slot = Some(match *slot {
            None => dt,
            Some(s) => s.promote(dt),
        });
    }
    combine_categories(dim, combine_categories(zero, wrapped)).unwrap_or(DType::Float32)
}
