//! Printing exactly as `torch/_tensor_str.py` does.

use crate::dtype::DType;
use crate::tensor::Tensor;
use std::cell::RefCell;
use std::fmt;

/// `torch.set_printoptions` settings.
#[derive(Clone, Debug, PartialEq)]
pub struct PrintOptions {
    /// Digits after the decimal point (4).
    pub precision: usize,
    /// Summarise tensors with more elements than this (1000).
    pub threshold: usize,
    /// Items shown at each edge when summarising (3).
    pub edgeitems: usize,
    /// Characters per line (80).
    pub linewidth: usize,
    /// Force scientific notation on (`Some(true)`) or off; `None` decides automatically.
    pub sci_mode: Option<bool>,
}

impl Default for PrintOptions {
    fn default() -> Self {
        PrintOptions {
            precision: 4,
            threshold: 1000,
            edgeitems: 3,
            linewidth: 80,
            sci_mode: None,
        }
    }
}

thread_local! {
    static OPTS: RefCell<PrintOptions> = RefCell::new(PrintOptions::default());
}

/// `torch.set_printoptions(...)`.
pub fn set_print_options(opts: PrintOptions) {
    OPTS.with(|o| *o.borrow_mut() = opts);
}

/// The current print options.
pub fn print_options() -> PrintOptions {
    OPTS.with(|o| o.borrow().clone())
}

/// Python's `format(v, '.{p}f')`.
pub fn fmt_fixed(v: f64, prec: usize) -> String {
    if v.is_nan() {
        "nan".into()
    } else if v.is_infinite() {
        if v > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        }
    } else {
        format!("{v:.prec$}")
    }
}

/// Python's `format(v, '.{p}e')`: exponent with a sign and at least two digits.
pub fn fmt_sci(v: f64, prec: usize) -> String {
    if !v.is_finite() {
        return fmt_fixed(v, prec);
    }
    let s = format!("{v:.prec$e}");
    match s.split_once('e') {
        Some((mant, exp)) => {
            let (sign, digits) = match exp.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', exp),
            };
            format!("{mant}e{sign}{digits:0>2}")
        }
        None => s,
    }
}

/// Python's `repr` of a Python float (shortest round-trip digits, ties to even), as used by
/// `str(float)`.
pub fn fmt_python_float(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if v == 0.0 {
        return if v.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    // number of significant digits of the shortest round-trip representation
    let shortest = format!("{:e}", v.abs());
    let (mant, _) = shortest.split_once('e').unwrap_or((&shortest, "0"));
    let ndigits = mant.chars().filter(|c| c.is_ascii_digit()).count().max(1);
    // the same number of digits, correctly rounded with ties to even (what Python prints)
    let exact = format!("{:.*e}", ndigits - 1, v.abs());
    let (m, e) = exact.split_once('e').unwrap_or((&exact, "0"));
    let exp: i32 = e.parse().unwrap_or(0);
    let digits: String = m.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let sign = if v < 0.0 { "-" } else { "" };
    if !(-4..16).contains(&exp) {
        let (first, rest) = digits.split_at(1);
        let mant = if rest.is_empty() {
            first.to_string()
        } else {
            format!("{first}.{rest}")
        };
        let esign = if exp < 0 { '-' } else { '+' };
        return format!("{sign}{mant}e{esign}{:02}", exp.abs());
    }
    let n = digits.len() as i32;
    let body = if exp < 0 {
        format!("0.{}{}", "0".repeat((-exp - 1) as usize), digits)
    } else if exp + 1 >= n {
        format!("{}{}.0", digits, "0".repeat((exp + 1 - n) as usize))
    } else {
        let (a, b) = digits.split_at((exp + 1) as usize);
        format!("{a}.{b}")
    };
    format!("{sign}{body}")
}

fn fmt_int(v: f64, dtype: DType) -> String {
    match dtype {
        DType::Bool => {
            if v != 0.0 {
                "True".into()
            } else {
                "False".into()
            }
        }
        _ => format!("{}", v as i64),
    }
}

struct Formatter {
    floating: bool,
    dtype: DType,
    int_mode: bool,
    sci_mode: bool,
    max_width: usize,
    precision: usize,
}

impl Formatter {
    fn new(values: &[f64], dtype: DType, opts: &PrintOptions) -> Formatter {
        let mut f = Formatter {
            floating: dtype.is_floating_point(),
            dtype,
            int_mode: true,
            sci_mode: false,
            max_width: 1,
            precision: opts.precision,
        };
        if !f.floating {
            for &v in values {
                f.max_width = f.max_width.max(fmt_int(v, dtype).len());
            }
        } else {
            let nz: Vec<f64> = values
                .iter()
                .copied()
                .filter(|v| v.is_finite() && *v != 0.0)
                .collect();
            if !nz.is_empty() {
                let mn = nz.iter().map(|v| v.abs()).fold(f64::INFINITY, f64::min);
                let mx = nz.iter().map(|v| v.abs()).fold(0.0, f64::max);
                f.int_mode = nz.iter().all(|v| *v == v.ceil());
                let p = opts.precision;
                // The widest text is that of an extreme value: a formatted number's length
                // only grows with its magnitude (fixed) or its exponent's (scientific), plus the
                // sign. Formatting these four equals formatting every value, at a fraction of
                // the cost (previews of every gradient in a traced backward pass).
                let widest = |fmt: &dyn Fn(f64) -> usize| {
                    extremes(&nz)
                        .into_iter()
                        .flatten()
                        .map(fmt)
                        .max()
                        .unwrap_or(1)
                };
                // `set_printoptions(sci_mode=...)` decides before the widths are measured
                f.sci_mode = opts
                    .sci_mode
                    .unwrap_or(mx / mn > 1000.0 || mx > 1.0e8 || mn < 1.0e-4);
                let width = if f.sci_mode {
                    widest(&|v| fmt_sci(v, p).len())
                } else if f.int_mode {
                    widest(&|v| fmt_fixed(v, 0).len() + 1)
                } else {
                    widest(&|v| fmt_fixed(v, p).len())
                };
                f.max_width = f.max_width.max(width);
            }
        }
        f
    }

    fn format(&self, v: f64) -> String {
        let ret = if self.floating {
            if self.sci_mode {
                fmt_sci(v, self.precision)
            } else if self.int_mode {
                let mut r = fmt_fixed(v, 0);
                if v.is_finite() {
                    r.push('.');
                }
                r
            } else {
                fmt_fixed(v, self.precision)
            }
        } else {
            fmt_int(v, self.dtype)
        };
        if ret.len() < self.max_width {
            format!("{ret:>0$}", self.max_width)
        } else {
            ret
        }
    }
}

/// The largest and smallest positive values and the largest and smallest negative ones (finite,
/// non-zero values).
fn extremes(nz: &[f64]) -> [Option<f64>; 4] {
    let mut e: [Option<f64>; 4] = [None; 4];
    let mut keep = |slot: usize, v: f64, better: fn(f64, f64) -> bool| {
        if e[slot].is_none_or(|old| better(v, old)) {
            e[slot] = Some(v);
        }
    };
    for &v in nz {
        let base = if v > 0.0 { 0 } else { 2 };
        keep(base, v, |a, b| a > b);
        keep(base + 1, v, |a, b| a < b);
    }
    e
}

/// Row-major values with a shape; `at(i)` is the i-th sub-array along dim 0.
#[derive(Clone, Copy)]
struct Sub<'a> {
    values: &'a [f64],
    shape: &'a [usize],
}

