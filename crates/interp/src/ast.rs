//! The syntax tree. Node and field names follow Python's `ast` module.

use crate::fxhash::HashSet;
use crate::span::Span;
use num_bigint::BigInt;
use std::rc::Rc;

#[derive(Debug, Clone)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum Constant {
    None,
    Bool(bool),
    Int(i64),
    BigInt(Rc<BigInt>),
    Float(f64),
    Str(Rc<str>),
    Ellipsis,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mult => "*",
            BinOp::MatMult => "@",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
        }
    }

    /// The name of the special method, without underscores (`add` for `__add__`).
    pub fn dunder(self) -> &'static str {
        match self {
            BinOp::Add => "add",
            BinOp::Sub => "sub",
            BinOp::Mult => "mul",
            BinOp::MatMult => "matmul",
            BinOp::Div => "truediv",
            BinOp::FloorDiv => "floordiv",
            BinOp::Mod => "mod",
            BinOp::Pow => "pow",
            BinOp::LShift => "lshift",
            BinOp::RShift => "rshift",
            BinOp::BitOr => "or",
            BinOp::BitXor => "xor",
            BinOp::BitAnd => "and",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            CmpOp::GtE => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Keyword {
    /// `None` for `**kwargs`.
    pub arg: Option<Rc<str>>,
    pub value: Expr,
}

#[derive(Debug, Clone)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
}

#[derive(Debug, Clone)]
pub enum ExprKind {
    Constant(Constant),
    Name(Rc<str>),
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    NamedExpr {
        target: Rc<str>,
        value: Box<Expr>,
    },
    BinOp {
        left: Box<Expr>,
        op: BinOp,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Lambda(Rc<FunctionDef>),
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    Dict {
        /// `None` key means `**mapping`.
        keys: Vec<Option<Expr>>,
        values: Vec<Expr>,
    },
    Set(Vec<Expr>),
    ListComp {
        elt: Box<Expr>,
        generators: Rc<Vec<Comprehension>>,
        scope: Rc<Scope>,
    },
    SetComp {
        elt: Box<Expr>,
        generators: Rc<Vec<Comprehension>>,
        scope: Rc<Scope>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Rc<Vec<Comprehension>>,
        scope: Rc<Scope>,
    },
    GeneratorExp {
        elt: Rc<Expr>,
        generators: Rc<Vec<Comprehension>>,
        scope: Rc<Scope>,
    },
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    FormattedValue {
        value: Box<Expr>,
        conversion: Option<char>,
        format_spec: Option<Box<Expr>>,
    },
    JoinedStr(Vec<Expr>),
    Attribute {
        value: Box<Expr>,
        attr: Rc<str>,
    },
    Subscript {
        value: Box<Expr>,
        slice: Box<Expr>,
    },
    Starred(Box<Expr>),
    /// `yield x` / `yield from it`: only as a statement or an assignment's value.
    Yield {
        value: Option<Box<Expr>>,
        from: bool,
    },
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
}

/// Which names a function (or comprehension, or class body) binds locally, found at parse time.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    pub locals: HashSet<Rc<str>>,
    pub globals: HashSet<Rc<str>>,
    pub nonlocals: HashSet<Rc<str>>,
}

#[derive(Debug, Clone)]
pub struct Arg {
    pub arg: Rc<str>,
    pub span: Span,
}

#[derive(Debug, Clone, Default)]
pub struct Arguments {
    pub args: Vec<Arg>,
    pub vararg: Option<Arg>,
    pub kwonlyargs: Vec<Arg>,
    /// One entry per keyword-only argument.
    pub kw_defaults: Vec<Option<Expr>>,
    pub kwarg: Option<Arg>,
    /// Defaults for the last `defaults.len()` positional arguments.
    pub defaults: Vec<Expr>,
}

#[derive(Debug, Clone)]
pub struct FunctionDef {
    pub name: Rc<str>,
    pub args: Arguments,
    pub body: Vec<Stmt>,
    pub decorator_list: Vec<Expr>,
    pub scope: Scope,
    pub is_lambda: bool,
    /// The body contains `yield`: calling the function makes a generator.
    pub is_generator: bool,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct ClassDef {
    pub name: Rc<str>,
    pub bases: Vec<Expr>,
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    pub decorator_list: Vec<Expr>,
}

#[derive(Debug, Clone)]
pub struct ExceptHandler {
    pub typ: Option<Expr>,
    pub name: Option<Rc<str>>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Alias {
    pub name: Rc<str>,
    pub asname: Option<Rc<str>>,
}

#[derive(Debug, Clone)]
pub struct WithItem {
    pub context_expr: Expr,
    pub optional_vars: Option<Expr>,
}

#[derive(Debug, Clone)]
pub enum StmtKind {
    FunctionDef(Rc<FunctionDef>),
    ClassDef(Rc<ClassDef>),
    Return(Option<Expr>),
    Delete(Vec<Expr>),
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
    },
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    With {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
    },
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    Import(Vec<Alias>),
    ImportFrom {
        module: Rc<str>,
        names: Vec<Alias>,
        level: u32,
    },
    Global(Vec<Rc<str>>),
    Nonlocal(Vec<Rc<str>>),
    Expr(Expr),
    Pass,
    Break,
    Continue,
}

/// A parsed program.
#[derive(Debug, Clone, Default)]
pub struct Module {
    pub body: Vec<Stmt>,
}

/// True if `yield` appears in these statements (not counting nested functions or classes).
pub fn contains_yield(body: &[Stmt]) -> bool {
    body.iter().any(stmt_yields)
}

/// True if `yield` appears in this statement (not counting nested functions or classes).
pub fn stmt_yields(s: &Stmt) -> bool {
    let is_yield = |e: &Expr| matches!(e.kind, ExprKind::Yield { .. });
    match &s.kind {
        StmtKind::Expr(e) => is_yield(e),
        StmtKind::Assign { value, .. } => is_yield(value),
        StmtKind::AugAssign { value, .. } => is_yield(value),
        StmtKind::AnnAssign { value, .. } => value.as_ref().is_some_and(is_yield),
        StmtKind::For { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => contains_yield(body) || contains_yield(orelse),
        StmtKind::With { body, .. } => contains_yield(body),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            contains_yield(body)
                || handlers.iter().any(|h| contains_yield(&h.body))
                || contains_yield(orelse)
                || contains_yield(finalbody)
        }
        _ => false,
    }
}

/// The docstring of a function or class body: its first statement, when that is a string.
pub fn docstring(body: &[Stmt]) -> Option<Rc<str>> {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(Expr {
            kind: ExprKind::Constant(Constant::Str(s)),
            ..
        })) => Some(s.clone()),
        _ => None,
    }
}
