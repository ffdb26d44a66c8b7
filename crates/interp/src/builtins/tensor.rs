//! Tensor values as Python objects: a [`crate::value::NativeObject`] wrapping
//! `autograd::Tensor` (attributes `.grad`, `.grad_fn`, `.requires_grad`, methods, operators,
//! printing). Bound once `autograd` exposes its Tensor API; see [`super::torch`].
