//! A `<textarea>` under a highlighted copy of its text: light, and the browser's own editing,
//! selection, undo and accessibility keep working. Tab/Shift-Tab indent, Ctrl/Cmd+Enter runs.

use crate::highlight::highlight;
use wasm_bindgen::JsCast;
use web_sys::{HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

const INDENT: &str = "    ";

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub code: AttrValue,
    pub on_edit: Callback<String>,
    pub on_run: Callback<()>,
    /// 1-based line of an error to mark.
    #[prop_or_default]
    pub error_line: Option<u32>,
    /// 1-based line of the statement that runs next when stepping.
    #[prop_or_default]
    pub current_line: Option<u32>,
    /// 1-based lines that raised a warning (shown below the console).
    #[prop_or_default]
    pub warning_lines: Vec<u32>,
    #[prop_or_default]
    pub readonly: bool,
    pub label: AttrValue,
    /// Line linked to the graph: hovered here, or the line of the node hovered in the graph.
    #[prop_or_default]
    pub hover_line: Option<u32>,
    #[prop_or_default]
    pub on_hover_line: Callback<Option<u32>>,
}

/// Pixel metrics of the editor text (see `.editor` in styles.css): 14px font, line-height 1.5,
/// 0.5rem top padding.
const LINE_HEIGHT_PX: f64 = 21.0;
const TOP_PADDING_PX: f64 = 8.0;

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let on_input = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(ta) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
            {
                on_edit.emit(ta.value());
            }
        })
    };
    // Tab indents, so it cannot also leave the editor: Escape first lets the next Tab move on
    // (no keyboard trap), as in other code editors.
    let tab_leaves = use_mut_ref(|| false);
    let on_keydown = {
        let on_edit = props.on_edit.clone();
        let on_run = props.on_run.clone();
        Callback::from(move |e: KeyboardEvent| {
            let escaped = std::mem::replace(&mut *tab_leaves.borrow_mut(), e.key() == "Escape");
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                on_run.emit(());
                return;
            }
            if e.key() != "Tab" || escaped || e.alt_key() || e.ctrl_key() || e.meta_key() {
                return;
            }
            let Some(ta) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
            else {
                return;
            };
            let (start, end) = (
                ta.selection_start().ok().flatten().unwrap_or(0) as usize,
                ta.selection_end().ok().flatten().unwrap_or(0) as usize,
            );
            let text = ta.value();
            // Selection offsets are UTF-16 units; work on UTF-16 so they line up.
            let units: Vec<u16> = text.encode_utf16().collect();
            let edit = indent(
                &units,
                start.min(units.len()),
                end.min(units.len()),
                e.shift_key(),
            );
            e.prevent_default();
            let new_text = String::from_utf16_lossy(&edit.text);
            ta.set_value(&new_text);
            let _ = ta.set_selection_range(edit.start as u32, edit.end as u32);
            on_edit.emit(new_text);
        })
    };

    let lines = props.code.split('\n').count();
    let on_mouse_move = {
        let on_hover = props.on_hover_line.clone();
        let last = props.hover_line;
        Callback::from(move |e: MouseEvent| {
            let line =
                ((f64::from(e.offset_y()) - TOP_PADDING_PX) / LINE_HEIGHT_PX).floor() as i64 + 1;
            let line = (1..=lines as i64).contains(&line).then_some(line as u32);
            if line != last {
                on_hover.emit(line);
            }
        })
    };
    let on_mouse_leave = {
        let on_hover = props.on_hover_line.clone();
        Callback::from(move |_: MouseEvent| on_hover.emit(None))
    };
    let gutter = (1..=lines).map(|n| {
        let class = classes!(
            "line-no",
            props
                .warning_lines
                .contains(&(n as u32))
                .then_some("warning"),
            (props.error_line == Some(n as u32)).then_some("error"),
            (props.current_line == Some(n as u32)).then_some("current"),
        );
        html! { <div {class}>{ n }</div> }
    });
    let spans = highlight(&props.code).into_iter().map(|(class, text)| {
        let css = class.css();
        if css.is_empty() {
            html! { { text } }
        } else {
            html! { <span class={css}>{ text }</span> }
        }
    });
    let marks = (1..=lines).map(|n| {
        let class = classes!(
            "line-mark",
            props
                .warning_lines
                .contains(&(n as u32))
                .then_some("warning"),
            (props.error_line == Some(n as u32)).then_some("error"),
            (props.current_line == Some(n as u32)).then_some("current"),
            (props.hover_line == Some(n as u32)).then_some("linked"),
        );
        html! { <div {class}>{ "\u{200b}" }</div> }
    });

    html! {
        <div class="editor">
            <p id="editor-keys" class="visually-hidden">{ "Tab indents; press Escape, then Tab, to leave the editor. Ctrl+Enter runs." }</p>
            <div class="gutter" aria-hidden="true">{ for gutter }</div>
            <div class="code-scroll">
                <div class="code-box">
                    <div class="line-marks" aria-hidden="true">{ for marks }</div>
                    <pre class="code-highlight" aria-hidden="true"><code>{ for spans }{ "\n" }</code></pre>
                    <textarea
                        data-testid="editor"
                        class="code-input"
                        aria-label={props.label.clone()}
                        aria-describedby="editor-keys"
                        spellcheck="false"
                        autocapitalize="off"
                        autocomplete="off"
                        wrap="off"
                        readonly={props.readonly}
                        value={props.code.clone()}
                        oninput={on_input}
                        onkeydown={on_keydown}
                        onmousemove={on_mouse_move}
                        onmouseleave={on_mouse_leave}
                    />
                </div>
            </div>
        </div>
    }
}

