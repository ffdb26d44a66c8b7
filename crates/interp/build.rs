//! Generates compact Unicode case-mapping tables (`src/casemap.rs` explains why) from the
//! build machine's `std`, which is the same toolchain's `std` the target would have linked,
//! so the mappings are exactly `char::to_lowercase` / `char::to_uppercase`.

use std::fmt::Write as _;

fn main() {
    let mut out = String::new();
    let lower = |c: char| c.to_lowercase().collect::<String>();
    let upper = |c: char| c.to_uppercase().collect::<String>();
    write_mapping(&mut out, "LOWER", lower);
    write_mapping(&mut out, "UPPER", upper);
    write_sigma_classes(&mut out);
    let path = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("casemap_tables.rs");
    std::fs::write(path, out).unwrap();
    println!("cargo:rerun-if-changed=build.rs");
}

fn chars() -> impl Iterator<Item = char> {
    (0..=0x10FFFFu32).filter_map(char::from_u32)
}

/// `{NAME}_RUNS`: `(start, len << 1 | (stride == 2), delta)`: the chars `start + k * stride`
/// for `k < len` map to one char, `c + delta`. `{NAME}_MULTI`: the chars mapping to several.
fn write_mapping(out: &mut String, name: &str, map: impl Fn(char) -> String) {
    let mut runs: Vec<(u32, u32, u32, i64)> = Vec::new(); // start, len, stride, delta
    let mut multi = Vec::new();
    for c in chars() {
        let m = map(c);
        let mut it = m.chars();
        let (Some(first), None) = (it.next(), it.next()) else {
            multi.push((c, m));
            continue;
        };
        if first == c {
            continue;
        }
        let (cu, delta) = (c as u32, i64::from(first as u32) - i64::from(c as u32));
        if let Some(r) = runs.last_mut() {
            if r.3 == delta {
                if r.1 == 1 && (cu - r.0 == 1 || cu - r.0 == 2) {
                    r.2 = cu - r.0;
                    r.1 = 2;
                    continue;
                }
                if r.1 >= 2 && cu == r.0 + r.1 * r.2 {
                    r.1 += 1;
                    continue;
                }
            }
        }
        runs.push((cu, 1, 1, delta));
    }
    writeln!(out, "static {name}_RUNS: &[(u32, u32, i32)] = &[").unwrap();
    for (start, len, stride, delta) in runs {
        writeln!(
            out,
            "({start}, {}, {delta}),",
            len << 1 | u32::from(stride == 2)
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
    writeln!(out, "static {name}_MULTI: &[(char, &str)] = &[").unwrap();
    for (c, m) in multi {
        writeln!(out, "({c:?}, {m:?}),").unwrap();
    }
    writeln!(out, "];").unwrap();
}

/// `SIGMA_CLASSES`: `start << 2 | class`, each entry's class holding up to the next entry's
/// start, for the final-sigma rule of `str::to_lowercase`, found by asking `std` itself: class 1
/// is Case_Ignorable, class 2 is Cased and not Case_Ignorable (whether an ignorable char is
/// cased never matters), class 0 neither.
fn write_sigma_classes(out: &mut String) {
    let class = |c: char| -> u32 {
        // After "A" (cased), Σ is final if every char between is ignorable; after " " (neither)
        // it is final only if the char right before it is cased.
        let after_cased = format!("A{c}Σ").to_lowercase().ends_with('ς');
        let after_space = format!(" {c}Σ").to_lowercase().ends_with('ς');
        match (after_cased, after_space) {
            (_, true) => 2,
            (true, false) => 1,
            (false, false) => 0,
        }
    };
    let mut entries: Vec<u32> = Vec::new();
    let mut prev = 0;
    // Surrogates are not chars: they continue the class before them.
    for c in chars() {
        let k = class(c);
        if k != prev {
            entries.push((c as u32) << 2 | k);
            prev = k;
        }
    }
    writeln!(out, "static SIGMA_CLASSES: &[u32] = &[").unwrap();
    for e in entries {
        writeln!(out, "{e},").unwrap();
    }
    writeln!(out, "];").unwrap();
}
