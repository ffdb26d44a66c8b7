//! The `random` module: CPython's Mersenne Twister, bit-exact for `seed(int)`, `random()`,
//! `getrandbits`, `randrange`/`randint`, `choice`, `shuffle`, `sample`, `uniform` and
//! `gauss`.
//! Without a seed the generator starts from a fixed seed (there is no OS entropy here).

use super::builtin_fn;
use super::python::to_f64;
use crate::error::{PyErr, PyResult};
use crate::eval::{Args, Interp};
use crate::ops::{as_num, to_big, Num};
use crate::value::*;
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};
use std::cell::RefCell;

const N: usize = 624;
const M: usize = 397;

pub(crate) struct Mt {
    state: [u32; N],
    index: usize,
    gauss_next: Option<f64>,
}

impl Mt {
    fn init_genrand(s: u32) -> Mt {
        let mut st = [0u32; N];
        st[0] = s;
        for i in 1..N {
            st[i] = 1_812_433_253u32
                .wrapping_mul(st[i - 1] ^ (st[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        Mt {
            state: st,
            index: N,
            gauss_next: None,
        }
    }

    /// CPython's `init_by_array`.
    fn from_key(key: &[u32]) -> Mt {
        let mut mt = Mt::init_genrand(19_650_218);
        let st = &mut mt.state;
        let (mut i, mut j) = (1usize, 0usize);
        let klen = key.len().max(1);
        for _ in 0..N.max(klen) {
            let prev = st[i - 1] ^ (st[i - 1] >> 30);
            st[i] = (st[i] ^ prev.wrapping_mul(1_664_525))
                .wrapping_add(key.get(j).copied().unwrap_or(0))
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                st[0] = st[N - 1];
                i = 1;
            }
            if j >= klen {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = st[i - 1] ^ (st[i - 1] >> 30);
            st[i] = (st[i] ^ prev.wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                st[0] = st[N - 1];
                i = 1;
            }
        }
        st[0] = 0x8000_0000;
        mt.index = N;
        mt
    }

    fn seed_big(seed: &BigInt) -> Mt {
        let mag = seed.abs();
        let (_, mut digits) = mag.to_u32_digits();
        if digits.is_empty() {
            digits.push(0);
        }
        let _ = Sign::NoSign;
        Mt::from_key(&digits)
    }

    fn genrand(&mut self) -> u32 {
        if self.index >= N {
            let st = &mut self.state;
            for k in 0..N {
                let y = (st[k] & 0x8000_0000) | (st[(k + 1) % N] & 0x7fff_ffff);
                let mut v = st[(k + M) % N] ^ (y >> 1);
                if y & 1 != 0 {
                    v ^= 0x9908_b0df;
                }
                st[k] = v;
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    fn random(&mut self) -> f64 {
        let a = (self.genrand() >> 5) as f64;
        let b = (self.genrand() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    fn getrandbits(&mut self, k: u64) -> BigInt {
        if k <= 32 {
            return BigInt::from(self.genrand() >> (32 - k));
        }
        let words = k.div_ceil(32) as usize;
        let mut out = Vec::with_capacity(words);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.genrand();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left = left.saturating_sub(32);
        }
        BigInt::from_slice(Sign::Plus, &out)
    }

    fn randbelow(&mut self, n: &BigInt) -> BigInt {
        let k = n.bits();
        loop {
            let r = self.getrandbits(k);
            if &r < n {
                return r;
            }
        }
    }
}

thread_local! {
    static GEN: RefCell<Mt> = RefCell::new(Mt::seed_big(&BigInt::zero()));
}

fn with<R>(f: impl FnOnce(&mut Mt) -> R) -> R {
    GEN.with(|g| f(&mut g.borrow_mut()))
}

fn int_of(v: &Value, _what: &str) -> PyResult<BigInt> {
    match as_num(v) {
        Some(Num::Float(_)) | None => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        ))),
        Some(n) => Ok(to_big(&n)),
    }
}

fn seed(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let s = match args.positional.first() {
        None | Some(Value::None) => BigInt::zero(),
        Some(Value::Str(s)) => {
            // CPython (version 2 seeding) hashes strings with SHA-512; not reproduced.
            let mut h: u64 = 1469598103934665603;
            for b in s.bytes() {
                h = (h ^ b as u64).wrapping_mul(1099511628211);
            }
            BigInt::from(h)
        }
        Some(Value::Float(f)) => {
            let _ = interp;
            BigInt::from(f.to_bits())
        }
        Some(v) => int_of(v, "seed")?,
    };
    GEN.with(|g| *g.borrow_mut() = Mt::seed_big(&s));
    Ok(Value::None)
}

fn random(_: &mut Interp, _: Args) -> PyResult<Value> {
    Ok(Value::Float(with(|g| g.random())))
}

fn getrandbits(_: &mut Interp, args: Args) -> PyResult<Value> {
    args.count("getrandbits", 1, 1)?;
    let k = int_of(&args.positional[0], "k")?;
    if k.is_negative() {
        return Err(PyErr::value_error("number of bits must be non-negative"));
    }
    let k = k.to_u64().unwrap_or(u64::MAX);
    if k > 1 << 20 {
        return Err(PyErr::memory_error(""));
    }
    Ok(Value::from_bigint(with(|g| g.getrandbits(k))))
}

fn randrange_impl(start: BigInt, stop: Option<BigInt>, step: BigInt) -> PyResult<Value> {
    let (start, stop) = match stop {
        None => (BigInt::zero(), start),
        Some(s) => (start, s),
    };
    if step == BigInt::from(1) {
        let width = &stop - &start;
        if !width.is_positive() {
            return Err(PyErr::value_error(format!(
                "empty range in randrange({start}, {stop})"
            )));
        }
        return Ok(Value::from_bigint(start + with(|g| g.randbelow(&width))));
    }
    if step.is_zero() {
        return Err(PyErr::value_error("zero step for randrange()"));
    }
    let width = &stop - &start;
    let one = BigInt::from(1);
    let n: BigInt = if step.is_positive() {
        (&width + &step - &one) / &step
    } else {
        (&width + &step + &one) / &step
    };
    if !n.is_positive() {
        return Err(PyErr::value_error("empty range for randrange()"));
    }
    Ok(Value::from_bigint(start + step * with(|g| g.randbelow(&n))))
}

fn randrange(_: &mut Interp, args: Args) -> PyResult<Value> {
    args.count("randrange", 1, 3)?;
    let p: Vec<BigInt> = args
        .positional
        .iter()
        .map(|v| int_of(v, "randrange"))
        .collect::<PyResult<_>>()?;
    match p.as_slice() {
        [a] => randrange_impl(a.clone(), None, BigInt::from(1)),
        [a, b] => randrange_impl(a.clone(), Some(b.clone()), BigInt::from(1)),
        [a, b, c] => randrange_impl(a.clone(), Some(b.clone()), c.clone()),
        _ => Ok(Value::None),
    }
}

fn randint(_: &mut Interp, args: Args) -> PyResult<Value> {
    args.count("randint", 2, 2)?;
    let a = int_of(&args.positional[0], "a")?;
    let b = int_of(&args.positional[1], "b")?;
    randrange_impl(a, Some(b + 1), BigInt::from(1))
}

fn choice(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args.count("choice", 1, 1)?;
    let seq = &args.positional[0];
    let n = interp.len(seq)?;
    if n == 0 {
        return Err(PyErr::index_error("Cannot choose from an empty sequence"));
    }
    let i = with(|g| g.randbelow(&BigInt::from(n)));
    interp.get_item(seq, &Value::from_bigint(i))
}

fn shuffle(_: &mut Interp, args: Args) -> PyResult<Value> {
    args.count("shuffle", 1, 1)?;
    let Value::List(l) = &args.positional[0] else {
        return Err(PyErr::type_error(format!(
            "'{}' object does not support item assignment",
            args.positional[0].type_name()
        )));
    };
    let mut items = l.items.borrow_mut();
    for i in (1..items.len()).rev() {
        let j = with(|g| g.randbelow(&BigInt::from(i + 1)))
            .to_usize()
            .unwrap_or(0);
        items.swap(i, j);
    }
    Ok(Value::None)
}

fn uniform(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args.count("uniform", 2, 2)?;
    let a = to_f64(interp, &args.positional[0])?;
    let b = to_f64(interp, &args.positional[1])?;
    Ok(Value::Float(a + (b - a) * with(|g| g.random())))
}

fn gauss(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let mu = match args.positional.first() {
        Some(v) => to_f64(interp, v)?,
        None => 0.0,
    };
    let sigma = match args.positional.get(1) {
        Some(v) => to_f64(interp, v)?,
        None => 1.0,
    };
    let z = with(|g| match g.gauss_next.take() {
        Some(z) => z,
        None => {
            let x2pi = g.random() * std::f64::consts::TAU;
            let g2rad = (-2.0 * (1.0 - g.random()).ln()).sqrt();
            g.gauss_next = Some(x2pi.sin() * g2rad);
            x2pi.cos() * g2rad
        }
    });
    Ok(Value::Float(mu + z * sigma))
}

/// `random.sample(population, k)`: CPython's algorithm (a shrinking pool for small
/// populations, else rejection of repeated indices), so seeded results match.
fn sample(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let k = args.take_kw("k");
    args.positional.extend(k);
    args.count("sample", 2, 2)?;
    let pop = &args.positional[0];
    if matches!(pop, Value::Set(_) | Value::Dict(_)) {
        return Err(PyErr::type_error(
            "Population must be a sequence.  For dicts or sets, use sorted(d).",
        ));
    }
    let n = interp.len(pop)?;
    let k = int_of(&args.positional[1], "k")?;
    let k = match k.to_usize() {
        Some(k) if k <= n => k,
        _ => {
            return Err(PyErr::value_error(
                "Sample larger than population or is negative",
            ))
        }
    };
    let below = |m: usize| {
        with(|g| g.randbelow(&BigInt::from(m)))
            .to_usize()
            .unwrap_or(0)
    };
    let mut setsize = 21;
    if k > 5 {
        setsize += 4usize.pow(((k * 3) as f64).log(4.0).ceil() as u32);
    }
    let mut out = Vec::with_capacity(k);
    if n <= setsize {
        let mut pool = interp.collect(pop)?;
        for i in 0..k {
            let j = below(n - i);
            out.push(pool[j].clone());
            pool[j] = pool[n - i - 1].clone();
        }
    } else {
        let mut selected = std::collections::BTreeSet::new();
        for _ in 0..k {
            let mut j = below(n);
            while !selected.insert(j) {
                j = below(n);
            }
            out.push(interp.get_item(pop, &Value::Int(j as i64))?);
        }
    }
    Ok(Value::list(out))
}

pub(crate) fn module() -> Value {
    let fns: &[(&'static str, BuiltinImpl)] = &[
        ("seed", seed),
        ("random", random),
        ("getrandbits", getrandbits),
        ("randrange", randrange),
        ("randint", randint),
        ("choice", choice),
        ("shuffle", shuffle),
        ("sample", sample),
        ("uniform", uniform),
        ("gauss", gauss),
    ];
    let attrs: Vec<(&str, Value)> = fns.iter().map(|(n, f)| (*n, builtin_fn(n, *f))).collect();
    super::module("random", attrs)
}
