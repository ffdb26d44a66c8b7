//! The graph's picture in two parts, so that a big graph is drawn fast (`components/graph.rs`).
//!
//! The scene (node boxes with their text, and the edges) changes only when the graph does. It
//! is written once per graph as SVG text and inserted as is: as Yew virtual DOM, a 500-node graph
//! took 120-190 ms to build, diff and apply (thousands of elements, four closures per node);
//! the browser's parser makes the same elements from one string in a few milliseconds (see
//! BENCHMARKS.md). Plain edges are one `<path>` and their arrowheads another, not one each.
//!
//! What changes while one graph is shown (selection, hover linking, the backward replay's active
//! nodes and `.grad` values) is each node's `NodeState`. The component applies a changed state
//! to the element it already has, so focus, hover and CSS transitions survive. The markup holds
//! the state with nothing selected, hovered or replayed (`Scene::base`).
//!
//! Pure functions, unit-tested natively.

use crate::graphview::{self, BOX_HEIGHT};
use crate::layout::{Layout, NodeBox, Point};
use crate::markup::{self, PathData, Tag};
use crate::playback::active_nodes;
use autograd::{BackwardTrace, GraphSnapshot, SnapNode, SnapNodeKind, TraceStep};

/// The graph laid out, with what its markup is written from: everything that does not depend
/// on selection, hover or replay.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    /// Centre of each node's box, by node id (`None`: not placed).
    pub positions: Vec<Option<Point>>,
    /// The states written into the node markup, by node id.
    pub base: Vec<NodeState>,
    /// Each node's text on one line, by node id: with its `.grad`, its accessible name
    /// (`aria_label`), which holds even where the text is not drawn (`Detail::Boxes`).
    pub names: Vec<String>,
    /// (min x, min y, max x, max y) over all boxes.
    pub bounds: (f64, f64, f64, f64),
    /// Each node's lines of text and box width, and the cell line that made it.
    texts: Vec<Vec<String>>,
    widths: Vec<f64>,
    lines: Vec<Option<u32>>,
}

/// How much of each node the markup draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Box and text.
    Full,
    /// The box only, for a graph shown too small to read: the text would cost most of the
    /// time to draw the graph (a thousand `<text>` elements to style and lay out for 500
    /// nodes) and show nothing.
    Boxes,
}

/// How one node is shown at the moment.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NodeState {
    pub selected: bool,
    /// Part of the replay's current step.
    pub active: bool,
    /// The node whose backward raised (saved tensors already freed): the replay ends on it.
    pub failed: bool,
    /// Made by the editor line the learner points at.
    pub linked: bool,
    /// Tensors only: the printed `.grad` at this point ("" for None), the `data-grad` contract.
    pub grad: Option<String>,
}

/// What the learner is looking at, beyond the graph itself.
#[derive(Clone, Copy, Debug, Default)]
pub struct Focus<'a> {
    /// The backward pass being replayed and how many of its steps are shown.
    pub trace: Option<(&'a BackwardTrace, usize)>,
    pub selected: Option<usize>,
    pub hover_line: Option<u32>,
}

impl Scene {
    /// Lays out `g`; nodes already in `layout` keep their place.
    pub fn build(g: &GraphSnapshot, node_lines: &[u32], layout: &mut Layout<usize>) -> Scene {
        // Each node's text, made once: it gives both the box width and the text drawn.
        let texts: Vec<Vec<String>> = g.nodes.iter().map(graphview::node_lines).collect();
        let widths: Vec<f64> = texts.iter().map(|l| graphview::lines_width(l)).collect();
        let boxes: Vec<NodeBox<usize>> = g
            .nodes
            .iter()
            .zip(&widths)
            .map(|(n, &width)| NodeBox { key: n.id, width })
            .collect();
        layout.update(&boxes, &graphview::data_flow_edges(g));
        Scene {
            positions: g.nodes.iter().map(|n| layout.position(&n.id)).collect(),
            base: node_states(g, node_lines, Focus::default()),
            names: texts.iter().map(|lines| lines.join(" ")).collect(),
            bounds: layout.bounds(BOX_HEIGHT),
            lines: g.nodes.iter().map(|n| line_of(node_lines, n.id)).collect(),
            texts,
            widths,
        }
    }

    pub fn position(&self, id: usize) -> Option<Point> {
        self.positions.get(id).copied().flatten()
    }

