//! Recursive-descent parser with precedence climbing for binary operators.
//! Error texts follow CPython 3.11 for the common mistakes.

use crate::ast::*;
use crate::error::PyErr;
use crate::fxhash::HashSet;
use crate::lexer::{tokenize, Tok, Token};
use crate::span::Span;
use num_traits::ToPrimitive;
use std::rc::Rc;

/// Nesting depth of expressions/statements beyond which parsing stops with an error
/// instead of risking the native stack.
const MAX_DEPTH: usize = 300;

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

pub fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

type PResult<T> = Result<T, PyErr>;

pub struct Parser {
    toks: Vec<Token>,
    pos: usize,
    lex_err: Option<PyErr>,
    depth: usize,
    func_depth: usize,
    loop_depth: usize,
}

/// Parses a whole program.
pub fn parse_module(src: &str) -> Result<Module, PyErr> {
    let (toks, lex_err) = tokenize(src);
    let mut p = Parser::new(toks, lex_err);
    let res = p.module();
    p.finish(res)
}

impl Parser {
    pub(crate) fn new(mut toks: Vec<Token>, lex_err: Option<PyErr>) -> Parser {
        if toks.last().map(|t| &t.tok) != Some(&Tok::EndMarker) {
            // Tokenizing stopped at an error: end the stream with a sentinel.
            let span = toks.last().map(|t| t.span).unwrap_or_default();
            toks.push(Token {
                tok: Tok::EndMarker,
                span,
                level: 0,
            });
        }
        Parser {
            toks,
            pos: 0,
            lex_err,
            depth: 0,
            func_depth: 0,
            loop_depth: 0,
        }
    }

    /// Chooses between a parse error and a tokenizer error the way CPython does: a
    /// tokenizer error wins over a generic "invalid syntax" and over reaching its position.
    pub(crate) fn finish<T>(&mut self, res: PResult<T>) -> PResult<T> {
        let Some(lex) = self.lex_err.take() else {
            return res;
        };
        match res {
            Ok(_) => Err(lex),
            Err(e) => {
                let at_end = self.pos + 1 >= self.toks.len();
                let in_brackets = self.tok().level > 0;
                let generic = e.message == "invalid syntax";
                // An unclosed bracket is only noticed at the end of input: it wins when the
                // parser got there, or when it failed inside brackets with a specific error
                // (CPython's error rules read ahead to the end). Other tokenizer errors also
                // replace a generic "invalid syntax" (CPython re-tokenizes the whole source).
                let wins = if lex.message.ends_with("was never closed") {
                    at_end || (in_brackets && !generic)
                } else {
                    generic || at_end || in_brackets
                };
                if wins {
                    Err(lex)
                } else {
                    Err(e)
                }
            }
        }
    }

    // ---- token helpers ----

    fn tok(&self) -> &Token {
        let i = self.pos.min(self.toks.len() - 1);
        &self.toks[i]
    }

    fn peek(&self) -> &Tok {
        &self.tok().tok
    }

    fn peek_n(&self, n: usize) -> &Tok {
        let i = (self.pos + n).min(self.toks.len() - 1);
        &self.toks[i].tok
    }

    fn span(&self) -> Span {
        self.tok().span
    }

    fn prev_span(&self) -> Span {
        if self.pos == 0 {
            self.span()
        } else {
            self.toks[(self.pos - 1).min(self.toks.len() - 1)].span
        }
    }

    /// Moves past the current token; returns its span.
    fn advance(&mut self) -> Span {
        let span = self.span();
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        span
    }

    fn at_op(&self, op: &str) -> bool {
        matches!(self.peek(), Tok::Op(o) if *o == op)
    }

    fn at_kw(&self, kw: &str) -> bool {
        matches!(self.peek(), Tok::Name(n) if **n == *kw)
    }

    fn eat_op(&mut self, op: &str) -> bool {
        if self.at_op(op) {
            self.advance();
            true
        } else {
            false
        }
    }

    fn eat_kw(&mut self, kw: &str) -> bool {
        if self.at_kw(kw) {
            self.advance();
            true
        } else {
            false
        }
    }

    fn invalid(&self) -> PyErr {
        let t = self.tok();
        let span = match t.tok {
            Tok::Newline | Tok::EndMarker => Span::point(t.span.line, t.span.col),
            _ => t.span,
        };
        if t.tok == Tok::Indent {
            return PyErr::indentation_error("unexpected indent").with_span(span);
        }
        PyErr::syntax_error("invalid syntax").with_span(span)
    }

    fn err_at(&self, msg: impl Into<String>, span: Span) -> PyErr {
        PyErr::syntax_error(msg).with_span(span)
    }

    fn expect_op(&mut self, op: &str) -> PResult<Span> {
        if self.at_op(op) {
            Ok(self.advance())
        } else {
            Err(self.invalid())
        }
    }

    fn expect_colon(&mut self) -> PResult<()> {
        if self.eat_op(":") {
            return Ok(());
        }
        if self.at_op("=") {
            return Err(self.invalid());
        }
        let prev = self.prev_span();
        let cur = self.span();
        let at = if cur.line == prev.end_line {
            Span::point(cur.line, cur.col)
        } else {
            Span::point(prev.end_line, prev.end_col)
        };
        Err(self.err_at("expected ':'", at))
    }

    /// `if x = 1:` and friends: CPython's hint for an assignment used as a condition.
    fn condition(&mut self) -> PResult<Expr> {
        let test = self.named_expr()?;
        if self.at_op("=") {
            return Err(self.err_at(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                test.span.to(self.span()),
            ));
        }
        Ok(test)
    }

