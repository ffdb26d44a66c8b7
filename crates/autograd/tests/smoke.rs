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
