//! From a `GraphSnapshot` to what the graph view draws: data-flow edges, node text and styles.
//! Pure functions, unit-tested natively; `components/graph.rs` turns them into SVG.

use crate::playback::grad_at;
use autograd::{BackwardTrace, GraphSnapshot, SnapEdgeKind, SnapNode, SnapNodeKind};
use std::collections::HashMap;

/// Height of every node box, in SVG units.
pub const BOX_HEIGHT: f64 = 54.0;
const CHAR_WIDTH: f64 = 7.4;
const PADDING: f64 = 22.0;
const MAX_VALUE_CHARS: usize = 34;

/// The snapshot's edges point backward (output to inputs, as `next_functions` do); the picture
/// shows data flowing forward, so each edge is reversed: inputs above the ops that use them.
pub fn data_flow_edges(g: &GraphSnapshot) -> Vec<(usize, usize)> {
    g.edges.iter().map(|e| (e.to, e.from)).collect()
}

/// The cell line that created each node, from the line that bound each variable name: a tensor
/// takes its variable's line; the functions behind it (up to the next named tensor's `grad_fn`)
/// and a leaf's AccumulateGrad take the same line. Earlier lines win where paths meet.
pub fn node_lines_of(g: &GraphSnapshot, bound_at: &HashMap<&str, u32>) -> Vec<u32> {
    let mut lines = vec![0u32; g.nodes.len()];
    let mut owner: Vec<(u32, usize)> = g
        .nodes
        .iter()
        .filter(|n| n.kind == SnapNodeKind::Tensor)
        .filter_map(|n| bound_at.get(n.label.as_str()).map(|&l| (l, n.id)))
        .collect();
    owner.sort_unstable();
    // grad_fns of named tensors belong to those tensors: a walk stops there.
    let named_fns: Vec<usize> = owner
        .iter()
        .filter_map(|&(_, t)| grad_fn_of(g, t).map(|f| f.id))
        .collect();
    let mut seen = vec![false; g.nodes.len()];
    for (line, tensor) in owner {
        if tensor >= lines.len() {
            continue;
        }
        lines[tensor] = line;
        let mut stack: Vec<usize> = g
            .edges
            .iter()
            .filter(|e| e.from == tensor && e.kind == SnapEdgeKind::GradFn)
            .map(|e| e.to)
            .collect();
        let mut first = true;
        while let Some(id) = stack.pop() {
            if id >= lines.len() || seen[id] || (!first && named_fns.contains(&id)) {
                continue;
            }
            first = false;
            seen[id] = true;
            lines[id] = line;
            stack.extend(
                g.edges
                    .iter()
                    .filter(|e| e.from == id && e.kind == SnapEdgeKind::Next)
                    .map(|e| e.to),
            );
        }
    }
    // An AccumulateGrad belongs to its leaf.
    for e in g.edges.iter().filter(|e| e.kind == SnapEdgeKind::Variable) {
        if let (Some(&leaf_line), true) = (lines.get(e.to), e.from < lines.len()) {
            lines[e.from] = leaf_line;
        }
    }
    lines
}

/// The style class of a node: how it takes part in autograd.
pub fn node_class(n: &SnapNode) -> &'static str {
    match (n.kind, &n.tensor) {
        (SnapNodeKind::Function, _) => "fn",
        (SnapNodeKind::Accumulate, _) => "acc",
        (SnapNodeKind::Tensor, Some(t)) if t.requires_grad && t.is_leaf => "leaf",
        (SnapNodeKind::Tensor, Some(t)) if t.requires_grad => "result",
        // Constants, detached tensors and results made under no_grad: outside the tracked graph.
        _ => "untracked",
    }
}

pub fn kind_attr(n: &SnapNode) -> &'static str {
    match n.kind {
        SnapNodeKind::Tensor => "tensor",
        SnapNodeKind::Function => "function",
        SnapNodeKind::Accumulate => "accumulate",
    }
}

/// The lines of text inside a node: its name, then for tensors the shape and a value preview
/// (small tensors in full, large ones summarised by the printer's own `...`).
pub fn node_lines(n: &SnapNode) -> Vec<String> {
    match &n.tensor {
        None => vec![n.label.clone()],
        Some(t) => {
            let title = if n.label.is_empty() {
                "tensor".to_string()
            } else {
                n.label.clone()
            };
            let shape = format!("{:?}", t.shape);
            let value = one_line(&without_autograd_suffix(&t.value.text));
            vec![
                format!("{title}  {shape}"),
                shorten(&value, MAX_VALUE_CHARS),
            ]
        }
    }
}

pub fn node_width(n: &SnapNode) -> f64 {
    lines_width(&node_lines(n))
}

/// The width of a box holding `lines` (from `node_lines`).
pub fn lines_width(lines: &[String]) -> f64 {
    let chars = lines.iter().map(|l| l.chars().count()).max().unwrap_or(4);
    (chars as f64 * CHAR_WIDTH + PADDING).max(60.0)
}

/// The printed `.grad` of a tensor node at the current replay position ("" when None): what
/// `data-grad` holds once the replay has shown it.
pub fn grad_text(n: &SnapNode, trace: Option<(&BackwardTrace, usize)>) -> String {
    let from_snapshot = || {
        n.tensor
            .as_ref()
            .and_then(|t| t.grad.as_ref())
            .map(|g| g.text.clone())
    };
    let text = match trace.and_then(|(t, pos)| grad_at(t, pos, n.id)) {
        Some(shown) => shown.map(|g| g.text.clone()),
        None => from_snapshot(),
    };
    text.unwrap_or_default()
}

