//! Details of the selected graph node: value, `.grad`, `grad_fn`, `next_functions`, saved
//! tensors, `is_leaf`, `requires_grad`.

use crate::graphview;
use crate::i18n::{t, Text};
use crate::leafedit::value_literal;
use crate::lesson::Lang;
use crate::protocol::Definition;
use autograd::GraphSnapshot;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InspectorProps {
    pub graph: std::rc::Rc<GraphSnapshot>,
    pub selected: Option<usize>,
    /// `.grad` as the replay currently shows it.
    pub grad_shown: Option<String>,
    pub lang: Lang,
    /// Where the selected tensor was assigned, if it was a plain variable.
    #[prop_or_default]
    pub definition: Option<Definition>,
    /// A new value for the selected leaf, as a Python literal.
    #[prop_or_default]
    pub on_edit_leaf: Callback<String>,
}

#[function_component(Inspector)]
pub fn inspector(props: &InspectorProps) -> Html {
    let lang = props.lang;
    let node = props.selected.and_then(|id| props.graph.nodes.get(id));
    // What the learner typed for the leaf's value. The page re-renders during a backward replay,
    // and a controlled input would be reset to the tensor's value each time; the draft survives
    // until another node is selected.
    let draft = use_state(|| None::<String>);
    {
        let draft = draft.clone();
        use_effect_with(props.selected, move |_| draft.set(None));
    }
    let body = match node {
        None => html! { <p class="muted">{ t(lang, Text::NothingSelected) }</p> },
        Some(n) => {
            let rows: Vec<(String, String)> = match &n.tensor {
                Some(tensor) => vec![
                    (
                        "name".into(),
                        if n.label.is_empty() {
                            "(unnamed)".into()
                        } else {
                            n.label.clone()
                        },
                    ),
                    ("shape".into(), format!("torch.Size({:?})", tensor.shape)),
                    ("dtype".into(), tensor.dtype.clone()),
                    ("requires_grad".into(), py_bool(tensor.requires_grad)),
                    ("is_leaf".into(), py_bool(tensor.is_leaf)),
                    (
                        "grad_fn".into(),
                        graphview::grad_fn_of(&props.graph, n.id)
                            .map_or("None".into(), |f| format!("<{}>", f.label)),
                    ),
                    ("value".into(), tensor.value.text.clone()),
                    (
                        ".grad".into(),
                        props
                            .grad_shown
                            .clone()
                            .filter(|g| !g.is_empty())
                            .unwrap_or_else(|| "None".into()),
                    ),
                ],
                None => {
                    let saved = n
                        .saved
                        .iter()
                        // `_saved_self` as PyTorch prints it; big or freed ones by shape.
                        .map(|s| match &s.value {
                            Some(v) => format!("{} = {v}", s.name),
                            None => format!("{}: {:?} {}", s.name, s.shape, s.dtype),
                        })
                        .collect::<Vec<_>>()
                        .join("\n");
                    vec![
                        ("grad_fn".into(), n.label.clone()),
                        (
                            "next_functions".into(),
                            graphview::next_functions_text(&props.graph, n.id),
                        ),
                        (
                            "saved tensors".into(),
                            if saved.is_empty() {
                                "—".into()
                            } else {
                                saved
                            },
                        ),
                    ]
                }
            };
            let editable = n
                .tensor
                .as_ref()
                .filter(|t| t.is_leaf && t.requires_grad && props.definition.is_some());
            let editor = editable.and_then(|t| value_literal(&t.shape, &t.value.values)).map(|literal| {
                let text = (*draft).clone().unwrap_or(literal);
                let on_edit = props.on_edit_leaf.clone();
                let submitted = text.clone();
                let onsubmit = Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    on_edit.emit(submitted.clone());
                });
                let oninput = {
                    let draft = draft.clone();
                    Callback::from(move |e: InputEvent| {
                        if let Some(i) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            draft.set(Some(i.value()));
                        }
                    })
                };
                let where_ = props.definition.map(|d| format!("step {}, line {}", d.cell + 1, d.line)).unwrap_or_default();
                html! {
                    <form class="leaf-edit" {onsubmit}>
                        <label>{ t(lang, Text::EditValue) }{ format!(" ({where_})") }
                            <input type="text" name="value" data-testid="leaf-value" value={text} {oninput} spellcheck="false" />
                        </label>
                        <button type="submit" data-testid="leaf-apply">{ t(lang, Text::Run) }</button>
                    </form>
                }
            });
            html! {
                <>
                    <dl>
                        { for rows.into_iter().map(|(k, v)| html! { <><dt>{ k }</dt><dd><pre>{ v }</pre></dd></> }) }
                    </dl>
                    { for editor }
                </>
            }
        }
    };
    html! {
        <section data-testid="inspector" class="inspector" aria-label={t(lang, Text::Inspector)}>
            <h3>{ t(lang, Text::Inspector) }</h3>
            { body }
        </section>
    }
}

fn py_bool(b: bool) -> String {
    if b { "True" } else { "False" }.into()
}