impl<'a> Sub<'a> {
    fn at(&self, i: usize) -> Sub<'a> {
        let inner: usize = self.shape[1..].iter().product();
        Sub {
            values: &self.values[i * inner..(i + 1) * inner],
            shape: &self.shape[1..],
        }
    }
}

/// Which sub-arrays along dim 0 are printed (`None` marks the `...`).
fn shown(n: usize, summarize: bool, edge: usize) -> Vec<Option<usize>> {
    if summarize && n > 2 * edge {
        (0..edge)
            .map(Some)
            .chain(std::iter::once(None))
            .chain((n - edge..n).map(Some))
            .collect()
    } else {
        (0..n).map(Some).collect()
    }
}

/// `get_summarized_data`: the values the formatter looks at (iterative, any number of dims).
fn summarized(s: Sub<'_>, edge: usize, out: &mut Vec<f64>) {
    let mut stack = vec![s];
    while let Some(s) = stack.pop() {
        match s.shape.len() {
            0 => out.extend_from_slice(s.values),
            1 => {
                let n = s.shape[0];
                if n > 2 * edge {
                    out.extend_from_slice(&s.values[..edge]);
                    out.extend_from_slice(&s.values[n - edge..]);
                } else {
                    out.extend_from_slice(s.values);
                }
            }
            _ => {
                // push in reverse so they pop in order
                for i in shown(s.shape[0], true, edge).into_iter().rev().flatten() {
                    stack.push(s.at(i));
                }
            }
        }
    }
}

fn vector_str(
    s: Sub<'_>,
    indent: usize,
    summarize: bool,
    f: &Formatter,
    o: &PrintOptions,
) -> String {
    let element_length = (f.max_width + 2) as i64;
    let per_line =
        ((o.linewidth as i64 - indent as i64).div_euclid(element_length)).max(1) as usize;
    let n = s.shape[0];
    let data: Vec<String> = if summarize && n > 2 * o.edgeitems {
        let mut d: Vec<String> = s.values[..o.edgeitems]
            .iter()
            .map(|&v| f.format(v))
            .collect();
        d.push(" ...".into());
        d.extend(s.values[n - o.edgeitems..].iter().map(|&v| f.format(v)));
        d
    } else {
        s.values.iter().map(|&v| f.format(v)).collect()
    };
    let lines: Vec<String> = data.chunks(per_line).map(|c| c.join(", ")).collect();
    format!(
        "[{}]",
        lines.join(&format!(",\n{}", " ".repeat(indent + 1)))
    )
}

/// `_tensor_str_with_formatter`, with an explicit stack instead of recursion.
struct Frame<'a> {
    sub: Sub<'a>,
    indent: usize,
    items: Vec<Option<usize>>,
    pos: usize,
    parts: Vec<String>,
}

