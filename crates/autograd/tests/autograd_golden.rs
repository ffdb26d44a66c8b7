//! Autograd behaviour and error messages match real PyTorch: golden/autograd_cases.txt was
//! produced by golden/gen_autograd.py, whose scenarios are mirrored here one by one.

use ::autograd::{
    enable_grad, grad, is_grad_enabled, manual_seed, no_grad, set_grad_enabled, DType, IndexItem,
    NestedData, Result, Scalar, Tensor,
};
use std::cell::RefCell;
use std::rc::Rc;

struct Out(Vec<String>);

impl Out {
    fn p(&mut self, parts: &[String]) {
        self.0.push(parts.join(" "));
    }
    fn err<T: std::fmt::Display>(&mut self, r: Result<T>) {
        match r {
            Ok(v) => self.0.push(format!("ok: {v}")),
            Err(e) => self
                .0
                .push(format!("err: {}: {}", e.kind.name(), e.message)),
        }
    }
    fn unit(&mut self, r: Result<()>) {
        match r {
            Ok(()) => self.0.push("ok: None".into()),
            Err(e) => self
                .0
                .push(format!("err: {}: {}", e.kind.name(), e.message)),
        }
    }
}

fn f32s(v: &[f64]) -> Tensor {
    Tensor::from_data(v.to_vec(), &[v.len()], DType::Float32).unwrap()
}
fn leaf(v: &[f64]) -> Tensor {
    let t = f32s(v);
    t.requires_grad_(true).unwrap();
    t
}
fn leaf0(v: f64) -> Tensor {
    let t = Tensor::scalar(Scalar::Float(v));
    t.requires_grad_(true).unwrap();
    t
}
fn ints(v: &[i64]) -> Tensor {
    Tensor::from_data(
        v.iter().map(|&x| x as f64).collect(),
        &[v.len()],
        DType::Int64,
    )
    .unwrap()
}
fn s(t: &Tensor) -> String {
    format!("{t}")
}
fn og(t: &Option<Tensor>) -> String {
    t.as_ref().map(s).unwrap_or_else(|| "None".into())
}
fn ones(shape: &[usize]) -> Tensor {
    Tensor::ones(shape, DType::Float32).unwrap()
}

fn second_backward(o: &mut Out) -> Result<()> {
    let x = leaf(&[1.0, 2.0, 3.0]);
    let y = x.mul(&x)?.sum()?;
    y.backward(None, None, false)?;
    o.unit(y.backward(None, None, false));
    let z = x.mul_scalar(2i64)?.sum()?;
    z.backward(None, None, false)?;
    o.unit(z.backward(None, None, false));
    let w = x.add_scalar(1i64)?.sum()?;
    w.backward(None, None, false)?;
    o.unit(w.backward(None, None, false));
    o.p(&[og(&x.grad())]);
    Ok(())
}

fn retain_graph(o: &mut Out) -> Result<()> {
    let x = leaf(&[1.0, 2.0]);
    let y = x.mul(&x)?.sum()?;
    y.backward(None, Some(true), false)?;
    y.backward(None, None, false)?;
    o.p(&[og(&x.grad())]);
    Ok(())
}

fn implicit_grad_errors(o: &mut Out) -> Result<()> {
    let x = leaf(&[1.0, 2.0]);
    o.unit(x.mul_scalar(2i64)?.backward(None, None, false));
    o.unit(f32s(&[1.0, 2.0]).sum()?.backward(None, None, false));
    o.unit(f32s(&[1.0, 2.0]).backward(None, None, false));
    o.unit(x.mul_scalar(2i64)?.backward(Some(&ones(&[3])), None, false));
    x.mul_scalar(2i64)?
        .backward(Some(&f32s(&[1.0, 0.5])), None, false)?;
    o.p(&[og(&x.grad())]);
    Ok(())
}

fn leaf_inplace(o: &mut Out) -> Result<()> {
    let x = leaf(&[1.0, 2.0]);
    o.unit(x.add_scalar_(1i64));
    o.unit(x.index(&[IndexItem::Int(0)])?.mul_scalar_(2i64));
    o.unit(x.zero_());
    {
        let _g = no_grad();
        x.add_scalar_(1i64)?;
    }
    o.p(&[s(&x), x.version().to_string()]);
    {
        let _g = no_grad();
        x.index_put_(&[IndexItem::Int(0)], &Tensor::wrapped(Scalar::Float(10.0)))?;
    }
    o.p(&[s(&x), x.version().to_string()]);
    Ok(())
}

fn version_counter(o: &mut Out) -> Result<()> {
    let x = leaf(&[1.0, 2.0, 3.0]);
    let y = x.exp()?;
    y.add_scalar_(1i64)?;
    o.unit(y.sum()?.backward(None, None, false));
    let a = x.mul_scalar(1i64)?;
    let b = a.sin()?;
    a.mul_scalar_(2i64)?;
    o.unit(b.sum()?.backward(None, None, false));
    let c = x.sin()?;
    {
        let _g = no_grad();
        x.add_scalar_(1i64)?;
    }
    o.unit(c.sum()?.backward(None, None, false));
    let m = Tensor::from_data(vec![1.0, 2.0, 3.0, 4.0], &[2, 2], DType::Float32)?;
    m.requires_grad_(true)?;
    let n = m.mul_scalar(1i64)?;
    let oo = n.exp()?;
    n.add_scalar_(0i64)?;
    o.unit(oo.sum()?.backward(None, None, false));
    Ok(())
}

fn requires_grad_rules(o: &mut Out) -> Result<()> {
    let x = leaf(&[1.0, 2.0]);
    let y = x.mul_scalar(2i64)?;
    o.unit(y.requires_grad_(false));
    y.requires_grad_(true)?;
    o.p(&[s(&y)]);
    o.unit(y.set_requires_grad(false));
    o.unit(y.set_requires_grad(true));
    o.unit(ints(&[1, 2]).requires_grad_(true));
    o.unit(ints(&[1, 2]).set_requires_grad_at_creation(true));
    o.unit(Tensor::from_data(vec![1.0], &[1], DType::Bool)?.requires_grad_(true));
    let z = f32s(&[1.0, 2.0]);
    z.requires_grad_(true)?;
    o.p(&[s(&z), py_bool(z.is_leaf()), py_bool(y.is_leaf())]);
    z.requires_grad_(false)?;
    o.p(&[s(&z)]);
    Ok(())
}

fn py_bool(b: bool) -> String {
    if b {
        "True".into()
    } else {
        "False".into()
    }
}

