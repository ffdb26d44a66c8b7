//! The lesson: seven steps following the blog post, in Chinese and English.
//!
//! The content lives in `web/lesson/{zh,en}/NN-slug.md` (format: `web/lesson/README.md`).
//! `build.rs` turns it into static data at build time: Markdown into HTML, LaTeX into MathML,
//! and pulls out each step's code cell and its one-click fixes. Nothing here parses anything at
//! run time.

mod data {
    use super::{Fix, FixKind, Step};
    include!(concat!(env!("OUT_DIR"), "/lesson_data.rs"));
}

/// A lesson language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// From a BCP 47 tag such as `navigator.language` (`"zh-CN"`, `"zh-TW"`, `"en-US"`) or our
    /// own [`Lang::tag`]. Any Chinese tag gives [`Lang::Zh`]; everything else, including an
    /// empty or malformed tag, gives [`Lang::En`].
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// `"zh"` or `"en"`: for the URL, storage and the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

/// One step of the lesson.
#[derive(Debug, PartialEq, Eq)]
pub struct Step {
    /// From the file name (`05-backward.md` gives `backward`); the same in every language, so it
    /// can name the step in a URL.
    pub slug: &'static str,
    /// Plain text.
    pub title: &'static str,
    /// The teaching text as trusted HTML (our own, made at build time) with MathML formulas;
    /// without the title and the code cell.
    pub html: &'static str,
    /// The code cell, verbatim, without a final newline. The same in every language.
    pub code: &'static str,
    /// Corrections the page can offer with one click, in the order they are written.
    pub fixes: &'static [Fix],
}

impl Step {
    /// The fixes that can still be applied to `code` (the editor's current text).
    pub fn applicable_fixes<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Fix> + 'a {
        self.fixes.iter().filter(move |f| f.apply(code).is_some())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixKind {
    /// Replace the target line with `text`.
    Replace,
    /// Insert `text` as a new line before the target line.
    InsertBefore,
}

/// A one-click correction of a slip in a step's code cell.
#[derive(Debug, PartialEq, Eq)]
pub struct Fix {
    pub kind: FixKind,
    /// 1-based number of the target line in the original code cell.
    pub line: usize,
    /// The target line's text in the original cell, without surrounding whitespace.
    pub target: &'static str,
    /// The new line, without indentation (it takes the target line's indentation).
    pub text: &'static str,
}

impl Fix {
    /// Applies the fix to `code`, which the learner may have edited: the target is found by its
    /// text (ignoring surrounding whitespace; the occurrence nearest to [`Fix::line`] wins), so
    /// edits elsewhere don't matter. `None` when the target line is gone, or, for an insertion,
    /// when the new line is already there (the fix was applied).
    pub fn apply(&self, code: &str) -> Option<String> {
        let lines: Vec<&str> = code.split('\n').collect();
        let wanted = self.line.saturating_sub(1);
        let at = (0..lines.len())
            .filter(|&i| lines[i].trim() == self.target)
            .min_by_key(|&i| i.abs_diff(wanted))?;
        let line = lines[at];
        let indent = &line[..line.len() - line.trim_start().len()];
        let new_line = format!("{indent}{}", self.text);
        let mut out: Vec<&str> = lines.clone();
        match self.kind {
            FixKind::Replace => out[at] = &new_line,
            FixKind::InsertBefore => {
                if lines.iter().any(|l| l.trim() == self.text) {
                    return None;
                }
                out.insert(at, &new_line);
            }
        }
        Some(out.join("\n"))
    }
}

/// The lesson's steps, in order.
pub fn steps(lang: Lang) -> &'static [Step] {
    match lang {
        Lang::Zh => data::ZH,
        Lang::En => data::EN,
    }
}

