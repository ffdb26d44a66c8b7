//! Quick timings: `cargo run -p autograd --release --example bench`.

use autograd::{DType, Tensor};
use std::time::Instant;

fn main() -> autograd::Result<()> {
    let a = Tensor::from_data(vec![1.0, 2.0, 3.0], &[3], DType::Float32)?;
    let b = Tensor::from_data(vec![4.0, 5.0, 6.0], &[3], DType::Float32)?;
    let n = 200_000;
    let t = Instant::now();
    for _ in 0..n {
        let _ = a.add(&b)?;
    }
    println!(
        "tiny add (no grad): {:.2} us/op",
        t.elapsed().as_secs_f64() * 1e6 / n as f64
    );
    a.requires_grad_(true)?;
    let t = Instant::now();
    for _ in 0..n {
        let _ = a.mul(&b)?;
    }
    println!(
        "tiny mul (recording): {:.2} us/op",
        t.elapsed().as_secs_f64() * 1e6 / n as f64
    );
    let x = Tensor::randn(&[256, 256], DType::Float32)?;
    let y = Tensor::randn(&[256, 256], DType::Float32)?;
    let t = Instant::now();
    let reps = 5;
    for _ in 0..reps {
        let _ = x.mm(&y)?;
    }
    println!(
        "256x256 matmul: {:.2} ms",
        t.elapsed().as_secs_f64() * 1e3 / reps as f64
    );
    let leaf = Tensor::from_data(vec![1.0], &[1], DType::Float32)?;
    leaf.requires_grad_(true)?;
    let mut z = leaf.clone();
    for _ in 0..10_000 {
        z = z.mul_scalar(1.0)?;
    }
    let s = z.sum()?;
    let t = Instant::now();
    s.backward(None, None, false)?;
    println!(
        "backward through 10,000-node chain: {:.2} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    Ok(())
}
