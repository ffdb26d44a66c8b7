//! The `torch` module: the seam where the PyTorch surface binds to the `autograd` crate.
//!
//! Until `autograd` exposes its Tensor API, `import torch` raises
//! `ModuleNotFoundError: No module named 'torch'` (honestly: there is no torch yet).
//! The hooks below are what the evaluator calls for native objects:
//! - [`load`]: builds `torch`, `torch.nn`, `torch.nn.functional`, `torch.optim` modules;
//! - [`native_type`]: `type(x)` for native objects (e.g. `<class 'torch.Tensor'>`);
//! - [`init_native_base`] / [`native_base_method`] / [`native_instance_repr`]: user classes
//!   deriving from a native class such as `nn.Module` (`class Net(nn.Module)`).
//!
//! Tensor values themselves live in [`super::tensor`] as a `NativeObject`.

use crate::error::{PyErr, PyResult};
use crate::eval::{Args, Interp};
use crate::value::{NativeObject, Value};

/// Loads `torch` or one of its submodules; `Ok(None)` means "no such module".
pub(crate) fn load(_interp: &mut Interp, _name: &str) -> PyResult<Option<Value>> {
    Ok(None)
}

/// `type(x)` for a native object, if it has a type object.
pub(crate) fn native_type(_interp: &Interp, _obj: &dyn NativeObject) -> Option<Value> {
    None
}

/// Initialises the native part of an instance whose class derives from a native class
/// and defines no `__init__` of its own.
pub(crate) fn init_native_base(
    _interp: &mut Interp,
    base: &Value,
    _instance: &Value,
    _args: Args,
) -> PyResult<()> {
    Err(PyErr::type_error(format!(
        "cannot subclass '{}'",
        base.type_name()
    )))
}

/// A method of a native base class looked up through `super()` (e.g. `super().__init__`).
pub(crate) fn native_base_method(
    _interp: &mut Interp,
    _base: &Value,
    _this: &Value,
    _name: &str,
) -> PyResult<Option<Value>> {
    Ok(None)
}

/// `repr` of an instance whose native state wants to print itself (e.g. `nn.Module`).
pub(crate) fn native_instance_repr(
    _interp: &mut Interp,
    _native: &Value,
    _this: &Value,
) -> PyResult<Option<String>> {
    Ok(None)
}
