//! The backward debugger: play, pause, step, scrub through the engine's steps, and explain the
//! current one with its real numbers.

use crate::i18n::{t, Text};
use crate::lesson::Lang;
use crate::playback::Playback;
use autograd::{BackwardTrace, EdgeGrad, GraphSnapshot, TraceStep};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DebuggerProps {
    pub trace: std::rc::Rc<BackwardTrace>,
    /// The graph as the pass began: the trace's node ids refer to it, and its function nodes
    /// hold the values their rules use (saved tensors).
    pub graph: std::rc::Rc<GraphSnapshot>,
    pub playback: Playback,
    /// How many backward passes the cell ran (a picker appears when more than one).
    pub runs: usize,
    pub lang: Lang,
    pub on_play_pause: Callback<()>,
    pub on_forward: Callback<()>,
    pub on_back: Callback<()>,
    pub on_seek: Callback<usize>,
    pub on_interval: Callback<u32>,
    pub on_show_run: Callback<usize>,
}

#[function_component(Debugger)]
pub fn debugger(props: &DebuggerProps) -> Html {
    let lang = props.lang;
    let p = &props.playback;
    let total = props.trace.steps.len();
    let cb = |c: &Callback<()>| {
        let c = c.clone();
        Callback::from(move |_: MouseEvent| c.emit(()))
    };
    let on_seek = {
        let c = props.on_seek.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(v) = input_value(&e) {
                c.emit(v.parse().unwrap_or(0));
            }
        })
    };
    let on_speed = {
        let c = props.on_interval.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                c.emit(v.value().parse().unwrap_or(700));
            }
        })
    };
    let runs = (props.runs > 1).then(|| {
        html! {
            <span class="runs">
                { for (0..props.runs).map(|i| {
                    let c = props.on_show_run.clone();
                    let class = classes!((i == p.run).then_some("on"));
                    html! { <button type="button" {class} onclick={Callback::from(move |_: MouseEvent| c.emit(i))}>{ format!("backward #{}", i + 1) }</button> }
                }) }
            </span>
        }
    });
    let current = p.pos.checked_sub(1).and_then(|i| props.trace.steps.get(i));
    html! {
        <section class="debugger" aria-label={t(lang, Text::Backward)}>
            <div class="toolbar">
                <strong>{ t(lang, Text::Backward) }</strong>
                <button type="button" data-testid="backward-back" onclick={cb(&props.on_back)} disabled={p.pos == 0}
                        aria-label={t(lang, Text::StepBack)} title={t(lang, Text::StepBack)}>{ "|◀" }</button>
                <button type="button" data-testid="backward-play" onclick={cb(&props.on_play_pause)}
                        aria-label={t(lang, if p.playing { Text::Pause } else { Text::Play })}>
                    { if p.playing { "❚❚" } else { "▶" } }
                </button>
                <button type="button" data-testid="backward-step" onclick={cb(&props.on_forward)} disabled={p.pos >= total}
                        aria-label={t(lang, Text::StepForward)} title={t(lang, Text::StepForward)}>{ "▶|" }</button>
                <input type="range" min="0" max={total.to_string()} value={p.pos.to_string()} oninput={on_seek}
                       aria-label={t(lang, Text::EngineStep)} />
                <span class="pos">{ format!("{}/{}", p.pos, total) }</span>
                <label>{ t(lang, Text::Speed) }{ " " }
                    <select onchange={on_speed} aria-label={t(lang, Text::Speed)}>
                        { for [(1400, "0.5×"), (700, "1×"), (300, "2×"), (120, "5×")].into_iter().map(|(ms, name)| html! {
                            <option value={ms.to_string()} selected={p.interval_ms == ms}>{ name }</option>
                        }) }
                    </select>
                </label>
                { for runs }
            </div>
            <div class="explain" aria-live="polite">
                { current.map(|s| explain(s, &props.graph, lang)).unwrap_or_else(|| html! {
                    <p>{ match lang {
                        Lang::En => "Before the first step: the engine starts at the output with gradient 1.",
                        Lang::Zh => "第一步之前：引擎从输出开始，初始梯度为 1。",
                    } }</p>
                }) }
            </div>
        </section>
    }
}

