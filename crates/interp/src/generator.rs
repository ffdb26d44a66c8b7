//! Generator functions: a resumable statement executor.
//!
//! The evaluator is recursive, so a generator's body runs on an explicit stack of frames
//! instead: blocks, `for`/`while` loops and `yield from` are frames that survive between
//! `next()` calls, and every statement without a `yield` inside runs on the ordinary
//! evaluator. `yield` is supported as a statement and as an assignment's value (which
//! receives `None`: there is no `send()`); not inside `try`/`with` blocks.

use crate::ast::*;
use crate::error::{PyErr, PyResult};
use crate::eval::{EnvRef, FrameInfo, Interp, Unwind};
use crate::iter;
use crate::value::*;
use std::rc::Rc;

/// A suspended call of a generator function.
pub struct FnGen {
    pub func: Rc<Function>,
    pub env: EnvRef,
    pub(crate) frames: Vec<GFrame>,
    /// Assignment targets waiting for the value of the last `yield` (always `None`).
    pub(crate) pending: Option<Vec<Expr>>,
    /// What the body's `return` gave: the value of a `yield from` over this generator.
    ret: Value,
}

pub(crate) enum GFrame {
    Block {
        stmts: Rc<Vec<Stmt>>,
        idx: usize,
    },
    For {
        target: Expr,
        iter: Value,
        body: Rc<Vec<Stmt>>,
        orelse: Rc<Vec<Stmt>>,
    },
    While {
        test: Expr,
        body: Rc<Vec<Stmt>>,
        orelse: Rc<Vec<Stmt>>,
    },
    /// `targets = yield from iter`: the targets get the inner generator's return value.
    YieldFrom {
        iter: Value,
        targets: Vec<Expr>,
    },
}

impl FnGen {
    pub fn new(func: Rc<Function>, env: EnvRef) -> FnGen {
        let body = Rc::new(func.def.body.clone());
        FnGen {
            func,
            env,
            frames: vec![GFrame::Block {
                stmts: body,
                idx: 0,
            }],
            pending: None,
            ret: Value::None,
        }
    }

    /// Values owned by the suspended frames (for iterative dropping).
    pub(crate) fn take_values(&mut self) -> Vec<Value> {
        let mut out = vec![std::mem::replace(&mut self.ret, Value::None)];
        for f in self.frames.drain(..) {
            match f {
                GFrame::For { iter, .. } | GFrame::YieldFrom { iter, .. } => out.push(iter),
                _ => {}
            }
        }
        out
    }
}

impl Interp {
    /// Runs a generator until its next `yield` (`Some`) or its end (`None`).
    pub(crate) fn gen_resume(&mut self, g: &mut FnGen) -> PyResult<Option<Value>> {
        if g.frames.is_empty() {
            return Ok(None);
        }
        if self.depth >= self.limits.recursion_limit {
            return Err(PyErr::recursion_error("maximum recursion depth exceeded"));
        }
        self.depth += 1;
        self.frames.push(FrameInfo {
            name: g.func.name.to_string(),
            func: Some(g.func.clone()),
            env: g.env.clone(),
            call_line: self.current_line,
        });
        let r = self.gen_run(g);
        self.frames.pop();
        self.depth -= 1;
        if !matches!(r, Ok(Some(_))) {
            g.frames.clear();
        }
        r
    }