fn new_frame(sub: Sub<'_>, indent: usize, summarize: bool, edge: usize) -> Frame<'_> {
    let n = sub.shape.first().copied().unwrap_or(0);
    Frame {
        sub,
        indent,
        items: shown(n, summarize, edge),
        pos: 0,
        parts: Vec::new(),
    }
}

fn tensor_str(
    root: Sub<'_>,
    indent: usize,
    summarize: bool,
    f: &Formatter,
    o: &PrintOptions,
) -> String {
    let leaf = |s: Sub<'_>, indent: usize| -> Option<String> {
        match s.shape.len() {
            0 => Some(f.format(s.values.first().copied().unwrap_or(0.0))),
            1 => Some(vector_str(s, indent, summarize, f, o)),
            _ => None,
        }
    };
    if let Some(done) = leaf(root, indent) {
        return done;
    }
    let mut stack = vec![new_frame(root, indent, summarize, o.edgeitems)];
    loop {
        let Some(top) = stack.last_mut() else {
            return String::new();
        };
        if top.pos < top.items.len() {
            let item = top.items[top.pos];
            top.pos += 1;
            match item {
                None => top.parts.push("...".into()),
                Some(i) => {
                    let child = top.sub.at(i);
                    let ind = top.indent + 1;
                    match leaf(child, ind) {
                        Some(text) => top.parts.push(text),
                        None => stack.push(new_frame(child, ind, summarize, o.edgeitems)),
                    }
                }
            }
            continue;
        }
        let Some(done) = stack.pop() else {
            return String::new();
        };
        let dim = done.sub.shape.len();
        let sep = format!(",{}{}", "\n".repeat(dim - 1), " ".repeat(done.indent + 1));
        let text = format!("[{}]", done.parts.join(&sep));
        match stack.last_mut() {
            Some(parent) => parent.parts.push(text),
            None => return text,
        }
    }
}

fn add_suffixes(
    tensor_str: String,
    suffixes: &[String],
    indent: usize,
    linewidth: usize,
) -> String {
    let mut out = tensor_str.clone();
    // Python: len(s) - s.rfind("\n") + 1, with rfind = -1 when absent
    let mut last_line_len = match tensor_str.rfind('\n') {
        Some(p) => tensor_str.len() - p + 1,
        None => tensor_str.len() + 2,
    };
    for suffix in suffixes {
        let l = suffix.len();
        if last_line_len + l + 2 > linewidth {
            out.push_str(&format!(",\n{}{}", " ".repeat(indent), suffix));
            last_line_len = indent + l;
        } else {
            out.push_str(&format!(", {suffix}"));
            last_line_len += l + 2;
        }
    }
    out.push(')');
    out
}

fn python_tuple(shape: &[usize]) -> String {
    let parts: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
    if parts.len() == 1 {
        format!("({},)", parts[0])
    } else {
        format!("({})", parts.join(", "))
    }
}

/// The repr of a tensor (`tensor([1., 2.], requires_grad=True)`).
pub fn format_tensor(t: &Tensor) -> String {
    let o = print_options();
    let prefix = "tensor(";
    let indent = prefix.len();
    let mut suffixes = Vec::new();
    let dtype = t.dtype();
    let has_default = matches!(dtype, DType::Float32 | DType::Int64 | DType::Bool);
    let body = if t.numel() == 0 {
        if t.dim() != 1 {
            suffixes.push(format!("size={}", python_tuple(t.shape())));
        }
        if dtype != DType::Float32 {
            suffixes.push(format!("dtype={}", dtype.name()));
        }
        "[]".to_string()
    } else {
        if !has_default {
            suffixes.push(format!("dtype={}", dtype.name()));
        }
        let values = t.to_vec();
        let sub = Sub {
            values: &values,
            shape: t.shape(),
        };
        let summarize = t.numel() > o.threshold;
        let f = if summarize {
            let mut sv = Vec::new();
            summarized(sub, o.edgeitems, &mut sv);
            Formatter::new(&sv, dtype, &o)
        } else {
            Formatter::new(&values, dtype, &o)
        };
        tensor_str(sub, indent, summarize, &f, &o)
    };
    if let Some(node) = t.grad_fn() {
        suffixes.push(format!("grad_fn=<{}>", node.name()));
    } else if t.requires_grad() {
        suffixes.push("requires_grad=True".into());
    }
    add_suffixes(format!("{prefix}{body}"), &suffixes, indent, o.linewidth)
}

/// Same as [`format_tensor`]; kept as the name previews use.
pub fn format_tensor_data(t: &Tensor) -> String {
    format_tensor(t)
}

/// The repr of an `nn.Parameter`: `Parameter containing:\n` + the tensor repr.
pub fn format_parameter(t: &Tensor) -> String {
    format!("Parameter containing:\n{}", format_tensor(t))
}

/// `torch.Size([2, 3])`.
pub fn format_size(shape: &[usize]) -> String {
    format!("torch.Size({})", crate::tensor::fmt_list(shape))
}

impl fmt::Display for Tensor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_tensor(self))
    }
}
