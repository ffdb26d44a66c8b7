//! Configurable, mountable instances of the app: the full page (`main.rs`), the
//! `<autograd-playground>` element (`web/embed.js` calls [`mount`]) and the iframe fallback
//! (`web/embed.html`, configured by its URL fragment).
//!
//! An embed's configuration is written like the URL fragment of a share link
//! (`mode=cell&step=2&lang=en&theme=dark&readonly=1&code=...`, percent-encoded), so the element's
//! attributes and the iframe's fragment go through one parser.

use crate::lesson::Lang;
use crate::urlstate;
use std::cell::RefCell;
use std::rc::Rc;
use yew::Callback;

/// What an instance shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// The whole lesson: text, navigation, editor, console, graph, debugger, inspector.
    #[default]
    Lesson,
    /// One live code cell: editor, run/step/reset/stop, console and graph; no lesson text.
    Cell,
    /// The code read-only, the graph and the backward debugger.
    Graph,
}

impl Mode {
    pub fn from_name(name: &str) -> Option<Mode> {
        match name {
            "lesson" => Some(Mode::Lesson),
            "cell" => Some(Mode::Cell),
            "graph" => Some(Mode::Graph),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Mode::Lesson => "lesson",
            Mode::Cell => "cell",
            Mode::Graph => "graph",
        }
    }
}

/// How one instance is configured.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    pub mode: Mode,
    /// 0-based lesson step (written 1-based, as in the page's URL).
    pub step: Option<usize>,
    pub lang: Option<Lang>,
    /// `Some("light")` / `Some("dark")`; `None` follows `prefers-color-scheme`.
    pub theme: Option<String>,
    pub readonly: bool,
    /// Initial code of the cell (replaces the lesson step's code).
    pub code: Option<String>,
    /// The full page: reads and writes the URL fragment and remembers language and theme.
    /// Embeds leave the host page's URL and storage alone.
    pub page: bool,
}

impl Config {
    /// The full page, as `main.rs` mounts it: configured by the URL fragment.
    pub fn page(fragment: &str) -> Config {
        let f = urlstate::parse(fragment);
        Config {
            step: f.step,
            lang: f.lang.map(|tag| Lang::from_tag(&tag)),
            code: f.code,
            page: true,
            ..Config::default()
        }
    }

    /// An embed, from `key=value&...` (an iframe's fragment, or the element's attributes).
    /// Unknown keys and bad values are ignored: the default is used instead.
    pub fn embed(spec: &str) -> Config {
        let mut c = Config::default();
        for pair in spec.trim_start_matches('#').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = urlstate::decode(value);
            match key {
                "mode" => c.mode = Mode::from_name(value.trim()).unwrap_or_default(),
                "step" => {
                    c.step = value
                        .trim()
                        .parse::<usize>()
                        .ok()
                        .and_then(|s| s.checked_sub(1))
                }
                "lang" if value == "zh" || value == "en" => c.lang = Some(Lang::from_tag(&value)),
                "theme" if value == "light" || value == "dark" => c.theme = Some(value),
                "readonly" => c.readonly = !matches!(value.trim(), "false" | "0" | "no"),
                "code" if !value.trim().is_empty() => c.code = Some(value),
                _ => {}
            }
        }
        if c.mode == Mode::Graph {
            c.readonly = true;
        }
        c
    }
}

/// What the host page can do with a mounted instance (the element's `code`, `run()` and `run`
/// event). The app keeps it up to date on every render.
#[derive(Default)]
pub struct Link {
    /// The editor's current text.
    pub code: String,
    /// Replace the editor's text.
    pub set_code: Option<Callback<String>>,
    /// Run the given code (the editor shows it).
    pub run: Option<Callback<String>>,
    /// Told the console text whenever a result arrives (the element's `run` event).
    pub on_result: Option<Callback<(String, bool)>>,
}

/// A shared [`Link`]; compared by identity, so it can be a property.
#[derive(Clone, Default)]
pub struct SharedLink(pub Rc<RefCell<Link>>);

impl PartialEq for SharedLink {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

thread_local! {
    static BASE_URL: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Records the URL of the module's JavaScript glue (`import.meta.url`, read in `main.rs`).
/// Trunk puts `worker.js` and `index.html` next to it.
pub fn set_module_url(url: String) {
    BASE_URL.with(|b| *b.borrow_mut() = Some(url));
}

/// The URL of the module's JavaScript glue: a worker imports it to instantiate the module.
pub fn module_url() -> Option<String> {
    BASE_URL.with(|b| b.borrow().clone())
}

/// `relative` resolved against the module's own URL, not the page's, so an embed finds its
/// assets whatever page or sub-path loads it. Unresolved (relative to the page) before
/// [`set_module_url`].
pub fn asset_url(relative: &str) -> String {
    let base = BASE_URL.with(|b| b.borrow().clone());
    #[cfg(target_arch = "wasm32")]
    if let Some(url) = base.and_then(|b| web_sys::Url::new_with_base(relative, &b).ok()) {
        return url.href();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = base;
    relative.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_embed_spec_reads_every_attribute() {
        let c = Config::embed("mode=cell&step=3&lang=zh&theme=dark&readonly&code=print(1)%0A");
        assert_eq!(
            c,
            Config {
                mode: Mode::Cell,
                step: Some(2),
                lang: Some(Lang::Zh),
                theme: Some("dark".into()),
                readonly: true,
                code: Some("print(1)\n".into()),
                page: false,
            }
        );
    }

    #[test]
    fn bad_values_fall_back_to_defaults() {
        let c = Config::embed("#mode=video&step=0&lang=fr&theme=auto&readonly=false&code=%20");
        assert_eq!(c, Config::default());
        assert!(Config::embed("mode=graph").readonly);
        assert_eq!(Config::embed("").mode, Mode::Lesson);
    }

    #[test]
    fn the_page_is_configured_by_its_fragment() {
        let c = Config::page("#step=5&lang=en&code=x%20%3D%201");
        assert_eq!(c.step, Some(4));
        assert_eq!(c.lang, Some(Lang::En));
        assert_eq!(c.code.as_deref(), Some("x = 1"));
        assert!(c.page);
        assert_eq!(c.mode, Mode::Lesson);
    }
}