    fn name(&mut self) -> PResult<(Rc<str>, Span)> {
        match self.peek() {
            Tok::Name(n) if !is_keyword(n) => {
                let n = n.clone();
                Ok((n, self.advance()))
            }
            _ => Err(self.invalid()),
        }
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(PyErr::new(
                "RecursionError",
                "maximum recursion depth exceeded during compilation",
            )
            .with_span(self.span()));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    // ---- statements ----

    fn module(&mut self) -> PResult<Module> {
        let mut body = Vec::new();
        loop {
            match self.peek() {
                Tok::EndMarker => break,
                Tok::Newline => {
                    self.advance();
                }
                _ => body.extend(self.statement()?),
            }
        }
        Ok(Module { body })
    }

    fn statement(&mut self) -> PResult<Vec<Stmt>> {
        self.enter()?;
        let r = self.statement_inner();
        self.leave();
        r
    }

    fn statement_inner(&mut self) -> PResult<Vec<Stmt>> {
        let start = self.span();
        if let Tok::Name(kw) = self.peek().clone() {
            let stmt = match &*kw {
                "if" => Some(self.if_stmt()?),
                "while" => Some(self.while_stmt()?),
                "for" => Some(self.for_stmt()?),
                "def" => Some(self.funcdef(Vec::new(), start)?),
                "class" => Some(self.classdef(Vec::new(), start)?),
                "try" => Some(self.try_stmt()?),
                "with" => Some(self.with_stmt()?),
                _ => None,
            };
            if let Some(s) = stmt {
                return Ok(vec![s]);
            }
        }
        if self.at_op("@") {
            let mut decorators = Vec::new();
            while self.eat_op("@") {
                decorators.push(self.named_expr()?);
                if !matches!(self.peek(), Tok::Newline) {
                    return Err(self.invalid());
                }
                self.advance();
            }
            let s = self.span();
            if self.at_kw("def") {
                return Ok(vec![self.funcdef(decorators, s)?]);
            }
            if self.at_kw("class") {
                return Ok(vec![self.classdef(decorators, s)?]);
            }
            return Err(self.invalid());
        }
        self.simple_stmts()
    }

    fn simple_stmts(&mut self) -> PResult<Vec<Stmt>> {
        let mut out = vec![self.simple_stmt()?];
        while self.eat_op(";") {
            if matches!(self.peek(), Tok::Newline) {
                break;
            }
            out.push(self.simple_stmt()?);
        }
        match self.peek() {
            Tok::Newline => {
                self.advance();
                Ok(out)
            }
            Tok::EndMarker => Ok(out),
            _ => Err(self.invalid()),
        }
    }

    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let start = self.span();
        if let Tok::Name(kw) = self.peek().clone() {
            match &*kw {
                "pass" => {
                    self.advance();
                    return Ok(Stmt {
                        kind: StmtKind::Pass,
                        span: start,
                    });
                }
                "break" | "continue" => {
                    self.advance();
                    if self.loop_depth == 0 {
                        let msg = if &*kw == "break" {
                            "'break' outside loop"
                        } else {
                            "'continue' not properly in loop"
                        };
                        return Err(self.err_at(msg, start));
                    }
                    let kind = if &*kw == "break" {
                        StmtKind::Break
                    } else {
                        StmtKind::Continue
                    };
                    return Ok(Stmt { kind, span: start });
                }
                "return" => {
                    self.advance();
                    let value = if self.at_stmt_end() {
                        None
                    } else {
                        Some(self.star_expressions()?)
                    };
                    let span = start.to(self.prev_span());
                    if self.func_depth == 0 {
                        return Err(self.err_at("'return' outside function", span));
                    }
                    return Ok(Stmt {
                        kind: StmtKind::Return(value),
                        span,
                    });
                }
                "raise" => {
                    self.advance();
                    let mut exc = None;
                    let mut cause = None;
                    if !self.at_stmt_end() {
                        exc = Some(self.test()?);
                        if self.eat_kw("from") {
                            cause = Some(self.test()?);
                        }
                    }
                    return Ok(Stmt {
                        kind: StmtKind::Raise { exc, cause },
                        span: start.to(self.prev_span()),
                    });
                }
                "global" | "nonlocal" => {
                    self.advance();
                    let mut names = vec![self.name()?.0];
                    while self.eat_op(",") {
                        names.push(self.name()?.0);
                    }
                    let span = start.to(self.prev_span());
                    if &*kw == "nonlocal" && self.func_depth == 0 {
                        return Err(
                            self.err_at("nonlocal declaration not allowed at module level", span)
                        );
                    }
                    let kind = if &*kw == "global" {
                        StmtKind::Global(names)
                    } else {
                        StmtKind::Nonlocal(names)
                    };
                    return Ok(Stmt { kind, span });
                }
                "del" => {
                    self.advance();
                    let mut targets = vec![self.bitor()?];
                    while self.eat_op(",") {
                        if self.at_stmt_end() {
                            break;
                        }
                        targets.push(self.bitor()?);
                    }
                    for t in &targets {
                        check_target(t, "delete")?;
                    }
                    return Ok(Stmt {
                        kind: StmtKind::Delete(targets),
                        span: start.to(self.prev_span()),
                    });
                }
                "assert" => {
                    self.advance();
                    let test = self.test()?;
                    let msg = if self.eat_op(",") {
                        Some(self.test()?)
                    } else {
                        None
                    };
                    return Ok(Stmt {
                        kind: StmtKind::Assert { test, msg },
                        span: start.to(self.prev_span()),
                    });
                }
                "import" => return self.import_stmt(),
                "from" => return self.import_from_stmt(),
                "await" | "async" => {
                    return Err(self.err_at(
                        format!("'{kw}' is not supported by this interpreter"),
                        self.span(),
                    ))
                }
                _ => {}
            }
        }
        self.expr_stmt()
    }

    fn at_stmt_end(&self) -> bool {
        matches!(self.peek(), Tok::Newline | Tok::EndMarker) || self.at_op(";")
    }

