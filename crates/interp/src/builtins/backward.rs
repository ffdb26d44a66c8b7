//! `torch.autograd` and backward(): runs autograd with the interpreter lent to Python
//! tensor hooks, and records traces for the debugger.

use super::tensor::*;
use super::torch::*;
use crate::error::PyResult;
use crate::eval::{Args, Interp};
use crate::value::*;
use autograd::Tensor;
use std::cell::RefCell;
use std::rc::Rc;

// ---- torch.autograd ----

pub(crate) fn opt_tensor_list(
    interp: &mut Interp,
    v: Option<Value>,
) -> PyResult<Vec<Option<Tensor>>> {
    match v {
        None | Some(Value::None) => Ok(Vec::new()),
        Some(v) if tensor_of(&v).is_some() => Ok(vec![tensor_of(&v)]),
        Some(v) => Ok(interp.collect(&v)?.iter().map(tensor_of).collect()),
    }
}

pub(crate) fn tensors_arg(interp: &mut Interp, v: &Value, fname: &str) -> PyResult<Vec<Tensor>> {
    if let Some(t) = tensor_of(v) {
        return Ok(vec![t]);
    }
    tensor_list(interp, v, fname)
}

pub(crate) fn opt_bool(interp: &mut Interp, v: Option<Value>) -> PyResult<Option<bool>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => interp.truthy(&v).map(Some),
    }
}

pub(crate) fn autograd_grad(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let outputs = args.arg(0, "outputs").unwrap_or(Value::None);
    let inputs = args.arg(1, "inputs").unwrap_or(Value::None);
    let grad_outputs = args.arg(2, "grad_outputs");
    let retain = args.take_kw("retain_graph");
    let create = args.take_kw("create_graph");
    let allow_unused = args.take_kw("allow_unused");
    let outs = tensors_arg(interp, &outputs, "grad")?;
    let ins = tensors_arg(interp, &inputs, "grad")?;
    let gos = opt_tensor_list(interp, grad_outputs)?;
    let retain = opt_bool(interp, retain)?;
    let create = opt_bool(interp, create)?.unwrap_or(false);
    let allow = opt_bool(interp, allow_unused)?.unwrap_or(false);
    let r = lend_interp(interp, || {
        autograd::grad(&outs, &ins, &gos, retain, create, allow)
    })
    .py()?;
    Ok(Value::tuple(
        r.into_iter()
            .map(|g| g.map(wrap).unwrap_or(Value::None))
            .collect(),
    ))
}

/// `backward(create_graph=True)` leaves `.grad` referring to its own graph; PyTorch warns
/// (from its engine, so once per run).
pub(crate) fn warn_create_graph(interp: &mut Interp) {
    interp.warn_from_library("Using backward() with create_graph=True will create a reference cycle between the parameter and its gradient which can cause a memory leak. We recommend using autograd.grad when creating the graph to avoid this. If you have to use this function, make sure to reset the .grad fields of your parameters to None after use to break the cycle and avoid the leak. (Triggered internally at /__w/pytorch/pytorch/torch/csrc/autograd/engine.cpp:1445.)");
}

pub(crate) fn autograd_backward(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let tensors = args.arg(0, "tensors").unwrap_or(Value::None);
    let grads = args.arg(1, "grad_tensors");
    let retain = args.take_kw("retain_graph");
    let create = args.take_kw("create_graph");
    let ts = tensors_arg(interp, &tensors, "backward")?;
    let gs = opt_tensor_list(interp, grads)?;
    let retain = opt_bool(interp, retain)?;
    let create = opt_bool(interp, create)?.unwrap_or(false);
    if create {
        warn_create_graph(interp);
    }
    run_backward(interp, &ts, &gs, retain, create)?;
    Ok(Value::None)
}

thread_local! {
    /// The interpreter, lent out while autograd runs so that tensor hooks can call Python.
    static LENT: RefCell<Option<Interp>> = const { RefCell::new(None) };
}

/// Runs `f` (which calls into autograd) with the interpreter lent to tensor hooks.
pub(crate) fn lend_interp<R>(interp: &mut Interp, f: impl FnOnce() -> R) -> R {
    let free = LENT.with(|c| c.try_borrow().map(|s| s.is_none()).unwrap_or(false));
    if !free {
        return f();
    }
    let limits = interp.limits.clone();
    let real = std::mem::replace(interp, Interp::bare(limits));
    LENT.with(|c| *c.borrow_mut() = Some(real));
    let r = f();
    if let Some(real) = LENT.with(|c| c.borrow_mut().take()) {
        *interp = real;
    }
    r
}

/// A Python callable as an autograd hook.
pub(crate) fn python_hook(func: Value) -> autograd::Hook {
    Rc::new(move |g: &Tensor| {
        LENT.with(|c| {
            let mut slot = c.try_borrow_mut().map_err(|_| {
                autograd::TorchError::runtime("tensor hooks cannot run backward() themselves")
            })?;
            let Some(interp) = slot.as_mut() else {
                return Err(autograd::TorchError::runtime(
                    "tensor hooks can only run during backward()",
                ));
            };
            match interp.call(&func, Args::positional(vec![wrap(g.clone())])) {
                Ok(Value::None) => Ok(None),
                Ok(v) => match tensor_of(&v) {
                    Some(t) => Ok(Some(t)),
                    None => Err(autograd::TorchError::type_error(format!(
                        "hook returned an object of type {}, expected a Tensor or None",
                        v.type_name()
                    ))),
                },
                Err(e) => Err(autograd::TorchError::new(
                    autograd::ErrorKind::Other(e.kind.clone()),
                    e.message.clone(),
                )),
            }
        })
    })
}

/// Runs backward, recording a trace for the debugger when the session asks for it.
/// At most this many backward passes are traced per `Session` call (`run` or `step`); later ones
/// in the same call run untraced.
pub const MAX_TRACES_PER_CALL: usize = 16;

pub(crate) fn run_backward(
    interp: &mut Interp,
    ts: &[Tensor],
    gs: &[Option<Tensor>],
    retain: Option<bool>,
    create: bool,
) -> PyResult<()> {
    // Tracing snapshots the graph and previews every gradient: worth it for the few backward
    // passes a learner replays, far too slow for a training loop's thousands.
    if interp.trace_backward && interp.traces.len() < MAX_TRACES_PER_CALL {
        let named = interp.named_tensors();
        let (graph, index) = autograd::SnapshotIndex::build(&named);
        let (trace, result) = lend_interp(interp, || {
            autograd::backward_traced(ts, gs, retain, create, Some(&index))
        });
        // Kept when the pass fails too: the debugger shows the node that raised.
        interp.traces.push(trace);
        interp.trace_graphs.push(graph);
        return result.py();
    }
    lend_interp(interp, || autograd::backward(ts, gs, retain, create)).py()
}
