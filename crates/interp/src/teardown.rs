//! Teardown: frees reference cycles when an interpreter is dropped.
//!
//! Values are reference-counted without a cycle collector, so cycles (a class whose methods
//! close over the scope holding the class, `a.append(a)`, `self.me = self`) would outlive the
//! interpreter. When an `Interp` is dropped, everything reachable from its roots (globals,
//! modules, builtins, exception classes) is emptied, which breaks those cycles. Only
//! unreachable cycles created and dropped during the run itself remain (as in CPython without
//! its collector).

use crate::eval::{Env, Interp};
use crate::fxhash::HashSet;
use crate::value::Value;
use std::rc::Rc;

impl Drop for Interp {
    fn drop(&mut self) {
        let mut stack: Vec<Value> = Vec::new();
        stack.extend(self.globals.get_mut().drain().map(|(_, v)| v));
        stack.extend(self.modules.drain().map(|(_, v)| v));
        stack.extend(self.builtins.drain().map(|(_, v)| v));
        stack.extend(self.exc_classes.drain().map(|(_, c)| Value::Class(c)));
        break_cycles(stack);
    }
}

fn clear_env(env: &Rc<Env>, stack: &mut Vec<Value>, envs: &mut Vec<Rc<Env>>) {
    stack.extend(env.vars.borrow_mut().drain().map(|(_, v)| v));
    if let Some(p) = &env.parent {
        envs.push(p.clone());
    }
}

fn break_cycles(mut stack: Vec<Value>) {
    let mut seen: HashSet<usize> = HashSet::default();
    let mut envs: Vec<Rc<Env>> = Vec::new();
    loop {
        while let Some(e) = envs.pop() {
            if seen.insert(Rc::as_ptr(&e) as *const u8 as usize) {
                clear_env(&e, &mut stack, &mut envs);
            }
        }
        let Some(v) = stack.pop() else { break };
        if !seen.insert(v.id()) && !matches!(v, Value::Int(_) | Value::Float(_) | Value::Bool(_)) {
            continue;
        }
        match &v {
            Value::Function(f) => {
                if let Some(env) = &f.closure {
                    envs.push(env.clone());
                }
                stack.extend(f.defaults.iter().cloned());
                stack.extend(f.kw_defaults.iter().flatten().cloned());
                stack.extend(f.attrs.borrow_mut().drain().map(|(_, v)| v));
            }
            Value::Class(c) => {
                stack.extend(c.dict.borrow_mut().drain().map(|(_, v)| v));
                stack.extend(c.bases.iter().cloned());
            }
            Value::Instance(i) => {
                let data = std::mem::take(&mut *i.dict.borrow_mut());
                for (k, v) in data.entries {
                    stack.push(k);
                    stack.push(v);
                }
                stack.extend(i.native.borrow_mut().take());
            }
            Value::List(l) => stack.append(&mut l.items.borrow_mut()),
            Value::Tuple(t) => stack.extend(t.items.iter().cloned()),
            Value::Dict(d) => {
                let data = std::mem::take(&mut *d.data.borrow_mut());
                for (k, v) in data.entries {
                    stack.push(k);
                    stack.push(v);
                }
            }
            Value::Set(d) => {
                let data = std::mem::take(&mut *d.data.borrow_mut());
                stack.extend(data.entries.into_iter().map(|(k, _)| k));
            }
            Value::Module(m) => stack.extend(m.attrs.borrow_mut().drain().map(|(_, v)| v)),
            Value::BoundMethod(m) => {
                stack.push(m.func.clone());
                stack.push(m.this.clone());
            }
            Value::Builtin(b) => stack.extend(b.this.clone()),
            Value::Iterator(it) => stack.extend(it.borrow_mut().take_values()),
            Value::Property(x) | Value::StaticMethod(x) | Value::ClassMethod(x) => {
                stack.push((**x).clone())
            }
            Value::Super(s) => {
                stack.push(Value::Class(s.0.clone()));
                stack.push(s.1.clone());
            }
            _ => {}
        }
    }
}