fn hooks(o: &mut Out) -> Result<()> {
    let x = leaf(&[1.0, 2.0, 3.0]);
    let y = x.mul_scalar(3i64)?;
    let h = y.register_hook(Rc::new(|g: &Tensor| Ok(Some(g.mul_scalar(2i64)?))))?;
    y.sum()?.backward(None, None, false)?;
    o.p(&[og(&x.grad())]);
    y.remove_hook(h);
    x.set_grad(None)?;
    let y2 = x.mul_scalar(3i64)?;
    y2.sum()?.backward(None, None, false)?;
    o.p(&[og(&x.grad())]);
    x.set_grad(None)?;
    let seen: Rc<RefCell<Vec<Tensor>>> = Rc::new(RefCell::new(Vec::new()));
    let seen2 = seen.clone();
    x.register_hook(Rc::new(move |g: &Tensor| {
        seen2.borrow_mut().push(g.clone_tensor()?);
        Ok(None)
    }))?;
    x.mul(&x)?.sum()?.backward(None, None, false)?;
    let first = seen.borrow()[0].clone();
    o.p(&[s(&first), og(&x.grad())]);
    o.err(
        f32s(&[1.0])
            .register_hook(Rc::new(|_g: &Tensor| Ok(None)))
            .map(|_| "handle"),
    );
    Ok(())
}

fn retain_grad(o: &mut Out) -> Result<()> {
    let x = leaf(&[1.0, 2.0]);
    let y = x.mul_scalar(3i64)?;
    y.retain_grad()?;
    let z = y.mul(&y)?;
    let w = z.sum()?;
    w.backward(None, None, false)?;
    o.p(&[
        og(&y.grad()),
        py_bool(y.retains_grad()),
        og(&z.grad()),
        og(&x.grad()),
    ]);
    o.unit(f32s(&[1.0]).retain_grad());
    x.retain_grad()?;
    o.p(&[py_bool(x.retains_grad())]);
    Ok(())
}

fn tuple(v: &[Option<Tensor>]) -> String {
    let parts: Vec<String> = v.iter().map(og).collect();
    if parts.len() == 1 {
        format!("({},)", parts[0])
    } else {
        format!("({})", parts.join(", "))
    }
}

fn autograd_grad(o: &mut Out) -> Result<()> {
    let x = leaf0(2.0);
    let y = x.pow_scalar(3i64)?;
    let g = grad(&[y], std::slice::from_ref(&x), &[None], None, true, false)?;
    let g = g[0].clone().unwrap();
    o.p(&[s(&g)]);
    let g2 = grad(&[g], std::slice::from_ref(&x), &[None], None, false, false)?;
    o.p(&[og(&g2[0]), og(&x.grad())]);
    let a = leaf(&[1.0, 2.0]);
    let b = leaf(&[3.0, 4.0]);
    let out = a.mul(&b)?.sum()?;
    let gs = grad(&[out], &[a.clone(), b.clone()], &[None], None, false, false)?;
    o.p(&[og(&gs[0]), og(&gs[1])]);
    let c = leaf(&[1.0]);
    o.err(
        grad(
            &[a.mul_scalar(2i64)?.sum()?],
            &[a.clone(), c.clone()],
            &[None],
            None,
            false,
            false,
        )
        .map(|v| tuple(&v)),
    );
    o.p(&[tuple(&grad(
        &[a.mul_scalar(2i64)?.sum()?],
        &[a.clone(), c.clone()],
        &[None],
        None,
        false,
        true,
    )?)]);
    o.err(
        grad(
            &[a.mul_scalar(2i64)?.sum()?],
            &[f32s(&[1.0])],
            &[None],
            None,
            false,
            false,
        )
        .map(|v| tuple(&v)),
    );
    let oo = a.mul(&a)?.sum()?;
    grad(
        std::slice::from_ref(&oo),
        std::slice::from_ref(&a),
        &[None],
        None,
        false,
        false,
    )?;
    o.err(grad(&[oo], std::slice::from_ref(&a), &[None], None, false, false).map(|v| tuple(&v)));
    let m = a.mul(&b)?;
    o.p(&[tuple(&grad(
        &[m],
        std::slice::from_ref(&a),
        &[Some(f32s(&[1.0, -1.0]))],
        None,
        false,
        false,
    )?)]);
    let h = a.mul_scalar(2i64)?;
    let ss = h.mul(&h)?.sum()?;
    o.p(&[tuple(&grad(&[ss], &[h], &[None], None, false, false)?)]);
    Ok(())
}

fn create_graph_backward(o: &mut Out) -> Result<()> {
    let x = leaf0(3.0);
    let y = x.pow_scalar(3i64)?;
    y.backward(None, None, true)?;
    o.p(&[og(&x.grad())]);
    let g = x.grad().unwrap();
    x.set_grad(None)?;
    g.backward(None, None, false)?;
    o.p(&[og(&x.grad())]);
    let t = leaf(&[0.5, 1.0]);
    let gt = grad(
        &[t.sin()?.sum()?],
        std::slice::from_ref(&t),
        &[None],
        None,
        true,
        false,
    )?[0]
        .clone()
        .unwrap();
    let gg = grad(
        &[gt.sum()?],
        std::slice::from_ref(&t),
        &[None],
        None,
        false,
        false,
    )?[0]
        .clone();
    o.p(&[s(&gt), og(&gg)]);
    let u = leaf(&[0.5, -1.0]);
    let gu = grad(
        &[u.tanh()?.mul(&u.exp()?)?.sum()?],
        std::slice::from_ref(&u),
        &[None],
        None,
        true,
        false,
    )?[0]
        .clone()
        .unwrap();
    o.p(&[s(&gu)]);
    let guu = grad(
        &[gu.sum()?],
        std::slice::from_ref(&u),
        &[None],
        None,
        false,
        false,
    )?;
    o.p(&[og(&guu[0])]);
    Ok(())
}

fn nonleaf_inplace(o: &mut Out) -> Result<()> {
    let x = leaf(&[1.0, 2.0]);
    let y = x.mul_scalar(2i64)?;
    y.add_scalar_(1i64)?;
    o.p(&[s(&y)]);
    let names: Vec<String> = y
        .grad_fn()
        .unwrap()
        .next_functions()
        .iter()
        .map(|e| match e {
            Some((n, _)) => format!("'{}'", n.name()),
            None => "None".into(),
        })
        .collect();
    o.p(&[format!("[{}]", names.join(", "))]);
    y.mul_(&y.detach())?;
    o.p(&[s(&y)]);
    o.unit(y.sum()?.backward(None, None, false));
    let y2 = x.mul_scalar(2i64)?;
    y2.mul_scalar_(3i64)?;
    y2.sum()?.backward(None, None, false)?;
    o.p(&[og(&x.grad())]);
    let z = x.mul_scalar(1i64)?;
    z.zero_()?;
    o.p(&[s(&z)]);
    let w = x.mul_scalar(1i64)?;
    w.fill_(Scalar::Int(3))?;
    o.p(&[s(&w)]);
    w.sum()?.backward(None, None, false)?;
    o.p(&[og(&x.grad())]);
    Ok(())
}

