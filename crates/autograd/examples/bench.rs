//! Timings for `cargo xtask bench autograd` (which runs this beside
//! `crates/autograd/benches/bench_torch.py`, the same measurements in PyTorch):
//! `cargo run -p autograd --release --example bench`.
//!
//! Every figure is the median of several trials. Besides a human-readable line, each figure is
//! printed as `BENCH <name> <value> <unit>` for the xtask to parse; the names and units are the
//! same in the torch script.

use autograd::{DType, Tensor};
use std::hint::black_box;
use std::time::Instant;

const TRIALS: usize = 7;

/// Median over `TRIALS` of the time per call of `f`, `reps` calls per trial, in seconds.
fn median_per_call(
    reps: usize,
    mut f: impl FnMut() -> autograd::Result<()>,
) -> autograd::Result<f64> {
    for _ in 0..reps.div_ceil(10) {
        f()?;
    }
    let mut times = Vec::with_capacity(TRIALS);
    for _ in 0..TRIALS {
        let t = Instant::now();
        for _ in 0..reps {
            f()?;
        }
        times.push(t.elapsed().as_secs_f64() / reps as f64);
    }
    times.sort_by(f64::total_cmp);
    Ok(times[TRIALS / 2])
}

fn report(name: &str, what: &str, value: f64, unit: &str) {
    println!("{what}: {value:.3} {unit}");
    println!("BENCH {name} {value:.6} {unit}");
}

fn main() -> autograd::Result<()> {
    autograd::manual_seed(0);
    let a = Tensor::from_data(vec![1.0, 2.0, 3.0, 4.0], &[2, 2], DType::Float32)?;
    let b = Tensor::from_data(vec![5.0, 6.0, 7.0, 8.0], &[2, 2], DType::Float32)?;
    let ops = 100_000;
    let us = 1e6;
    let t = median_per_call(ops, || black_box(&a).add(black_box(&b)).map(drop))?;
    report("add_2x2", "tiny add 2x2 (no grad)", t * us, "us");
    let t = median_per_call(ops, || black_box(&a).mul(black_box(&b)).map(drop))?;
    report("mul_2x2", "tiny mul 2x2 (no grad)", t * us, "us");

    let ga = Tensor::from_data(vec![1.0, 2.0, 3.0, 4.0], &[2, 2], DType::Float32)?;
    ga.requires_grad_(true)?;
    let t = median_per_call(ops, || black_box(&ga).add(black_box(&b)).map(drop))?;
    report(
        "add_2x2_grad",
        "tiny add 2x2 (requires_grad, records AddBackward0)",
        t * us,
        "us",
    );
    let t = median_per_call(ops, || black_box(&ga).mul(black_box(&b)).map(drop))?;
    report(
        "mul_2x2_grad",
        "tiny mul 2x2 (requires_grad, records MulBackward0)",
        t * us,
        "us",
    );

    let x = Tensor::randn(&[256, 256], DType::Float32)?;
    let y = Tensor::randn(&[256, 256], DType::Float32)?;
    let t = median_per_call(20, || black_box(&x).mm(black_box(&y)).map(drop))?;
    report("matmul_256", "256x256 float32 matmul", t * 1e3, "ms");

    // Build a 10,000-node chain (outside the timing), then time its backward.
    let mut times = Vec::with_capacity(TRIALS);
    for _ in 0..TRIALS {
        let leaf = Tensor::from_data(vec![1.0], &[1], DType::Float32)?;
        leaf.requires_grad_(true)?;
        let mut z = leaf.clone();
        for _ in 0..10_000 {
            z = z.mul_scalar(1.0)?;
        }
        let s = z.sum()?;
        let t = Instant::now();
        s.backward(None, None, false)?;
        times.push(t.elapsed().as_secs_f64());
        drop((s, z));
    }
    times.sort_by(f64::total_cmp);
    report(
        "backward_chain_10000",
        "backward through a 10,000-node chain",
        times[TRIALS / 2] * 1e3,
        "ms",
    );
    Ok(())
}
