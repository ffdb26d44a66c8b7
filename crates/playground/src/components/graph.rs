//! The computation graph as SVG: layered layout from `layout.rs`, pan (drag), zoom (wheel or
//! buttons), fit, export. During a backward replay the active node and the gradients it sends
//! are highlighted, and leaf tensors show `.grad` as it stands at that step.

use crate::graphview::{self, BOX_HEIGHT};
use crate::i18n::{t, Text};
use crate::layout::{Layout, NodeBox};
use crate::lesson::Lang;
use crate::playback::active_nodes;
use autograd::{BackwardTrace, GraphSnapshot, SnapNodeKind};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{PointerEvent, WheelEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GraphProps {
    pub graph: Rc<GraphSnapshot>,
    /// The backward pass being replayed and how many of its steps are shown.
    #[prop_or_default]
    pub trace: Option<(Rc<BackwardTrace>, usize)>,
    pub selected: Option<usize>,
    pub on_select: Callback<Option<usize>>,
    pub lang: Lang,
    /// The cell line that created each node (0: unknown or an earlier cell).
    #[prop_or_default]
    pub node_lines: Rc<Vec<u32>>,
    /// Nodes of this line are highlighted; hovering a node reports its line.
    #[prop_or_default]
    pub hover_line: Option<u32>,
    #[prop_or_default]
    pub on_hover_line: Callback<Option<u32>>,
}

#[derive(Clone, Copy, PartialEq)]
struct View {
    dx: f64,
    dy: f64,
    scale: f64,
}

const FIT: View = View {
    dx: 0.0,
    dy: 0.0,
    scale: 1.0,
};
const MARGIN: f64 = 30.0;

#[function_component(Graph)]
pub fn graph(props: &GraphProps) -> Html {
    let layout = use_mut_ref(Layout::<usize>::new);
    // Runs after every render: times a response's way to the screen for the page benchmark.
    use_effect(crate::browser::measure_render);
    crate::browser::phase("graph");
    let view = use_state(|| FIT);
    let drag = use_mut_ref(|| None::<(f64, f64, View)>);
    let svg_ref = use_node_ref();
    let g = &props.graph;

    let boxes: Vec<NodeBox<usize>> = g
        .nodes
        .iter()
        .map(|n| NodeBox {
            key: n.id,
            width: graphview::node_width(n),
        })
        .collect();
    layout
        .borrow_mut()
        .update(&boxes, &graphview::data_flow_edges(g));
    let layout = layout.borrow();
    crate::browser::phase("layout");
    let (x0, y0, x1, y1) = layout.bounds(BOX_HEIGHT);
    let (w, h) = (
        (x1 - x0).max(200.0) + 2.0 * MARGIN,
        (y1 - y0).max(100.0) + 2.0 * MARGIN,
    );
    let view_box = format!("{} {} {} {}", x0 - MARGIN, y0 - MARGIN, w, h);

    let trace = props.trace.as_ref().map(|(t, pos)| (t.as_ref(), *pos));
    let current = trace.and_then(|(t, pos)| pos.checked_sub(1).and_then(|i| t.steps.get(i)));
    let active: Vec<usize> = current.map(active_nodes).unwrap_or_default();

    let edges = g.edges.iter().filter_map(|e| {
        let (from, to) = (layout.position(&e.to)?, layout.position(&e.from)?);
        // Gradient sent along this edge at the current step (edges point backward in the snapshot).
        let grad = current.and_then(|s| {
            (s.node == Some(e.from))
                .then(|| s.grads_out.iter().find(|o| o.edge_index == e.edge_index && o.to_node == Some(e.to)))
                .flatten()
                .and_then(|o| o.grad.as_ref())
        });
        let (sy, ty) = (from.y + BOX_HEIGHT / 2.0, to.y - BOX_HEIGHT / 2.0);
        let mid = (sy + ty) / 2.0;
        let d = format!("M{:.1},{:.1} C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}", from.x, sy, from.x, mid, to.x, mid, to.x, ty);
        let class = classes!("edge", grad.map(|_| "active"));
        Some(html! {
            <g>
                <path {class} d={d} marker-end="url(#arrow)" />
                if let Some(grad) = grad {
                    <text class="edge-grad" x={format!("{:.1}", (from.x + to.x) / 2.0 + 6.0)} y={format!("{:.1}", mid)}>
                        { format!("grad {}", short(&grad.text)) }
                    </text>
                }
            </g>
        })
    });

    let nodes = g.nodes.iter().filter_map(|n| {
        let p = layout.position(&n.id)?;
        let width = graphview::node_width(n);
        let lines = graphview::node_lines(n);
        let id = n.id;
        let on_select = props.on_select.clone();
        let selected = props.selected == Some(id);
        let onclick = Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            on_select.emit(if selected { None } else { Some(id) });
        });
        let on_select = props.on_select.clone();
        let onkeydown = Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                on_select.emit(Some(id));
            }
        });
        let grad = (n.kind == SnapNodeKind::Tensor).then(|| graphview::grad_text(n, trace));
        let line = props.node_lines.get(id).copied().filter(|&l| l > 0);
        let class = classes!(
            "node",
            graphview::node_class(n),
            selected.then_some("selected"),
            active.contains(&id).then_some("active"),
            (line.is_some() && line == props.hover_line).then_some("linked"),
        );
        let on_hover = props.on_hover_line.clone();
        let onmouseenter = Callback::from(move |_: MouseEvent| on_hover.emit(line));
        let on_hover = props.on_hover_line.clone();
        let onmouseleave = Callback::from(move |_: MouseEvent| on_hover.emit(None));
        let rx = if n.kind == SnapNodeKind::Tensor { 6.0 } else { BOX_HEIGHT / 2.0 };
        let text_y = if lines.len() > 1 { p.y - 6.0 } else { p.y + 4.0 };
        // The accessible name is the node's visible text; the role description says what it is.
        let aria = format!("{} node", graphview::kind_attr(n));
        Some(html! {
            <g {class} data-testid="graph-node" data-kind={graphview::kind_attr(n)} data-label={n.label.clone()}
               data-grad={grad.clone()} data-id={id.to_string()}
               tabindex="0" role="button" aria-roledescription={aria} aria-pressed={selected.to_string()} data-line={line.map(|l| l.to_string())}
               {onclick} {onkeydown} {onmouseenter} {onmouseleave}>
                <rect x={format!("{:.1}", p.x - width / 2.0)} y={format!("{:.1}", p.y - BOX_HEIGHT / 2.0)}
                      width={format!("{width:.1}")} height={BOX_HEIGHT.to_string()} rx={rx.to_string()} />
                <text x={format!("{:.1}", p.x)} y={format!("{text_y:.1}")} class="title">{ lines[0].clone() }</text>
                if let Some(value) = lines.get(1) {
                    <text x={format!("{:.1}", p.x)} y={format!("{:.1}", p.y + 12.0)} class="value">{ value.clone() }</text>
                }
                if let Some(grad) = grad.filter(|g| !g.is_empty()) {
                    <text x={format!("{:.1}", p.x)} y={format!("{:.1}", p.y + BOX_HEIGHT / 2.0 + 14.0)} class="grad">
                        { format!(".grad = {}", short(&grad)) }
                    </text>
                }
            </g>
        })
    });

    let v = *view;
    let zoom = |factor: f64| {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| {
            view.set(View {
                scale: (view.scale * factor).clamp(0.1, 8.0),
                ..*view
            })
        })
    };
    let fit = {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| view.set(FIT))
    };
    let onwheel = {
        let view = view.clone();
        Callback::from(move |e: WheelEvent| {
            e.prevent_default();
            let factor = if e.delta_y() < 0.0 { 1.15 } else { 1.0 / 1.15 };
            view.set(View {
                scale: (view.scale * factor).clamp(0.1, 8.0),
                ..*view
            });
        })
    };
    let onpointerdown = {
        let drag = drag.clone();
        let view = view.clone();
        Callback::from(move |e: PointerEvent| {
            *drag.borrow_mut() = Some((e.client_x() as f64, e.client_y() as f64, *view));
        })
    };
    let onpointermove = {
        let drag = drag.clone();
        let view = view.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some((x, y, start)) = *drag.borrow() {
                let (dx, dy) = (e.client_x() as f64 - x, e.client_y() as f64 - y);
                if dx.abs() + dy.abs() > 2.0 {
                    view.set(View {
                        dx: start.dx + dx / start.scale,
                        dy: start.dy + dy / start.scale,
                        ..start
                    });
                }
            }
        })
    };
    let end_drag = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| *drag.borrow_mut() = None)
    };
    let export = {
        let svg_ref = svg_ref.clone();
        Callback::from(move |_: MouseEvent| export_svg(&svg_ref))
    };
    let on_background = {
        let on_select = props.on_select.clone();
        Callback::from(move |_: MouseEvent| on_select.emit(None))
    };
    let lang = props.lang;
    let transform = format!("translate({:.1} {:.1}) scale({:.3})", v.dx, v.dy, v.scale);

    crate::browser::phase("view");
    html! {
        <section class="graph-panel" aria-label={t(lang, Text::Graph)}>
            <div class="toolbar graph-tools">
                <button type="button" onclick={zoom(1.25)} aria-label={t(lang, Text::ZoomIn)} title={t(lang, Text::ZoomIn)}>{ "+" }</button>
                <button type="button" onclick={zoom(0.8)} aria-label={t(lang, Text::ZoomOut)} title={t(lang, Text::ZoomOut)}>{ "−" }</button>
                <button type="button" onclick={fit}>{ t(lang, Text::Fit) }</button>
                <button type="button" onclick={export}>{ t(lang, Text::ExportSvg) }</button>
                <span class="legend">
                    <span class="key leaf">{ "leaf" }</span>
                    <span class="key result">{ "result" }</span>
                    <span class="key untracked">{ "no grad" }</span>
                    <span class="key fn">{ "grad_fn" }</span>
                </span>
            </div>
            <svg data-testid="graph" ref={svg_ref} class="graph" viewBox={view_box} xmlns="http://www.w3.org/2000/svg"
                 role="group" aria-label={t(lang, Text::Graph)} preserveAspectRatio="xMidYMin meet"
                 {onwheel} {onpointerdown} {onpointermove} onpointerup={end_drag.clone()} onpointerleave={end_drag}
                 onclick={on_background}>
                <defs>
                    <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M0,0 L10,5 L0,10 z" class="arrow-head" />
                    </marker>
                </defs>
                if g.nodes.is_empty() {
                    <text x="0" y="0" class="empty">{ t(lang, Text::EmptyGraph) }</text>
                }
                <g transform={transform}>
                    { for edges }
                    { for nodes }
                </g>
            </svg>
        </section>
    }
}

fn short(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > 40 {
        flat.chars().take(39).chain(std::iter::once('…')).collect()
    } else {
        flat
    }
}

/// Saves the SVG as a file through a temporary object URL.
fn export_svg(svg_ref: &NodeRef) {
    let Some(svg) = svg_ref.cast::<web_sys::Element>() else {
        return;
    };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&svg.outer_html().into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download("autograd-graph.svg");
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
