//! Emulation of PyTorch's CPU kernels where their float rounding is visible in printed values
//! (`x.sum().item()`, `torch.linspace`): the same order of float32 operations as ATen's
//! vectorized code with 256-bit vectors (8 float32 / 4 float64 lanes), which is what the
//! reference machine's PyTorch showed (checked against it in tests/golden).

#![allow(clippy::needless_range_loop)] // index loops mirror the C++ they emulate

use crate::dtype::DType;

/// Vector lanes of `Vectorized<T>` (256-bit).
pub(crate) fn lanes(dt: DType) -> usize {
    match dt {
        DType::Float64 => 4,
        _ => 8,
    }
}

fn ceil_log2(x: usize) -> usize {
    if x <= 2 {
        return 1;
    }
    (usize::BITS - (x - 1).leading_zeros()) as usize
}

/// `a + b` rounded to `dt`; always inlined (opt-level "z" left the closure a call per element).
#[inline(always)]
fn add_in(dt: DType, a: f64, b: f64) -> f64 {
    dt.cast(a + b)
}

/// Levels of [`multi_row_sum`]'s cascade.
const LEVELS: usize = 4;

/// ATen's `multi_row_sum`: `nrows` independent accumulators with a 4-level cascade.
/// Generic over `load` (not `&dyn Fn`): it runs once per element of every sum, including the
/// bias gradients of each training step, and an indirect call there was measurable.
/// The sums are left in `acc[..nrows]`; `acc` holds `LEVELS * nrows` zeros on entry (the
/// caller's buffer: a column sum runs once per column of every bias gradient, and allocating
/// each time was 16 of the ~500 allocations of a small MLP's training step).
fn multi_row_sum(
    acc: &mut [f64],
    nrows: usize,
    size: usize,
    load: impl Fn(usize, usize) -> f64,
    dt: DType,
) {
    let level_power = 4.max(ceil_log2(size) / LEVELS);
    let level_step = 1usize << level_power;
    let level_mask = level_step - 1;
    // Level `j`'s accumulators are `acc[j * nrows..(j + 1) * nrows]`, indexed as a slice:
    // opt-level "z" (wasm) left each `Vec` index a call.
    let mut i = 0;
    while i + level_step <= size {
        for _ in 0..level_step {
            for k in 0..nrows {
                acc[k] = add_in(dt, acc[k], load(i, k));
            }
            i += 1;
        }
        for j in 1..LEVELS {
            for k in 0..nrows {
                acc[j * nrows + k] = add_in(dt, acc[j * nrows + k], acc[(j - 1) * nrows + k]);
                acc[(j - 1) * nrows + k] = 0.0;
            }
            let mask = level_mask << (j * level_power);
            if i & mask != 0 {
                break;
            }
        }
    }
    while i < size {
        for k in 0..nrows {
            acc[k] = add_in(dt, acc[k], load(i, k));
        }
        i += 1;
    }
    for j in 1..LEVELS {
        for k in 0..nrows {
            acc[k] = add_in(dt, acc[k], acc[j * nrows + k]);
        }
    }
}

/// ATen's scalar `row_sum`: 4 interleaved accumulators, tail into the first.
#[inline(always)]
fn row_sum(n: usize, load: impl Fn(usize) -> f64, dt: DType) -> f64 {
    let size_ilp = n / 4;
    let mut p = [0.0; 4 * LEVELS];
    multi_row_sum(
        &mut p,
        4,
        size_ilp,
        #[inline(always)]
        |i, k| load(i * 4 + k),
        dt,
    );
    for i in size_ilp * 4..n {
        p[0] = dt.cast(p[0] + load(i));
    }
    let mut s = p[0];
    for v in &p[1..] {
        s = dt.cast(s + v);
    }
    s
}

