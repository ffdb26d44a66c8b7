//! The computation graph as SVG: layered layout from `layout.rs`, pan (drag), zoom (wheel or
//! buttons), fit, export. During a backward replay the active node and the gradients it sends
//! are highlighted, and leaf tensors show `.grad` as it stands at that step.
//!
//! Drawn in two parts for speed (`graphscene.rs`): the scene (boxes, text, edges) is SVG text
//! written once per graph and inserted as is; node states (selected, active, linked, `.grad`)
//! are applied to those elements after each render, touching only the nodes that changed.
//! The replay's active edges and the `.grad` labels are few and stay in Yew's `html!`. One
//! listener per event on the `<svg>` serves every node (event delegation).

use crate::graphscene::{self, Detail, Focus, NodeState, Scene};
use crate::graphview::{self, BOX_HEIGHT};
use crate::i18n::{t, Text};
use crate::layout::Layout;
use crate::lesson::Lang;
use autograd::{BackwardTrace, GraphSnapshot};
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

/// Level of detail: node text is left out (`Detail::Boxes`) while it would be too small to
/// read even in the largest panel we draw into. The SVG fits the whole graph into its panel,
/// so a big graph's text shrinks with it: a 500-node chain is drawn at well under a pixel per
/// letter, and laying out its thousand texts cost more than the rest of its frame. Zooming in
/// far enough brings the text back. (Largest panel width and height, in CSS px; size of the
/// node text, in SVG units; smallest legible letters, in px.)
const MAX_PANEL_PX: (f64, f64) = (4000.0, 1000.0);
const FONT_UNITS: f64 = 12.0;
const MIN_TEXT_PX: f64 = 4.0;

fn detail_for(bounds: (f64, f64, f64, f64), zoom: f64) -> Detail {
    let (w, h) = view_size(bounds);
    if (MAX_PANEL_PX.0 / w).min(MAX_PANEL_PX.1 / h) * zoom * FONT_UNITS < MIN_TEXT_PX {
        Detail::Boxes
    } else {
        Detail::Full
    }
}

/// Width and height of the viewBox around `bounds`.
fn view_size((x0, y0, x1, y1): (f64, f64, f64, f64)) -> (f64, f64) {
    (
        (x1 - x0).max(200.0) + 2.0 * MARGIN,
        (y1 - y0).max(100.0) + 2.0 * MARGIN,
    )
}

/// The scene of the graph shown and its markup, kept across renders: laid out again only when
/// another graph arrives, written again only then or when the level of detail changes.
struct SceneCache {
    graph: Rc<GraphSnapshot>,
    node_lines: Rc<Vec<u32>>,
    scene: Rc<Scene>,
    edges: AttrValue,
    detail: Detail,
    nodes: AttrValue,
    /// Changes whenever the node markup does, so its elements are new (the base states).
    generation: u64,
}

impl SceneCache {
    /// The scene for `graph` at `zoom`, its edge and node markup, and the node markup's
    /// generation; laid out and written only as far as something changed.
    fn update(
        cache: &mut Option<SceneCache>,
        layout: &mut Layout<usize>,
        graph: &Rc<GraphSnapshot>,
        node_lines: &Rc<Vec<u32>>,
        zoom: f64,
    ) -> (Rc<Scene>, AttrValue, AttrValue, u64) {
        let same_graph = cache
            .as_ref()
            .is_some_and(|c| Rc::ptr_eq(&c.graph, graph) && Rc::ptr_eq(&c.node_lines, node_lines));
        let (scene, edges) = match cache.as_ref().filter(|_| same_graph) {
            Some(c) => (c.scene.clone(), c.edges.clone()),
            None => {
                let scene = Scene::build(graph, node_lines, layout);
                let edges = AttrValue::from(scene.edges_markup(graph));
                (Rc::new(scene), edges)
            }
        };
        let detail = detail_for(scene.bounds, zoom);
        if !same_graph || cache.as_ref().is_some_and(|c| c.detail != detail) {
            let markup = scene.nodes_markup(graph, detail);
            // Yew keeps the elements of an unchanged markup string (a re-run of the same code),
            // and with them the states applied; new elements hold the base states.
            let (nodes, generation) = match cache.take() {
                Some(old) if old.nodes.as_str() == markup => (old.nodes, old.generation),
                old => (AttrValue::from(markup), old.map_or(0, |o| o.generation + 1)),
            };
            *cache = Some(SceneCache {
                graph: graph.clone(),
                node_lines: node_lines.clone(),
                scene: scene.clone(),
                edges: edges.clone(),
                detail,
                nodes: nodes.clone(),
                generation,
            });
            return (scene, edges, nodes, generation);
        }
        match cache.as_ref() {
            Some(c) => (
                c.scene.clone(),
                c.edges.clone(),
                c.nodes.clone(),
                c.generation,
            ),
            None => (scene, edges, AttrValue::default(), 0),
        }
    }
}