fn input_value(e: &InputEvent) -> Option<String> {
    e.target_dyn_into::<web_sys::HtmlInputElement>()
        .map(|i| i.value())
}

/// One engine step in words and numbers.
fn explain(s: &TraceStep, graph: &GraphSnapshot, lang: Lang) -> Html {
    let grad_in = s
        .grad_in
        .as_ref()
        .map(|g| g.text.clone())
        .unwrap_or_else(|| "None".into());
    let rule = local_rule(&s.name);
    // The numbers the rule multiplies by: what the node saved (`other` for `x * 3`).
    let saved: Vec<String> = s
        .node
        .and_then(|id| graph.nodes.get(id))
        .map(|n| {
            n.saved
                .iter()
                .filter_map(|v| Some(format!("{} = {}", v.name, v.value.as_ref()?)))
                .collect()
        })
        .unwrap_or_default();
    html! {
        <>
            <p><code class="fn-name">{ s.name.clone() }</code>{ " ← grad " }<code>{ grad_in }</code></p>
            if let Some(rule) = rule {
                <p class="rule">{ rule }</p>
            }
            if !saved.is_empty() {
                <p>{ t(lang, Text::SavedWith) }</p>
                <ul class="saved">
                    { for saved.into_iter().map(|v| html! { <li><code>{ v }</code></li> }) }
                </ul>
            }
            // The node raised: the pass stopped here, with PyTorch's own error.
            if let Some(error) = &s.error {
                <p class="step-error" data-testid="backward-error">{ error.clone() }</p>
            }
            <ul class="sent">
                { for s.grads_out.iter().map(|o| html! {
                    <li>
                        { sent_to(o, lang) }
                        <code>{ o.grad.as_ref().map(|g| g.text.clone()).unwrap_or_else(|| "None".into()) }</code>
                    </li>
                }) }
            </ul>
            if let Some(leaf) = &s.leaf {
                <p class="accumulate">
                    { t(lang, Text::GradBefore) }{ " " }
                    <code>{ leaf.grad_before.as_ref().map(|g| g.text.clone()).unwrap_or_else(|| "None".into()) }</code>
                    { " + " }{ t(lang, Text::Contribution) }{ " " }<code>{ grad_in_text(s) }</code>
                    { " = " }{ t(lang, Text::GradAfter) }{ " " }
                    <code>{ leaf.grad_after.as_ref().map(|g| g.text.clone()).unwrap_or_else(|| "None".into()) }</code>
                </p>
            }
        </>
    }
}

/// Where a step sends one gradient: the input of the forward op it belongs to (its position in
/// `next_functions`, as `grad_self` is input 0 and `grad_other` input 1) and the node receiving it.
fn sent_to(o: &EdgeGrad, lang: Lang) -> String {
    let to = o.to_name.as_deref().unwrap_or("None");
    format!("{} {} → {to}: ", t(lang, Text::Input), o.edge_index)
}

fn grad_in_text(s: &TraceStep) -> String {
    s.grad_in
        .as_ref()
        .map(|g| g.text.clone())
        .unwrap_or_else(|| "None".into())
}