    fn expr_stmt(&mut self) -> PResult<Stmt> {
        let start = self.span();
        if self.at_kw("yield") {
            let y = self.yield_expr()?;
            return Ok(Stmt {
                span: y.span,
                kind: StmtKind::Expr(y),
            });
        }
        let first = self.star_expressions()?;
        // `print 'x'`: Python 2 style print statement.
        if let ExprKind::Name(n) = &first.kind {
            if (&**n == "print" || &**n == "exec") && self.starts_expr() {
                let end = self.rest_of_line_span();
                return Err(self.err_at(
                    format!("Missing parentheses in call to '{n}'. Did you mean {n}(...)?"),
                    start.to(end),
                ));
            }
        }
        if self.at_op("=") {
            let mut targets = vec![first];
            let mut value;
            loop {
                self.advance();
                value = self.assign_rhs()?;
                if !self.at_op("=") {
                    break;
                }
                targets.push(value);
            }
            let single = targets.len() == 1;
            for t in &targets {
                check_assign_target(t, single)?;
            }
            return Ok(Stmt {
                kind: StmtKind::Assign { targets, value },
                span: start.to(self.prev_span()),
            });
        }
        if let Tok::Op(op) = self.peek().clone() {
            if let Some(bin) = aug_op(op) {
                match &first.kind {
                    ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
                    }
                    _ => {
                        return Err(self.err_at(
                            format!(
                                "'{}' is an illegal expression for augmented assignment",
                                expr_kind_name(&first)
                            ),
                            first.span,
                        ))
                    }
                }
                self.advance();
                let value = self.assign_rhs()?;
                return Ok(Stmt {
                    kind: StmtKind::AugAssign {
                        target: first,
                        op: bin,
                        value,
                    },
                    span: start.to(self.prev_span()),
                });
            }
        }
        if self.at_op(":") {
            self.advance();
            check_assign_target(&first, false)?;
            let annotation = self.test()?;
            let value = if self.eat_op("=") {
                Some(self.assign_rhs()?)
            } else {
                None
            };
            return Ok(Stmt {
                kind: StmtKind::AnnAssign {
                    target: first,
                    annotation,
                    value,
                },
                span: start.to(self.prev_span()),
            });
        }
        if !self.at_stmt_end()
            && self.starts_expr()
            && !matches!(self.peek(), Tok::Name(n) if is_keyword(n))
        {
            // Two expressions in a row on one line.
            return Err(self.invalid());
        }
        Ok(Stmt {
            span: first.span,
            kind: StmtKind::Expr(first),
        })
    }

    fn rest_of_line_span(&self) -> Span {
        let mut i = self.pos;
        while i + 1 < self.toks.len() && !matches!(self.toks[i].tok, Tok::Newline | Tok::EndMarker)
        {
            i += 1;
        }
        if i > self.pos {
            self.toks[i - 1].span
        } else {
            self.span()
        }
    }

    fn assign_rhs(&mut self) -> PResult<Expr> {
        if self.at_kw("yield") {
            return self.yield_expr();
        }
        self.star_expressions()
    }

    /// `yield`, `yield x`, `yield a, b`, `yield from it`.
    fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.advance();
        if self.func_depth == 0 {
            return Err(self.err_at("'yield' outside function", start));
        }
        let from = self.eat_kw("from");
        let value = if self.at_stmt_end() || self.at_op(")") || self.at_op("=") {
            if from {
                return Err(self.invalid());
            }
            None
        } else {
            Some(Box::new(self.star_expressions()?))
        };
        Ok(Expr {
            span: start.to(self.prev_span()),
            kind: ExprKind::Yield { value, from },
        })
    }

    fn starts_expr(&self) -> bool {
        match self.peek() {
            Tok::Name(n) => {
                !is_keyword(n) || matches!(n.as_ref(), "None" | "True" | "False" | "lambda" | "not")
            }
            Tok::Int(_) | Tok::Float(_) | Tok::Str { .. } | Tok::Imaginary => true,
            Tok::Op(o) => matches!(*o, "(" | "[" | "{" | "-" | "+" | "~" | "..."),
            _ => false,
        }
    }

    fn import_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance();
        let mut names = Vec::new();
        loop {
            let name = self.dotted_name()?;
            let asname = if self.eat_kw("as") {
                Some(self.name()?.0)
            } else {
                None
            };
            names.push(Alias { name, asname });
            if !self.eat_op(",") {
                break;
            }
        }
        Ok(Stmt {
            kind: StmtKind::Import(names),
            span: start.to(self.prev_span()),
        })
    }

    fn dotted_name(&mut self) -> PResult<Rc<str>> {
        let mut s = self.name()?.0.to_string();
        while self.eat_op(".") {
            s.push('.');
            s.push_str(&self.name()?.0);
        }
        Ok(Rc::from(s.as_str()))
    }

    fn import_from_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance();
        let mut level = 0;
        while self.at_op(".") || self.at_op("...") {
            level += if self.at_op(".") { 1 } else { 3 };
            self.advance();
        }
        let module = if level > 0 && self.at_kw("import") {
            Rc::from("")
        } else {
            self.dotted_name()?
        };
        if !self.eat_kw("import") {
            return Err(self.invalid());
        }
        let mut names = Vec::new();
        if self.at_op("*") {
            self.advance();
            names.push(Alias {
                name: Rc::from("*"),
                asname: None,
            });
        } else {
            let paren = self.eat_op("(");
            loop {
                let name = self.name()?.0;
                let asname = if self.eat_kw("as") {
                    Some(self.name()?.0)
                } else {
                    None
                };
                names.push(Alias { name, asname });
                if !self.eat_op(",") {
                    break;
                }
                if paren && self.at_op(")") {
                    break;
                }
            }
            if paren {
                self.expect_op(")")?;
            }
        }
        Ok(Stmt {
            kind: StmtKind::ImportFrom {
                module,
                names,
                level,
            },
            span: start.to(self.prev_span()),
        })
    }

    /// Parses `':' block`, where the block is either simple statements on the same line
    /// or NEWLINE INDENT statements DEDENT.
    fn block(&mut self, what: &str, line: u32) -> PResult<Vec<Stmt>> {
        self.expect_colon()?;
        if !matches!(self.peek(), Tok::Newline) {
            return self.simple_stmts();
        }
        self.advance();
        if !matches!(self.peek(), Tok::Indent) {
            let s = self.span();
            let sp = Span::new(s.line, s.col, s.end_line, s.end_col);
            return Err(PyErr::indentation_error(format!(
                "expected an indented block after {what} on line {line}"
            ))
            .with_span(sp));
        }
        self.advance();
        let mut body = Vec::new();
        loop {
            match self.peek() {
                Tok::Dedent => {
                    self.advance();
                    break;
                }
                Tok::EndMarker => break,
                Tok::Newline => {
                    self.advance();
                }
                _ => body.extend(self.statement()?),
            }
        }
        Ok(body)
    }

    fn if_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance();
        let test = self.condition()?;
        let body = self.block("'if' statement", start.line)?;
        let orelse = self.elif_else()?;
        Ok(Stmt {
            kind: StmtKind::If { test, body, orelse },
            span: start,
        })
    }

    fn elif_else(&mut self) -> PResult<Vec<Stmt>> {
        if self.at_kw("elif") {
            let start = self.advance();
            let test = self.condition()?;
            let body = self.block("'elif' statement", start.line)?;
            let orelse = self.elif_else()?;
            return Ok(vec![Stmt {
                kind: StmtKind::If { test, body, orelse },
                span: start,
            }]);
        }
        if self.at_kw("else") {
            let start = self.advance();
            return self.block("'else' statement", start.line);
        }
        Ok(Vec::new())
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance();
        let test = self.condition()?;
        self.loop_depth += 1;
        let body = self.block("'while' statement", start.line);
        self.loop_depth -= 1;
        let body = body?;
        let orelse = if self.at_kw("else") {
            let s = self.advance();
            self.block("'else' statement", s.line)?
        } else {
            Vec::new()
        };
        Ok(Stmt {
            kind: StmtKind::While { test, body, orelse },
            span: start,
        })
    }

    fn for_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance();
        let target = self.target_list()?;
        if !self.eat_kw("in") {
            return Err(self.invalid());
        }
        let iter = self.star_expressions()?;
        self.loop_depth += 1;
        let body = self.block("'for' statement", start.line);
        self.loop_depth -= 1;
        let body = body?;
        let orelse = if self.at_kw("else") {
            let s = self.advance();
            self.block("'else' statement", s.line)?
        } else {
            Vec::new()
        };
        Ok(Stmt {
            kind: StmtKind::For {
                target,
                iter,
                body,
                orelse,
            },
            span: start,
        })
    }

    /// Targets of `for` and comprehensions: `a`, `a, b`, `(a, b)`, `x.y`, `x[i]`.
    fn target_list(&mut self) -> PResult<Expr> {
        let start = self.span();
        let mut items = vec![self.target_atom()?];
        let mut tuple = false;
        while self.eat_op(",") {
            tuple = true;
            if self.at_kw("in") || self.at_op("=") {
                break;
            }
            items.push(self.target_atom()?);
        }
        let e = if tuple {
            Expr {
                kind: ExprKind::Tuple(items),
                span: start.to(self.prev_span()),
            }
        } else {
            items.pop().unwrap_or(Expr {
                kind: ExprKind::Tuple(Vec::new()),
                span: start,
            })
        };
        check_target(&e, "assign to")?;
        Ok(e)
    }

    fn target_atom(&mut self) -> PResult<Expr> {
        if self.at_op("*") {
            let s = self.advance();
            let inner = self.bitor()?;
            return Ok(Expr {
                span: s.to(inner.span),
                kind: ExprKind::Starred(Box::new(inner)),
            });
        }
        self.bitor()
    }

    fn with_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance();
        let mut items = Vec::new();
        loop {
            let context_expr = self.test()?;
            let optional_vars = if self.eat_kw("as") {
                let t = self.target_atom()?;
                check_target(&t, "assign to")?;
                Some(t)
            } else {
                None
            };
            items.push(WithItem {
                context_expr,
                optional_vars,
            });
            if !self.eat_op(",") {
                break;
            }
        }
        let body = self.block("'with' statement", start.line)?;
        Ok(Stmt {
            kind: StmtKind::With { items, body },
            span: start,
        })
    }

    fn try_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance();
        let body = self.block("'try' statement", start.line)?;
        let mut handlers = Vec::new();
        while self.at_kw("except") {
            let hs = self.advance();
            let mut typ = None;
            let mut name = None;
            if !self.at_op(":") && !matches!(self.peek(), Tok::Newline) {
                typ = Some(self.test()?);
                if self.at_op(",") {
                    // `except A, B:` is not Python 3.
                    return Err(self.err_at(
                        "multiple exception types must be parenthesized",
                        typ.as_ref().map(|t| t.span).unwrap_or(hs),
                    ));
                }
                if self.eat_kw("as") {
                    name = Some(self.name()?.0);
                }
            }
            let hbody = self.block("'except' statement", hs.line)?;
            handlers.push(ExceptHandler {
                typ,
                name,
                body: hbody,
                span: hs,
            });
        }
        let orelse = if !handlers.is_empty() && self.at_kw("else") {
            let s = self.advance();
            self.block("'else' statement", s.line)?
        } else {
            Vec::new()
        };
        let finalbody = if self.at_kw("finally") {
            let s = self.advance();
            self.block("'finally' statement", s.line)?
        } else {
            Vec::new()
        };
        if handlers.is_empty() && finalbody.is_empty() {
            let mut s = self.span();
            if matches!(self.peek(), Tok::EndMarker | Tok::Dedent) {
                // At the end of the input CPython points after the body's last line.
                if let Some(nl) = self.toks[..self.pos.min(self.toks.len())]
                    .iter()
                    .rev()
                    .find(|t| t.tok == Tok::Newline)
                {
                    s = Span::point(nl.span.line, nl.span.col);
                }
            }
            return Err(self.err_at(
                "expected 'except' or 'finally' block",
                Span::point(s.line, s.col),
            ));
        }
        Ok(Stmt {
            kind: StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            },
            span: start,
        })
    }

    fn funcdef(&mut self, decorator_list: Vec<Expr>, start: Span) -> PResult<Stmt> {
        let def_span = self.advance();
        let (name, _) = self.name()?;
        self.expect_op("(")?;
        let args = self.parameters(")")?;
        self.expect_op(")")?;
        if self.eat_op("->") {
            self.test()?;
        }
        let saved_loop = self.loop_depth;
        self.loop_depth = 0;
        self.func_depth += 1;
        let body = self.block("function definition", def_span.line);
        self.func_depth -= 1;
        self.loop_depth = saved_loop;
        let body = body?;
        let scope = crate::scope::function_scope(&args, &body)?;
        let is_generator = contains_yield(&body);
        let def = FunctionDef {
            name,
            args,
            body,
            decorator_list,
            scope,
            is_lambda: false,
            is_generator,
            span: start.to(def_span),
        };
        Ok(Stmt {
            kind: StmtKind::FunctionDef(Rc::new(def)),
            span: def_span,
        })
    }

    /// Parameter list up to (not including) `close` (`)` for def, `:` for lambda).
    fn parameters(&mut self, close: &str) -> PResult<Arguments> {
        let mut a = Arguments::default();
        let mut seen_star = false;
        let mut names: HashSet<Rc<str>> = HashSet::default();
        while !self.at_op(close) {
            if self.at_op("**") {
                self.advance();
                let (n, s) = self.name()?;
                a.kwarg = Some(Arg { arg: n, span: s });
                self.eat_op(",");
                if !self.at_op(close) {
                    return Err(self.invalid());
                }
                break;
            }
            if self.at_op("*") {
                let star = self.advance();
                if seen_star {
                    return Err(self.invalid());
                }
                seen_star = true;
                let bare_end = self.at_op(close)
                    || (self.at_op(",")
                        && (matches!(self.peek_n(1), Tok::Op(o) if *o == close || *o == "**")));
                if bare_end {
                    return Err(self.err_at("named arguments must follow bare *", star));
                }
                if !self.at_op(",") {
                    let (n, s) = self.name()?;
                    if close == ")" && self.eat_op(":") {
                        self.test()?;
                    }
                    a.vararg = Some(Arg { arg: n, span: s });
                }
            } else if self.at_op("/") {
                self.advance();
            } else {
                let (n, s) = self.name()?;
                if !names.insert(n.clone()) {
                    return Err(self.err_at(
                        format!("duplicate argument '{n}' in function definition"),
                        s,
                    ));
                }
                if close == ")" && self.eat_op(":") {
                    self.test()?;
                }
                let default = if self.eat_op("=") {
                    Some(self.test()?)
                } else {
                    None
                };
                if seen_star {
                    a.kwonlyargs.push(Arg { arg: n, span: s });
                    a.kw_defaults.push(default);
                } else {
                    match default {
                        Some(d) => a.defaults.push(d),
                        None if !a.defaults.is_empty() => {
                            return Err(
                                self.err_at("non-default argument follows default argument", s)
                            )
                        }
                        None => {}
                    }
                    a.args.push(Arg { arg: n, span: s });
                }
            }
            if !self.eat_op(",") {
                break;
            }
        }
        Ok(a)
    }

    fn classdef(&mut self, decorator_list: Vec<Expr>, _start: Span) -> PResult<Stmt> {
        let cs = self.advance();
        let (name, _) = self.name()?;
        let mut bases = Vec::new();
        let mut keywords = Vec::new();
        if self.eat_op("(") {
            let (a, k) = self.call_args()?;
            bases = a;
            keywords = k;
            self.expect_op(")")?;
        }
        let saved = (self.func_depth, self.loop_depth);
        self.func_depth = 0;
        self.loop_depth = 0;
        let body = self.block("class definition", cs.line);
        self.func_depth = saved.0;
        self.loop_depth = saved.1;
        let body = body?;
        Ok(Stmt {
            kind: StmtKind::ClassDef(Rc::new(ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            })),
            span: cs,
        })
    }

    // ---- expressions ----

    /// `star_expressions`: one expression or a tuple without parentheses.
    pub fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.star_expr()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if !self.starts_expr() && !self.at_op("*") {
                break;
            }
            items.push(self.star_expr()?);
        }
        Ok(Expr {
            kind: ExprKind::Tuple(items),
            span: start.to(self.prev_span()),
        })
    }

    fn star_expr(&mut self) -> PResult<Expr> {
        if self.at_op("*") {
            let s = self.advance();
            let inner = self.bitor()?;
            return Ok(Expr {
                span: s.to(inner.span),
                kind: ExprKind::Starred(Box::new(inner)),
            });
        }
        self.named_expr()
    }

    fn named_expr(&mut self) -> PResult<Expr> {
        if let Tok::Name(n) = self.peek().clone() {
            if matches!(self.peek_n(1), Tok::Op(":=")) && !is_keyword(&n) {
                let s = self.advance();
                self.advance();
                let value = self.test()?;
                return Ok(Expr {
                    span: s.to(value.span),
                    kind: ExprKind::NamedExpr {
                        target: n.clone(),
                        value: Box::new(value),
                    },
                });
            }
        }
        self.test()
    }

    /// `expression`: conditional expressions and lambdas.
    pub fn test(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.test_inner();
        self.leave();
        r
    }

    fn test_inner(&mut self) -> PResult<Expr> {
        if self.at_kw("lambda") {
            return self.lambda();
        }
        let body = self.or_test()?;
        if self.at_kw("if") {
            self.advance();
            let test = self.or_test()?;
            if !self.eat_kw("else") {
                return Err(self.err_at(
                    "expected 'else' after 'if' expression",
                    body.span.to(test.span),
                ));
            }
            let orelse = self.test()?;
            return Ok(Expr {
                span: body.span.to(orelse.span),
                kind: ExprKind::IfExp {
                    test: Box::new(test),
                    body: Box::new(body),
                    orelse: Box::new(orelse),
                },
            });
        }
        Ok(body)
    }

    fn lambda(&mut self) -> PResult<Expr> {
        let start = self.advance();
        let args = self.parameters(":")?;
        self.expect_colon()?;
        let saved = (self.func_depth, self.loop_depth);
        self.func_depth += 1;
        self.loop_depth = 0;
        let body = self.test();
        self.func_depth = saved.0;
        self.loop_depth = saved.1;
        let body = body?;
        let span = start.to(body.span);
        let ret = Stmt {
            span: body.span,
            kind: StmtKind::Return(Some(body)),
        };
        let body = vec![ret];
        let scope = crate::scope::function_scope(&args, &body)?;
        Ok(Expr {
            kind: ExprKind::Lambda(Rc::new(FunctionDef {
                name: Rc::from("<lambda>"),
                args,
                body,
                decorator_list: Vec::new(),
                scope,
                is_lambda: true,
                is_generator: false,
                span,
            })),
            span,
        })
    }

    fn or_test(&mut self) -> PResult<Expr> {
        self.bool_op("or", BoolOp::Or, Self::and_test)
    }

    fn and_test(&mut self) -> PResult<Expr> {
        self.bool_op("and", BoolOp::And, Self::not_test)
    }

    /// `operand (keyword operand)*` as one `BoolOp` (a lone operand is returned as it is).
    fn bool_op(
        &mut self,
        keyword: &str,
        op: BoolOp,
        operand: fn(&mut Self) -> PResult<Expr>,
    ) -> PResult<Expr> {
        let first = operand(self)?;
        if !self.at_kw(keyword) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat_kw(keyword) {
            values.push(operand(self)?);
        }
        let span = values[0].span.to(values[values.len() - 1].span);
        Ok(Expr {
            kind: ExprKind::BoolOp { op, values },
            span,
        })
    }

    fn not_test(&mut self) -> PResult<Expr> {
        if self.at_kw("not") {
            let s = self.advance();
            self.enter()?;
            let operand = self.not_test();
            self.leave();
            let operand = operand?;
            return Ok(Expr {
                span: s.to(operand.span),
                kind: ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    operand: Box::new(operand),
                },
            });
        }
        self.comparison()
    }

    fn comp_op(&self) -> Option<(CmpOp, usize)> {
        match self.peek() {
            Tok::Op("==") => Some((CmpOp::Eq, 1)),
            Tok::Op("!=") => Some((CmpOp::NotEq, 1)),
            Tok::Op("<") => Some((CmpOp::Lt, 1)),
            Tok::Op("<=") => Some((CmpOp::LtE, 1)),
            Tok::Op(">") => Some((CmpOp::Gt, 1)),
            Tok::Op(">=") => Some((CmpOp::GtE, 1)),
            Tok::Name(n) if &**n == "in" => Some((CmpOp::In, 1)),
            Tok::Name(n) if &**n == "is" => {
                if matches!(self.peek_n(1), Tok::Name(m) if &**m == "not") {
                    Some((CmpOp::IsNot, 2))
                } else {
                    Some((CmpOp::Is, 1))
                }
            }
            Tok::Name(n) if &**n == "not" => {
                if matches!(self.peek_n(1), Tok::Name(m) if &**m == "in") {
                    Some((CmpOp::NotIn, 2))
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let left = self.bitor()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some((op, n)) = self.comp_op() {
            for _ in 0..n {
                self.advance();
            }
            ops.push(op);
            comparators.push(self.bitor()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        let span = left.span.to(comparators[comparators.len() - 1].span);
        Ok(Expr {
            kind: ExprKind::Compare {
                left: Box::new(left),
                ops,
                comparators,
            },
            span,
        })
    }

    fn binop_info(&self) -> Option<(BinOp, u8)> {
        let Tok::Op(o) = self.peek() else {
            return None;
        };
        Some(match *o {
            "|" => (BinOp::BitOr, 1),
            "^" => (BinOp::BitXor, 2),
            "&" => (BinOp::BitAnd, 3),
            "<<" => (BinOp::LShift, 4),
            ">>" => (BinOp::RShift, 4),
            "+" => (BinOp::Add, 5),
            "-" => (BinOp::Sub, 5),
            "*" => (BinOp::Mult, 6),
            "@" => (BinOp::MatMult, 6),
            "/" => (BinOp::Div, 6),
            "//" => (BinOp::FloorDiv, 6),
            "%" => (BinOp::Mod, 6),
            _ => return None,
        })
    }

    fn bitor(&mut self) -> PResult<Expr> {
        self.binary(1)
    }

    /// Precedence climbing over the left-associative binary operators.
    fn binary(&mut self, min_prec: u8) -> PResult<Expr> {
        let mut left = self.factor()?;
        while let Some((op, prec)) = self.binop_info() {
            if prec < min_prec {
                break;
            }
            self.advance();
            let right = self.binary(prec + 1)?;
            left = Expr {
                span: left.span.to(right.span),
                kind: ExprKind::BinOp {
                    left: Box::new(left),
                    op,
                    right: Box::new(right),
                },
            };
        }
        Ok(left)
    }

    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.peek() {
            Tok::Op("-") => Some(UnaryOp::USub),
            Tok::Op("+") => Some(UnaryOp::UAdd),
            Tok::Op("~") => Some(UnaryOp::Invert),
            _ => None,
        };
        if let Some(op) = op {
            let s = self.advance();
            self.enter()?;
            let operand = self.factor();
            self.leave();
            let operand = operand?;
            return Ok(Expr {
                span: s.to(operand.span),
                kind: ExprKind::UnaryOp {
                    op,
                    operand: Box::new(operand),
                },
            });
        }
        self.power()
    }

    fn power(&mut self) -> PResult<Expr> {
        let base = self.primary()?;
        if self.eat_op("**") {
            self.enter()?;
            let exp = self.factor();
            self.leave();
            let exp = exp?;
            return Ok(Expr {
                span: base.span.to(exp.span),
                kind: ExprKind::BinOp {
                    left: Box::new(base),
                    op: BinOp::Pow,
                    right: Box::new(exp),
                },
            });
        }
        Ok(base)
    }

    fn primary(&mut self) -> PResult<Expr> {
        let mut e = self.atom()?;
        loop {
            if self.at_op(".") {
                self.advance();
                let (attr, s) = self.name()?;
                e = Expr {
                    span: e.span.to(s),
                    kind: ExprKind::Attribute {
                        value: Box::new(e),
                        attr,
                    },
                };
            } else if self.at_op("(") {
                self.advance();
                let (args, keywords) = self.call_args()?;
                let end = self.expect_op(")")?;
                e = Expr {
                    span: e.span.to(end),
                    kind: ExprKind::Call {
                        func: Box::new(e),
                        args,
                        keywords,
                    },
                };
            } else if self.at_op("[") {
                self.advance();
                let slice = self.slices()?;
                let end = self.expect_op("]")?;
                e = Expr {
                    span: e.span.to(end),
                    kind: ExprKind::Subscript {
                        value: Box::new(e),
                        slice: Box::new(slice),
                    },
                };
            } else {
                break;
            }
        }
        Ok(e)
    }

    fn call_args(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        while !self.at_op(")") {
            let start = self.span();
            if self.eat_op("**") {
                let value = self.test()?;
                keywords.push(Keyword { arg: None, value });
            } else if self.at_op("*") {
                let s = self.advance();
                let inner = self.test()?;
                args.push(Expr {
                    span: s.to(inner.span),
                    kind: ExprKind::Starred(Box::new(inner)),
                });
            } else if matches!(self.peek(), Tok::Name(n) if !is_keyword(n))
                && matches!(self.peek_n(1), Tok::Op("="))
            {
                let (n, _) = self.name()?;
                self.advance();
                let value = self.test()?;
                keywords.push(Keyword {
                    arg: Some(n),
                    value,
                });
            } else {
                let e = self.named_expr()?;
                if self.at_kw("for") {
                    let gen = self.comprehension_tail(e, start, CompKind::Gen)?;
                    if !args.is_empty() || !keywords.is_empty() || self.at_op(",") {
                        let s = gen.span;
                        if self.at_op(",") || !args.is_empty() || !keywords.is_empty() {
                            return Err(
                                self.err_at("Generator expression must be parenthesized", s)
                            );
                        }
                    }
                    args.push(gen);
                    break;
                }
                if let Some(k) = keywords.iter().find(|k| k.arg.is_some()) {
                    let _ = k;
                    return Err(self.err_at("positional argument follows keyword argument", e.span));
                }
                if keywords.iter().any(|k| k.arg.is_none()) {
                    return Err(self.err_at(
                        "positional argument follows keyword argument unpacking",
                        e.span,
                    ));
                }
                args.push(e);
            }
            self.check_missing_comma(start)?;
            if !self.eat_op(",") {
                break;
            }
        }
        Ok((args, keywords))
    }

    /// Inside brackets, an expression directly followed by another is a missing comma.
    fn check_missing_comma(&self, start: Span) -> PResult<()> {
        let next_starts = match self.peek() {
            Tok::Name(n) => !is_keyword(n) || matches!(n.as_ref(), "None" | "True" | "False"),
            Tok::Int(_) | Tok::Float(_) | Tok::Str { .. } => true,
            _ => false,
        };
        if next_starts {
            let end = self.span();
            return Err(self.err_at("invalid syntax. Perhaps you forgot a comma?", start.to(end)));
        }
        Ok(())
    }

    fn slices(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.slice_item()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_op("]") {
                break;
            }
            items.push(self.slice_item()?);
        }
        Ok(Expr {
            kind: ExprKind::Tuple(items),
            span: start.to(self.prev_span()),
        })
    }

    fn slice_item(&mut self) -> PResult<Expr> {
        let start = self.span();
        let lower = if self.at_op(":") {
            None
        } else {
            let e = self.star_expr()?;
            if !self.at_op(":") {
                return Ok(e);
            }
            Some(Box::new(e))
        };
        self.expect_op(":")?;
        let upper = if self.at_op(":") || self.at_op(",") || self.at_op("]") {
            None
        } else {
            Some(Box::new(self.test()?))
        };
        let step = if self.eat_op(":") {
            if self.at_op(",") || self.at_op("]") {
                None
            } else {
                Some(Box::new(self.test()?))
            }
        } else {
            None
        };
        Ok(Expr {
            kind: ExprKind::Slice { lower, upper, step },
            span: start.to(self.prev_span()),
        })
    }

    fn atom(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.atom_inner();
        self.leave();
        r
    }

    fn atom_inner(&mut self) -> PResult<Expr> {
        let t = self.tok().clone();
        let span = t.span;
        let c = |k: Constant| Expr {
            kind: ExprKind::Constant(k),
            span,
        };
        match t.tok {
            Tok::Name(n) => {
                let e = match n.as_ref() {
                    "None" => c(Constant::None),
                    "True" => c(Constant::Bool(true)),
                    "False" => c(Constant::Bool(false)),
                    "yield" => {
                        return Err(self.err_at(
                            "'yield' inside an expression is not supported by this interpreter (use it as a statement)",
                            span,
                        ))
                    }
                    "await" => {
                        return Err(self
                            .err_at(format!("'{n}' is not supported by this interpreter"), span))
                    }
                    _ if is_keyword(&n) => return Err(self.invalid()),
                    _ => Expr {
                        kind: ExprKind::Name(n.clone()),
                        span,
                    },
                };
                self.advance();
                Ok(e)
            }
            Tok::Int(v) => {
                self.advance();
                Ok(match v.to_i64() {
                    Some(i) => c(Constant::Int(i)),
                    None => c(Constant::BigInt(Rc::new(v))),
                })
            }
            Tok::Float(f) => {
                self.advance();
                Ok(c(Constant::Float(f)))
            }
            Tok::Imaginary => Err(self.err_at(
                "complex numbers are not supported by this interpreter",
                span,
            )),
            Tok::Str { .. } => self.strings(),
            Tok::Op("(") => self.paren(),
            Tok::Op("[") => self.list_display(),
            Tok::Op("{") => self.dict_display(),
            Tok::Op("...") => {
                self.advance();
                Ok(c(Constant::Ellipsis))
            }
            _ => Err(self.invalid()),
        }
    }

    /// Adjacent string literals concatenate; f-strings become `JoinedStr`.
    fn strings(&mut self) -> PResult<Expr> {
        let start = self.span();
        let mut parts: Vec<Expr> = Vec::new();
        let mut any_f = false;
        let mut any_bytes = false;
        let mut all_bytes = true;
        while let Tok::Str {
            value,
            fstring,
            bytes,
        } = self.peek().clone()
        {
            let span = self.advance();
            any_bytes |= bytes;
            all_bytes &= bytes;
            match fstring {
                Some(raw) => {
                    any_f = true;
                    let col = span.col + 2;
                    parts.extend(crate::fstring::parse_fstring(&raw, span.line, col, span)?);
                }
                None => parts.push(Expr {
                    kind: ExprKind::Constant(Constant::Str(Rc::from(value.as_str()))),
                    span,
                }),
            }
        }
        let span = start.to(self.prev_span());
        if any_bytes && !all_bytes {
            return Err(self.err_at("cannot mix bytes and nonbytes literals", span));
        }
        if any_bytes {
            return Err(self.err_at("bytes literals are not supported by this interpreter", span));
        }
        // Merge adjacent constants.
        let mut merged: Vec<Expr> = Vec::new();
        for p in parts {
            if let (Some(last), ExprKind::Constant(Constant::Str(b))) = (merged.last_mut(), &p.kind)
            {
                if let ExprKind::Constant(Constant::Str(a)) = &last.kind {
                    let s = format!("{a}{b}");
                    last.kind = ExprKind::Constant(Constant::Str(Rc::from(s.as_str())));
                    continue;
                }
            }
            merged.push(p);
        }
        if !any_f {
            let s = merged
                .pop()
                .map(|e| e.kind)
                .unwrap_or(ExprKind::Constant(Constant::Str(Rc::from(""))));
            return Ok(Expr { kind: s, span });
        }
        Ok(Expr {
            kind: ExprKind::JoinedStr(merged),
            span,
        })
    }

    fn paren(&mut self) -> PResult<Expr> {
        let start = self.advance();
        if self.at_op(")") {
            let end = self.advance();
            return Ok(Expr {
                kind: ExprKind::Tuple(Vec::new()),
                span: start.to(end),
            });
        }
        let first_start = self.span();
        let first = self.star_expr()?;
        if self.at_kw("for") {
            let mut g = self.comprehension_tail(first, start, CompKind::Gen)?;
            let end = self.expect_op(")")?;
            g.span = start.to(end);
            return Ok(g);
        }
        self.check_missing_comma(first_start)?;
        if self.at_op(")") {
            self.advance();
            return Ok(first);
        }
        if !self.at_op(",") {
            return Err(self.invalid());
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_op(")") {
                break;
            }
            let s = self.span();
            items.push(self.star_expr()?);
            self.check_missing_comma(s)?;
        }
        let end = self.expect_op(")")?;
        Ok(Expr {
            kind: ExprKind::Tuple(items),
            span: start.to(end),
        })
    }

    fn list_display(&mut self) -> PResult<Expr> {
        let start = self.advance();
        let mut items = Vec::new();
        while !self.at_op("]") {
            let s = self.span();
            let e = self.star_expr()?;
            if items.is_empty() && self.at_kw("for") {
                let mut lc = self.comprehension_tail(e, start, CompKind::List)?;
                let end = self.expect_op("]")?;
                lc.span = start.to(end);
                return Ok(lc);
            }
            items.push(e);
            self.check_missing_comma(s)?;
            if !self.eat_op(",") {
                break;
            }
        }
        let end = self.expect_op("]")?;
        Ok(Expr {
            kind: ExprKind::List(items),
            span: start.to(end),
        })
    }

    fn dict_display(&mut self) -> PResult<Expr> {
        let start = self.advance();
        if self.at_op("}") {
            let end = self.advance();
            return Ok(Expr {
                kind: ExprKind::Dict {
                    keys: Vec::new(),
                    values: Vec::new(),
                },
                span: start.to(end),
            });
        }
        // Decide dict or set from the first item.
        if self.at_op("**") {
            return self.dict_rest(start, None);
        }
        let s = self.span();
        let first = self.star_expr()?;
        if self.at_op(":") {
            self.advance();
            let value = self.test()?;
            if self.at_kw("for") {
                let generators = self.comp_for()?;
                let scope = crate::scope::comp_scope(&generators);
                let end = self.expect_op("}")?;
                return Ok(Expr {
                    kind: ExprKind::DictComp {
                        key: Box::new(first),
                        value: Box::new(value),
                        generators: Rc::new(generators),
                        scope: Rc::new(scope),
                    },
                    span: start.to(end),
                });
            }
            self.check_missing_comma(value.span)?;
            return self.dict_rest(start, Some((first, value)));
        }
        if self.at_kw("for") {
            let mut sc = self.comprehension_tail(first, start, CompKind::Set)?;
            let end = self.expect_op("}")?;
            sc.span = start.to(end);
            return Ok(sc);
        }
        let mut items = vec![first];
        self.check_missing_comma(s)?;
        while self.eat_op(",") {
            if self.at_op("}") {
                break;
            }
            let s = self.span();
            items.push(self.star_expr()?);
            self.check_missing_comma(s)?;
        }
        let end = self.expect_op("}")?;
        Ok(Expr {
            kind: ExprKind::Set(items),
            span: start.to(end),
        })
    }

    fn dict_rest(&mut self, start: Span, first: Option<(Expr, Expr)>) -> PResult<Expr> {
        let mut keys = Vec::new();
        let mut values = Vec::new();
        let mut need_comma = false;
        if let Some((k, v)) = first {
            keys.push(Some(k));
            values.push(v);
            need_comma = true;
        }
        loop {
            if need_comma && !self.eat_op(",") {
                break;
            }
            need_comma = true;
            if self.at_op("}") {
                break;
            }
            if self.eat_op("**") {
                keys.push(None);
                values.push(self.bitor()?);
                continue;
            }
            let k = self.test()?;
            if !self.at_op(":") {
                if self.at_op("}") || self.at_op(",") {
                    let s = k.span;
                    return Err(self.err_at(
                        "':' expected after dictionary key",
                        Span::new(s.line, s.col, s.end_line, s.end_col),
                    ));
                }
                return Err(self.invalid());
            }
            self.advance();
            let v = self.test()?;
            self.check_missing_comma(v.span)?;
            keys.push(Some(k));
            values.push(v);
        }
        let end = self.expect_op("}")?;
        Ok(Expr {
            kind: ExprKind::Dict { keys, values },
            span: start.to(end),
        })
    }

    fn comp_for(&mut self) -> PResult<Vec<Comprehension>> {
        let mut gens = Vec::new();
        while self.eat_kw("for") {
            let target = self.target_list()?;
            if !self.eat_kw("in") {
                return Err(self.invalid());
            }
            let iter = self.or_test()?;
            let mut ifs = Vec::new();
            while self.eat_kw("if") {
                ifs.push(self.or_test()?);
            }
            gens.push(Comprehension { target, iter, ifs });
        }
        Ok(gens)
    }

    fn comprehension_tail(&mut self, elt: Expr, start: Span, kind: CompKind) -> PResult<Expr> {
        let generators = self.comp_for()?;
        let scope = Rc::new(crate::scope::comp_scope(&generators));
        let generators = Rc::new(generators);
        let elt = Box::new(elt);
        let span = start.to(self.prev_span());
        let kind = match kind {
            CompKind::List => ExprKind::ListComp {
                elt,
                generators,
                scope,
            },
            CompKind::Set => ExprKind::SetComp {
                elt,
                generators,
                scope,
            },
            CompKind::Gen => ExprKind::GeneratorExp {
                elt: Rc::new(*elt),
                generators,
                scope,
            },
        };
        Ok(Expr { kind, span })
    }

    /// Parses a complete expression (for f-string fields).
    pub(crate) fn expression_only(&mut self) -> PResult<Expr> {
        let e = self.star_expressions()?;
        if !matches!(self.peek(), Tok::EndMarker) {
            return Err(self.invalid());
        }
        Ok(e)
    }
}

enum CompKind {
    List,
    Set,
    Gen,
}

fn aug_op(op: &str) -> Option<BinOp> {
    Some(match op {
        "+=" => BinOp::Add,
        "-=" => BinOp::Sub,
        "*=" => BinOp::Mult,
        "@=" => BinOp::MatMult,
        "/=" => BinOp::Div,
        "//=" => BinOp::FloorDiv,
        "%=" => BinOp::Mod,
        "**=" => BinOp::Pow,
        "<<=" => BinOp::LShift,
        ">>=" => BinOp::RShift,
        "|=" => BinOp::BitOr,
        "^=" => BinOp::BitXor,
        "&=" => BinOp::BitAnd,
        _ => return None,
    })
}

fn expr_kind_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::Bool(true)) => "True",
        ExprKind::Constant(Constant::Bool(false)) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) | ExprKind::JoinedStr(_) => "literal",
        ExprKind::Call { .. } => "function call",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::Lambda(_) => "lambda",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Slice { .. } => "slice",
        ExprKind::Yield { .. } => "yield expression",
        _ => "expression",
    }
}