fn accumulation(o: &mut Out) -> Result<()> {
    let x = leaf(&[1.0, 2.0]);
    x.mul_scalar(2i64)?.sum()?.backward(None, None, false)?;
    let g = x.grad().unwrap();
    x.mul_scalar(3i64)?.sum()?.backward(None, None, false)?;
    o.p(&[og(&x.grad()), py_bool(g.same(&x.grad().unwrap()))]);
    x.grad().unwrap().zero_()?;
    o.p(&[og(&x.grad())]);
    let y = x.mul(&x)?;
    y.add(&y)?.sum()?.backward(None, None, false)?;
    o.p(&[og(&x.grad())]);
    Ok(())
}

fn grad_mode(o: &mut Out) -> Result<()> {
    let x = leaf(&[1.0, 2.0]);
    {
        let _g = no_grad();
        let y = x.mul_scalar(2i64)?;
        o.p(&[
            s(&y),
            py_bool(y.requires_grad()),
            "None".into(),
            py_bool(is_grad_enabled()),
        ]);
        let _e = enable_grad();
        let z = x.mul_scalar(2i64)?;
        o.p(&[s(&z)]);
    }
    o.p(&[py_bool(is_grad_enabled())]);
    set_grad_enabled(false);
    o.p(&[py_bool(x.mul_scalar(2i64)?.requires_grad())]);
    set_grad_enabled(true);
    let d = x.detach();
    o.p(&[s(&d), py_bool(d.requires_grad()), py_bool(d.is_leaf())]);
    d.index_put_(&[IndexItem::Int(0)], &Tensor::wrapped(Scalar::Float(5.0)))?;
    o.p(&[s(&x)]);
    Ok(())
}

fn shape_errors(o: &mut Out) -> Result<()> {
    let a = ones(&[2, 3]);
    o.err(a.add(&ones(&[4])));
    o.err(a.mul(&ones(&[3, 3])));
    o.err(a.t()?.view(&[6]));
    o.err(a.view(&[4, 2]));
    o.err(a.view(&[-1, -1]));
    o.err(a.mm(&ones(&[2, 3])));
    o.err(a.item().map(|_| ""));
    o.err(a.index(&[IndexItem::Int(5)]));
    o.err(a.index(&[IndexItem::Int(0), IndexItem::Int(0), IndexItem::Int(0)]));
    o.err(a.sum_dim(&[2], false));
    o.err(a.expand_sizes(&[3, 4]));
    o.err(Tensor::cat(&[a.clone(), ones(&[3, 2])], 0));
    o.err(Tensor::stack(&[a.clone(), ones(&[3])], 0));
    o.err(ones(&[3]).dot(&ones(&[4])));
    o.err(a.t()?.t()?.t()?.transpose(0, 2));
    o.err(Tensor::arange(Scalar::Int(0), Scalar::Int(5), Scalar::Int(1), None)?.mean());
    let ragged = NestedData::List(vec![
        NestedData::List(vec![
            NestedData::Scalar(Scalar::Float(1.0)),
            NestedData::Scalar(Scalar::Float(2.0)),
        ]),
        NestedData::List(vec![NestedData::Scalar(Scalar::Float(3.0))]),
    ]);
    o.err(Tensor::from_nested(&ragged, None));
    o.err(ones(&[2, 3, 4]).t());
    o.err(a.matmul(&ones(&[4])));
    o.err(ones(&[3]).max_dim(1, false).map(|r| r.0));
    o.err(ones(&[0]).max());
    o.err(ones(&[2]).permute(&[0, 1]));
    o.err(Tensor::ones(&[3], DType::Float64)?.mm(&ones(&[3, 3])));
    Ok(())
}

fn tolist(t: &Tensor) -> String {
    fn rec(v: &[f64], shape: &[usize], dt: DType) -> String {
        if shape.is_empty() {
            return match dt {
                DType::Float32 | DType::Float64 => ::autograd::fmt_python_float(v[0]),
                DType::Bool => py_bool(v[0] != 0.0),
                DType::Int64 | DType::Int32 | DType::Int16 => format!("{}", v[0] as i64),
            };
        }
        let inner: usize = shape[1..].iter().product();
        let parts: Vec<String> = (0..shape[0])
            .map(|i| rec(&v[i * inner..(i + 1) * inner], &shape[1..], dt))
            .collect();
        format!("[{}]", parts.join(", "))
    }
    rec(&t.to_vec(), t.shape(), t.dtype())
}

fn item(t: &Tensor) -> String {
    match t.item().unwrap() {
        Scalar::Float(f) => ::autograd::fmt_python_float(f),
        Scalar::Int(i) => i.to_string(),
        Scalar::Bool(b) => py_bool(b),
    }
}

fn dtypes(o: &mut Out) -> Result<()> {
    let i = ints(&[1, 2, 3]);
    o.p(&[
        s(&i.div_scalar(2i64)?),
        s(&i.mul_scalar(2.5)?),
        s(&i.add_scalar(true)?),
        s(&i.sum()?),
        s(&i.to_dtype(DType::Float32)?.mean()?),
    ]);
    let bt = Tensor::from_data(vec![1.0, 0.0], &[2], DType::Bool)?;
    let bt2 = Tensor::from_data(vec![1.0, 1.0], &[2], DType::Bool)?;
    o.p(&[s(&bt.add(&bt2)?)]);
    let gt = i.gt_scalar(1i64)?;
    o.p(&[s(&gt), s(&gt.all()?), s(&gt.any()?), s(&i.eq_scalar(2i64)?)]);
    o.p(&[s(&f32s(&[1.5]).add(&Tensor::from_data(
        vec![1.0],
        &[1],
        DType::Float64,
    )?)?)]);
    o.p(&[s(
        &Tensor::scalar_of(2.5, DType::Float64).mul(&f32s(&[1.0]))?
    )]);
    o.p(&[
        s(&i.to_dtype(DType::Float64)?),
        s(&i.to_dtype(DType::Float32)?),
        s(&f32s(&[0.7, -1.7]).to_dtype(DType::Int64)?),
    ]);
    o.p(&[
        s(&f32s(&[1.0, 2.0]).pow_scalar(2i64)?),
        s(&i.pow_scalar(2i64)?),
        s(&i.rpow_scalar(2i64)?),
        item(&i.sum()?),
        item(&Tensor::scalar(Scalar::Float(2.5))),
    ]);
    o.p(&[
        tolist(&f32s(&[1.0, 2.0])),
        tolist(&Tensor::from_data(vec![1.0, 2.0], &[1, 2], DType::Int64)?),
    ]);
    o.err(i.pow_scalar(-1i64));
    let t1 = Tensor::from_data(vec![1.0], &[1], DType::Bool)?;
    o.err(t1.sub(&t1));
    o.err(t1.neg());
    Ok(())
}