/// Result of an indent or dedent: the new text and selection (UTF-16 offsets).
#[derive(Debug, PartialEq)]
pub struct IndentEdit {
    pub text: Vec<u16>,
    pub start: usize,
    pub end: usize,
}

/// Tab with no selection inserts four spaces at the caret; Tab over a selection indents every
/// selected line; Shift-Tab removes up to four leading spaces from each selected line.
pub fn indent(text: &[u16], start: usize, end: usize, dedent: bool) -> IndentEdit {
    let nl = u16::from(b'\n');
    let space = u16::from(b' ');
    let indent: Vec<u16> = INDENT.encode_utf16().collect();
    if !dedent && start == end {
        let mut out = text[..start].to_vec();
        out.extend_from_slice(&indent);
        out.extend_from_slice(&text[start..]);
        return IndentEdit {
            text: out,
            start: start + indent.len(),
            end: start + indent.len(),
        };
    }
    let first_line = text[..start]
        .iter()
        .rposition(|&c| c == nl)
        .map_or(0, |p| p + 1);
    // A selection ending right after a newline does not include the next line.
    let last_end = if end > start && text.get(end - 1) == Some(&nl) {
        end - 1
    } else {
        end
    };
    let mut out = text[..first_line].to_vec();
    let (mut new_start, mut new_end) = (start, end);
    let mut pos = first_line;
    loop {
        let line_end = text[pos..]
            .iter()
            .position(|&c| c == nl)
            .map_or(text.len(), |p| pos + p);
        let line = &text[pos..line_end];
        let delta: isize = if dedent {
            let n = line
                .iter()
                .take(indent.len())
                .take_while(|&&c| c == space)
                .count();
            out.extend_from_slice(&line[n..]);
            -(n as isize)
        } else {
            out.extend_from_slice(&indent);
            out.extend_from_slice(line);
            indent.len() as isize
        };
        if pos <= start {
            new_start = (start as isize + delta).max(pos as isize) as usize;
        }
        new_end = (new_end as isize + delta).max(new_start as isize) as usize;
        if line_end >= last_end.max(pos) || line_end >= text.len() {
            out.extend_from_slice(&text[line_end..]);
            break;
        }
        out.push(nl);
        pos = line_end + 1;
    }
    IndentEdit {
        text: out,
        start: new_start,
        end: new_end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, start: usize, end: usize, dedent: bool) -> (String, usize, usize) {
        let units: Vec<u16> = text.encode_utf16().collect();
        let e = indent(&units, start, end, dedent);
        (String::from_utf16(&e.text).unwrap(), e.start, e.end)
    }

    #[test]
    fn tab_inserts_four_spaces_at_the_caret() {
        assert_eq!(run("ab", 1, 1, false), ("a    b".into(), 5, 5));
    }

    #[test]
    fn tab_and_shift_tab_over_a_selection_work_line_by_line() {
        let (text, s, e) = run("a\nb\nc", 0, 3, false);
        assert_eq!(text, "    a\n    b\nc");
        assert_eq!((s, e), (4, 11));
        let (back, _, _) = run(&text, 0, 11, true);
        assert_eq!(back, "a\nb\nc");
    }

    #[test]
    fn shift_tab_removes_at_most_four_spaces() {
        assert_eq!(run("      x", 6, 6, true).0, "  x");
        assert_eq!(run("x", 0, 0, true).0, "x");
    }
}
