//! The lesson step's text (HTML and MathML made at build time from `web/lesson`), and the
//! one-click corrections for the post's slips.

use crate::i18n::{t, Text};
use crate::lesson::{Lang, Step};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LessonProps {
    pub step: &'static Step,
    pub code: AttrValue,
    pub lang: Lang,
    pub on_fix: Callback<String>,
}

#[function_component(LessonText)]
pub fn lesson_text(props: &LessonProps) -> Html {
    let fixes = props.step.applicable_fixes(&props.code).filter_map(|fix| {
        let fixed = fix.apply(&props.code)?;
        let on_fix = props.on_fix.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_fix.emit(fixed.clone()));
        Some(html! {
            <li>
                <code>{ fix.text }</code>{ " " }
                <button type="button" class="fix" {onclick}>{ t(props.lang, Text::ApplyFix) }</button>
            </li>
        })
    });
    html! {
        <article class="lesson-text">
            // Trusted: produced at build time from our own Markdown, never from user input.
            { Html::from_html_unchecked(AttrValue::Static(props.step.html)) }
            <ul class="fixes">{ for fixes }</ul>
        </article>
    }
}
