//! Layered layout of the computation graph, computed in Rust.
//!
//! Data flows top to bottom: a node's layer is the longest path to it from a source, so inputs
//! sit above the ops that use them. Within a layer a new node goes to the barycentre of its
//! predecessors and is nudged sideways until it overlaps nothing. Nodes that were already placed
//! keep their positions when the graph grows (the lesson adds a few nodes per statement, and a
//! jumping picture would lose the learner), so `Layout::update` takes the previous layout.
//!
//! This is deliberately small (measured alternatives are in `design.md`); everything outside only
//! sees `Layout::update` and `Layout::position`, so it can be swapped.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Maps keyed by layout keys (node ids): std's SipHash guards against keys crafted to collide,
/// which these are not, and in the wasm build hashing cost more than placing the nodes.
type KeyMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// rustc's FxHash: one rotate, xor and multiply per word.
#[derive(Clone, Copy, Default)]
struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Vertical distance between layers, in SVG user units.
pub const LAYER_GAP: f64 = 90.0;
/// Minimum horizontal gap between two boxes in one layer.
pub const NODE_GAP: f64 = 24.0;

/// What the layout needs to know about one node: a key that stays the same across snapshots
/// of a growing graph, and its box width.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeBox<K> {
    pub key: K,
    pub width: f64,
}

/// Centre of a node's box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

#[derive(Clone, Debug, Default)]
pub struct Layout<K> {
    placed: KeyMap<K, Placed>,
}

#[derive(Clone, Copy, Debug)]
struct Placed {
    layer: usize,
    x: f64,
    width: f64,
}

impl<K: Clone + Eq + std::hash::Hash> Layout<K> {
    pub fn new() -> Self {
        Self {
            placed: KeyMap::default(),
        }
    }

    /// Places the nodes of a graph given as boxes plus edges `(from, to)` in data-flow direction
    /// (indices into `nodes`). Keys already placed keep their position; keys no longer present are
    /// forgotten. Edges that would close a cycle are ignored (a computation graph has none).
    pub fn update(&mut self, nodes: &[NodeBox<K>], edges: &[(usize, usize)]) {
        let layers = longest_path_layers(nodes.len(), edges);
        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
        for &(from, to) in edges {
            if from < nodes.len() && to < nodes.len() && layers[from] < layers[to] {
                preds[to].push(from);
            }
        }
        // Nodes that are gone, or now belong in another layer, are placed afresh; the others
        // keep their x and take their new width.
        let mut keep: KeyMap<&K, (usize, f64)> = KeyMap::default();
        for (node, &layer) in nodes.iter().zip(&layers) {
            keep.insert(&node.key, (layer, node.width));
        }
        self.placed.retain(|k, p| match keep.get(k) {
            Some(&(layer, width)) if layer == p.layer => {
                p.width = width;
                true
            }
            _ => false,
        });
        // What each layer holds, as (x, width): placing a node looks at its layer only, so a
        // 500-layer chain does not scan every placed node for each new one.
        let mut rows: Vec<Vec<(f64, f64)>> =
            vec![Vec::new(); layers.iter().max().map_or(0, |&m| m + 1)];
        for p in self.placed.values() {
            if let Some(row) = rows.get_mut(p.layer) {
                row.push((p.x, p.width));
            }
        }

        // Visit by layer so a node's predecessors are placed before it.
        let mut order: Vec<usize> = (0..nodes.len()).collect();
        order.sort_unstable_by_key(|&i| (layers[i], i));
        for i in order {
            let node = &nodes[i];
            let (layer, Some(row)) = (layers[i], rows.get_mut(layers[i])) else {
                continue;
            };
            if self.placed.contains_key(&node.key) {
                continue;
            }
            let xs: Vec<f64> = preds[i]
                .iter()
                .filter_map(|&p| self.placed.get(&nodes[p].key).map(|q| q.x))
                .collect();
            let wanted = if xs.is_empty() {
                right_edge(row).map_or(0.0, |r| r + NODE_GAP + node.width / 2.0)
            } else {
                xs.iter().sum::<f64>() / xs.len() as f64
            };
            let x = free_spot(row, wanted, node.width);
            row.push((x, node.width));
            self.placed.insert(
                node.key.clone(),
                Placed {
                    layer,
                    x,
                    width: node.width,
                },
            );
        }
    }

