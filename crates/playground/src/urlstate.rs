//! The URL fragment: `#step=3` while reading, plus `&code=...` in a share link, and `&lang=`.
//! Text from a URL is only ever used as editor text and rendered as text.

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fragment {
    /// 0-based lesson step (the URL says 1-based `step=`).
    pub step: Option<usize>,
    pub code: Option<String>,
    pub lang: Option<String>,
}

pub fn parse(fragment: &str) -> Fragment {
    let mut f = Fragment::default();
    for pair in fragment.trim_start_matches('#').split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(value);
        match key {
            "step" => f.step = value.parse::<usize>().ok().and_then(|s| s.checked_sub(1)),
            "code" => f.code = Some(value),
            "lang" if value == "zh" || value == "en" => f.lang = Some(value),
            _ => {}
        }
    }
    f
}

pub fn format(f: &Fragment) -> String {
    let mut parts = Vec::new();
    if let Some(step) = f.step {
        parts.push(format!("step={}", step + 1));
    }
    if let Some(lang) = &f.lang {
        parts.push(format!("lang={}", encode(lang)));
    }
    if let Some(code) = &f.code {
        parts.push(format!("code={}", encode(code)));
    }
    format!("#{}", parts.join("&"))
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes (and `+` as space); malformed escapes stay as they are, and invalid
/// UTF-8 becomes U+FFFD.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_link_round_trips() {
        let f = Fragment {
            step: Some(4),
            code: Some("x = torch.ones(2, 2)\nprint(x + 2)  # 你好 & <b>\n".into()),
            lang: Some("zh".into()),
        };
        let url = format(&f);
        assert!(url.starts_with("#step=5&lang=zh&code="));
        assert!(!url[1..].contains(['\n', ' ', '#', '<']));
        assert_eq!(parse(&url), f);
    }

    #[test]
    fn bad_fragments_are_ignored_not_fatal() {
        assert_eq!(parse("#step=0"), Fragment::default());
        assert_eq!(parse("#step=abc&lang=fr&x"), Fragment::default());
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%ff"), "\u{fffd}");
        assert_eq!(parse("").step, None);
    }
}