/// The chain rule each common backward function applies (grad = the incoming gradient).
pub fn local_rule(name: &str) -> Option<&'static str> {
    Some(match name {
        "AddBackward0" => "grad_self = grad, grad_other = grad (summed over broadcast dimensions)",
        "SubBackward0" => "grad_self = grad, grad_other = −grad",
        "RsubBackward1" => "grad_self = −grad",
        "MulBackward0" => "grad_self = grad × other, grad_other = grad × self",
        "DivBackward0" => "grad_self = grad / other, grad_other = −grad × self / other²",
        "NegBackward0" => "grad_self = −grad",
        "PowBackward0" => "grad_self = grad × n × selfⁿ⁻¹",
        "PowBackward1" => "grad_self = grad × n × selfⁿ⁻¹, grad_n = grad × selfⁿ × ln(self)",
        "PowBackward2" => "grad_n = grad × baseⁿ × ln(base)",
        "ExpBackward0" => "grad_self = grad × exp(self)",
        "LogBackward0" => "grad_self = grad / self",
        "SqrtBackward0" => "grad_self = grad / (2 √self)",
        "SinBackward0" => "grad_self = grad × cos(self)",
        "CosBackward0" => "grad_self = −grad × sin(self)",
        "TanhBackward0" => "grad_self = grad × (1 − tanh²(self))",
        "SigmoidBackward0" => "grad_self = grad × σ(self) × (1 − σ(self))",
        "ReluBackward0" => "grad_self = grad where self > 0, else 0",
        "MeanBackward0" => "grad_self = grad / numel, spread over every element",
        "MeanBackward1" => "grad_self = grad / n along the reduced dimensions",
        "SumBackward0" | "SumBackward1" => "grad_self = grad, copied to every summed element",
        "MmBackward0" => "grad_self = grad @ otherᵀ, grad_other = selfᵀ @ grad",
        "AbsBackward0" => "grad_self = grad × sign(self)",
        "ClampBackward1" => "grad_self = grad where min < self < max, else 0",
        "ClampMinBackward0" => "grad_self = grad where self > min, else 0",
        "ClampMaxBackward0" => "grad_self = grad where self < max, else 0",
        "MaxBackward1" | "MinBackward1" => {
            "grad_self = grad shared evenly among the elements equal to the result, 0 elsewhere"
        }
        "SoftmaxBackward0" => "grad_self = (grad − Σ grad × result) × result along dim",
        "LogSoftmaxBackward0" => "grad_self = grad − exp(result) × Σ grad along dim",
        // nn.Linear and a regression loss: the nodes of a training step
        "AddmmBackward0" => {
            "grad_self = grad (summed over rows), grad_mat1 = grad @ mat2ᵀ, grad_mat2 = mat1ᵀ @ grad"
        }
        "TBackward0" => "grad_self = gradᵀ",
        "MseLossBackward0" => {
            "grad_self = grad × 2 (self − target), divided by n for reduction='mean'; grad_target = −grad_self"
        }
        // views and copies: the gradient keeps its values and goes back to self's shape
        "AliasBackward0" | "CloneBackward0" => "grad_self = grad",
        "ViewBackward0" | "UnsafeViewBackward0" | "UnsqueezeBackward0" | "SqueezeBackward0"
        | "SqueezeBackward1" => "grad_self = grad reshaped to self's shape",
        "TransposeBackward0" | "PermuteBackward0" => "grad_self = grad with its dimensions put back",
        "ExpandBackward0" => "grad_self = grad summed over the expanded dimensions",
        "SliceBackward0" => "grad_self = zeros, with grad in the sliced positions",
        "SelectBackward0" => "grad_self = zeros, with grad at the selected index",
        "AccumulateGrad" => ".grad += grad (leaf tensors keep what backward passes accumulate)",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every node of the lesson's training step (an `nn.Linear` MLP with `MSELoss`) explains
    /// its chain rule.
    #[test]
    fn the_training_step_nodes_have_rules() {
        for name in [
            "AddmmBackward0",
            "TBackward0",
            "ReluBackward0",
            "MseLossBackward0",
            "AccumulateGrad",
        ] {
            assert!(local_rule(name).is_some(), "{name}");
        }
        assert_eq!(local_rule("NoSuchBackward0"), None);
    }

    #[test]
    fn each_gradient_is_labelled_with_its_own_input() {
        // `a * b` with two leaves: both edges go to an AccumulateGrad's input 0, but carry the
        // gradients of the product's inputs 0 and 1.
        let sent = |edge_index| EdgeGrad {
            edge_index,
            to_node: Some(3),
            to_name: Some("AccumulateGrad".into()),
            input_nr: 0,
            grad: None,
        };
        assert_eq!(sent_to(&sent(0), Lang::En), "input 0 → AccumulateGrad: ");
        assert_eq!(sent_to(&sent(1), Lang::En), "input 1 → AccumulateGrad: ");
        assert_eq!(sent_to(&sent(1), Lang::Zh), "输入 1 → AccumulateGrad: ");
    }
}