    /// The edges: one path of curves and one of arrowheads, not an element each. The
    /// snapshot's edges point backward (output to input); each is drawn from the input above
    /// to the node that uses it.
    pub fn edges_markup(&self, g: &GraphSnapshot) -> String {
        let (mut curves, mut heads) = (PathData::default(), PathData::default());
        for e in &g.edges {
            if let (Some(from), Some(to)) = (self.position(e.to), self.position(e.from)) {
                push_curve(&mut curves, from, to);
                push_arrow_head(&mut heads, from, to);
            }
        }
        let mut out = String::new();
        if !curves.is_empty() {
            Tag::open(&mut out, "path")
                .attr("class", "edge")
                .path("d", &curves)
                .end_empty();
            Tag::open(&mut out, "path")
                .attr("class", "arrow-head")
                .path("d", &heads)
                .end_empty();
        }
        out
    }

    /// One `data-testid="graph-node"` element per placed node, in the snapshot's order: a `<g>`
    /// holding the box and its text, or with `Detail::Boxes` the box's `<rect>` itself.
    ///
    /// All inside one `<g class="nodes">`: Yew moves the top-level nodes of inserted markup
    /// into place one call at a time, so one element instead of 500 saves those calls.
    pub fn nodes_markup(&self, g: &GraphSnapshot, detail: Detail) -> String {
        let mut out = String::with_capacity(g.nodes.len() * 320 + 20);
        Tag::open(&mut out, "g").attr("class", "nodes").end();
        for n in &g.nodes {
            self.write_node(&mut out, n, detail);
        }
        markup::close(&mut out, "g");
        out
    }

    fn write_node(&self, out: &mut String, n: &SnapNode, detail: Detail) {
        let id = n.id;
        let (Some(p), Some(state), Some(name), Some(lines), Some(&width)) = (
            self.position(id),
            self.base.get(id),
            self.names.get(id),
            self.texts.get(id),
            self.widths.get(id),
        ) else {
            return;
        };
        let kind = graphview::kind_attr(n);
        // Drawn as a box only, the node is its <rect>: half the elements to parse and style.
        let element = match detail {
            Detail::Full => "g",
            Detail::Boxes => "rect",
        };
        let mut tag = Tag::open(out, element)
            .attr("class", &class_attr(n, state))
            .attr("data-testid", "graph-node")
            .attr("data-kind", kind)
            .attr("data-label", &n.label);
        if let Some(grad) = &state.grad {
            tag = tag.attr("data-grad", grad);
        }
        tag = tag
            .int("data-id", n.id)
            .attr("tabindex", "0")
            .attr("role", "button")
            // The accessible name is the node's text; the role description says what it is.
            .attr("aria-label", &aria_label(name, state))
            .attr("aria-roledescription", role_description(n))
            .attr(
                "aria-pressed",
                if state.selected { "true" } else { "false" },
            );
        if let Some(line) = self.lines.get(id).copied().flatten() {
            tag = tag.int("data-line", line as usize);
        }
        let rx = if n.kind == SnapNodeKind::Tensor {
            6.0
        } else {
            BOX_HEIGHT / 2.0
        };
        let with_box = |tag: Tag<'_>| {
            tag.num("x", p.x - width / 2.0)
                .num("y", p.y - BOX_HEIGHT / 2.0)
                .num("width", width)
                .num("height", BOX_HEIGHT)
                .num("rx", rx)
                .end_empty()
        };
        if detail == Detail::Boxes {
            with_box(tag);
            return;
        }
        tag.end();
        with_box(Tag::open(out, "rect"));
        let title_y = if lines.len() > 1 {
            p.y - 6.0
        } else {
            p.y + 4.0
        };
        if let Some(title) = lines.first() {
            Tag::open(out, "text")
                .num("x", p.x)
                .num("y", title_y)
                .attr("class", "title")
                .text(title);
        }
        if let Some(value) = lines.get(1) {
            Tag::open(out, "text")
                .num("x", p.x)
                .num("y", p.y + 12.0)
                .attr("class", "value")
                .text(value);
        }
        markup::close(out, "g");
    }
}

