use ::autograd::*;

fn t(v: &[f64], shape: &[usize]) -> Tensor {
    Tensor::from_data(v.to_vec(), shape, DType::Float32).unwrap()
}

#[test]
fn simple_backward() {
    let x = t(&[1.0, 2.0, 3.0], &[3]);
    x.requires_grad_(true).unwrap();
    let y = x.mul(&x).unwrap().sum().unwrap();
    assert_eq!(y.grad_fn().unwrap().name(), "SumBackward0");
    y.backward(None, None, false).unwrap();
    assert_eq!(x.grad().unwrap().to_vec(), vec![2.0, 4.0, 6.0]);
    println!("{y}\n{}", x.grad().unwrap());
    assert_eq!(format!("{y}"), "tensor(14., grad_fn=<SumBackward0>)");
    assert_eq!(format!("{x}"), "tensor([1., 2., 3.], requires_grad=True)");
    let e = y.backward(None, None, false).unwrap_err();
    assert_eq!(e.message, SECOND_BACKWARD_MSG);
}

#[test]
fn long_chain() {
    let x = t(&[1.0], &[1]);
    x.requires_grad_(true).unwrap();
    let mut y = x.clone();
    for _ in 0..200_000 {
        y = y.mul_scalar(1.0).unwrap();
    }
    let s = y.sum().unwrap();
    s.backward(None, None, false).unwrap();
    assert_eq!(x.grad().unwrap().to_vec(), vec![1.0]);
    drop(y);
    drop(s);
}

#[test]
fn long_chain_drop_only() {
    let x = t(&[1.0], &[1]);
    x.requires_grad_(true).unwrap();
    let mut y = x.clone();
    for _ in 0..200_000 {
        y = y.exp().unwrap();
    }
    drop(y);
}

#[test]
fn broadcast_grad() {
    let a = t(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], &[2, 3]);
    let b = t(&[1.0, 2.0, 3.0], &[3]);
    a.requires_grad_(true).unwrap();
    b.requires_grad_(true).unwrap();
    let y = a.mul(&b).unwrap().sum().unwrap();
    y.backward(None, None, false).unwrap();
    assert_eq!(b.grad().unwrap().to_vec(), vec![5.0, 7.0, 9.0]);
    assert_eq!(a.grad().unwrap().shape(), &[2, 3]);
}

#[test]
fn second_order() {
    let x = t(&[3.0], &[]);
    x.requires_grad_(true).unwrap();
    let y = x.pow_scalar(3.0).unwrap();
    let g = grad(&[y], std::slice::from_ref(&x), &[None], None, true, false).unwrap();
    let g0 = g[0].clone().unwrap();
    assert_eq!(g0.to_vec(), vec![27.0]);
    let g2 = grad(&[g0], std::slice::from_ref(&x), &[None], None, false, false).unwrap();
    assert_eq!(g2[0].clone().unwrap().to_vec(), vec![18.0]);
}

#[test]
fn allocation_limit_and_tolist() {
    let err = Tensor::zeros(&[1_000_000, 1_000_000], DType::Float32).unwrap_err();
    assert_eq!(err.kind, ErrorKind::RuntimeError);
    assert!(
        err.message.contains("exceeds the allocation limit"),
        "{}",
        err.message
    );
    let err = Tensor::zeros(&[usize::MAX, 4], DType::Float32).unwrap_err();
    assert!(err.message.contains("allocation limit"));
    set_max_elements(10);
    assert!(Tensor::ones(&[11], DType::Float32).is_err());
    assert!(Tensor::ones(&[10], DType::Float32).is_ok());
    let big = Tensor::ones(&[3], DType::Float32).unwrap();
    assert!(big.expand(&[4, 3]).is_err());
    set_max_elements(50_000_000);
    let t = Tensor::from_data(vec![1.0, 2.0, 3.0, 4.0], &[2, 2], DType::Int64).unwrap();
    match t.tolist() {
        NestedData::List(rows) => {
            assert_eq!(rows.len(), 2);
            match &rows[1] {
                NestedData::List(r) => assert!(matches!(r[0], NestedData::Scalar(Scalar::Int(3)))),
                _ => panic!(),
            }
        }
        _ => panic!(),
    }
    match Tensor::zeros(&[2, 0], DType::Float32).unwrap().tolist() {
        NestedData::List(rows) => assert_eq!(rows.len(), 2),
        _ => panic!(),
    }
    assert!(
        matches!(Tensor::scalar(Scalar::Float(2.5)).tolist(), NestedData::Scalar(Scalar::Float(v)) if v == 2.5)
    );
}