/// The node states last applied to the scene's elements.
#[derive(Default)]
struct Applied {
    generation: Option<u64>,
    elements: Vec<Option<web_sys::Element>>,
    states: Vec<NodeState>,
}

#[function_component(Graph)]
pub fn graph(props: &GraphProps) -> Html {
    crate::browser::phase("graph");
    let layout = use_mut_ref(Layout::<usize>::new);
    let cache = use_mut_ref(|| None::<SceneCache>);
    let applied = use_mut_ref(Applied::default);
    let view = use_state(|| FIT);
    let drag = use_mut_ref(|| None::<(f64, f64, View)>);
    let svg_ref = use_node_ref();
    let g = &props.graph;

    let v = *view;
    let (scene, edges_markup, nodes_markup, generation) = SceneCache::update(
        &mut cache.borrow_mut(),
        &mut layout.borrow_mut(),
        g,
        &props.node_lines,
        v.scale,
    );
    crate::browser::phase("layout");

    let (x0, y0, _, _) = scene.bounds;
    let (w, h) = view_size(scene.bounds);
    let view_box = format!("{} {} {} {}", x0 - MARGIN, y0 - MARGIN, w, h);

    let trace = props.trace.as_ref().map(|(t, pos)| (t.as_ref(), *pos));
    let states = graphscene::node_states(
        g,
        &props.node_lines,
        Focus {
            trace,
            selected: props.selected,
            hover_line: props.hover_line,
        },
    );
    // Gradients sent at the replay's current step, drawn over the plain edges.
    let active_edges = graphscene::current_step(trace)
        .map(|step| graphscene::active_edges(&scene, g, step))
        .unwrap_or_default()
        .into_iter()
        .map(|e| {
            let mid = graphscene::edge_mid_y(e.from, e.to);
            html! {
                <g>
                    <path class="edge active" d={graphscene::edge_path(e.from, e.to)} marker-end="url(#arrow)" />
                    <text class="edge-grad" x={format!("{:.1}", (e.from.x + e.to.x) / 2.0 + 6.0)} y={format!("{mid:.1}")}>
                        { format!("grad {}", graphview::short(e.grad)) }
                    </text>
                </g>
            }
        });
    // Leaves' `.grad` as it stands, under their boxes (not inside the node's element, which the
    // scene owns); the text is not a target, so pointing at it is pointing at the background.
    let grads = states.iter().enumerate().filter_map(|(id, s)| {
        let grad = s.grad.as_deref().filter(|t| !t.is_empty())?;
        let p = scene.position(id)?;
        Some(html! {
            <text class="grad" x={format!("{:.1}", p.x)} y={format!("{:.1}", p.y + BOX_HEIGHT / 2.0 + 14.0)}>
                { graphscene::grad_label(grad) }
            </text>
        })
    });
    let grads: Html = grads.collect();

    // Node states go onto the scene's elements after Yew has put them in place.
    {
        let (svg_ref, applied, scene, graph) =
            (svg_ref.clone(), applied.clone(), scene.clone(), g.clone());
        use_effect(move || {
            apply_states(
                &svg_ref,
                &mut applied.borrow_mut(),
                generation,
                &scene,
                &graph,
                states,
            )
        });
    }

    // One listener each on the <svg> for all nodes (event delegation): the event's target is
    // inside at most one node element.
    let onclick = {
        let (on_select, selected) = (props.on_select.clone(), props.selected);
        Callback::from(move |e: MouseEvent| {
            // A click on a node toggles its selection; anywhere else clears it.
            let id = node_of(e.target()).and_then(|n| node_id(&n));
            on_select.emit(id.filter(|&id| selected != Some(id)));
        })
    };
    let onkeydown = {
        let on_select = props.on_select.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                if let Some(id) = node_of(e.target()).and_then(|n| node_id(&n)) {
                    e.prevent_default();
                    on_select.emit(Some(id));
                }
            }
        })
    };
    // Hover links a node to its line. Moving between a node's own rect and texts changes nothing,
    // so only crossing a node's border reports (each report re-renders the page).
    let onmouseover = {
        let on_hover = props.on_hover_line.clone();
        Callback::from(move |e: MouseEvent| {
            let (to, from) = (node_of(e.target()), node_of(e.related_target()));
            if let Some(node) = to.filter(|to| Some(to) != from.as_ref()) {
                on_hover.emit(node_line(&node));
            }
        })
    };
    let onmouseout = {
        let on_hover = props.on_hover_line.clone();
        Callback::from(move |e: MouseEvent| {
            let (from, to) = (node_of(e.target()), node_of(e.related_target()));
            if from.is_some() && to.is_none() {
                on_hover.emit(None);
            }
        })
    };

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
    let lang = props.lang;
    let transform = format!("translate({:.1} {:.1}) scale({:.3})", v.dx, v.dy, v.scale);

    let html = html! {
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
                 {onclick} {onkeydown} {onmouseover} {onmouseout}>
                <defs>
                    <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M0,0 L10,5 L0,10 z" class="arrow-head" />
                    </marker>
                </defs>
                if g.nodes.is_empty() {
                    <text x="0" y="0" class="empty">{ t(lang, Text::EmptyGraph) }</text>
                }
                <g transform={transform}>
                    { Html::from_html_unchecked(edges_markup) }
                    { for active_edges }
                    { Html::from_html_unchecked(nodes_markup) }
                    { grads }
                </g>
            </svg>
        </section>
    };
    crate::browser::phase("view");
    crate::browser::measure_render_once_applied();
    html
}