/// Every node's state for what the learner is looking at, by node id.
pub fn node_states(g: &GraphSnapshot, node_lines: &[u32], focus: Focus<'_>) -> Vec<NodeState> {
    let current = current_step(focus.trace);
    let active: Vec<usize> = current.map(active_nodes).unwrap_or_default();
    let failed = current.filter(|s| s.error.is_some()).and_then(|s| s.node);
    g.nodes
        .iter()
        .map(|n| {
            let line = line_of(node_lines, n.id);
            NodeState {
                selected: focus.selected == Some(n.id),
                active: active.contains(&n.id),
                failed: failed == Some(n.id),
                linked: line.is_some() && line == focus.hover_line,
                grad: (n.kind == SnapNodeKind::Tensor)
                    .then(|| graphview::grad_text(n, focus.trace)),
            }
        })
        .collect()
}

/// The node element's `class`: its style, then what it is part of now.
pub fn class_attr(n: &SnapNode, state: &NodeState) -> String {
    let mut class = format!("node {}", graphview::node_class(n));
    for (on, name) in [
        (state.selected, " selected"),
        (state.active, " active"),
        (state.failed, " failed"),
        (state.linked, " linked"),
    ] {
        if on {
            class.push_str(name);
        }
    }
    class
}

/// What a node is, for assistive technology ("tensor node").
fn role_description(n: &SnapNode) -> &'static str {
    match n.kind {
        SnapNodeKind::Tensor => "tensor node",
        SnapNodeKind::Function => "function node",
        SnapNodeKind::Accumulate => "accumulate node",
    }
}

/// A node's accessible name: its text, then its `.grad` once it has one (drawn under the box).
pub fn aria_label(name: &str, state: &NodeState) -> String {
    match state.grad.as_deref().filter(|g| !g.is_empty()) {
        Some(grad) => format!("{name} {}", grad_label(grad)),
        None => name.to_string(),
    }
}

/// The `.grad` shown under a tensor's box.
pub fn grad_label(grad: &str) -> String {
    format!(".grad = {}", graphview::short(grad))
}

/// The cell line that created node `id`, if known (0 in `node_lines`: unknown or an earlier cell).
pub fn line_of(node_lines: &[u32], id: usize) -> Option<u32> {
    node_lines.get(id).copied().filter(|&l| l > 0)
}

/// The replay step executed last, if any.
pub fn current_step(trace: Option<(&BackwardTrace, usize)>) -> Option<&TraceStep> {
    trace.and_then(|(t, pos)| pos.checked_sub(1).and_then(|i| t.steps.get(i)))
}

/// An edge carrying a gradient at the current replay step.
#[derive(Clone, Debug, PartialEq)]
pub struct ActiveEdge<'t> {
    /// Centre of the input's box, and of the box of the node that uses it.
    pub from: Point,
    pub to: Point,
    /// The gradient sent along the edge, printed.
    pub grad: &'t str,
}

/// The edges along which `step` sends gradients (from the node that ran to its inputs).
pub fn active_edges<'t>(
    scene: &Scene,
    g: &GraphSnapshot,
    step: &'t TraceStep,
) -> Vec<ActiveEdge<'t>> {
    let Some(node) = step.node else {
        return Vec::new();
    };
    g.edges
        .iter()
        .filter(|e| e.from == node)
        .filter_map(|e| {
            let out = step
                .grads_out
                .iter()
                .find(|o| o.edge_index == e.edge_index && o.to_node == Some(e.to))?;
            Some(ActiveEdge {
                from: scene.position(e.to)?,
                to: scene.position(e.from)?,
                grad: &out.grad.as_ref()?.text,
            })
        })
        .collect()
}

/// An edge's curve from the bottom of `from`'s box to the top of `to`'s; the middle height is
/// where the gradient's label goes.
pub fn edge_path(from: Point, to: Point) -> String {
    let mut d = PathData::default();
    push_curve(&mut d, from, to);
    d.into_string()
}

pub fn edge_mid_y(from: Point, to: Point) -> f64 {
    let (sy, ty) = edge_ends(from, to);
    (sy + ty) / 2.0
}

fn edge_ends(from: Point, to: Point) -> (f64, f64) {
    (from.y + BOX_HEIGHT / 2.0, to.y - BOX_HEIGHT / 2.0)
}

fn push_curve(d: &mut PathData, from: Point, to: Point) {
    let (sy, ty) = edge_ends(from, to);
    let mid = (sy + ty) / 2.0;
    if from.x == to.x {
        // The curve is then a straight vertical line (a chain's edges): a shorter path.
        d.command("M");
        d.point(from.x, sy);
        d.command("V");
        d.num(ty);
        return;
    }
    d.command("M");
    d.point(from.x, sy);
    d.command("C");
    d.point(from.x, mid);
    d.command(" ");
    d.point(to.x, mid);
    d.command(" ");
    d.point(to.x, ty);
}

