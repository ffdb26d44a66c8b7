//! `torch.Generator` objects and the `generator=` keyword: a generator holds its own
//! `autograd::Generator`, swapped in as the thread's default around the call that names it.

use super::builtin_fn;
use crate::error::{PyErr, PyResult};
use crate::eval::{Args, Interp};
use crate::value::*;
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

/// `torch.Generator()`, a CPU generator.
pub struct PyGenerator {
    state: RefCell<autograd::Generator>,
}

/// PyTorch's default seed, also a fresh `torch.Generator()`'s.
const DEFAULT_SEED: u64 = 67_280_421_310_721;

fn seed_arg(v: Option<Value>) -> PyResult<u64> {
    match v {
        Some(Value::Int(i)) => Ok(i as u64),
        Some(Value::Bool(b)) => Ok(b as u64),
        Some(v) => Err(PyErr::type_error(format!(
            "manual_seed expected a long, but got {}",
            v.type_name()
        ))),
        None => Err(PyErr::type_error(
            "manual_seed() missing required argument 'seed' (pos 1)",
        )),
    }
}

fn gen_of(v: &Value) -> Option<&PyGenerator> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<PyGenerator>(),
        _ => None,
    }
}

impl NativeObject for PyGenerator {
    fn type_name(&self) -> String {
        "torch._C.Generator".into()
    }
    fn is_instance_of(&self, type_name: &str) -> bool {
        type_name == "Generator"
    }
    fn repr(&self, _: &mut Interp) -> PyResult<String> {
        Ok(format!("<torch._C.Generator object at {:#x}>", self.id()))
    }
    fn id(&self) -> usize {
        self as *const PyGenerator as usize
    }
    fn get_attr(&self, this: &Value, name: &str, _: &mut Interp) -> PyResult<Option<Value>> {
        let func = match name {
            "manual_seed" => builtin_fn("manual_seed", |_, mut a| {
                let this = a.positional.remove(0);
                let seed = seed_arg(a.arg(0, "seed"))?;
                if let Some(g) = gen_of(&this) {
                    *g.state.borrow_mut() = autograd::Generator::new(seed);
                }
                Ok(this)
            }),
            "initial_seed" => builtin_fn("initial_seed", |_, a| {
                let seed = a
                    .positional
                    .first()
                    .and_then(gen_of)
                    .map_or(0, |g| g.state.borrow().initial_seed());
                Ok(Value::Int(seed as i64))
            }),
            _ => return Ok(None),
        };
        Ok(Some(Value::BoundMethod(Rc::new(BoundMethod {
            func,
            this: this.clone(),
        }))))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `torch.Generator(device='cpu')`.
pub(crate) fn t_generator(_: &mut Interp, _: Args) -> PyResult<Value> {
    Ok(Value::Native(Rc::new(PyGenerator {
        state: RefCell::new(autograd::Generator::new(DEFAULT_SEED)),
    })))
}

/// Takes the `generator=` keyword: `None` or a `torch.Generator`.
pub(crate) fn take_generator(args: &mut Args) -> PyResult<Option<Value>> {
    match args.take_kw("generator") {
        None | Some(Value::None) => Ok(None),
        Some(v) if gen_of(&v).is_some() => Ok(Some(v)),
        Some(v) => Err(PyErr::type_error(format!(
            "generator must be a torch.Generator, not {}",
            v.type_name()
        ))),
    }
}

/// Runs `f` with `generator` (if any) as the thread's default generator.
pub(crate) fn with_generator<T>(generator: Option<&Value>, f: impl FnOnce() -> T) -> T {
    let Some(g) = generator.and_then(gen_of) else {
        return f();
    };
    let mut st = g.state.borrow_mut();
    autograd::swap_default(&mut st);
    let r = f();
    autograd::swap_default(&mut st);
    r
}

/// `torch._draw_seed(generator)`: what `torch.empty((), dtype=torch.int64).random_(generator=g)
/// .item()` draws, exactly (used by `torch.utils.data`).
pub(crate) fn t_draw_seed(_: &mut Interp, args: Args) -> PyResult<Value> {
    let g = args.positional.first().filter(|v| gen_of(v).is_some());
    Ok(Value::Int(with_generator(g, autograd::draw_int64_seed)))
}

/// `torch.initial_seed()`.
pub(crate) fn t_initial_seed(_: &mut Interp, _: Args) -> PyResult<Value> {
    Ok(Value::Int(autograd::initial_seed() as i64))
}