/// The node a tensor's `grad_fn` edge points to, and a function's `next_functions`.
pub fn grad_fn_of(g: &GraphSnapshot, tensor: usize) -> Option<&SnapNode> {
    g.edges
        .iter()
        .find(|e| e.from == tensor && e.kind == SnapEdgeKind::GradFn)
        .and_then(|e| g.nodes.get(e.to))
}

/// A function's `next_functions`, `None` entries included: (class name, input_nr) by position.
pub fn next_functions(g: &GraphSnapshot, function: usize) -> Vec<Option<(String, usize)>> {
    let count = g.nodes.get(function).map_or(0, |n| n.next_count);
    let mut next = vec![None; count];
    for e in g
        .edges
        .iter()
        .filter(|e| e.from == function && e.kind == SnapEdgeKind::Next)
    {
        if e.edge_index >= next.len() {
            next.resize(e.edge_index + 1, None);
        }
        let name = g.nodes.get(e.to).map_or("None".into(), |n| n.label.clone());
        next[e.edge_index] = Some((name, e.input_nr));
    }
    next
}

/// `next_functions` as Python prints the tuple, each function named by its class:
/// `((<AccumulateGrad>, 0), (None, 0))`, `((<MulBackward0>, 0),)`, `()`.
pub fn next_functions_text(g: &GraphSnapshot, function: usize) -> String {
    let items: Vec<String> = next_functions(g, function)
        .into_iter()
        .map(|entry| match entry {
            Some((name, nr)) => format!("(<{name}>, {nr})"),
            None => "(None, 0)".into(),
        })
        .collect();
    match items.as_slice() {
        [one] => format!("({one},)"),
        _ => format!("({})", items.join(", ")),
    }
}

/// The printed value without `, requires_grad=True` / `, grad_fn=<...>`: the box shows those
/// facts by its style and edges.
fn without_autograd_suffix(text: &str) -> std::borrow::Cow<'_, str> {
    match [", grad_fn=", ", requires_grad="]
        .iter()
        .filter_map(|s| text.find(s))
        .min()
    {
        Some(cut) => format!("{})", &text[..cut]).into(),
        None => text.into(),
    }
}

/// A printed tensor on one line, cut at 40 characters: gradients beside nodes and edges.
pub fn short(text: &str) -> String {
    shorten(&one_line(text), 40)
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use autograd::{DType, Tensor};

    /// The lesson's graph, built by autograd itself.
    fn lesson_graph() -> GraphSnapshot {
        let x2 = Tensor::ones(&[2, 2], DType::Float32).unwrap();
        x2.set_requires_grad(true).unwrap();
        let y = x2.add_scalar(2.0).unwrap();
        let z = y.mul(&y).unwrap().mul_scalar(3.0).unwrap();
        let out = z.mean().unwrap();
        let c = Tensor::ones(&[3], DType::Float32).unwrap();
        GraphSnapshot::build(&[
            ("x2".into(), x2),
            ("y".into(), y),
            ("z".into(), z),
            ("out".into(), out),
            ("c".into(), c),
        ])
        .0
    }

    fn by_label<'g>(g: &'g GraphSnapshot, label: &str) -> &'g SnapNode {
        g.nodes
            .iter()
            .find(|n| n.label == label)
            .unwrap_or_else(|| panic!("no {label}"))
    }

    #[test]
    fn data_flows_from_the_leaf_to_the_output() {
        let g = lesson_graph();
        let mut layout = crate::layout::Layout::new();
        let boxes: Vec<_> = g
            .nodes
            .iter()
            .map(|n| crate::layout::NodeBox {
                key: n.id,
                width: node_width(n),
            })
            .collect();
        layout.update(&boxes, &data_flow_edges(&g));
        let y_of = |label: &str| layout.position(&by_label(&g, label).id).unwrap().y;
        assert!(y_of("x2") < y_of("AddBackward0"));
        assert!(y_of("AddBackward0") < y_of("y"));
        assert!(y_of("y") < y_of("MeanBackward0"));
        assert!(y_of("MeanBackward0") < y_of("out"));
    }

    #[test]
    fn styles_tell_leaves_results_and_constants_apart() {
        let g = lesson_graph();
        assert_eq!(node_class(by_label(&g, "x2")), "leaf");
        assert_eq!(node_class(by_label(&g, "y")), "result");
        assert_eq!(node_class(by_label(&g, "c")), "untracked");
        assert_eq!(node_class(by_label(&g, "MulBackward0")), "fn");
        assert_eq!(node_class(by_label(&g, "AccumulateGrad")), "acc");
    }

    #[test]
    fn node_text_and_relations() {
        let g = lesson_graph();
        let y = by_label(&g, "y");
        assert_eq!(
            node_lines(y),
            vec![
                "y  [2, 2]".to_string(),
                "tensor([[3., 3.], [3., 3.]])".to_string()
            ]
        );
        assert_eq!(
            grad_fn_of(&g, y.id).map(|n| n.label.as_str()),
            Some("AddBackward0")
        );
        // As PyTorch prints them: `y = x2 + 2` has no function for the constant 2.
        let add = by_label(&g, "AddBackward0");
        assert_eq!(
            next_functions(&g, add.id),
            vec![Some(("AccumulateGrad".to_string(), 0)), None]
        );
        assert_eq!(
            next_functions_text(&g, add.id),
            "((<AccumulateGrad>, 0), (None, 0))"
        );
        let mean = by_label(&g, "MeanBackward0");
        assert_eq!(next_functions_text(&g, mean.id), "((<MulBackward0>, 0),)");
        let acc = by_label(&g, "AccumulateGrad");
        assert_eq!(next_functions_text(&g, acc.id), "()");
        assert_eq!(grad_text(by_label(&g, "x2"), None), "");
    }
}