fn ar(a: Scalar, b: Scalar, c: Scalar) -> Result<Tensor> {
    Tensor::arange(a, b, c, None)
}

fn constructors(o: &mut Out) -> Result<()> {
    use Scalar::{Float as F, Int as I};
    o.p(&[
        s(&ar(I(0), I(5), I(1))?),
        s(&ar(I(1), I(4), I(1))?),
        s(&ar(I(0), I(1), F(0.25))?),
        s(&ar(F(0.0), F(3.0), I(1))?),
    ]);
    o.p(&[
        s(&ar(I(10), I(0), I(-3))?),
        s(&Tensor::linspace(0.0, 1.0, 5, None)?),
        s(&Tensor::linspace(-1.0, 1.0, 4, None)?),
    ]);
    o.p(&[
        s(&Tensor::eye(3, None, DType::Float32)?),
        s(&Tensor::eye(2, Some(3), DType::Float32)?),
        s(&Tensor::zeros(&[2, 3], DType::Float32)?),
        s(&Tensor::ones(&[2], DType::Int64)?),
    ]);
    o.p(&[
        s(&Tensor::full(&[2, 2], 7.0, DType::Float32)?),
        s(&Tensor::full(&[2], 3.0, Scalar::Int(3).default_dtype())?),
        s(&ones(&[2, 2]).zeros_like()?),
    ]);
    o.p(&[
        ::autograd::format_size(ones(&[2, 3]).shape()),
        ::autograd::format_size(&ones(&[2, 3]).size()),
        ::autograd::format_size(ones(&[]).shape()),
    ]);
    o.err(ar(I(0), I(5), I(0)));
    o.err(ar(I(5), I(0), I(1)));
    Ok(())
}

fn random(o: &mut Out) -> Result<()> {
    manual_seed(0);
    o.p(&[s(&Tensor::rand(&[3], DType::Float32)?)]);
    o.p(&[s(&Tensor::randn(&[3], DType::Float32)?)]);
    o.p(&[s(&Tensor::randn(&[20], DType::Float32)?)]);
    o.p(&[s(&Tensor::rand(&[2, 2], DType::Float32)?)]);
    o.p(&[s(&Tensor::randint(0, 10, &[6], DType::Int64)?)]);
    o.p(&[s(&Tensor::randn(&[3], DType::Float64)?)]);
    o.p(&[s(&Tensor::randn(&[17], DType::Float32)?)]);
    o.p(&[s(&Tensor::normal(2.0, 3.0, &[4], DType::Float32)?)]);
    manual_seed(42);
    o.p(&[s(&Tensor::randn(&[2, 3], DType::Float32)?)]);
    o.p(&[s(&Tensor::rand(&[5], DType::Float64)?)]);
    let w = Tensor::empty(&[3], DType::Float32)?;
    w.uniform_(-1.0, 1.0)?;
    o.p(&[s(&w)]);
    w.normal_(0.0, 0.5)?;
    o.p(&[s(&w)]);
    let u = Tensor::empty(&[40], DType::Float32)?;
    u.uniform_(-0.37, 1.9)?;
    o.p(&[pylist(&u.to_vec()[..12])]);
    // nn.Linear(3, 2) init: kaiming_uniform_(a=sqrt(5)) == uniform(-1/sqrt(3), 1/sqrt(3)), bias likewise
    let bound = 1.0 / 3f64.sqrt();
    let lw = Tensor::empty(&[2, 3], DType::Float32)?;
    lw.uniform_(-bound, bound)?;
    let lb = Tensor::empty(&[2], DType::Float32)?;
    lb.uniform_(-bound, bound)?;
    let rows: Vec<String> = (0..2)
        .map(|r| pylist(&lw.to_vec()[r * 3..r * 3 + 3]))
        .collect();
    o.p(&[format!("[{}]", rows.join(", ")), pylist(&lb.to_vec())]);
    o.unit(leaf(&[1.0]).uniform_(0.0, 1.0));
    let i = ints(&[5, -5]);
    let three = Tensor::wrapped(Scalar::Int(3));
    o.p(&[
        s(&i.floor_divide(&three)?),
        s(&i.remainder(&three)?),
        s(&f32s(&[5.5, -5.5]).remainder(&Tensor::wrapped(Scalar::Int(2)))?),
    ]);
    o.err(i.floor_divide(&Tensor::wrapped(Scalar::Int(0))));
    o.err(i.remainder(&Tensor::wrapped(Scalar::Int(0))));
    Ok(())
}

fn nf_names(t: &Tensor) -> String {
    let names: Vec<String> = t
        .grad_fn()
        .unwrap()
        .next_functions()
        .iter()
        .map(|e| match e {
            Some((n, _)) => format!("'{}'", n.name()),
            None => "None".into(),
        })
        .collect();
    format!("[{}]", names.join(", "))
}

fn copy_slices(o: &mut Out) -> Result<()> {
    let x = leaf(&[1.0, 2.0, 3.0]);
    let y = x.mul_scalar(1i64)?;
    y.index_put_(&[IndexItem::Int(0)], &Tensor::wrapped(Scalar::Float(5.0)))?;
    o.p(&[s(&y), nf_names(&y)]);
    let v = y.index(&[IndexItem::Int(1)])?;
    v.mul_scalar_(3i64)?;
    o.p(&[s(&v), s(&y), nf_names(&y)]);
    let w = leaf0(2.0);
    y.index_put_(&[IndexItem::Int(2)], &w)?;
    o.p(&[s(&y), nf_names(&y)]);
    y.mul(&f32s(&[1.0, 10.0, 100.0]))?
        .sum()?
        .backward(None, None, false)?;
    o.p(&[og(&x.grad()), og(&w.grad())]);
    let z = Tensor::zeros(&[3], DType::Float32)?;
    z.index_put_(&[IndexItem::Int(1)], &w.mul_scalar(2i64)?)?;
    o.p(&[s(&z), nf_names(&z)]);
    z.sum()?.backward(None, None, false)?;
    o.p(&[og(&w.grad())]);
    let m = Tensor::from_data(vec![1.0, 2.0, 3.0, 4.0], &[2, 2], DType::Float32)?;
    m.requires_grad_(true)?;
    let n = m.exp()?;
    n.index_put_(
        &[IndexItem::Slice(None, None, None), IndexItem::Int(0)],
        &f32s(&[0.5, 0.25]),
    )?;
    o.unit(n.sum()?.backward(None, None, false));
    let n2 = m.mul(&m)?;
    n2.index_put_(
        &[IndexItem::Slice(None, None, None), IndexItem::Int(0)],
        &f32s(&[0.5, 0.25]),
    )?;
    n2.sum()?.backward(None, None, false)?;
    o.p(&[s(&n2)]);
    o.p(&[s(&n), og(&m.grad())]);
    let p = leaf(&[1.0, -1.0, 2.0]);
    let q = p.mul_scalar(2i64)?;
    let mask = q.lt_scalar(0i64)?;
    q.index_put_(
        &[IndexItem::Tensor(mask)],
        &Tensor::wrapped(Scalar::Float(0.0)),
    )?;
    q.sum()?.backward(None, None, false)?;
    o.p(&[s(&q), og(&p.grad())]);
    o.unit(y.index_put_(&[IndexItem::Int(0)], &ones(&[2])));
    Ok(())
}