/// The arrowhead the `#arrow` marker draws at the curve's end (7 × 1.5 units: a 10-unit
/// triangle whose tip is 1 unit past the end), pointing the way the curve ends: straight down,
/// or up for the rare edge that goes up.
fn push_arrow_head(d: &mut PathData, from: Point, to: Point) {
    let (sy, ty) = edge_ends(from, to);
    let down = ty >= (sy + ty) / 2.0;
    d.command("M");
    d.point(to.x - 5.2, if down { ty - 9.5 } else { ty + 9.5 });
    d.command(if down {
        "l5.2,10.5 5.2,-10.5z"
    } else {
        "l5.2,-10.5 5.2,10.5z"
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use autograd::{DType, Tensor};

    /// The lesson's graph, built by autograd itself; the leaf's name is hostile markup.
    fn lesson_graph(leaf: &str) -> GraphSnapshot {
        let x2 = Tensor::ones(&[2, 2], DType::Float32).unwrap();
        x2.set_requires_grad(true).unwrap();
        let y = x2.add_scalar(2.0).unwrap();
        let out = y.mul(&y).unwrap().mean().unwrap();
        GraphSnapshot::build(&[(leaf.into(), x2), ("y".into(), y), ("out".into(), out)]).0
    }

    fn id_of(g: &GraphSnapshot, label: &str) -> usize {
        g.nodes
            .iter()
            .find(|n| n.label == label)
            .map(|n| n.id)
            .unwrap_or_else(|| panic!("no {label}"))
    }

    #[test]
    fn one_element_per_node_with_the_test_hooks() {
        let g = lesson_graph("x2");
        let lines: Vec<u32> = g.nodes.iter().map(|n| n.id as u32 % 3).collect();
        let scene = Scene::build(&g, &lines, &mut Layout::new());
        let m = &scene.nodes_markup(&g, Detail::Full);
        assert_eq!(
            m.matches(r#"data-testid="graph-node""#).count(),
            g.nodes.len()
        );
        assert!(m.starts_with(r#"<g class="nodes">"#) && m.ends_with("</g>"));
        assert_eq!(m.matches("<g ").count(), m.matches("</g>").count());
        assert_eq!(
            m.matches(r#"tabindex="0" role="button""#).count(),
            g.nodes.len()
        );
        let x2 = id_of(&g, "x2");
        assert!(m.contains(&format!(
            r#"<g class="node leaf" data-testid="graph-node" data-kind="tensor" data-label="x2" data-grad="" data-id="{x2}" tabindex="0" role="button" aria-label="x2  [2, 2] tensor([[1., 1.], [1., 1.]])" aria-roledescription="tensor node" aria-pressed="false""#
        )));
        assert!(m.contains(r#"data-kind="function" data-label="MeanBackward0""#));
        assert!(m.contains(r#"data-kind="accumulate" data-label="AccumulateGrad""#));
        // Functions carry no data-grad; a line of 0 (unknown) gives no data-line.
        assert_eq!(m.matches("data-grad=").count(), 3);
        assert_eq!(
            m.matches("data-line=").count(),
            lines.iter().filter(|&&l| l > 0).count()
        );
        assert!(m.contains(r#"class="value">tensor([[3., 3.], [3., 3.]])</text>"#));
        // One curve and one arrowhead per edge, in two paths.
        let edges = scene.edges_markup(&g);
        assert_eq!(edges.matches("<path").count(), 2);
        assert_eq!(
            edges.matches('C').count() + edges.matches('V').count(),
            g.edges.len()
        );
        assert_eq!(edges.matches('z').count(), g.edges.len());
        // Far away, the same nodes without their text.
        let boxes = scene.nodes_markup(&g, Detail::Boxes);
        assert_eq!(
            boxes.matches(r#"data-testid="graph-node""#).count(),
            g.nodes.len()
        );
        assert_eq!(boxes.matches("<rect").count(), g.nodes.len());
        assert!(!boxes.contains("<text"));
        assert_eq!(boxes.matches("<g").count(), 1, "the wrapper only");
        assert!(boxes.contains(r#"<rect class="node fn" data-testid="graph-node" data-kind="function" data-label="MeanBackward0""#));
    }

    #[test]
    fn labels_from_user_code_are_escaped() {
        let g = lesson_graph(r#"a"><script>x</script>&"#);
        let scene = Scene::build(&g, &[], &mut Layout::new());
        let m = &scene.nodes_markup(&g, Detail::Full);
        assert!(!m.contains("<script"));
        assert!(m.contains(r#"data-label="a&quot;&gt;&lt;script&gt;x&lt;/script&gt;&amp;""#));
        assert!(
            m.contains(r#"class="title">a"&gt;&lt;script&gt;x&lt;/script&gt;&amp;  [2, 2]</text>"#)
        );
    }

    #[test]
    fn states_follow_selection_hover_and_replay() {
        let g = lesson_graph("x2");
        let (x2, y) = (id_of(&g, "x2"), id_of(&g, "y"));
        let mut lines = vec![0; g.nodes.len()];
        lines[y] = 2;
        let base = node_states(&g, &lines, Focus::default());
        assert!(base.iter().all(|s| !s.selected && !s.active && !s.linked));
        assert_eq!(base[x2].grad.as_deref(), Some(""));
        let states = node_states(
            &g,
            &lines,
            Focus {
                trace: None,
                selected: Some(x2),
                hover_line: Some(2),
            },
        );
        assert!(states[x2].selected && !states[y].selected);
        assert!(states[y].linked && !states[x2].linked);
        assert_eq!(class_attr(&g.nodes[x2], &states[x2]), "node leaf selected");
        assert_eq!(class_attr(&g.nodes[y], &states[y]), "node result linked");
        let all = NodeState {
            selected: true,
            active: true,
            failed: true,
            linked: true,
            grad: None,
        };
        assert_eq!(
            class_attr(&g.nodes[y], &all),
            "node result selected active failed linked"
        );
    }

    #[test]
    fn the_replay_marks_active_nodes_edges_and_grads() {
        let x2 = Tensor::ones(&[2, 2], DType::Float32).unwrap();
        x2.set_requires_grad(true).unwrap();
        let out = x2.mul_scalar(3.0).unwrap().sum().unwrap();
        let (g, index) =
            GraphSnapshot::build(&[("x2".into(), x2.clone()), ("out".into(), out.clone())]);
        let (trace, result) = autograd::backward_traced(
            std::slice::from_ref(&out),
            &[None],
            None,
            false,
            Some(&index),
        );
        result.unwrap();
        let scene = Scene::build(&g, &[], &mut Layout::new());
        let x2_id = id_of(&g, "x2");
        // After the whole replay, the leaf shows its gradient.
        let done = node_states(
            &g,
            &[],
            Focus {
                trace: Some((&trace, trace.steps.len())),
                ..Focus::default()
            },
        );
        assert!(done[x2_id].grad.as_deref().is_some_and(|t| t.contains('3')));
        assert_eq!(
            aria_label(&scene.names[x2_id], &done[x2_id]),
            "x2  [2, 2] tensor([[1., 1.], [1., 1.]]) .grad = tensor([[3., 3.], [3., 3.]])"
        );
        // After the first step (SumBackward0), its node is active and its gradient goes along
        // the edge to MulBackward0.
        let first = Focus {
            trace: Some((&trace, 1)),
            ..Focus::default()
        };
        let states = node_states(&g, &[], first);
        let sum = id_of(&g, "SumBackward0");
        assert!(states[sum].active);
        let step = current_step(first.trace).unwrap();
        let edges = active_edges(&scene, &g, step);
        assert_eq!(edges.len(), 1);
        let (sum_at, mul_at) = (
            scene.position(sum).unwrap(),
            scene.position(id_of(&g, "MulBackward0")).unwrap(),
        );
        assert_eq!((edges[0].from, edges[0].to), (mul_at, sum_at));
        assert!(edges[0].grad.contains("1."));
        assert!(edge_path(edges[0].from, edges[0].to).starts_with('M'));
    }

    #[test]
    fn a_grown_graph_keeps_its_positions() {
        let mut layout = Layout::new();
        let small = lesson_graph("x2");
        let before = Scene::build(&small, &[], &mut layout);
        let again = Scene::build(&small, &[], &mut layout);
        assert_eq!(before, again);
        for (id, p) in before.positions.iter().enumerate() {
            assert!(p.is_some(), "node {id} placed");
        }
    }
}
