//! Details of the selected graph node: value, `.grad`, `grad_fn`, `next_functions`, saved
//! tensors, `is_leaf`, `requires_grad`.

use crate::graphview;
use crate::i18n::{t, Text};
use crate::lesson::Lang;
use autograd::GraphSnapshot;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InspectorProps {
    pub graph: std::rc::Rc<GraphSnapshot>,
    pub selected: Option<usize>,
    /// `.grad` as the replay currently shows it.
    pub grad_shown: Option<String>,
    pub lang: Lang,
}

#[function_component(Inspector)]
pub fn inspector(props: &InspectorProps) -> Html {
    let lang = props.lang;
    let node = props.selected.and_then(|id| props.graph.nodes.get(id));
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
                    let next = graphview::next_functions(&props.graph, n.id)
                        .into_iter()
                        .map(|(name, nr)| format!("({name}, {nr})"))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let saved = n
                        .saved
                        .iter()
                        .map(|s| format!("{}: {:?} {}", s.name, s.shape, s.dtype))
                        .collect::<Vec<_>>()
                        .join("\n");
                    vec![
                        ("grad_fn".into(), n.label.clone()),
                        ("next_functions".into(), format!("({next})")),
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
            html! {
                <dl>
                    { for rows.into_iter().map(|(k, v)| html! { <><dt>{ k }</dt><dd><pre>{ v }</pre></dd></> }) }
                </dl>
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