    pub fn position(&self, key: &K) -> Option<Point> {
        self.placed.get(key).map(|p| Point {
            x: p.x,
            y: p.layer as f64 * LAYER_GAP,
        })
    }

    /// (min x, min y, max x, max y) over all boxes, for the SVG viewBox and "fit".
    pub fn bounds(&self, box_height: f64) -> (f64, f64, f64, f64) {
        let mut b = (
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        );
        for p in self.placed.values() {
            let y = p.layer as f64 * LAYER_GAP;
            b.0 = b.0.min(p.x - p.width / 2.0);
            b.1 = b.1.min(y - box_height / 2.0);
            b.2 = b.2.max(p.x + p.width / 2.0);
            b.3 = b.3.max(y + box_height / 2.0);
        }
        if self.placed.is_empty() {
            (0.0, 0.0, 0.0, 0.0)
        } else {
            b
        }
    }
}

/// The right end of the boxes in a layer's row of (x, width).
fn right_edge(row: &[(f64, f64)]) -> Option<f64> {
    row.iter()
        .map(|&(x, width)| x + width / 2.0)
        .reduce(f64::max)
}

/// The x nearest to `wanted` where a box of `width` overlaps nothing in `row`: the occupied
/// spans (padded by the gap) are merged, and the nearest free stretch wins.
fn free_spot(row: &[(f64, f64)], wanted: f64, width: f64) -> f64 {
    let half = width / 2.0;
    let mut spans: Vec<(f64, f64)> = row
        .iter()
        .map(|&(x, w)| (x - w / 2.0 - NODE_GAP - half, x + w / 2.0 + NODE_GAP + half))
        .collect();
    spans.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
    // In the merged spans, a centre x is forbidden strictly inside (l, r).
    let mut merged: Vec<(f64, f64)> = Vec::with_capacity(spans.len());
    for (l, r) in spans {
        match merged.last_mut() {
            Some(last) if l < last.1 => last.1 = last.1.max(r),
            _ => merged.push((l, r)),
        }
    }
    match merged.iter().find(|&&(l, r)| wanted > l && wanted < r) {
        None => wanted,
        Some(&(l, r)) => {
            if wanted - l <= r - wanted {
                l
            } else {
                r
            }
        }
    }
}