fn pylist(v: &[f64]) -> String {
    let parts: Vec<String> = v.iter().map(|&x| ::autograd::fmt_python_float(x)).collect();
    format!("[{}]", parts.join(", "))
}

fn it(t: &Tensor) -> String {
    ::autograd::fmt_python_float(t.to_vec()[0])
}

fn float_accuracy(o: &mut Out) -> Result<()> {
    manual_seed(0);
    for n in [7usize, 11, 13, 50, 100] {
        let x = Tensor::linspace(0.0, 1.0, n as i64, None)?;
        o.p(&[
            n.to_string(),
            it(&x.sum()?),
            it(&x.mean()?),
            it(&x.mul(&x)?.sum()?),
        ]);
    }
    o.p(&[pylist(
        &Tensor::linspace(-3.0, 7.0, 50, None)?.to_vec()[30..40],
    )]);
    o.p(&[pylist(
        &Tensor::linspace(0.0, 1.0, 100, Some(DType::Float64))?.to_vec()[60..64],
    )]);
    o.p(&[pylist(
        &Tensor::arange(Scalar::Int(0), Scalar::Int(5), Scalar::Float(0.1), None)?.to_vec()[30..40],
    )]);
    o.p(&[pylist(
        &Tensor::arange(Scalar::Int(0), Scalar::Int(50), Scalar::Float(0.3), None)?.to_vec()
            [100..110],
    )]);
    let r = Tensor::randn(&[1000], DType::Float32)?;
    o.p(&[it(&r.sum()?), it(&r.mean()?), it(&r.mul(&r)?.sum()?)]);
    let m = Tensor::randn(&[37, 20], DType::Float32)?;
    o.p(&[
        pylist(&m.sum_dim(&[0], false)?.to_vec()[10..14]),
        pylist(&m.sum_dim(&[1], false)?.to_vec()[..3]),
        pylist(&m.mean_dim(&[0], false)?.to_vec()[..2]),
        pylist(&m.mean_dim(&[1], false)?.to_vec()[..2]),
    ]);
    let k = Tensor::randn(&[9, 5], DType::Float32)?;
    o.p(&[
        pylist(&k.sum_dim(&[0], false)?.to_vec()),
        it(&k.sum()?),
        it(&k.mean()?),
    ]);
    let a = Tensor::randn(&[20], DType::Float32)?;
    let b = Tensor::randn(&[20], DType::Float32)?;
    o.p(&[
        it(&a.mse_loss(&b, ::autograd::Reduction::Mean)?),
        it(&a.mse_loss(&b, ::autograd::Reduction::Sum)?),
    ]);
    let d = Tensor::randn(&[30], DType::Float64)?;
    o.p(&[it(&d.sum()?), it(&d.mean()?)]);
    let tt = Tensor::randn(&[33, 9], DType::Float32)?;
    o.p(&[
        it(&tt.t()?.sum()?),
        it(&tt.t()?.mean()?),
        it(&tt.t()?.contiguous()?.sum()?),
    ]);
    for (n, k, m) in [
        (5usize, 7usize, 3usize),
        (16, 16, 16),
        (2, 100, 20),
        (8, 20, 16),
        (40, 40, 40),
    ] {
        let a = Tensor::randn(&[n, k], DType::Float32)?;
        let b = Tensor::randn(&[k, m], DType::Float32)?;
        let c = a.mm(&b)?.to_vec();
        o.p(&[pylist(&c[(n - 1) * m..(n - 1) * m + m.min(5)])]);
    }
    let px = Tensor::randn(&[60], DType::Float32)?;
    for e in [2.0f64, 3.0, -1.0, -2.0, -0.5, 2.5] {
        let base = if e != e.trunc() || e < 0.0 {
            px.abs()?.add_scalar(0.01)?
        } else {
            px.clone()
        };
        let r = if e == e.trunc() {
            base.pow_scalar(e as i64)?
        } else {
            base.pow_scalar(e)?
        };
        let v = r.to_vec();
        let label = if e == e.trunc() {
            format!("{}", e as i64)
        } else {
            format!("{e}")
        };
        // Python's sum() of the list: sequential double additions
        let total: f64 = v.iter().sum();
        o.p(&[label, pylist(&v[..6]), ::autograd::fmt_python_float(total)]);
    }
    for n in [3usize, 8, 17, 40] {
        let lp = Tensor::randn(&[n, 5], DType::Float32)?;
        let tg = Tensor::randint(0, 5, &[n], DType::Int64)?;
        tg.index_put_(&[IndexItem::Int(1)], &Tensor::wrapped(Scalar::Int(-100)))?;
        o.p(&[
            n.to_string(),
            it(&lp.nll_loss(&tg, ::autograd::Reduction::Mean, -100)?),
            it(&lp.nll_loss(&tg, ::autograd::Reduction::Sum, -100)?),
        ]);
    }
    let sx = Tensor::randn(&[70], DType::Float32)?.mul_scalar(3i64)?;
    let sg = sx.sigmoid()?.to_vec();
    o.p(&[
        pylist(&sg[28..36]),
        ::autograd::fmt_python_float(sg.iter().sum()),
    ]);
    for c in [3usize, 10, 17, 40] {
        let lg = Tensor::randn(&[4, c], DType::Float32)?;
        let sm1 = lg.softmax(1)?.to_vec();
        let lsm1 = lg.log_softmax(1)?.to_vec();
        let k = c.min(4);
        o.p(&[
            c.to_string(),
            pylist(&sm1[c..c + k]),
            pylist(&lsm1[2 * c..2 * c + k]),
        ]);
        let sm0 = lg.softmax(0)?.to_vec();
        let lsm0 = lg.log_softmax(0)?.to_vec();
        o.p(&[pylist(&sm0[c..c + 3]), pylist(&lsm0[3 * c..3 * c + 3])]);
        let tg = Tensor::randint(0, c as i64, &[4], DType::Int64)?;
        o.p(&[it(&lg.cross_entropy(
            &tg,
            ::autograd::Reduction::Mean,
            -100,
        )?)]);
    }
    let w = Tensor::randn(&[16, 20], DType::Float32)?;
    let bias = Tensor::randn(&[16], DType::Float32)?;
    let xx = Tensor::randn(&[8, 20], DType::Float32)?;
    o.p(&[pylist(
        &xx.linear(&w, Some(&bias))?.to_vec()[3 * 16..3 * 16 + 6],
    )]);
    Ok(())
}

