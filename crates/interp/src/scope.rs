//! Scope analysis at parse time: which names a function or comprehension binds locally
//! (and which it declares `global`/`nonlocal`), as CPython's symbol table decides.

use crate::ast::*;
use crate::error::PyErr;
use crate::fxhash::HashSet;
use std::rc::Rc;

type PResult<T> = Result<T, PyErr>;

fn bind_target(e: &Expr, out: &mut HashSet<Rc<str>>) {
    match &e.kind {
        ExprKind::Name(n) => {
            out.insert(n.clone());
        }
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            items.iter().for_each(|i| bind_target(i, out))
        }
        ExprKind::Starred(inner) => bind_target(inner, out),
        _ => {}
    }
}

fn collect_bindings(body: &[Stmt], scope: &mut Scope) -> PResult<()> {
    for s in body {
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                scope.locals.insert(f.name.clone());
            }
            StmtKind::ClassDef(c) => {
                scope.locals.insert(c.name.clone());
            }
            StmtKind::Assign { targets, .. } => targets
                .iter()
                .for_each(|t| bind_target(t, &mut scope.locals)),
            StmtKind::AugAssign { target, .. } | StmtKind::AnnAssign { target, .. } => {
                bind_target(target, &mut scope.locals)
            }
            StmtKind::Delete(ts) => ts.iter().for_each(|t| bind_target(t, &mut scope.locals)),
            StmtKind::For {
                target,
                body,
                orelse,
                ..
            } => {
                bind_target(target, &mut scope.locals);
                collect_bindings(body, scope)?;
                collect_bindings(orelse, scope)?;
            }
            StmtKind::While { body, orelse, .. } | StmtKind::If { body, orelse, .. } => {
                collect_bindings(body, scope)?;
                collect_bindings(orelse, scope)?;
            }
            StmtKind::With { items, body } => {
                for i in items {
                    if let Some(v) = &i.optional_vars {
                        bind_target(v, &mut scope.locals);
                    }
                }
                collect_bindings(body, scope)?;
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                collect_bindings(body, scope)?;
                for h in handlers {
                    if let Some(n) = &h.name {
                        scope.locals.insert(n.clone());
                    }
                    collect_bindings(&h.body, scope)?;
                }
                collect_bindings(orelse, scope)?;
                collect_bindings(finalbody, scope)?;
            }
            StmtKind::Import(names) => {
                for a in names {
                    let n = a
                        .asname
                        .clone()
                        .unwrap_or_else(|| Rc::from(a.name.split('.').next().unwrap_or("")));
                    scope.locals.insert(n);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    scope
                        .locals
                        .insert(a.asname.clone().unwrap_or_else(|| a.name.clone()));
                }
            }
            StmtKind::Global(names) | StmtKind::Nonlocal(names) => {
                let is_global = matches!(s.kind, StmtKind::Global(_));
                for n in names {
                    if scope.locals.contains(n) {
                        let what = if is_global { "global" } else { "nonlocal" };
                        return Err(PyErr::syntax_error(format!(
                            "name '{n}' is assigned to before {what} declaration"
                        ))
                        .with_span(s.span));
                    }
                    if is_global {
                        scope.globals.insert(n.clone());
                    } else {
                        scope.nonlocals.insert(n.clone());
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

pub(crate) fn function_scope(args: &Arguments, body: &[Stmt]) -> PResult<Scope> {
    let mut scope = Scope::default();
    collect_bindings(body, &mut scope)?;
    for a in args
        .args
        .iter()
        .chain(args.kwonlyargs.iter())
        .chain(args.vararg.iter())
        .chain(args.kwarg.iter())
    {
        scope.locals.insert(a.arg.clone());
    }
    for g in scope.globals.iter().chain(scope.nonlocals.iter()) {
        scope.locals.remove(g);
    }
    Ok(scope)
}

pub(crate) fn comp_scope(gens: &[Comprehension]) -> Scope {
    let mut scope = Scope::default();
    for g in gens {
        bind_target(&g.target, &mut scope.locals);
    }
    scope
}
