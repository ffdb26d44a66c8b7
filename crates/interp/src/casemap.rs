//! Unicode case mapping for `str.lower()`, `upper()`, `capitalize()`, `swapcase()`, `title()`:
//! exactly `str::to_lowercase`, `str::to_uppercase`, `char::to_lowercase` and
//! `char::to_uppercase`, from tables `build.rs` derives from `std` itself.
//!
//! Why not `std`'s: its tables list every mapped char as a (char, char) pair, about 24 KB of
//! wasm data that hardly compresses (10 KB gzipped). Most mappings come in runs with one
//! offset (`A..Z` to `a..z`, or every other char in Latin Extended), which makes a few
//! hundred runs instead.

include!(concat!(env!("OUT_DIR"), "/casemap_tables.rs"));

fn map_char(c: char, runs: &[(u32, u32, i32)], multi: &[(char, &str)], out: &mut String) {
    let cu = c as u32;
    // The last run starting at or before `c`.
    let i = runs.partition_point(|r| r.0 <= cu);
    if let Some(&(start, len_stride, delta)) = i.checked_sub(1).and_then(|i| runs.get(i)) {
        let stride = 1 + (len_stride & 1);
        let k = (cu - start) / stride;
        if (cu - start).is_multiple_of(stride) && k < len_stride >> 1 {
            if let Some(m) = cu.checked_add_signed(delta).and_then(char::from_u32) {
                out.push(m);
                return;
            }
        }
    }
    match multi.binary_search_by_key(&c, |m| m.0) {
        Ok(j) => out.push_str(multi[j].1),
        Err(_) => out.push(c),
    }
}

/// Appends `c.to_lowercase()`.
pub fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        map_char(c, LOWER_RUNS, LOWER_MULTI, out);
    }
}

/// Appends `c.to_uppercase()`.
pub fn push_upper(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        map_char(c, UPPER_RUNS, UPPER_MULTI, out);
    }
}

/// `s.to_uppercase()`.
pub fn upper(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_upper(&mut out, c);
    }
    out
}

/// `s.to_lowercase()`, including its final-sigma rule: a capital sigma lowers to `ς` at the end
/// of a word (after a cased char, not before one, skipping case-ignorable chars), else `σ`.
pub fn lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if c == 'Σ' {
            let final_ = ignorable_then_cased(s[..i].chars().rev())
                && !ignorable_then_cased(s[i + c.len_utf8()..].chars());
            out.push(if final_ { 'ς' } else { 'σ' });
        } else {
            push_lower(&mut out, c);
        }
    }
    out
}

/// 1 for Case_Ignorable, 2 for Cased (and not ignorable), 0 otherwise.
fn sigma_class(c: char) -> u32 {
    let i = SIGMA_CLASSES.partition_point(|&e| e >> 2 <= c as u32);
    i.checked_sub(1).map_or(0, |i| SIGMA_CLASSES[i] & 3)
}

/// Whether the first char of `it` that is not case-ignorable is cased.
fn ignorable_then_cased(mut it: impl Iterator<Item = char>) -> bool {
    it.find(|&c| sigma_class(c) != 1)
        .is_some_and(|c| sigma_class(c) == 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars() -> impl Iterator<Item = char> {
        (0..=0x10FFFFu32).filter_map(char::from_u32)
    }

    #[test]
    fn every_char_maps_as_std() {
        for c in chars() {
            let mut l = String::new();
            push_lower(&mut l, c);
            assert_eq!(l, c.to_lowercase().collect::<String>(), "lower {c:?}");
            let mut u = String::new();
            push_upper(&mut u, c);
            assert_eq!(u, c.to_uppercase().collect::<String>(), "upper {c:?}");
        }
    }

    #[test]
    fn strings_map_as_std() {
        let samples = [
            "",
            "ΣΑΣ",
            "ΌΣΟΣ Σ",
            "aΣ",
            "Σa",
            "a.Σ",
            "a'Σ b",
            "AΣ'",
            "AΣ'b",
            "1Σ",
            "ΣΣΣ",
            "ὈΔΥΣΣΕΎΣ",
            "straße",
            "İstanbul",
            "ǅungla",
            "ﬁne",
            "A\u{301}Σ",
            "x\u{300}Σ\u{300}",
            "Σ\u{300}x",
            "ΑΣ Α",
            "Hello, World!",
            "ᾼ",
            "ŉ",
            "𐐀𐐨",
        ];
        for s in samples {
            assert_eq!(lower(s), s.to_lowercase(), "lower {s:?}");
            assert_eq!(upper(s), s.to_uppercase(), "upper {s:?}");
        }
        // Σ after and before every char, with a cased letter around it.
        for c in chars() {
            for s in [
                format!("A{c}Σ"),
                format!("Σ{c}A"),
                format!("A{c}Σ{c}"),
                format!("{c}Σ"),
            ] {
                assert_eq!(lower(&s), s.to_lowercase(), "lower {s:?}");
            }
        }
    }
}