/// Sum of one contiguous row as ATen's `cascade_sum` inner reduction does it.
pub(crate) fn inner_sum(v: &[f64], dt: DType) -> f64 {
    if !dt.is_floating_point() {
        return v.iter().sum();
    }
    let l = lanes(dt);
    let n = v.len();
    if n < l {
        return row_sum(
            n,
            #[inline(always)]
            |i| v[i],
            dt,
        );
    }
    let vec_numel = n / l;
    let size_ilp = vec_numel / 4;
    let mut p = vec![0.0; 4 * l * LEVELS];
    multi_row_sum(
        &mut p,
        4 * l,
        size_ilp,
        #[inline(always)]
        |i, k| v[i * 4 * l + k],
        dt,
    );
    for i in size_ilp * 4..vec_numel {
        for lane in 0..l {
            p[lane] = dt.cast(p[lane] + v[i * l + lane]);
        }
    }
    for k in 1..4 {
        for lane in 0..l {
            p[lane] = dt.cast(p[lane] + p[k * l + lane]);
        }
    }
    let mut fin = 0.0;
    for &x in &v[vec_numel * l..] {
        fin = dt.cast(fin + x);
    }
    for &x in &p[..l] {
        fin = dt.cast(fin + x);
    }
    fin
}

/// Sums over the leading `rows` of a contiguous `(rows, cols)` block, per column, as ATen's
/// outer reductions do.
pub(crate) fn outer_sum(v: &[f64], rows: usize, cols: usize, dt: DType) -> Vec<f64> {
    if !dt.is_floating_point() {
        return (0..cols)
            .map(|c| (0..rows).map(|r| v[r * cols + c]).sum())
            .collect();
    }
    let l = lanes(dt);
    let cascade_cols = if cols >= l {
        (cols / (4 * l)) * 4 * l
    } else {
        (cols / 4) * 4
    };
    (0..cols)
        .map(|c| {
            if c < cascade_cols {
                let mut acc = [0.0; LEVELS];
                multi_row_sum(
                    &mut acc,
                    1,
                    rows,
                    #[inline(always)]
                    |i, _| v[i * cols + c],
                    dt,
                );
                acc[0]
            } else {
                row_sum(
                    rows,
                    #[inline(always)]
                    |i| v[i * cols + c],
                    dt,
                )
            }
        })
        .collect()
}

/// `torch.linspace` values as ATen computes them: `start + step * i` for the first half and
/// `end - step * (steps - i - 1)` for the rest, each a fused multiply-add in the dtype.
pub(crate) fn linspace(start: f64, end: f64, n: usize, dt: DType) -> Vec<f64> {
    let half = n / 2;
    match dt {
        DType::Float32 => {
            let (s, e) = (start as f32, end as f32);
            let step = if n > 1 {
                (e - s) / (n - 1) as f32
            } else {
                e - s
            };
            (0..n)
                .map(|i| {
                    f64::from(if i < half {
                        step.mul_add(i as f32, s)
                    } else {
                        (-step).mul_add((n - i - 1) as f32, e)
                    })
                })
                .collect()
        }
        DType::Float64 => {
            let step = if n > 1 {
                (end - start) / (n - 1) as f64
            } else {
                end - start
            };
            (0..n)
                .map(|i| {
                    if i < half {
                        step.mul_add(i as f64, start)
                    } else {
                        (-step).mul_add((n - i - 1) as f64, end)
                    }
                })
                .collect()
        }
        _ => {
            let step = if n > 1 {
                (end - start) / (n - 1) as f64
            } else {
                0.0
            };
            (0..n)
                .map(|i| {
                    dt.cast(if i < half {
                        start + step * i as f64
                    } else {
                        end - step * (n - 1 - i) as f64
                    })
                })
                .collect()
        }
    }
}

/// `torch.arange` values as ATen computes them (double accumulation, vectorized chunks).
pub(crate) fn arange(start: f64, step: f64, n: usize, dt: DType) -> Vec<f64> {
    if !dt.is_floating_point() {
        return (0..n).map(|i| dt.cast(start + step * i as f64)).collect();
    }
    let l = lanes(dt);
    let mut out = Vec::with_capacity(n);
    let mut idx = 0;
    while idx + 2 * l <= n {
        for _ in 0..2 {
            let base = dt.cast(start + step * idx as f64);
            for lane in 0..l {
                out.push(dt.cast(base + lane as f64 * step));
            }
            idx += l;
        }
    }
    while idx < n {
        out.push(dt.cast(start + step * idx as f64));
        idx += 1;
    }
    out
}

