//! The few browser facts the app reads and writes: URL fragment, stored preferences, media
//! queries. Every call tolerates a missing API (e.g. storage disabled) by doing nothing.

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

pub fn fragment() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Replaces the fragment without adding a history entry or scrolling.
pub fn set_fragment(fragment: &str) {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(fragment));
    }
}

pub fn page_url() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

pub fn stored(key: &str) -> Option<String> {
    window()?.local_storage().ok()??.get_item(key).ok()?
}

pub fn store(key: &str, value: &str) {
    if let Some(storage) = window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(key, value);
    }
}

pub fn prefers(query: &str) -> bool {
    window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches())
}

pub fn browser_language() -> String {
    window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default()
}
