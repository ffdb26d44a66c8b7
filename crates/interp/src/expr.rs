//! Expression evaluation, argument lists, comprehensions and lazy generator expressions.

use crate::ast::*;
use crate::error::{PyErr, PyResult};
use crate::eval::*;
use crate::fxhash::HashMap;
use crate::iter;
use crate::value::*;
use std::cell::RefCell;
use std::rc::Rc;

impl Interp {
    /// Evaluates an expression; errors get the expression's span if they have none.
    pub(crate) fn eval(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        self.eval_inner(e, env).map_err(|err| err.with_span(e.span))
    }

    pub(crate) fn eval_inner(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Constant(c) => Ok(match c {
                Constant::None => Value::None,
                Constant::Bool(b) => Value::Bool(*b),
                Constant::Int(i) => Value::Int(*i),
                Constant::BigInt(b) => Value::BigInt(b.clone()),
                Constant::Float(f) => Value::Float(*f),
                Constant::Str(s) => Value::Str(s.clone()),
                Constant::Ellipsis => Value::Ellipsis,
            }),
            ExprKind::Name(n) => self.load_name(n, env),
            ExprKind::BinOp { .. } => self.expr_bin_op(e, env),
            ExprKind::UnaryOp { .. } => self.expr_unary_op(e, env),
            ExprKind::BoolOp { .. } => self.expr_bool_op(e, env),
            ExprKind::Compare { .. } => self.expr_compare(e, env),
            ExprKind::NamedExpr { .. } => self.expr_named_expr(e, env),
            ExprKind::IfExp { .. } => self.expr_if_exp(e, env),
            ExprKind::Lambda(def) => self.make_function(def, env),
            ExprKind::Call { .. } => self.expr_call(e, env),
            ExprKind::Attribute { .. } => self.expr_attribute(e, env),
            ExprKind::Subscript { .. } => self.expr_subscript(e, env),
            ExprKind::Slice { .. } => self.expr_slice(e, env),
            ExprKind::List(..) => self.expr_list(e, env),
            ExprKind::Tuple(..) => self.expr_tuple(e, env),
            ExprKind::Set(..) => self.expr_set(e, env),
            ExprKind::Dict { .. } => self.expr_dict(e, env),
            ExprKind::ListComp { .. } => self.expr_list_comp(e, env),
            ExprKind::GeneratorExp { .. } => self.expr_generator_exp(e, env),
            ExprKind::SetComp { .. } => self.expr_set_comp(e, env),
            ExprKind::DictComp { .. } => self.expr_dict_comp(e, env),
            ExprKind::JoinedStr(..) => self.expr_joined_str(e, env),
            ExprKind::FormattedValue { .. } => self.expr_formatted_value(e, env),
            ExprKind::Starred(_) => Err(PyErr::syntax_error("can't use starred expression here")),
            ExprKind::Yield { .. } => Err(PyErr::not_implemented(
                "'yield' here is not supported by this interpreter (use it as a statement)",
            )),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn expr_bin_op(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::BinOp { left, op, right } => {
                let a = self.eval(left, env)?;
                let b = self.eval(right, env)?;
                self.binary_op(&a, &b, *op)
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn expr_unary_op(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::UnaryOp { op, operand } => {
                let v = self.eval(operand, env)?;
                self.unary_op(*op, &v)
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn expr_bool_op(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                let mut last = Value::None;
                for (i, ve) in values.iter().enumerate() {
                    last = self.eval(ve, env)?;
                    if i + 1 == values.len() {
                        break;
                    }
                    let t = self.truthy(&last)?;
                    match op {
                        BoolOp::And if !t => return Ok(last),
                        BoolOp::Or if t => return Ok(last),
                        _ => {}
                    }
                }
                Ok(last)
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn expr_compare(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                let mut a = self.eval(left, env)?;
                let mut result = Value::Bool(true);
                for (i, (op, ce)) in ops.iter().zip(comparators).enumerate() {
                    let b = self.eval(ce, env)?;
                    result = self.compare(&a, &b, *op)?;
                    if i + 1 < ops.len() && !self.truthy(&result)? {
                        return Ok(result);
                    }
                    a = b;
                }
                Ok(result)
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn expr_named_expr(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                let v = self.eval(value, env)?;
                // `:=` inside a comprehension binds in the enclosing function or module.
                let mut target_env = env.clone();
                while let Some(e) = &target_env {
                    if matches!(e.kind, EnvKind::Comprehension(_)) {
                        target_env = e.parent.clone();
                    } else {
                        break;
                    }
                }
                self.store_name(target, v.clone(), &target_env)?;
                Ok(v)
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn expr_if_exp(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::IfExp { test, body, orelse } => {
                let t = self.eval(test, env)?;
                if self.truthy(&t)? {
                    self.eval(body, env)
                } else {
                    self.eval(orelse, env)
                }
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn expr_call(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                let f = self.eval(func, env)?;
                let args = self.eval_args(args, keywords, env)?;
                self.call(&f, args)
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn expr_attribute(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Attribute { value, attr } => {
                let v = self.eval(value, env)?;
                self.get_attr(&v, attr)
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn expr_subscript(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Subscript { value, slice } => {
                let v = self.eval(value, env)?;
                let k = self.eval(slice, env)?;
                self.get_item(&v, &k)
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn expr_slice(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Slice { lower, upper, step } => {
                let mut ev = |x: &Option<Box<Expr>>| -> PyResult<Value> {
                    match x {
                        Some(e) => self.eval(e, env),
                        None => Ok(Value::None),
                    }
                };
                let start = ev(lower)?;
                let stop = ev(upper)?;
                let step = ev(step)?;
                Ok(Value::Slice(Rc::new(SliceObj { start, stop, step })))
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn expr_list(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::List(items) => {
                let v = self.eval_items(items, env)?;
                Ok(Value::list(v))
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn expr_tuple(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Tuple(items) => {
                let v = self.eval_items(items, env)?;
                Ok(Value::tuple(v))
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn expr_set(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Set(items) => {
                let v = self.eval_items(items, env)?;
                crate::builtins::python::make_set(self, v)
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn expr_dict(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Dict { keys, values } => {
                let mut data = DictData::default();
                for (k, ve) in keys.iter().zip(values) {
                    match k {
                        Some(k) => {
                            let kv = self.eval(k, env)?;
                            let vv = self.eval(ve, env)?;
                            let hk = self.hash_key(&kv).map_err(|e| e.with_span(k.span))?;
                            data.insert(hk, kv, vv);
                        }
                        None => {
                            let m = self.eval(ve, env)?;
                            let Some(d) = m.dict_obj() else {
                                return Err(PyErr::type_error(format!(
                                    "'{}' object is not a mapping",
                                    m.type_name()
                                )));
                            };
                            let entries = d.data.borrow().keyed_entries();
                            for (hk, k, v) in entries {
                                data.insert(hk, k, v);
                            }
                        }
                    }
                }
                Ok(Value::Dict(Rc::new(DictObj {
                    data: RefCell::new(data),
                })))
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn expr_list_comp(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::ListComp {
                elt,
                generators,
                scope,
            } => {
                let mut out = Vec::new();
                self.comprehension(generators, scope, env, &mut |it, cenv| {
                    out.push(it.eval(elt, cenv)?);
                    Ok(())
                })?;
                Ok(Value::list(out))
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn expr_generator_exp(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::GeneratorExp {
                elt,
                generators,
                scope,
            } => {
                // Lazy, as in Python: the first iterable is evaluated now, the rest on demand.
                let Some(first) = generators.first() else {
                    return Ok(iter::from_items(Vec::new(), "generator"));
                };
                let seq = self.eval(&first.iter, env)?;
                let iterator = self.iter(&seq)?;
                let cenv: EnvRef = Some(Rc::new(Env {
                    vars: RefCell::new(HashMap::default()),
                    parent: env.clone(),
                    kind: EnvKind::Comprehension(scope.clone()),
                }));
                Ok(iter::make(iter::IterState::Gen(Box::new(iter::GenState {
                    elt: elt.clone(),
                    gens: generators.clone(),
                    env: cenv,
                    iters: vec![iterator],
                }))))
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn expr_set_comp(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::SetComp {
                elt,
                generators,
                scope,
            } => {
                let mut out = Vec::new();
                self.comprehension(generators, scope, env, &mut |it, cenv| {
                    out.push(it.eval(elt, cenv)?);
                    Ok(())
                })?;
                crate::builtins::python::make_set(self, out)
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn expr_dict_comp(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::DictComp {
                key,
                value,
                generators,
                scope,
            } => {
                let mut data = DictData::default();
                self.comprehension(generators, scope, env, &mut |it, cenv| {
                    let k = it.eval(key, cenv)?;
                    let v = it.eval(value, cenv)?;
                    data.insert(it.hash_key(&k)?, k, v);
                    Ok(())
                })?;
                Ok(Value::Dict(Rc::new(DictObj {
                    data: RefCell::new(data),
                })))
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn expr_joined_str(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::JoinedStr(parts) => {
                let mut s = String::new();
                for p in parts {
                    let v = self.eval(p, env)?;
                    match &v {
                        Value::Str(x) => s.push_str(x),
                        other => s.push_str(&self.to_str(other)?),
                    }
                }
                Ok(Value::str(&s))
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn expr_formatted_value(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                let v = self.eval(value, env)?;
                let v = match conversion {
                    Some('r') => Value::str(&self.repr(&v)?),
                    Some('a') => Value::str(&crate::format::ascii_escape(&self.repr(&v)?)),
                    Some('s') => Value::str(&self.to_str(&v)?),
                    _ => v,
                };
                let spec = match format_spec {
                    Some(s) => {
                        let sv = self.eval(s, env)?;
                        self.to_str(&sv)?
                    }
                    None => String::new(),
                };
                Ok(Value::str(&self.format_value(&v, &spec)?))
            }
            _ => Ok(Value::None),
        }
    }

    pub(crate) fn eval_items(&mut self, items: &[Expr], env: &EnvRef) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(items.len());
        for i in items {
            if let ExprKind::Starred(inner) = &i.kind {
                let v = self.eval(inner, env)?;
                out.extend(self.collect(&v)?);
            } else {
                out.push(self.eval(i, env)?);
            }
        }
        Ok(out)
    }

    pub(crate) fn eval_args(
        &mut self,
        args: &[Expr],
        keywords: &[Keyword],
        env: &EnvRef,
    ) -> PyResult<Args> {
        let positional = self.eval_items(args, env)?;
        let mut kwargs: Vec<(Rc<str>, Value)> = Vec::with_capacity(keywords.len());
        for k in keywords {
            let v = self.eval(&k.value, env)?;
            match &k.arg {
                Some(name) => kwargs.push((name.clone(), v)),
                None => {
                    let Some(d) = v.dict_obj() else {
                        return Err(PyErr::type_error(format!(
                            "argument after ** must be a mapping, not {}",
                            v.type_name()
                        )));
                    };
                    for (k, v) in d.data.borrow().entries.iter() {
                        let Value::Str(s) = k else {
                            return Err(PyErr::type_error("keywords must be strings"));
                        };
                        kwargs.push((s.clone(), v.clone()));
                    }
                }
            }
        }
        Ok(Args { positional, kwargs })
    }

    pub(crate) fn comprehension(
        &mut self,
        gens: &[Comprehension],
        scope: &Rc<Scope>,
        env: &EnvRef,
        body: &mut dyn FnMut(&mut Interp, &EnvRef) -> PyResult<()>,
    ) -> PyResult<()> {
        let Some(first) = gens.first() else {
            return Ok(());
        };
        let seq = self.eval(&first.iter, env)?;
        let iterator = self.iter(&seq)?;
        let cenv: EnvRef = Some(Rc::new(Env {
            vars: RefCell::new(HashMap::default()),
            parent: env.clone(),
            kind: EnvKind::Comprehension(scope.clone()),
        }));
        self.comp_level(gens, 0, iterator, &cenv, body)
    }

    pub(crate) fn comp_level(
        &mut self,
        gens: &[Comprehension],
        level: usize,
        iterator: Value,
        cenv: &EnvRef,
        body: &mut dyn FnMut(&mut Interp, &EnvRef) -> PyResult<()>,
    ) -> PyResult<()> {
        let g = &gens[level];
        'items: while let Some(item) = iter::next_value(self, &iterator)? {
            self.assign(&g.target, item, cenv)?;
            for cond in &g.ifs {
                let c = self.eval(cond, cenv)?;
                if !self.truthy(&c)? {
                    continue 'items;
                }
            }
            if level + 1 < gens.len() {
                let seq = self.eval(&gens[level + 1].iter, cenv)?;
                let inner = self.iter(&seq)?;
                self.comp_level(gens, level + 1, inner, cenv, body)?;
            } else {
                body(self, cenv)?;
            }
        }
        Ok(())
    }

    /// One step of a lazy generator expression: the next element, or `None` when done.
    pub(crate) fn gen_step(&mut self, st: &mut iter::GenState) -> PyResult<Option<Value>> {
        loop {
            let level = st.iters.len();
            let Some(it) = st.iters.last().cloned() else {
                return Ok(None);
            };
            let Some(item) = iter::next_value(self, &it)? else {
                st.iters.pop();
                continue;
            };
            let g = &st.gens[level - 1];
            self.assign(&g.target, item, &st.env)?;
            let mut keep = true;
            for cond in &g.ifs {
                let c = self.eval(cond, &st.env)?;
                if !self.truthy(&c)? {
                    keep = false;
                    break;
                }
            }
            if !keep {
                continue;
            }
            if level < st.gens.len() {
                let seq = self.eval(&st.gens[level].iter, &st.env)?;
                let inner = self.iter(&seq)?;
                st.iters.push(inner);
                continue;
            }
            return self.eval(&st.elt, &st.env).map(Some);
        }
    }

    // ---- functions and classes ----
}