/// SLEEF's single-precision `exp` (the u10 algorithm used by `Vectorized<float>::exp`), one
/// lane, with its fused multiply-adds.
#[allow(clippy::excessive_precision)]
pub(crate) fn sleef_expf(d: f32) -> f32 {
    if d.is_nan() {
        return d;
    }
    if d > 1e10 {
        return f32::INFINITY;
    }
    if d < -104.0 {
        return 0.0;
    }
    let q = (d * std::f32::consts::LOG2_E).round_ties_even() as i32;
    let qf = q as f32;
    let mut s = qf.mul_add(-0.693_145_751_953_125, d);
    s = qf.mul_add(-1.428_606_765_330_187_045e-6, s);
    let mut u = 0.000_198_527_617_612_853_646_278_381_f32;
    u = u.mul_add(s, 0.001_393_043_552_525_341_510_772_71);
    u = u.mul_add(s, 0.008_333_360_776_305_198_669_433_59);
    u = u.mul_add(s, 0.041_666_485_369_205_474_853_515_6);
    u = u.mul_add(s, 0.166_666_671_633_720_397_949_219);
    u = u.mul_add(s, 0.5);
    u = 1.0 + (s * s).mul_add(u, s);
    let q1 = q >> 1;
    let q2 = q - q1;
    let p1 = f32::from_bits(((q1 + 127).clamp(0, 255) as u32) << 23);
    let p2 = f32::from_bits(((q2 + 127).clamp(0, 255) as u32) << 23);
    u * p1 * p2
}

/// ATen's `reduce_all` of a row with 16-lane vectors (sequential below one vector, lane
/// accumulators plus a halving tree otherwise), in float32.
fn reduce_all_add_f32(v: &[f32]) -> f32 {
    const L: usize = 16;
    if v.len() < L {
        return v.iter().fold(0.0f32, |a, &b| a + b);
    }
    let mut lanes = [0f32; L];
    lanes.copy_from_slice(&v[..L]);
    let full = v.len() / L * L;
    for (i, &x) in v.iter().enumerate().take(full).skip(L) {
        lanes[i % L] += x;
    }
    for (i, &x) in v[full..].iter().enumerate() {
        lanes[i] += x;
    }
    let mut w: Vec<f32> = lanes.to_vec();
    while w.len() > 1 {
        let h = w.len() / 2;
        w = (0..h).map(|i| w[i] + w[i + h]).collect();
    }
    w[0]
}

/// float32 softmax / log_softmax over the middle axis of `(outer, size, inner)` data, rounding
/// as ATen's CPU kernels do (SLEEF exp, vector reductions, `x * (1/sum)` for the last dim).
pub(crate) fn softmax_f32(
    x: &[f64],
    outer: usize,
    size: usize,
    inner: usize,
    log: bool,
) -> Vec<f64> {
    let mut out = vec![0.0; x.len()];
    for o in 0..outer {
        for i in 0..inner {
            let at = |k: usize| o * size * inner + k * inner + i;
            let row: Vec<f32> = (0..size).map(|k| x[at(k)] as f32).collect();
            let mx = row.iter().cloned().fold(f32::NEG_INFINITY, |a, b| {
                if b > a || b.is_nan() {
                    b
                } else {
                    a
                }
            });
            let e: Vec<f32> = row.iter().map(|&v| sleef_expf(v - mx)).collect();
            let sum = if inner == 1 {
                reduce_all_add_f32(&e)
            } else {
                e.iter().fold(0.0f32, |a, &b| a + b)
            };
            if log {
                let ls = (f64::from(sum)).ln() as f32;
                for (k, &v) in row.iter().enumerate() {
                    out[at(k)] = f64::from((v - mx) - ls);
                }
            } else if inner == 1 {
                let inv = 1.0f32 / sum;
                for (k, &ev) in e.iter().enumerate() {
                    out[at(k)] = f64::from(ev * inv);
                }
            } else {
                for (k, &ev) in e.iter().enumerate() {
                    out[at(k)] = f64::from(ev / sum);
                }
            }
        }
    }
    out
}

/// `a * b + c` with one rounding in `dt` (GCC contracts ATen's vector `acc + x * y` to FMA).
fn fma_in(dt: DType, a: f64, b: f64, c: f64) -> f64 {
    if dt == DType::Float32 {
        f64::from((a as f32).mul_add(b as f32, c as f32))
    } else {
        a.mul_add(b, c)
    }
}