/// The graph-node element an event happened in, if any.
fn node_of(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("[data-testid=graph-node]")
        .ok()
        .flatten()
}

fn node_id(node: &web_sys::Element) -> Option<usize> {
    node.get_attribute("data-id")?.parse().ok()
}

fn node_line(node: &web_sys::Element) -> Option<u32> {
    node.get_attribute("data-line")?.parse().ok()
}

/// The graph-node elements under the <svg>, by node id.
fn node_elements(svg_ref: &NodeRef, count: usize) -> Vec<Option<web_sys::Element>> {
    let mut elements = vec![None; count];
    let list = svg_ref
        .cast::<web_sys::Element>()
        .and_then(|svg| svg.query_selector_all("[data-testid=graph-node]").ok());
    if let Some(list) = list {
        for i in 0..list.length() {
            let element = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok());
            if let Some(element) = element {
                if let Some(slot) = node_id(&element).and_then(|id| elements.get_mut(id)) {
                    *slot = Some(element);
                }
            }
        }
    }
    elements
}

/// Brings the scene's node elements to `states`, touching only nodes whose state changed. New
/// elements (another scene) hold the scene's base states, as written in its markup.
fn apply_states(
    svg_ref: &NodeRef,
    applied: &mut Applied,
    generation: u64,
    scene: &Scene,
    graph: &GraphSnapshot,
    states: Vec<NodeState>,
) {
    if applied.generation != Some(generation) {
        // New elements, as written: nothing to look up until a state differs from that (a
        // graph that just arrived usually shows its base states).
        *applied = Applied {
            generation: Some(generation),
            elements: Vec::new(),
            states: scene.base.clone(),
        };
    }
    if applied.states == states {
        return;
    }
    if applied.elements.is_empty() {
        applied.elements = node_elements(svg_ref, graph.nodes.len());
    }
    for (id, state) in states.iter().enumerate() {
        if applied.states.get(id) == Some(state) {
            continue;
        }
        let (Some(Some(element)), Some(node)) = (applied.elements.get(id), graph.nodes.get(id))
        else {
            continue;
        };
        let _ = element.set_attribute("class", &graphscene::class_attr(node, state));
        let _ = element.set_attribute(
            "aria-pressed",
            if state.selected { "true" } else { "false" },
        );
        let before = applied.states.get(id).and_then(|s| s.grad.as_ref());
        if let Some(grad) = state.grad.as_ref().filter(|&g| Some(g) != before) {
            let _ = element.set_attribute("data-grad", grad);
            if let Some(name) = scene.names.get(id) {
                let _ = element.set_attribute("aria-label", &graphscene::aria_label(name, state));
            }
        }
    }
    applied.states = states;
}

