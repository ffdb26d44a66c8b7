//! Arbitrary calls with arbitrary arguments return `Ok` or `Err`, never panic.

use ::autograd::{Bin, DType, Elem, IndexItem, Reduction, Scalar, Tensor};
use proptest::prelude::*;

fn make(shape: &[usize], dt: u8, rg: bool) -> Option<Tensor> {
    let dtype = [
        DType::Float32,
        DType::Float64,
        DType::Int64,
        DType::Bool,
        DType::Int32,
    ][dt as usize % 5];
    let n: usize = shape.iter().product();
    let v = (0..n).map(|i| (i as f64 * 0.37).sin() * 3.0).collect();
    let t = Tensor::from_data(v, shape, dtype).ok()?;
    if rg {
        let _ = t.requires_grad_(true);
    }
    Some(t)
}

fn apply(op: u8, a: &Tensor, b: &Tensor, i: i64, j: i64) -> Option<Tensor> {
    let d = i as isize;
    let r = match op % 60 {
        0 => a.add(b),
        1 => a.mul(b),
        2 => a.div(b),
        3 => a.pow(b),
        4 => a.matmul(b),
        5 => a.mm(b),
        6 => a.bmm(b),
        7 => a.dot(b),
        8 => a.mv(b),
        9 => a.sum_dim(&[d], j % 2 == 0),
        10 => a.mean_dim(&[d, j as isize], false),
        11 => a.max_dim(d, false).map(|r| r.0),
        12 => a.softmax(d),
        13 => a.log_softmax(d),
        14 => a.view(&[i as isize, j as isize]),
        15 => a.reshape(&[j as isize, -1]),
        16 => a.transpose(d, j as isize),
        17 => a.permute(&[d, j as isize]),
        18 => a.unsqueeze(d),
        19 => a.squeeze_dim(d),
        20 => a.expand_sizes(&[i, j]),
        21 => a.select(d, j),
        22 => a.slice(d, i, j, (j % 3).abs()),
        23 => a.index(&[
            IndexItem::Int(i),
            IndexItem::Slice(Some(j), None, Some(i.abs() % 3)),
        ]),
        24 => a.index(&[IndexItem::Tensor(b.clone())]),
        25 => Tensor::cat(&[a.clone(), b.clone()], d),
        26 => Tensor::stack(&[a.clone(), b.clone()], d),
        27 => a.mse_loss(b, Reduction::Mean),
        28 => a.nll_loss(b, Reduction::Mean, i),
        29 => a.cross_entropy(b, Reduction::Sum, -100),
        30 => a.pow_scalar(Scalar::Int(i)),
        31 => a.clamp(Some(i as f64), Some(j as f64)),
        32 => a.flatten(d, j as isize),
        33 => a.masked_fill(b, 1.0),
        34 => Tensor::where_(b, a, a),
        35 => a.max(),
        36 => a.t(),
        37 => a.add_(b).map(|_| a.clone()),
        38 => a.index_put_(&[IndexItem::Int(i)], b).map(|_| a.clone()),
        39 => a.sort(d, j % 2 == 0, i % 2 == 0).map(|r| r.0),
        40 => a.topk(j, d, i % 2 == 0, j % 2 == 0).map(|r| r.0),
        41 => a.topk(i, d, true, false).map(|r| r.1),
        42 => a.cumprod(d),
        43 => a.clamp_tensor(Some(b), (j > 0).then_some(a)),
        45 => a.binary_fn(
            b,
            [Bin::Atan2, Bin::Fmod, Bin::Xlogy][(i % 3).unsigned_abs() as usize],
        ),
        46 => a.elementwise(
            [
                Elem::Frac,
                Elem::Sinc,
                Elem::Logit(j as f64 / 10.0),
                Elem::Mish,
            ][(i % 4).unsigned_abs() as usize],
        ),
        47 => a.elementwise(Elem::Elu {
            alpha: i as f64,
            scale: 1.0,
            input_scale: 1.0 / j as f64,
            celu: true,
        }),
        48 => a.elementwise(Elem::Threshold(i as f64, j as f64)),
        49 => a.nansum(&[d], j % 2 == 0),
        50 => a.median(),
        51 => a.median_dim(d, j % 2 == 0).map(|r| r.0),
        52 => a.cummax(d, j % 2 == 0).map(|r| r.0),
        53 => a.logcumsumexp(d),
        54 => a.binary_fn_(b, Bin::Fmod).map(|_| a.clone()),
        55 => match j % 3 {
            0 => a.roll(&[i], &[]),
            1 => a.roll(&[i, j], &[i]),
            _ => a.roll(&[i, j], &[i, j]),
        },
        56 => a.binary_fn(
            b,
            [Bin::Fmin, Bin::Fmax, Bin::Copysign, Bin::Hypot][(i % 4).unsigned_abs() as usize],
        ),
        57 => a.elementwise(if i % 2 == 0 {
            Elem::Exp2
        } else {
            Elem::NanToNum(i as f64, j as f64, f64::NAN)
        }),
        58 => match i % 2 {
            0 => a.soft_margin_loss(b, Reduction::Mean),
            _ => a.masked_fill_tensor(b, a),
        },
        _ => a.to_dtype(DType::Int64),
    };
    r.ok()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn no_panics(
        sa in proptest::collection::vec(0usize..4, 0..4),
        sb in proptest::collection::vec(0usize..4, 0..4),
        dta in 0u8..5, dtb in 0u8..5, rg in any::<bool>(),
        ops in proptest::collection::vec((0u8..60, -5i64..6, -5i64..6), 1..6),
    ) {
        let (Some(a), Some(b)) = (make(&sa, dta, rg), make(&sb, dtb, false)) else { return Ok(()) };
        let mut cur = a.clone();
        for (op, i, j) in ops {
            if let Some(r) = apply(op, &cur, &b, i, j) {
                let _ = format!("{r}");
                cur = r;
            }
        }
        if cur.requires_grad() {
            let s = cur.sum();
            if let Ok(s) = s {
                let _ = s.backward(None, Some(true), false);
                let _ = s.backward(None, None, true);
            }
        }
        let _ = format!("{}", cur);
        let _ = cur.tolist();
        let _ = Tensor::arange(Scalar::Float(sa.len() as f64), Scalar::Int(-3), Scalar::Float(-0.5), None);
        let _ = Tensor::linspace(0.0, 1.0, sb.len() as i64 - 2, None);
    }
}