/// The index of the step named `slug` (the same in every language).
pub fn index_of(slug: &str) -> Option<usize> {
    steps(Lang::En).iter().position(|s| s.slug == slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seven_steps_in_each_language() {
        for lang in Lang::ALL {
            assert_eq!(steps(lang).len(), 7, "{lang:?}");
        }
    }

    #[test]
    fn languages_share_slugs_code_and_fixes() {
        for (zh, en) in steps(Lang::Zh).iter().zip(steps(Lang::En)) {
            assert_eq!(zh.slug, en.slug);
            assert_eq!(zh.code, en.code, "code of step {}", zh.slug);
            assert_eq!(zh.fixes, en.fixes, "fixes of step {}", zh.slug);
            assert_ne!(zh.title, en.title);
            assert_ne!(zh.html, en.html);
        }
    }

    #[test]
    fn every_step_has_title_text_and_code() {
        for lang in Lang::ALL {
            for step in steps(lang) {
                assert!(!step.title.trim().is_empty(), "{}", step.slug);
                assert!(step.html.starts_with('<'), "{}", step.slug);
                assert!(!step.code.trim().is_empty(), "{}", step.slug);
                assert!(!step.code.ends_with('\n'), "{}", step.slug);
                // The code cell and the fix comments stay out of the text.
                assert!(!step.html.contains("<pre"), "{}", step.slug);
                assert!(!step.html.contains("<!--"), "{}", step.slug);
                assert!(!step.html.contains("<h1"), "{}", step.slug);
            }
        }
    }

    #[test]
    fn slugs_are_unique_and_url_safe() {
        let all = steps(Lang::En);
        for (i, step) in all.iter().enumerate() {
            assert!(step
                .slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
            assert_eq!(index_of(step.slug), Some(i));
        }
        assert_eq!(index_of("no-such-step"), None);
    }

    #[test]
    fn math_renders_to_mathml() {
        for lang in Lang::ALL {
            let backward = &steps(lang)[index_of("backward").unwrap()];
            assert!(
                backward.html.contains("<math display=\"block\">"),
                "{lang:?}"
            );
            assert!(backward.html.contains("<mfrac>"), "{lang:?}");
            assert!(backward.html.contains("<msub><mi>x</mi><mi>i</mi></msub>"));
            assert!(backward.html.contains("<mn>4.5</mn>"));
            assert!(
                !backward.html.contains('$'),
                "unconverted LaTeX in {lang:?}"
            );
            assert!(
                !backward.html.contains("\\frac"),
                "unconverted LaTeX in {lang:?}"
            );
        }
    }

    #[test]
    fn the_posts_code_and_slips_are_kept_verbatim() {
        let code = |slug| steps(Lang::En)[index_of(slug).unwrap()].code;
        assert!(code("grad-fn").contains("x2 = torch.ones(2, 2, requires_grad=True)\n"));
        assert!(code("grad-fn").contains("y = x2 + 2\n"));
        assert!(code("grad-fn").contains("<AddBackward0 object at 0x0000020CC93A7F70>"));
        assert!(code("more-ops").starts_with("z = y * y * 3\nout = z.mean()\n"));
        assert!(code("backward").starts_with("out.backward()\nprint(x2.grad)\n"));
        assert!(code("no-grad").contains("print((x ** 2).equires_grad)"));
        assert!(code("detach").contains("print(y,requires_grad)"));
        assert!(code("detach").contains("print(x.eq(y).all)\n"));
    }

    #[test]
    fn fix_targets_exist_verbatim_in_the_code() {
        let mut count = 0;
        for lang in Lang::ALL {
            for step in steps(lang) {
                let lines: Vec<&str> = step.code.lines().collect();
                for fix in step.fixes {
                    count += 1;
                    assert_eq!(lines[fix.line - 1].trim(), fix.target, "{}", step.slug);
                    if fix.kind == FixKind::Replace {
                        assert!(lines.contains(&fix.target), "{}: {fix:?}", step.slug);
                    }
                    assert!(fix.apply(step.code).is_some(), "{}: {fix:?}", step.slug);
                }
            }
        }
        assert_eq!(count, 2 * 5);
    }

    #[test]
    fn applying_all_fixes_gives_the_corrected_code() {
        let step = &steps(Lang::En)[index_of("detach").unwrap()];
        let mut code = step.code.to_owned();
        for fix in step.fixes {
            code = fix.apply(&code).expect("applies");
        }
        assert!(code.starts_with(
            "x = torch.ones(2, 2, requires_grad=True)\nprint(x.requires_grad)\ny = x.detach()\n\
             print(y.requires_grad)\nprint(x.eq(y).all())\n"
        ));
        // Nothing left to offer, and applying again changes nothing.
        assert_eq!(step.applicable_fixes(&code).count(), 0);
        assert!(step.fixes.iter().all(|f| f.apply(&code).is_none()));
    }

    #[test]
    fn fixes_survive_edits_and_keep_indentation() {
        let fix = Fix {
            kind: FixKind::Replace,
            line: 2,
            target: "print(y,requires_grad)",
            text: "print(y.requires_grad)",
        };
        let edited = "import torch\n# a comment\nif True:\n    print(y,requires_grad)\n";
        assert_eq!(
            fix.apply(edited).unwrap(),
            "import torch\n# a comment\nif True:\n    print(y.requires_grad)\n"
        );
        assert_eq!(fix.apply("print(1)"), None);

        let insert = Fix {
            kind: FixKind::InsertBefore,
            line: 1,
            target: "print(x)",
            text: "x = 1",
        };
        assert_eq!(insert.apply("print(x)").unwrap(), "x = 1\nprint(x)");
        assert_eq!(insert.apply("x = 1\nprint(x)"), None);
        // The occurrence nearest the original line wins.
        assert_eq!(
            insert.apply("print(x)\nprint(x)").unwrap(),
            "x = 1\nprint(x)\nprint(x)"
        );
    }

    #[test]
    fn lang_from_tag() {
        for tag in ["zh", "zh-CN", "zh-TW", "zh-Hans-CN", "ZH", "zh_CN"] {
            assert_eq!(Lang::from_tag(tag), Lang::Zh, "{tag}");
        }
        for tag in ["en", "en-US", "de-DE", "ja", "", "zhx", "x-zh", " "] {
            assert_eq!(Lang::from_tag(tag), Lang::En, "{tag}");
        }
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), lang);
        }
    }
}