/// What draws the graph (styles.css), copied onto each element of an exported SVG as it is
/// computed on the page: the file has neither the page's stylesheet nor its theme variables.
const EXPORTED_STYLE: &[&str] = &[
    "fill",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "font-family",
    "font-size",
    "font-weight",
    "text-anchor",
];

/// The SVG as a standalone file: a copy with each element's computed look written into its
/// `style` attribute (and the page's background on the root).
fn standalone_svg(svg: &web_sys::Element) -> Option<String> {
    let window = web_sys::window()?;
    let copy: web_sys::Element = svg.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    let (live, copied) = (
        svg.query_selector_all("*").ok()?,
        copy.query_selector_all("*").ok()?,
    );
    let pairs = (0..live.length()).filter_map(|i| {
        let from: web_sys::Element = live.item(i)?.dyn_into().ok()?;
        let to: web_sys::Element = copied.item(i)?.dyn_into().ok()?;
        Some((from, to))
    });
    let all = std::iter::once((svg.clone(), copy.clone())).chain(pairs);
    for (i, (from, to)) in all.enumerate() {
        let Ok(Some(computed)) = window.get_computed_style(&from) else {
            continue;
        };
        let root = i == 0;
        let style: String = EXPORTED_STYLE
            .iter()
            .chain(root.then_some(&"background-color"))
            .filter_map(|p| Some(format!("{p}:{};", computed.get_property_value(p).ok()?)))
            .collect();
        let _ = to.set_attribute("style", &style);
    }
    Some(copy.outer_html())
}

/// Saves the SVG as a file through a temporary object URL.
fn export_svg(svg_ref: &NodeRef) {
    let Some(svg) = svg_ref.cast::<web_sys::Element>() else {
        return;
    };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(markup) = standalone_svg(&svg) else {
        return;
    };
    let parts = js_sys::Array::of1(&markup.into());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::LAYER_GAP;

    #[test]
    fn text_is_left_out_only_where_it_could_not_be_read() {
        let graph_of = |layers: f64| (-60.0, -27.0, 60.0, (layers - 1.0) * LAYER_GAP + 27.0);
        // The lesson's graphs, unless zoomed far out.
        assert_eq!(detail_for(graph_of(8.0), 1.0), Detail::Full);
        assert_eq!(detail_for(graph_of(8.0), 0.5), Detail::Full);
        assert_eq!(detail_for(graph_of(8.0), 0.1), Detail::Boxes);
        // A 500-node chain, even zoomed in all the way.
        assert_eq!(detail_for(graph_of(500.0), 1.0), Detail::Boxes);
        assert_eq!(detail_for(graph_of(500.0), 8.0), Detail::Boxes);
        // In between: zooming in brings the text back.
        assert_eq!(detail_for(graph_of(60.0), 1.0), Detail::Boxes);
        assert_eq!(detail_for(graph_of(60.0), 4.0), Detail::Full);
        // Very wide graphs too.
        assert_eq!(detail_for((0.0, -27.0, 60_000.0, 27.0), 1.0), Detail::Boxes);
    }
}