    fn gen_run(&mut self, g: &mut FnGen) -> PyResult<Option<Value>> {
        let env = g.env.clone();
        if let Some(targets) = g.pending.take() {
            for t in &targets {
                self.assign(t, Value::None, &env)?;
            }
        }
        loop {
            self.tick()?;
            let Some(top) = g.frames.last_mut() else {
                return Ok(None);
            };
            match top {
                GFrame::Block { stmts, idx } => {
                    let Some(s) = stmts.get(*idx).cloned() else {
                        g.frames.pop();
                        continue;
                    };
                    *idx += 1;
                    if !stmt_yields(&s) {
                        match self.exec_stmt(&s, &env) {
                            Ok(()) => {}
                            Err(Unwind::Error(e)) => return Err(e),
                            Err(Unwind::Return(v)) => {
                                g.ret = v;
                                return Ok(None);
                            }
                            Err(Unwind::Break) => gen_loop_exit(g, false),
                            Err(Unwind::Continue) => gen_loop_exit(g, true),
                        }
                        continue;
                    }
                    if let Some(v) = self.gen_yielding_stmt(g, &s, &env)? {
                        return Ok(Some(v));
                    }
                }
                GFrame::For {
                    target,
                    iter: it,
                    body,
                    orelse,
                } => {
                    let (target, it, body, orelse) =
                        (target.clone(), it.clone(), body.clone(), orelse.clone());
                    match iter::next_value(self, &it)? {
                        Some(item) => {
                            self.assign(&target, item, &env)?;
                            g.frames.push(GFrame::Block {
                                stmts: body,
                                idx: 0,
                            });
                        }
                        None => {
                            g.frames.pop();
                            g.frames.push(GFrame::Block {
                                stmts: orelse,
                                idx: 0,
                            });
                        }
                    }
                }
                GFrame::While { test, body, orelse } => {
                    let (test, body, orelse) = (test.clone(), body.clone(), orelse.clone());
                    let t = self.eval(&test, &env)?;
                    if self.truthy(&t)? {
                        g.frames.push(GFrame::Block {
                            stmts: body,
                            idx: 0,
                        });
                    } else {
                        g.frames.pop();
                        g.frames.push(GFrame::Block {
                            stmts: orelse,
                            idx: 0,
                        });
                    }
                }
                GFrame::YieldFrom { iter: it, targets } => {
                    let it = it.clone();
                    if let Some(v) = iter::next_value(self, &it)? {
                        return Ok(Some(v));
                    }
                    let targets = std::mem::take(targets);
                    g.frames.pop();
                    let mut ret = Value::None;
                    if let Value::Iterator(st) = &it {
                        if let iter::IterState::FnGen(Some(inner)) = &mut *st.borrow_mut() {
                            ret = std::mem::replace(&mut inner.ret, Value::None);
                        }
                    }
                    for t in &targets {
                        self.assign(t, ret.clone(), &env)?;
                    }
                }
            }
        }
    }

    /// A statement with a `yield` in it: yields now (`Some`) or pushes the frames to run.
    fn gen_yielding_stmt(
        &mut self,
        g: &mut FnGen,
        s: &Stmt,
        env: &EnvRef,
    ) -> PyResult<Option<Value>> {
        let block = |v: &Vec<Stmt>| GFrame::Block {
            stmts: Rc::new(v.clone()),
            idx: 0,
        };
        match &s.kind {
            StmtKind::Expr(e) | StmtKind::Assign { value: e, .. } => {
                let ExprKind::Yield { value, from } = &e.kind else {
                    return Ok(None);
                };
                let v = match value {
                    Some(x) => self.eval(x, env)?,
                    None => Value::None,
                };
                let targets = match &s.kind {
                    StmtKind::Assign { targets, .. } => targets.clone(),
                    _ => Vec::new(),
                };
                if *from {
                    let it = self.iter(&v)?;
                    g.frames.push(GFrame::YieldFrom { iter: it, targets });
                    return Ok(None);
                }
                if !targets.is_empty() {
                    g.pending = Some(targets);
                }
                Ok(Some(v))
            }
            StmtKind::For {
                target,
                iter: seq,
                body,
                orelse,
            } => {
                let v = self.eval(seq, env)?;
                let it = self.iter(&v)?;
                g.frames.push(GFrame::For {
                    target: target.clone(),
                    iter: it,
                    body: Rc::new(body.clone()),
                    orelse: Rc::new(orelse.clone()),
                });
                Ok(None)
            }
            StmtKind::While { test, body, orelse } => {
                g.frames.push(GFrame::While {
                    test: test.clone(),
                    body: Rc::new(body.clone()),
                    orelse: Rc::new(orelse.clone()),
                });
                Ok(None)
            }
            StmtKind::If { test, body, orelse } => {
                let t = self.eval(test, env)?;
                let f = if self.truthy(&t)? {
                    block(body)
                } else {
                    block(orelse)
                };
                g.frames.push(f);
                Ok(None)
            }
            _ => Err(PyErr::not_implemented(
                "'yield' inside try/with blocks or augmented assignments is not supported by this interpreter",
            )
            .with_span(s.span)),
        }
    }
}

/// `break` (leave the innermost loop, skipping its `else`) or `continue` (next iteration).
fn gen_loop_exit(g: &mut FnGen, is_continue: bool) {
    while let Some(f) = g.frames.last() {
        match f {
            GFrame::For { .. } | GFrame::While { .. } => {
                if !is_continue {
                    g.frames.pop();
                }
                return;
            }
            _ => {
                g.frames.pop();
            }
        }
    }
}
