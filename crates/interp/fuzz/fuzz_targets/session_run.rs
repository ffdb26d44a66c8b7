//! Fuzzes `Session::run` over arbitrary bytes with tight limits: it must never panic,
//! overflow the stack or hang.
//!
//! Run: `cd crates/interp/fuzz && cargo +nightly fuzz run session_run -- -max_total_time=600`
#![no_main]

use interp::{Config, Limits, Session};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data).into_owned();
    // A big native stack, as pyrun and the tests use.
    let h = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let mut s = Session::new(Config {
                limits: Limits {
                    max_steps: 50_000,
                    max_memory: 16 << 20,
                    recursion_limit: 200,
                    max_output: 1 << 20,
                },
                ..Config::default()
            });
            let _ = s.run(&src);
        })
        .expect("spawn");
    if h.join().is_err() {
        panic!("interpreter panicked");
    }
});