fn engine_details(o: &mut Out) -> Result<()> {
    let x = leaf(&[1.0, 2.0]);
    let y = x.mul_scalar(3i64)?;
    y.retain_grad()?;
    let g = grad(
        &[y.mul(&y)?.sum()?],
        std::slice::from_ref(&x),
        &[None],
        None,
        false,
        false,
    )?;
    o.p(&[og(&g[0]), og(&y.grad()), og(&x.grad())]);
    let y2 = x.mul_scalar(3i64)?;
    y2.register_hook(Rc::new(|g: &Tensor| Ok(Some(g.mul_scalar(2i64)?))))?;
    y2.retain_grad()?;
    y2.mul(&y2)?.sum()?.backward(None, None, false)?;
    o.p(&[og(&y2.grad()), og(&x.grad())]);
    x.set_grad(None)?;
    let y3 = x.mul_scalar(3i64)?;
    y3.retain_grad()?;
    y3.register_hook(Rc::new(|g: &Tensor| Ok(Some(g.mul_scalar(2i64)?))))?;
    y3.mul(&y3)?.sum()?.backward(None, None, false)?;
    o.p(&[og(&y3.grad()), og(&x.grad())]);
    let g1 = grad(
        &[x.sum()?],
        std::slice::from_ref(&x),
        &[None],
        None,
        false,
        false,
    )?;
    let g2 = grad(
        std::slice::from_ref(&x),
        std::slice::from_ref(&x),
        &[Some(ones(&[2]))],
        None,
        false,
        false,
    )?;
    o.p(&[tuple(&g1), tuple(&g2)]);
    let sc = leaf0(2.0);
    sc.backward(None, None, false)?;
    o.p(&[og(&sc.grad())]);
    let a = leaf(&[1.0, 2.0]);
    ::autograd::backward(
        &[a.mul_scalar(2i64)?, a.mul(&a)?.sum()?],
        &[Some(f32s(&[1.0, 1.0])), None],
        None,
        false,
    )?;
    o.p(&[og(&a.grad())]);
    let calls = Rc::new(RefCell::new(0));
    let b = leaf(&[1.0]);
    let c = b.mul_scalar(2i64)?;
    let calls2 = calls.clone();
    c.register_hook(Rc::new(move |_g: &Tensor| {
        *calls2.borrow_mut() += 1;
        Ok(None)
    }))?;
    let d = c.sum()?;
    d.backward(None, Some(true), false)?;
    d.backward(None, None, false)?;
    o.p(&[calls.borrow().to_string(), og(&b.grad())]);
    let e = leaf(&[1.0, 2.0]);
    let f = e.exp()?;
    let gsum = f.sum()?;
    gsum.backward(None, Some(true), false)?;
    o.p(&[og(&f.grad_fn().unwrap().saved_tensor("result")?)]);
    gsum.backward(None, None, false)?;
    o.err(f.grad_fn().unwrap().saved_tensor("result").map(|t| og(&t)));
    let h = leaf(&[3.0]);
    let k = h.mul(&h)?;
    let kf = k.grad_fn().unwrap();
    o.p(&[
        og(&kf.saved_tensor("self")?),
        og(&kf.saved_tensor("other")?),
    ]);
    Ok(())
}

fn more_errors(o: &mut Out) -> Result<()> {
    let f64s = |s: &[usize]| Tensor::ones(s, DType::Float64).unwrap();
    o.err(f64s(&[2, 2]).matmul(&ones(&[2, 2])));
    o.err(f64s(&[2]).dot(&ones(&[2])));
    o.err(ones(&[2, 2, 2]).bmm(&f64s(&[2, 2, 2])));
    o.err(Tensor::ones(&[2, 2], DType::Int64)?.matmul(&ones(&[2, 2])));
    o.err(ones(&[3]).view(&[2, 2]));
    o.err(ones(&[2, 3]).index(&[IndexItem::Slice(None, None, None), IndexItem::Int(5)]));
    o.err(
        ones(&[2, 3])
            .index(&[IndexItem::Slice(Some(2), None, None), IndexItem::Int(0)])?
            .item()
            .map(|_| ""),
    );
    o.err(ones(&[2, 3]).softmax(2));
    o.err(ones(&[2, 3]).cross_entropy(&ints(&[0, 3]), ::autograd::Reduction::Mean, -100));
    o.err(ones(&[2, 3]).nll_loss(&ints(&[0]), ::autograd::Reduction::Mean, -100));
    o.err(Tensor::cat(&[ones(&[2]), ones(&[2, 2])], 0));
    o.err(ones(&[2, 3]).sum_dim(&[0, 0], false));
    o.err(ones(&[2, 3]).squeeze_dim(3));
    o.err(ones(&[2, 3]).unsqueeze(3));
    o.err(ones(&[2, 3]).reshape(&[4, -1]));
    o.err(ones(&[2, 3]).expand_sizes(&[2]));
    o.err(ones(&[2, 3]).add(&ones(&[3, 2])));
    o.err(ones(&[2, 3]).masked_fill(&ones(&[2, 3]), 0.0));
    o.err(Tensor::randint(5, 2, &[3], DType::Int64));
    o.err(ones(&[2, 3]).flatten(1, 0));
    o.err(ones(&[2, 3]).narrow(1, 2, 5));
    o.err(ones(&[2, 3]).max_dim(2, false).map(|r| r.0));
    let idx = f32s(&[1.5]);
    o.err(
        Tensor::arange(Scalar::Int(0), Scalar::Int(5), Scalar::Int(1), None)?
            .index(&[IndexItem::Tensor(idx)]),
    );
    o.err(Tensor::linspace(0.0, 1.0, -1, None));
    o.err(ones(&[2, 3]).std(&[], 1.0, false).map(|t| item(&t)));
    o.err(ones(&[2, 3]).t()?.view(&[3, 2])?.view(&[6]));
    o.err(ones(&[2, 3]).permute(&[0, 0]));
    o.err(ones(&[2, 3]).log_softmax(-3));
    Ok(())
}

