//! Property tests: random broadcast shapes and random expression graphs; gradients agree with
//! central differences and every gradient has its input's shape.

use ::autograd::{broadcast_shapes, grad, DType, Result, Tensor};
use proptest::prelude::*;

fn tensor(shape: &[usize], seed: u64) -> Tensor {
    let n: usize = shape.iter().product();
    let mut s = seed
        .wrapping_mul(2862933555777941757)
        .wrapping_add(3037000493);
    let v = (0..n)
        .map(|_| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let u = ((s >> 11) as f64) / ((1u64 << 53) as f64);
            0.5 + u
        })
        .collect();
    let t = Tensor::from_data(v, shape, DType::Float64).unwrap();
    t.requires_grad_(true).unwrap();
    t
}

/// Two shapes that broadcast: per dim equal, or 1 on one side; ranks may differ.
fn shape_pair() -> impl Strategy<Value = (Vec<usize>, Vec<usize>)> {
    (
        0usize..4,
        0usize..4,
        proptest::collection::vec((1usize..4, 0u8..3), 4),
    )
        .prop_map(|(ra, rb, dims)| {
            let n = ra.max(rb);
            let mut a = Vec::new();
            let mut b = Vec::new();
            for (i, &(d, mode)) in dims.iter().take(n).enumerate() {
                let (da, db) = match mode {
                    0 => (d, d),
                    1 => (1, d),
                    _ => (d, 1),
                };
                if i >= n - ra {
                    a.push(da);
                }
                if i >= n - rb {
                    b.push(db);
                }
            }
            (a, b)
        })
}

fn numeric(f: &dyn Fn(&[Tensor]) -> f64, inputs: &[Tensor], which: usize) -> Vec<f64> {
    let eps = 1e-6;
    let base = inputs[which].to_vec();
    (0..base.len())
        .map(|k| {
            let at = |d: f64| {
                let mut v = base.clone();
                v[k] += d;
                let mut ins = inputs.to_vec();
                ins[which] = Tensor::from_data(v, inputs[which].shape(), DType::Float64).unwrap();
                f(&ins)
            };
            (at(eps) - at(-eps)) / (2.0 * eps)
        })
        .collect()
}

fn assert_close(a: &[f64], b: &[f64]) {
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(b) {
        assert!(
            (x - y).abs() <= 1e-5 * (1.0 + x.abs().max(y.abs())),
            "{a:?} vs {b:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn broadcast_binary_ops((sa, sb) in shape_pair(), op in 0usize..4, seed in 0u64..1000) {
        let a = tensor(&sa, seed);
        let b = tensor(&sb, seed + 1);
        let f = |x: &[Tensor]| -> Result<Tensor> {
            match op {
                0 => x[0].add(&x[1]),
                1 => x[0].sub(&x[1]),
                2 => x[0].mul(&x[1]),
                _ => x[0].div(&x[1]),
            }
        };
        let out = f(&[a.clone(), b.clone()]).unwrap();
        let expected = broadcast_shapes(&sa, &sb).unwrap();
        prop_assert_eq!(out.shape(), expected.as_slice());
        let w = tensor(out.shape(), seed + 2).detach();
        let loss = |x: &[Tensor]| f(x).unwrap().mul(&w).unwrap().sum().unwrap().to_vec()[0];
        let y = f(&[a.clone(), b.clone()]).unwrap().mul(&w).unwrap().sum().unwrap();
        let g = grad(&[y], &[a.clone(), b.clone()], &[None], None, false, false).unwrap();
        for (i, gi) in g.iter().enumerate() {
            let gi = gi.as_ref().unwrap();
            prop_assert_eq!(gi.shape(), [&a, &b][i].shape());
            assert_close(&gi.to_vec(), &numeric(&loss, &[a.clone(), b.clone()], i));
        }
    }

    #[test]
    fn random_expression_graphs(ops in proptest::collection::vec((0usize..9, 0usize..8, 0usize..8), 1..12), seed in 0u64..1000) {
        // a pool of three inputs of broadcast-compatible shapes; each op appends a new node
        let inputs = vec![tensor(&[2, 3], seed), tensor(&[3], seed + 1), tensor(&[2, 1], seed + 2)];
        let build = |x: &[Tensor]| -> Tensor {
            let mut pool: Vec<Tensor> = x.to_vec();
            for &(op, i, j) in &ops {
                let a = pool[i % pool.len()].clone();
                let b = pool[j % pool.len()].clone();
                let r = match op {
                    0 => a.add(&b),
                    1 => a.mul(&b),
                    2 => a.sub(&b),
                    3 => a.tanh(),
                    4 => a.sigmoid(),
                    5 => a.mul(&a).unwrap().add_scalar(1.0).unwrap().sqrt(),
                    6 => a.sin(),
                    7 => a.div(&b.mul(&b).unwrap().add_scalar(1.0).unwrap()),
                    _ => a.exp().unwrap().mul_scalar(0.1),
                }.unwrap();
                pool.push(r);
            }
            pool.last().unwrap().sum().unwrap()
        };
        let loss = |x: &[Tensor]| build(x).to_vec()[0];
        let y = build(&inputs);
        let g = grad(&[y], &inputs, &[None], None, false, true).unwrap();
        for (i, gi) in g.iter().enumerate() {
            let analytic = match gi {
                Some(t) => {
                    prop_assert_eq!(t.shape(), inputs[i].shape());
                    t.to_vec()
                }
                None => vec![0.0; inputs[i].numel()],
            };
            assert_close(&analytic, &numeric(&loss, &inputs, i));
        }
    }
}
