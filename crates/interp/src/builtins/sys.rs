//! A sandboxed `sys`: version information, `argv`, `maxsize`, the recursion limit, `exit()`,
//! and `stdout`/`stderr` objects whose `write` goes to the program's output streams.

use super::builtin_fn;
use crate::error::{PyErr, PyResult};
use crate::eval::{Args, Interp};
use crate::value::*;
use std::any::Any;
use std::rc::Rc;

/// `sys.stdout` / `sys.stderr`.
pub struct Stream {
    pub stderr: bool,
}

impl NativeObject for Stream {
    fn type_name(&self) -> String {
        "TextIOWrapper".into()
    }
    fn repr(&self, _: &mut Interp) -> PyResult<String> {
        let name = if self.stderr { "<stderr>" } else { "<stdout>" };
        Ok(format!(
            "<_io.TextIOWrapper name='{name}' mode='w' encoding='utf-8'>"
        ))
    }
    fn id(&self) -> usize {
        0x7c_0000 + self.stderr as usize
    }
    fn get_attr(&self, this: &Value, name: &str, _: &mut Interp) -> PyResult<Option<Value>> {
        let f: BuiltinImpl = match name {
            "write" => stream_write,
            "flush" => |_, _| Ok(Value::None),
            _ => return Ok(None),
        };
        Ok(Some(Value::BoundMethod(Rc::new(BoundMethod {
            func: builtin_fn(if name == "write" { "write" } else { "flush" }, f),
            this: this.clone(),
        }))))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// True when `v` is `sys.stderr`.
pub(crate) fn is_stderr(v: &Value) -> bool {
    match v {
        Value::Native(n) => n
            .as_any()
            .downcast_ref::<Stream>()
            .is_some_and(|s| s.stderr),
        _ => false,
    }
}

fn stream_write(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args.count("write", 2, 2)?;
    let Value::Str(s) = &args.positional[1] else {
        return Err(PyErr::type_error(format!(
            "write() argument must be str, not {}",
            args.positional[1].type_name()
        )));
    };
    if is_stderr(&args.positional[0]) {
        interp.write_err(s);
    } else {
        interp.write_out(s);
    }
    Ok(Value::Int(s.chars().count() as i64))
}

pub(crate) fn exit(_: &mut Interp, args: Args) -> PyResult<Value> {
    args.count("exit", 0, 1)?;
    let code = args.positional.first().cloned().unwrap_or(Value::None);
    let msg = match &code {
        Value::None => String::new(),
        Value::Int(i) => i.to_string(),
        Value::Str(s) => s.to_string(),
        other => other.type_name(),
    };
    let mut e = PyErr::new("SystemExit", msg);
    e.args = Some(match code {
        Value::None => Vec::new(),
        c => vec![c],
    });
    Err(e)
}

fn getrecursionlimit(interp: &mut Interp, _: Args) -> PyResult<Value> {
    Ok(Value::Int(interp.limits.recursion_limit as i64))
}

fn setrecursionlimit(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args.count("setrecursionlimit", 1, 1)?;
    let n = super::python::to_index(&args.positional[0])?;
    if n < 1 {
        return Err(PyErr::value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    // The session's configured limit protects the native stack: it can be lowered, not raised.
    interp.limits.recursion_limit = (n as usize).min(interp.max_recursion_limit);
    Ok(Value::None)
}

pub(crate) fn module(interp: &Interp) -> Value {
    let fns: &[(&'static str, BuiltinImpl)] = &[
        ("exit", exit),
        ("getrecursionlimit", getrecursionlimit),
        ("setrecursionlimit", setrecursionlimit),
    ];
    let mut attrs: Vec<(&str, Value)> = fns.iter().map(|(n, f)| (*n, builtin_fn(n, *f))).collect();
    attrs.push(("argv", Value::list(vec![Value::str(&interp.filename)])));
    attrs.push(("version", Value::str("3.11.7 (main) [autograd playground]")));
    attrs.push((
        "version_info",
        Value::tuple(vec![
            Value::Int(3),
            Value::Int(11),
            Value::Int(7),
            Value::str("final"),
            Value::Int(0),
        ]),
    ));
    attrs.push(("maxsize", Value::Int(i64::MAX)));
    attrs.push(("platform", Value::str("linux")));
    attrs.push(("byteorder", Value::str("little")));
    attrs.push(("stdout", Value::Native(Rc::new(Stream { stderr: false }))));
    attrs.push(("stderr", Value::Native(Rc::new(Stream { stderr: true }))));
    super::module("sys", attrs)
}