/// Validates a target of `=` (or `for`, `with`, `del` with `verb`).
fn check_target(e: &Expr, verb: &str) -> PResult<()> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
        ExprKind::Starred(inner) if verb != "delete" => check_target(inner, verb),
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            if verb != "delete" {
                let stars = items
                    .iter()
                    .filter(|i| matches!(i.kind, ExprKind::Starred(_)))
                    .count();
                if stars > 1 {
                    return Err(
                        PyErr::syntax_error("multiple starred expressions in assignment")
                            .with_span(e.span),
                    );
                }
            }
            items.iter().try_for_each(|i| check_target(i, verb))
        }
        _ => Err(
            PyErr::syntax_error(format!("cannot {verb} {}", expr_kind_name(e))).with_span(e.span),
        ),
    }
}

fn check_assign_target(e: &Expr, single: bool) -> PResult<()> {
    match &e.kind {
        ExprKind::Name(_)
        | ExprKind::Attribute { .. }
        | ExprKind::Subscript { .. }
        | ExprKind::Tuple(_)
        | ExprKind::List(_)
        | ExprKind::Starred(_) => check_target(e, "assign to"),
        ExprKind::Compare { .. }
        | ExprKind::Constant(Constant::None)
        | ExprKind::Constant(Constant::Bool(_)) => Err(PyErr::syntax_error(format!(
            "cannot assign to {}",
            expr_kind_name(e)
        ))
        .with_span(e.span)),
        _ if single => Err(PyErr::syntax_error(format!(
            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
            expr_kind_name(e)
        ))
        .with_span(e.span)),
        _ => Err(
            PyErr::syntax_error(format!("cannot assign to {}", expr_kind_name(e)))
                .with_span(e.span),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> String {
        match parse_module(src) {
            Ok(_) => "OK".into(),
            Err(e) => {
                let s = e.span.unwrap_or_default();
                format!("{} @{}:{}", e.last_line(), s.line, s.col + 1)
            }
        }
    }

    #[test]
    fn parses_program() {
        let m = parse_module(
            "import torch\nx = torch.ones(2, 2, requires_grad=True)\nif x:\n    y = [i * 2 for i in range(3) if i]\nelse:\n    pass\n",
        )
        .unwrap();
        assert_eq!(m.body.len(), 3);
    }

    #[test]
    fn precedence() {
        let m = parse_module("-2 ** 2 + 3 * 4 @ 5\n").unwrap();
        let StmtKind::Expr(e) = &m.body[0].kind else {
            panic!()
        };
        let ExprKind::BinOp { left, op, .. } = &e.kind else {
            panic!()
        };
        assert_eq!(*op, BinOp::Add);
        assert!(matches!(
            left.kind,
            ExprKind::UnaryOp {
                op: UnaryOp::USub,
                ..
            }
        ));
    }

    #[test]
    fn cpython_error_texts() {
        assert_eq!(
            err("print((1)\nx = 2\n"),
            "SyntaxError: '(' was never closed @1:6"
        );
        assert_eq!(err("if x\n  pass\n"), "SyntaxError: expected ':' @1:5");
        assert_eq!(
            err("if x:\npass\n"),
            "IndentationError: expected an indented block after 'if' statement on line 1 @2:1"
        );
        assert_eq!(err("  x = 1\n"), "IndentationError: unexpected indent @1:2");
        assert_eq!(err("x = 1 +\n"), "SyntaxError: invalid syntax @1:8");
        assert_eq!(err("a b\n"), "SyntaxError: invalid syntax @1:3");
        assert_eq!(err("def f(:\n"), "SyntaxError: invalid syntax @1:7");
        assert_eq!(
            err("return 1\n"),
            "SyntaxError: 'return' outside function @1:1"
        );
        assert_eq!(err("break\n"), "SyntaxError: 'break' outside loop @1:1");
        assert_eq!(
            err("print 'hello'\n"),
            "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)? @1:1"
        );
        assert_eq!(
            err("print(1 2)\n"),
            "SyntaxError: invalid syntax. Perhaps you forgot a comma? @1:7"
        );
        assert_eq!(
            err("1 = x\n"),
            "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='? @1:1"
        );
        assert_eq!(
            err("x = 5 if 3\n"),
            "SyntaxError: expected 'else' after 'if' expression @1:5"
        );
        assert_eq!(
            err("try:\n  pass\nx=1\n"),
            "SyntaxError: expected 'except' or 'finally' block @3:1"
        );
        assert_eq!(
            err("def f(a=1, b):\n  pass\n"),
            "SyntaxError: non-default argument follows default argument @1:12"
        );
        assert_eq!(
            err("f'{}'\n"),
            "SyntaxError: f-string: empty expression not allowed @1:6"
        );
        assert_eq!(err("x = (1 +\n"), "SyntaxError: '(' was never closed @1:5");
        assert_eq!(
            err("s = 'abc\n"),
            "SyntaxError: unterminated string literal (detected at line 1) @1:5"
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        crate::session::with_big_stack(deep_nesting);
    }

    fn deep_nesting() {
        assert!(err(&format!("{}1\n", "-".repeat(10000))).starts_with("RecursionError"));
        assert!(err(&format!("{}1\n", "not ".repeat(5000))).starts_with("RecursionError"));
        assert!(err(&"[".repeat(10000)).contains("too many nested parentheses"));
        let mut s = String::new();
        for i in 0..400 {
            s.push_str(&" ".repeat(i));
            s.push_str("if x:\n");
        }
        assert!(err(&s).contains("Error"));
    }
}
