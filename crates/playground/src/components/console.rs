//! The program's output, then its error, exactly as Python would print them: stdout, then the
//! exception's last traceback line. The location is marked in the editor, and common autograd
//! errors get a plain-language hint below the console. What the program wrote to stderr
//! (PyTorch's warnings) is shown apart, below the output, as a terminal would show the two
//! streams, with a hint for the warnings learners trip on.

use crate::hints::hint;
use crate::lesson::Lang;
use crate::protocol::Response;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConsoleProps {
    /// Shared with the app's state: cloning a response would copy its graphs.
    pub result: Option<Rc<Response>>,
    pub lang: Lang,
    pub label: AttrValue,
    /// Count of results received, exposed as `data-results` so a reader (or test) can tell a new
    /// run from an identical earlier one.
    pub results: u32,
    /// A message about the runtime (stopped, restarted), shown apart from the program's output.
    #[prop_or_default]
    pub notice: Option<AttrValue>,
}

/// What the console's text is for a result.
pub fn console_text(r: &Response) -> String {
    let mut text = r.stdout.clone();
    if let Some(d) = &r.error {
        let last = d
            .traceback
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        text.push_str(last);
        text.push('\n');
    }
    text
}

#[function_component(Console)]
pub fn console(props: &ConsoleProps) -> Html {
    let text = props
        .result
        .as_deref()
        .map(console_text)
        .unwrap_or_default();
    let error = props.result.as_ref().and_then(|r| r.error.as_ref());
    let stderr = props
        .result
        .as_deref()
        .map(|r| r.stderr.as_str())
        .filter(|s| !s.is_empty());
    let warning_hint = stderr.and_then(|s| hint(s, props.lang));
    let hint = error.and_then(|d| hint(&d.message, props.lang));
    let location = error
        .filter(|d| d.line > 0)
        .map(|d| format!("line {}", d.line));
    html! {
        <section class="console-panel" aria-label={props.label.clone()}>
            <pre data-testid="console" data-results={props.results.to_string()} class={classes!("console", error.map(|_| "has-error"))} role="log" aria-live="polite">{ text }</pre>
            if let Some(s) = stderr {
                <pre data-testid="console-stderr" class="console-stderr">{ s }</pre>
            }
            if let Some(h) = warning_hint {
                <p class="console-hint" role="note">{ "💡 " }{ h }</p>
            }
            if let Some(loc) = location {
                <p class="console-location">{ loc }</p>
            }
            if let Some(h) = hint {
                <p class="console-hint" role="note">{ "💡 " }{ h }</p>
            }
            if let Some(n) = &props.notice {
                <p class="console-notice" role="status">{ n.clone() }</p>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::Diagnostic;

    #[test]
    fn console_text_is_stdout_then_the_exception_line() {
        let r = Response {
            stdout: "True\n".into(),
            error: Some(Diagnostic {
                kind: "AttributeError".into(),
                message: "'Tensor' object has no attribute 'equires_grad'".into(),
                line: 2,
                column: 7,
                traceback: "Traceback (most recent call last):\n  File \"<cell>\", line 2, in <module>\n    print((x ** 2).equires_grad)\nAttributeError: 'Tensor' object has no attribute 'equires_grad'\n".into(),
            }),
            ..Response::default()
        };
        assert_eq!(
            console_text(&r),
            "True\nAttributeError: 'Tensor' object has no attribute 'equires_grad'\n"
        );
    }
}