#[test]
fn parameter_and_size_printing() {
    // expected text from torch: repr(torch.nn.Parameter(torch.tensor([1., 2.])))
    let p = t(&[1.0, 2.0], &[2]);
    p.requires_grad_(true).unwrap();
    assert_eq!(
        format_parameter(&p),
        "Parameter containing:\ntensor([1., 2.], requires_grad=True)"
    );
    assert_eq!(format_size(&[2, 3]), "torch.Size([2, 3])");
    assert_eq!(format_size(&[]), "torch.Size([])");
}

#[test]
fn detach_chain_drop() {
    let mut x = t(&[1.0], &[1]);
    for _ in 0..200_000 {
        x = x.detach();
    }
    drop(x);
    let mut v = t(&[1.0, 2.0], &[2]);
    for _ in 0..200_000 {
        v = v.view(&[2]).unwrap();
    }
    drop(v);
}

#[test]
fn long_setitem_chain() {
    let x = t(&[1.0, 2.0], &[2]);
    x.requires_grad_(true).unwrap();
    let y = x.mul_scalar(1.0).unwrap();
    for i in 0..100_000 {
        let v = y.select(0, (i % 2) as i64).unwrap();
        v.mul_scalar_(1.0).unwrap();
    }
    y.sum().unwrap().backward(None, None, false).unwrap();
    assert_eq!(x.grad().unwrap().to_vec(), vec![1.0, 1.0]);
    drop(y);
}

#[test]
fn large_matmul_fast_path_is_accurate() {
    manual_seed(7);
    let a = Tensor::randn(&[130, 140], DType::Float32).unwrap();
    let b = Tensor::randn(&[140, 125], DType::Float32).unwrap();
    let c = a.mm(&b).unwrap().to_vec();
    let c64 = a
        .to_dtype(DType::Float64)
        .unwrap()
        .mm(&b.to_dtype(DType::Float64).unwrap())
        .unwrap()
        .to_vec();
    for (x, y) in c.iter().zip(&c64) {
        assert!((x - y).abs() < 1e-3 * (1.0 + y.abs()), "{x} vs {y}");
    }
    let bat = a.reshape(&[2, 65, 140]).unwrap().matmul(&b).unwrap();
    assert_eq!(bat.shape(), &[2, 65, 125]);
}

#[test]
fn thousands_of_dims_print_and_reduce() {
    let mut x = t(&[1.0, 2.0], &[2]);
    for _ in 0..5000 {
        x = x.unsqueeze(0).unwrap();
    }
    let text = format!("{x}");
    assert!(text.starts_with("tensor([[[[") && text.ends_with("]]]])"));
    assert_eq!(x.sum().unwrap().to_vec(), vec![3.0]);
}

#[test]
#[allow(clippy::excessive_precision)]
fn python_float_repr() {
    // expected strings from Python's repr()
    let cases: &[(f64, &str)] = &[
        (-3.28510284423828125, "-3.2851028442382812"),
        (0.1, "0.1"),
        (1.0, "1.0"),
        (-0.0, "-0.0"),
        (1e16, "1e+16"),
        (1.5e-5, "1.5e-05"),
        (0.0001, "0.0001"),
        (123456789012345.6, "123456789012345.6"),
        (2.5, "2.5"),
        (1e-300, "1e-300"),
        (0.30000001192092896, "0.30000001192092896"),
        (9999999999999998.0, "9999999999999998.0"),
        (f64::NAN, "nan"),
        (f64::NEG_INFINITY, "-inf"),
        (5e-324, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
    ];
    for &(v, want) in cases {
        assert_eq!(fmt_python_float(v), want, "{v:e}");
    }
}
