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

/// Performance marks for `cargo xtask bench page`: a response arriving from the worker, and the
/// graph drawn from it (`graph-render` measures the time between: decoding, state update,
/// layout, and Yew putting the graph's elements into the DOM; see
/// `measure_render_once_applied` for where it ends).
pub const RESPONSE_MARK: &str = "agp-response";
pub const RENDER_MEASURE: &str = "agp-graph-render";
/// From the same response to after the browser's next frame (styles, layout and paint of the
/// new elements included): `RENDER_MEASURE` ends before the browser has drawn anything.
pub const PAINTED_MEASURE: &str = "agp-graph-painted";
const PAINT_START_MARK: &str = "agp-response-paint";

/// The phases between a response and its graph on screen, in order; each is marked (`phase`)
/// when it ends, and `measure_render` records `agp-phase:<name>` from the previous mark, so the
/// benchmark can say where the time goes: `decoded` (postcard), `app` (state update, app render),
/// `graph` (to the graph component's render), `layout` (layout and scene markup), `view` (the
/// rest of the graph's `html!`). The last phase (`dom`: Yew applying the virtual DOM, the rest
/// of its scheduler pass) ends when the render measure is taken.
pub const PHASES: [&str; 5] = ["decoded", "app", "graph", "layout", "view"];

fn performance() -> Option<web_sys::Performance> {
    window().and_then(|w| w.performance())
}

fn response_pending(p: &web_sys::Performance) -> bool {
    p.get_entries_by_name(RESPONSE_MARK).length() > 0
}

fn mark(name: &str) {
    if let Some(p) = performance() {
        let _ = p.mark(name);
    }
}

/// A response from the worker has arrived (before it is decoded).
pub fn response_arrived() {
    mark(RESPONSE_MARK);
    mark(PAINT_START_MARK);
}

/// Marks the end of one of `PHASES`, while a response is on its way to the screen (a render
/// for anything else, a hover say, marks nothing).
pub fn phase(name: &str) {
    if let Some(p) = performance().filter(response_pending) {
        let _ = p.mark(&format!("agp-{name}"));
    }
}

/// Records `RENDER_MEASURE` once the graph rendering now is in the DOM. Called from the graph's
/// render: Yew applies that render to the DOM in the same scheduler pass, and a task spawned
/// now runs in the microtask after that pass, before the browser can draw a frame.
///
/// Not in a render effect: once a pass has run for 16 ms, Yew's scheduler yields to the
/// browser before running effects, so an effect can run a frame (20-30 ms here) after the
/// elements are in place, and the measure would count the frame that already shows them.
/// (The graph's markup holds its nodes' base states, so the elements are complete without
/// their effect; `PAINTED_MEASURE` covers the frame.)
pub fn measure_render_once_applied() {
    if performance().filter(response_pending).is_some() {
        yew::platform::spawn_local(async { measure_render() });
    }
}

/// Records `RENDER_MEASURE` (and the phases) from the last response mark, once per response.
fn measure_render() {
    let Some(p) = performance().filter(response_pending) else {
        return;
    };
    let _ = p.measure_with_start_mark(RENDER_MEASURE, RESPONSE_MARK);
    let mut from = RESPONSE_MARK.to_string();
    for name in PHASES {
        let mark = format!("agp-{name}");
        if p.get_entries_by_name(&mark).length() > 0 {
            let _ =
                p.measure_with_start_mark_and_end_mark(&format!("agp-phase:{name}"), &from, &mark);
            from = mark;
        }
    }
    let _ = p.measure_with_start_mark("agp-phase:dom", &from);
    for name in PHASES {
        p.clear_marks_with_mark_name(&format!("agp-{name}"));
    }
    p.clear_marks_with_mark_name(RESPONSE_MARK);
    measure_after_next_frame();
}

/// Records `PAINTED_MEASURE` in a task after the next animation frame: the frame's rendering
/// runs after its animation-frame callbacks, so a zero timeout set there runs once it is done.
fn measure_after_next_frame() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(w) = window() else {
        return;
    };
    let after_frame = Closure::once_into_js(|| {
        if let Some(p) = performance() {
            if p.get_entries_by_name(PAINT_START_MARK).length() > 0 {
                let _ = p.measure_with_start_mark(PAINTED_MEASURE, PAINT_START_MARK);
                p.clear_marks_with_mark_name(PAINT_START_MARK);
            }
        }
    });
    let in_frame = Closure::once_into_js(move || {
        if let Some(w) = window() {
            let _ = w.set_timeout_with_callback(after_frame.unchecked_ref());
        }
    });
    let _ = w.request_animation_frame(in_frame.unchecked_ref());
}