fn list(v: &[Tensor]) -> String {
    let parts: Vec<String> = v.iter().map(s).collect();
    format!("({})", parts.join(", "))
}

fn multi_output(o: &mut Out) -> Result<()> {
    let x = Tensor::from_data(vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0], &[3, 2], DType::Float32)?;
    x.requires_grad_(true)?;
    let abc = x.unbind(0)?;
    let names: Vec<String> = abc[0]
        .grad_fn()
        .unwrap()
        .next_functions()
        .iter()
        .map(|e| format!("'{}'", e.as_ref().map(|(n, _)| n.name()).unwrap_or("None")))
        .collect();
    o.p(&[
        s(&abc[0]),
        s(&abc[1]),
        s(&abc[2]),
        format!("[{}]", names.join(", ")),
    ]);
    o.p(&[
        list(&x.split(2, 0)?),
        list(&x.chunk(2, 1)?),
        list(&x.split_with_sizes(&[1, 2], 0)?),
    ]);
    let y = x.mul_scalar(1i64)?;
    let pq = y.split(2, 0)?;
    o.unit(pq[0].mul_scalar_(2i64));
    let uv = x.unbind(1)?;
    uv[0]
        .mul_scalar(2i64)?
        .add(&uv[1])?
        .sum()?
        .backward(None, None, false)?;
    o.p(&[og(&x.grad())]);
    x.set_grad(None)?;
    let ss = x.split_with_sizes(&[1, 2], 0)?;
    ss[1].mul_scalar(3i64)?.sum()?.backward(None, None, false)?;
    o.p(&[og(&x.grad())]);
    x.set_grad(None)?;
    let cc = x.chunk(2, 0)?;
    cc[0]
        .sum()?
        .mul(&cc[1].sum()?)?
        .backward(None, None, false)?;
    o.p(&[og(&x.grad())]);
    x.set_grad(None)?;
    let rr = x.unbind(0)?;
    rr[1].retain_grad()?;
    rr[1].register_hook(Rc::new(|g: &Tensor| Ok(Some(g.mul_scalar(10i64)?))))?;
    rr[0]
        .add(&rr[1].mul(&rr[2])?)?
        .sum()?
        .backward(None, None, false)?;
    o.p(&[og(&x.grad()), og(&rr[1].grad())]);
    let col = x.unbind(1)?[1].pow_scalar(2i64)?.sum()?;
    let gx = grad(&[col], std::slice::from_ref(&x), &[None], None, true, false)?[0]
        .clone()
        .unwrap();
    o.p(&[s(&gx)]);
    o.p(&[tuple(&grad(
        &[gx.sum()?],
        std::slice::from_ref(&x),
        &[None],
        None,
        false,
        false,
    )?)]);
    o.err(x.split_with_sizes(&[1, 1], 0).map(|v| list(&v)));
    o.err(x.chunk(0, 0).map(|v| list(&v)));
    Ok(())
}

fn no_grad_views(o: &mut Out) -> Result<()> {
    let x = leaf(&[1.0, 2.0]);
    let v = {
        let _g = no_grad();
        x.index(&[IndexItem::Int(0)])?
    };
    o.unit(v.mul_scalar_(2i64));
    let y = x.mul_scalar(1i64)?;
    let w = {
        let _g = no_grad();
        y.index(&[IndexItem::Int(0)])?
    };
    o.unit(w.mul_scalar_(2i64));
    {
        let _g = no_grad();
        w.mul_scalar_(2i64)?;
    }
    o.p(&[s(&y)]);
    let d = x.detach();
    d.add_scalar_(1i64)?;
    o.p(&[s(&x)]);
    Ok(())
}

fn backward_inputs(o: &mut Out) -> Result<()> {
    let x = leaf(&[1.0, 2.0]);
    let w = leaf(&[3.0, 4.0]);
    ::autograd::backward_with_inputs(
        &[x.mul(&w)?.sum()?],
        &[None],
        None,
        false,
        std::slice::from_ref(&x),
    )?;
    o.p(&[og(&x.grad()), og(&w.grad())]);
    let y2 = x.mul(&w)?;
    ::autograd::backward_with_inputs(
        &[y2.mul(&y2)?.sum()?],
        &[None],
        None,
        false,
        std::slice::from_ref(&y2),
    )?;
    o.p(&[og(&y2.grad()), og(&x.grad())]);
    o.unit(::autograd::backward_with_inputs(
        &[x.mul(&w)?.sum()?],
        &[None],
        None,
        false,
        &[],
    ));
    Ok(())
}

fn int32(o: &mut Out) -> Result<()> {
    let i = Tensor::from_data(vec![1.0, -2.0, 300.0], &[3], DType::Int32)?;
    o.p(&[
        s(&i),
        s(&i.add_scalar(2i64)?),
        s(&i.mul_scalar(2.5)?),
        s(&i.div_scalar(2i64)?),
        s(&i.add(&ints(&[1, 1, 1]))?),
        s(&i.sum()?),
        s(&i.cumsum(0)?),
    ]);
    o.p(&[
        s(&f32s(&[1.7, -2.7, 3e9]).to_dtype(DType::Int32)?),
        s(&i.to_dtype(DType::Float32)?),
        s(&i.to_dtype(DType::Int64)?),
        s(&Tensor::zeros(&[0], DType::Int32)?),
    ]);
    let x = f32s(&[10.0, 20.0, 30.0]);
    let idx = Tensor::from_data(vec![2.0, 0.0], &[2], DType::Int32)?;
    o.p(&[
        s(&x.index(&[IndexItem::Tensor(idx)])?),
        s(&i.max()?),
        tolist(&i),
        item(&i.index(&[IndexItem::Int(0)])?),
    ]);
    o.unit(i.requires_grad_(true));
    Ok(())
}

fn retain_then_inplace(o: &mut Out) -> Result<()> {
    let x = leaf(&[1.0, 2.0]);
    let y = x.mul_scalar(2i64)?;
    y.retain_grad()?;
    y.add_scalar_(1i64)?;
    y.mul_scalar(3i64)?.sum()?.backward(None, None, false)?;
    o.p(&[
        og(&y.grad()),
        og(&x.grad()),
        y.grad_fn().unwrap().name().to_string(),
    ]);
    let e = f32s(&[1.0, 2.0]).expand(&[3, 2])?;
    o.unit(e.add_scalar_(1i64));
    e.index_put_(&[IndexItem::Int(0)], &Tensor::wrapped(Scalar::Float(5.0)))?;
    o.p(&[s(&e)]);
    Ok(())
}