/// `vec::map2_reduce_all(x * y, +)` as ATen's softmax backward runs it (512-bit vectors: 16
/// float32 / 8 float64 lanes): below one vector the products summed in order; otherwise the
/// first vector's products, then each later element fused into its lane (`acc + x * y`, an
/// FMA), then a halving tree over the lanes.
fn map2_reduce_all_mul_add(x: &[f64], y: &[f64], dt: DType) -> f64 {
    let l = 2 * lanes(dt);
    let n = x.len();
    if n < l {
        let mut p = (0..n).map(|k| dt.cast(x[k] * y[k]));
        let first = p.next().unwrap_or(0.0);
        return p.fold(first, |a, b| dt.cast(a + b));
    }
    let mut acc: Vec<f64> = (0..l).map(|k| dt.cast(x[k] * y[k])).collect();
    for k in l..n {
        acc[k % l] = fma_in(dt, x[k], y[k], acc[k % l]);
    }
    while acc.len() > 1 {
        let h = acc.len() / 2;
        acc = (0..h).map(|i| dt.cast(acc[i] + acc[i + h])).collect();
    }
    acc[0]
}

/// ATen's softmax backward over the middle axis of `(outer, size, inner)` data:
/// `(grad - sum(grad * out)) * out`, the sum as `map2_reduce_all` along the last dim and as
/// `sum += grad * out` (fused) from zero along another.
pub(crate) fn softmax_backward(
    g: &[f64],
    o: &[f64],
    outer: usize,
    size: usize,
    inner: usize,
    dt: DType,
) -> Vec<f64> {
    let mut out = vec![0.0; o.len()];
    for a in 0..outer {
        for i in 0..inner {
            let at = |k: usize| a * size * inner + k * inner + i;
            let s = if inner == 1 {
                let gs: Vec<f64> = (0..size).map(|k| g[at(k)]).collect();
                let os: Vec<f64> = (0..size).map(|k| o[at(k)]).collect();
                map2_reduce_all_mul_add(&gs, &os, dt)
            } else {
                (0..size).fold(0.0, |acc, k| fma_in(dt, g[at(k)], o[at(k)], acc))
            };
            for k in 0..size {
                out[at(k)] = dt.cast(dt.cast(g[at(k)] - s) * o[at(k)]);
            }
        }
    }
    out
}

/// One group of `linalg.vector_norm` in `dt`, as ATen's `norm_kernel_tensor_iterator_impl`:
/// the 2-norm over a trailing (contiguous) dim in 256-bit lanes of `x * x` summed into lane 0
/// in order, then the tail; every other case a sequential accumulation (`acc + |x|`,
/// `acc + x * x`, `acc + |x|^p`, a NaN-propagating max for inf, a count for 0), then
/// `sqrt` / `acc^(1/p)` with `1/p` in `dt`.
pub(crate) fn vector_norm(v: &[f64], p: f64, lastdim: bool, dt: DType) -> f64 {
    let sq = |x: f64| dt.cast(x * x);
    if p == f64::INFINITY {
        return v.iter().fold(0.0, |acc: f64, &x| {
            if acc.is_nan() || x.is_nan() {
                f64::NAN
            } else {
                acc.max(x.abs())
            }
        });
    }
    if p == 0.0 {
        return dt.cast(v.iter().filter(|&&x| x != 0.0).count() as f64);
    }
    if p == 2.0 && lastdim {
        let l = lanes(dt);
        let full = v.len() - v.len() % l;
        let mut acc = vec![0.0; l];
        for (k, &x) in v[..full].iter().enumerate() {
            acc[k % l] = dt.cast(acc[k % l] + sq(x));
        }
        let mut s = acc[0];
        for &a in &acc[1..] {
            s = dt.cast(s + a);
        }
        for &x in &v[full..] {
            s = dt.cast(s + sq(x));
        }
        return dt.cast(s.sqrt());
    }
    let term = |x: f64| {
        if p == 1.0 {
            x.abs()
        } else if p == 2.0 {
            sq(x)
        } else {
            dt.cast(x.abs().powf(dt.cast(p)))
        }
    };
    let s = v.iter().fold(0.0, |acc, &x| dt.cast(acc + term(x)));
    if p == 1.0 {
        s
    } else if p == 2.0 {
        dt.cast(s.sqrt())
    } else {
        dt.cast(s.powf(dt.cast(1.0 / dt.cast(p))))
    }
}
