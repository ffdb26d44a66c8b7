//! PyTorch's CPU generator: mt19937 and its uniform/normal transforms, bit for bit.

use std::cell::RefCell;

const N: usize = 624;
const M: usize = 397;

/// The Mersenne Twister as PyTorch's `at::mt19937`.
#[derive(Clone)]
pub(crate) struct Mt19937 {
    state: [u32; N],
    index: usize,
}

impl Mt19937 {
    pub(crate) fn new(seed: u64) -> Self {
        let mut state = [0u32; N];
        state[0] = (seed & 0xffff_ffff) as u32;
        for i in 1..N {
            let prev = state[i - 1];
            state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        Mt19937 { state, index: N }
    }

    fn twist(&mut self) {
        for i in 0..N {
            let y = (self.state[i] & 0x8000_0000) | (self.state[(i + 1) % N] & 0x7fff_ffff);
            let mut v = self.state[(i + M) % N] ^ (y >> 1);
            if y & 1 != 0 {
                v ^= 0x9908_b0df;
            }
            self.state[i] = v;
        }
        self.index = 0;
    }

    pub(crate) fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }
}

/// Generator state: the engine plus the cached second normal sample.
pub(crate) struct Generator {
    pub(crate) engine: Mt19937,
    pub(crate) next_double_normal: Option<f64>,
}

impl Generator {
    fn new(seed: u64) -> Self {
        Generator {
            engine: Mt19937::new(seed),
            next_double_normal: None,
        }
    }

    pub(crate) fn random(&mut self) -> u32 {
        self.engine.next_u32()
    }

    pub(crate) fn random64(&mut self) -> u64 {
        let hi = u64::from(self.random());
        let lo = u64::from(self.random());
        (hi << 32) | lo
    }

    /// `uniform_real_distribution<float>(0, 1)`.
    pub(crate) fn uniform_f32(&mut self) -> f32 {
        let v = self.random() & ((1 << 24) - 1);
        v as f32 * (1.0 / (1u32 << 24) as f32)
    }

    /// `uniform_real_distribution<double>(0, 1)`.
    pub(crate) fn uniform_f64(&mut self) -> f64 {
        let v = self.random64() & ((1u64 << 53) - 1);
        v as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// `normal_distribution<double>` with the cached second sample.
    pub(crate) fn normal_f64(&mut self, mean: f64, std: f64) -> f64 {
        if let Some(v) = self.next_double_normal.take() {
            return v * std + mean;
        }
        let u1 = self.uniform_f64();
        let u2 = self.uniform_f64();
        let r = (-2.0 * (-u2).ln_1p()).sqrt();
        let theta = 2.0 * std::f64::consts::PI * u1;
        self.next_double_normal = Some(r * theta.sin());
        r * theta.cos() * std + mean
    }
}

/// PyTorch's default seed.
const DEFAULT_SEED: u64 = 67_280_421_310_721;

thread_local! {
    pub(crate) static GEN: RefCell<Generator> = RefCell::new(Generator::new(DEFAULT_SEED));
}

/// `torch.manual_seed(seed)`.
pub fn manual_seed(seed: u64) {
    GEN.with(|g| *g.borrow_mut() = Generator::new(seed));
}

pub(crate) fn with_gen<T>(f: impl FnOnce(&mut Generator) -> T) -> T {
    GEN.with(|g| f(&mut g.borrow_mut()))
}

/// Fills `n` float32 normal samples as PyTorch's `normal_fill` (n >= 16) or the scalar path.
pub(crate) fn normal_f32_values(n: usize, mean: f64, std: f64) -> Vec<f64> {
    with_gen(|g| {
        if n < 16 {
            return (0..n)
                .map(|_| g.normal_f64(mean, std) as f32 as f64)
                .collect();
        }
        let mut data: Vec<f32> = (0..n).map(|_| g.uniform_f32()).collect();
        let (mean, std) = (mean as f32, std as f32);
        let fill16 = |d: &mut [f32]| {
            for j in 0..8 {
                let u1 = 1.0 - d[j];
                let u2 = d[j + 8];
                let radius = (-2.0 * u1.ln()).sqrt();
                let theta = (2.0f64 * std::f64::consts::PI * f64::from(u2)) as f32;
                d[j] = radius * theta.cos() * std + mean;
                d[j + 8] = radius * theta.sin() * std + mean;
            }
        };
        let mut i = 0;
        while i + 16 <= n {
            fill16(&mut data[i..i + 16]);
            i += 16;
        }
        if !n.is_multiple_of(16) {
            let start = n - 16;
            for k in 0..16 {
                data[start + k] = g.uniform_f32();
            }
            fill16(&mut data[start..]);
        }
        data.into_iter().map(f64::from).collect()
    })
}

/// Fills `n` float64 normal samples.
pub(crate) fn normal_f64_values(n: usize, mean: f64, std: f64) -> Vec<f64> {
    with_gen(|g| {
        if n < 16 {
            return (0..n).map(|_| g.normal_f64(mean, std)).collect();
        }
        let mut data: Vec<f64> = (0..n).map(|_| g.uniform_f64()).collect();
        let fill16 = |d: &mut [f64]| {
            for j in 0..8 {
                let u1 = 1.0 - d[j];
                let u2 = d[j + 8];
                let radius = (-2.0 * u1.ln()).sqrt();
                let theta = 2.0 * std::f64::consts::PI * u2;
                d[j] = radius * theta.cos() * std + mean;
                d[j + 8] = radius * theta.sin() * std + mean;
            }
        };
        let mut i = 0;
        while i + 16 <= n {
            fill16(&mut data[i..i + 16]);
            i += 16;
        }
        if !n.is_multiple_of(16) {
            let start = n - 16;
            for k in 0..16 {
                data[start + k] = g.uniform_f64();
            }
            fill16(&mut data[start..]);
        }
        data
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mt19937_reference_value() {
        // The 10000th output of std::mt19937 seeded with 5489 is 4123659995.
        let mut m = Mt19937::new(5489);
        let mut v = 0;
        for _ in 0..10000 {
            v = m.next_u32();
        }
        assert_eq!(v, 4_123_659_995);
    }
}