fn functional(o: &mut Out) -> Result<()> {
    use ::autograd::{hessian, jacobian};
    let x = f32s(&[1.0, 2.0]);
    let c = f32s(&[1.0, 2.0]);
    let cube = |v: &Tensor| v.pow_scalar(3i64)?.mul(&c);
    o.p(&[s(&jacobian(&cube, &x, false)?)]);
    let h = |v: &Tensor| {
        v.pow_scalar(3i64)?.sum()?.add(
            &v.index(&[IndexItem::Int(0)])?
                .mul(&v.index(&[IndexItem::Int(1)])?)?,
        )
    };
    o.p(&[s(&hessian(&h, &x, false)?)]);
    let sum = |v: &Tensor| v.sum();
    let constant = |_v: &Tensor| Ok(Tensor::scalar(Scalar::Float(1.0)));
    o.p(&[
        s(&jacobian(&sum, &x, false)?),
        s(&jacobian(&constant, &x, false)?),
    ]);
    o.p(&[s(&jacobian(&cube, &x, true)?)]);
    let m = Tensor::from_data(vec![1.0, 2.0, 3.0, 4.0], &[2, 2], DType::Float32)?;
    let mm = |v: &Tensor| v.matmul(v);
    let ex = |v: &Tensor| v.exp()?.mul(v)?.sum();
    o.p(&[
        ::autograd::format_size(jacobian(&mm, &m, false)?.shape()),
        s(&hessian(&ex, &x, false)?),
    ]);
    let twice = |v: &Tensor| v.mul_scalar(2i64);
    o.unit(hessian(&twice, &x, false).map(|_| ()));
    Ok(())
}

fn optimizer_ops(o: &mut Out) -> Result<()> {
    manual_seed(0);
    let p = Tensor::randn(&[40], DType::Float32)?;
    let g = Tensor::randn(&[40], DType::Float32)?;
    let v = Tensor::randn(&[40], DType::Float32)?
        .abs()?
        .add_scalar(0.1)?;
    let c = |t: &Tensor| t.clone_tensor().unwrap();
    let a = c(&p);
    a.add_alpha_(&g, -0.1)?;
    let b = c(&p);
    b.addcmul_(&g, &g, 0.001)?;
    let cc = c(&p);
    cc.addcdiv_(&g, &v, -0.01)?;
    let d = c(&p);
    d.lerp_(&g, 0.1)?;
    let e = c(&p);
    e.mul_scalar_(0.9)?;
    e.add_alpha_(&g, 0.1)?;
    let f = c(&p);
    f.sub_alpha_(&g, 0.3)?;
    let h = c(&p);
    h.lerp_(&g, 0.7)?;
    for t in [&a, &b, &cc, &d, &e, &f, &h] {
        o.p(&[pylist(&t.to_vec()[..8])]);
    }
    o.p(&[
        pylist(&p.add_alpha(&g, 2.5)?.to_vec()[..4]),
        pylist(&p.sub_alpha(&g, 2.0)?.to_vec()[..4]),
    ]);
    let w = leaf(&[1.0, 2.0]);
    w.add_alpha(&w.mul(&w)?, 3.0)?
        .sum()?
        .backward(None, None, false)?;
    o.p(&[og(&w.grad())]);
    manual_seed(1);
    let param = Tensor::randn(&[10], DType::Float32)?;
    let grad_t = Tensor::randn(&[10], DType::Float32)?;
    let m = Tensor::zeros(&[10], DType::Float32)?;
    let s2 = Tensor::zeros(&[10], DType::Float32)?;
    for step in 1..4 {
        m.lerp_(&grad_t, 1.0 - 0.9)?;
        s2.mul_scalar_(0.999)?;
        s2.addcmul_(&grad_t, &grad_t, 1.0 - 0.999)?;
        let bc1 = 1.0 - 0.9f64.powi(step);
        let bc2 = 1.0 - 0.999f64.powi(step);
        let denom = s2.sqrt()?.div_scalar(bc2.powf(0.5))?;
        denom.add_scalar_(1e-8)?;
        param.addcdiv_(&m, &denom, -0.001 / bc1)?;
    }
    o.p(&[pylist(&param.to_vec()[..6])]);
    Ok(())
}

type Section = (&'static str, fn(&mut Out) -> Result<()>);

const SECTIONS: &[Section] = &[
    ("second_backward", second_backward),
    ("retain_graph", retain_graph),
    ("implicit_grad_errors", implicit_grad_errors),
    ("leaf_inplace", leaf_inplace),
    ("version_counter", version_counter),
    ("requires_grad_rules", requires_grad_rules),
    ("hooks", hooks),
    ("retain_grad", retain_grad),
    ("autograd_grad", autograd_grad),
    ("create_graph_backward", create_graph_backward),
    ("nonleaf_inplace", nonleaf_inplace),
    ("accumulation", accumulation),
    ("grad_mode", grad_mode),
    ("shape_errors", shape_errors),
    ("dtypes", dtypes),
    ("constructors", constructors),
    ("random", random),
    ("copy_slices", copy_slices),
    ("float_accuracy", float_accuracy),
    ("engine_details", engine_details),
    ("more_errors", more_errors),
    ("multi_output", multi_output),
    ("no_grad_views", no_grad_views),
    ("backward_inputs", backward_inputs),
    ("int32", int32),
    ("retain_then_inplace", retain_then_inplace),
    ("functional", functional),
    ("optimizer_ops", optimizer_ops),
];

#[test]
fn autograd_matches_torch() {
    let text = include_str!("golden/autograd_cases.txt");
    let mut expected: Vec<(String, String)> = Vec::new();
    for block in text.split("## ").skip(1) {
        let (name, body) = block.split_once('\n').unwrap_or((block, ""));
        expected.push((name.trim().to_string(), body.trim_end().to_string()));
    }
    let mut failures = Vec::new();
    for (name, f) in SECTIONS {
        let mut o = Out(Vec::new());
        if let Err(e) = f(&mut o) {
            o.0.push(format!("UNEXPECTED {}: {}", e.kind.name(), e.message));
        }
        let got = o.0.join("\n");
        let exp = expected
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, b)| b.clone())
            .unwrap_or_default();
        if got != exp {
            failures.push(format!("## {name}\n--- expected\n{exp}\n--- got\n{got}"));
        }
    }
    assert_eq!(SECTIONS.len() + 1, expected.len());
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        SECTIONS.len(),
        failures.join("\n")
    );
}