/// Layer of each node: 0 for sources, else 1 + the deepest predecessor. Kahn's algorithm, so
/// a 10,000-node chain needs no recursion; nodes on a cycle (never in a real graph) get layer 0.
fn longest_path_layers(n: usize, edges: &[(usize, usize)]) -> Vec<usize> {
    let mut indegree = vec![0usize; n];
    let mut succs: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(from, to) in edges {
        if from < n && to < n && from != to {
            succs[from].push(to);
            indegree[to] += 1;
        }
    }
    let mut layer = vec![0usize; n];
    let mut ready: Vec<usize> = (0..n).filter(|&i| indegree[i] == 0).collect();
    while let Some(i) = ready.pop() {
        for &s in &succs[i] {
            layer[s] = layer[s].max(layer[i] + 1);
            indegree[s] -= 1;
            if indegree[s] == 0 {
                ready.push(s);
            }
        }
    }
    layer
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boxes(keys: &[&'static str]) -> Vec<NodeBox<&'static str>> {
        keys.iter()
            .map(|&key| NodeBox { key, width: 80.0 })
            .collect()
    }

    fn overlap(l: &Layout<&str>, a: &str, b: &str) -> bool {
        let (pa, pb) = (l.position(&a).unwrap(), l.position(&b).unwrap());
        pa.y == pb.y && (pa.x - pb.x).abs() < 80.0 + NODE_GAP
    }

    #[test]
    fn layers_follow_data_flow() {
        // x2 -> Add -> y -> Mul -> z, y -> Mul (twice: y * y)
        let nodes = boxes(&["x2", "add", "y", "mul", "z"]);
        let mut l = Layout::new();
        l.update(&nodes, &[(0, 1), (1, 2), (2, 3), (2, 3), (3, 4)]);
        let ys: Vec<f64> = ["x2", "add", "y", "mul", "z"]
            .iter()
            .map(|k| l.position(k).unwrap().y)
            .collect();
        assert_eq!(
            ys,
            vec![
                0.0,
                LAYER_GAP,
                2.0 * LAYER_GAP,
                3.0 * LAYER_GAP,
                4.0 * LAYER_GAP
            ]
        );
    }

    #[test]
    fn node_sits_below_the_middle_of_its_inputs() {
        let nodes = boxes(&["a", "b", "add"]);
        let mut l = Layout::new();
        l.update(&nodes, &[(0, 2), (1, 2)]);
        let (a, b, add) = (
            l.position(&"a").unwrap(),
            l.position(&"b").unwrap(),
            l.position(&"add").unwrap(),
        );
        assert!(!overlap(&l, "a", "b"));
        assert_eq!(add.x, (a.x + b.x) / 2.0);
    }

    #[test]
    fn existing_nodes_do_not_move_when_the_graph_grows() {
        let mut l = Layout::new();
        let small = boxes(&["a", "b", "add"]);
        l.update(&small, &[(0, 2), (1, 2)]);
        let before: Vec<Point> = ["a", "b", "add"]
            .iter()
            .map(|k| l.position(k).unwrap())
            .collect();
        let big = boxes(&["a", "b", "add", "c", "mul", "sum"]);
        l.update(&big, &[(0, 2), (1, 2), (2, 4), (3, 4), (4, 5), (0, 4)]);
        let after: Vec<Point> = ["a", "b", "add"]
            .iter()
            .map(|k| l.position(k).unwrap())
            .collect();
        assert_eq!(before, after);
        for (p, q) in [("a", "b"), ("a", "c"), ("b", "c")] {
            assert!(!overlap(&l, p, q), "{p} overlaps {q}");
        }
    }

    #[test]
    fn a_node_that_changes_layer_is_placed_again() {
        let mut l = Layout::new();
        l.update(&boxes(&["a", "b", "c"]), &[(0, 2)]);
        let a = l.position(&"a").unwrap();
        // b now uses c, so it moves below c; the others stay.
        l.update(&boxes(&["a", "b", "c"]), &[(0, 2), (2, 1)]);
        let (b, c) = (l.position(&"b").unwrap(), l.position(&"c").unwrap());
        assert_eq!(l.position(&"a").unwrap(), a);
        assert_eq!((b.x, b.y), (c.x, 2.0 * LAYER_GAP));
    }

    #[test]
    fn removed_nodes_are_forgotten() {
        let mut l = Layout::new();
        l.update(&boxes(&["a", "b"]), &[(0, 1)]);
        l.update(&boxes(&["a"]), &[]);
        assert!(l.position(&"b").is_none());
        assert!(l.position(&"a").is_some());
    }

    #[test]
    fn a_long_chain_and_cycles_do_not_break_it() {
        let n = 10_000;
        let nodes: Vec<NodeBox<usize>> = (0..n).map(|key| NodeBox { key, width: 60.0 }).collect();
        let edges: Vec<(usize, usize)> = (1..n).map(|i| (i - 1, i)).collect();
        let mut l = Layout::new();
        l.update(&nodes, &edges);
        assert_eq!(l.position(&(n - 1)).unwrap().y, (n - 1) as f64 * LAYER_GAP);
        // A cycle and an out-of-range edge must not panic.
        let mut l = Layout::new();
        l.update(&nodes[..3], &[(0, 1), (1, 2), (2, 0), (7, 1)]);
        assert!(l.position(&2).is_some());
    }
}
