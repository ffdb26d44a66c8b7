//! `GraphSnapshot`: the autograd graph reachable from named tensors, with dense ids in
//! traversal order (no global counters), for drawing.

use crate::autograd::node::{BackwardFn, Node};
use crate::autograd::trace::TensorPreview;
use crate::tensor::{Tensor, TensorImpl};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

/// What a snapshot node is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum SnapNodeKind {
    /// A tensor (a variable of the program, or a leaf reached through `AccumulateGrad`).
    Tensor,
    /// A backward function (`MulBackward0`).
    Function,
    /// An `AccumulateGrad` node.
    Accumulate,
}

/// Tensor details of a snapshot node.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SnapTensor {
    /// Shape.
    pub shape: Vec<usize>,
    /// dtype name (`torch.float32`).
    pub dtype: String,
    /// `requires_grad`.
    pub requires_grad: bool,
    /// `is_leaf`.
    pub is_leaf: bool,
    /// `retains_grad`.
    pub retains_grad: bool,
    /// The value.
    pub value: TensorPreview,
    /// `.grad`, if any.
    pub grad: Option<TensorPreview>,
}

/// How many elements a saved tensor may have for a snapshot to print its value: enough for
/// the small tensors of a worked example.
pub const SAVED_VALUE_LIMIT: usize = 16;

/// A tensor saved by a function node.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SnapSaved {
    /// PyTorch's attribute name without `_saved_` (`self`, `other`, `result`).
    pub name: String,
    /// Shape.
    pub shape: Vec<usize>,
    /// dtype name.
    pub dtype: String,
    /// The value as PyTorch prints it (without autograd's suffix), for tensors of at most
    /// [`SAVED_VALUE_LIMIT`] elements that backward has not freed yet.
    pub value: Option<String>,
}

/// One node of the snapshot.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SnapNode {
    /// Dense id (index into `nodes`).
    pub id: usize,
    /// Kind.
    pub kind: SnapNodeKind,
    /// Variable name for tensors (caller-supplied, may be empty), PyTorch class name for
    /// functions (`AddBackward0`, `AccumulateGrad`).
    pub label: String,
    /// Tensor details (tensor nodes only).
    pub tensor: Option<SnapTensor>,
    /// Saved tensors (function nodes only).
    pub saved: Vec<SnapSaved>,
    /// `len(next_functions)` (function nodes only), `None` entries included: only the others
    /// have a `Next` edge, so without it `(None, 0)` entries could not be shown.
    pub next_count: usize,
}

/// What an edge means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum SnapEdgeKind {
    /// tensor → its `grad_fn`.
    GradFn,
    /// function → entry of its `next_functions`.
    Next,
    /// `AccumulateGrad` → its leaf tensor.
    Variable,
}

/// A directed edge in gradient-flow direction.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SnapEdge {
    /// Source id.
    pub from: usize,
    /// Target id.
    pub to: usize,
    /// `input_nr` of a `Next` edge (the output index for `GradFn` edges, 0 otherwise).
    pub input_nr: usize,
    /// Position in `next_functions` for `Next` edges.
    pub edge_index: usize,
    /// Meaning.
    pub kind: SnapEdgeKind,
}

/// The graph reachable from a set of named tensors.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct GraphSnapshot {
    /// Nodes; `nodes[i].id == i`.
    pub nodes: Vec<SnapNode>,
    /// Edges.
    pub edges: Vec<SnapEdge>,
}

/// Maps live nodes and tensors to the ids of one snapshot (pass to
/// [`crate::backward_traced`] so trace steps refer to snapshot ids).
#[derive(Default)]
pub struct SnapshotIndex {
    nodes: HashMap<usize, (Weak<Node>, usize)>,
    tensors: HashMap<usize, (Weak<TensorImpl>, usize)>,
}

impl SnapshotIndex {
    /// Same as [`GraphSnapshot::build`]: the snapshot and its index.
    pub fn build(tensors: &[(String, Tensor)]) -> (GraphSnapshot, SnapshotIndex) {
        GraphSnapshot::build(tensors)
    }

    /// The snapshot id of a function node.
    pub fn node_id(&self, n: &Rc<Node>) -> Option<usize> {
        self.nodes.get(&(Rc::as_ptr(n) as usize)).map(|(_, id)| *id)
    }
    /// The snapshot id of a tensor.
    pub fn tensor_id(&self, t: &Tensor) -> Option<usize> {
        self.tensors
            .get(&(Rc::as_ptr(&t.0) as usize))
            .map(|(_, id)| *id)
    }
}

struct Builder {
    snap: GraphSnapshot,
    index: SnapshotIndex,
    labels: HashMap<usize, String>,
}

impl Builder {
    fn tensor(&mut self, t: &Tensor) -> usize {
        let k = Rc::as_ptr(&t.0) as usize;
        if let Some((_, id)) = self.index.tensors.get(&k) {
            return *id;
        }
        let id = self.snap.nodes.len();
        self.index.tensors.insert(k, (Rc::downgrade(&t.0), id));
        self.snap.nodes.push(SnapNode {
            id,
            kind: SnapNodeKind::Tensor,
            label: self.labels.get(&k).cloned().unwrap_or_default(),
            tensor: Some(SnapTensor {
                shape: t.size(),
                dtype: t.dtype().name().to_string(),
                requires_grad: t.requires_grad(),
                is_leaf: t.is_leaf(),
                retains_grad: t.retains_grad(),
                value: TensorPreview::of(t),
                grad: t.grad().as_ref().map(TensorPreview::of),
            }),
            saved: Vec::new(),
            next_count: 0,
        });
        id
    }

    /// Adds `n` if new; returns (id, was_new).
    fn function(&mut self, n: &Rc<Node>) -> (usize, bool) {
        let k = Rc::as_ptr(n) as usize;
        if let Some((_, id)) = self.index.nodes.get(&k) {
            return (*id, false);
        }
        let id = self.snap.nodes.len();
        self.index.nodes.insert(k, (Rc::downgrade(n), id));
        let is_acc = matches!(n.op, BackwardFn::AccumulateGrad { .. });
        self.snap.nodes.push(SnapNode {
            id,
            kind: if is_acc {
                SnapNodeKind::Accumulate
            } else {
                SnapNodeKind::Function
            },
            label: n.name().to_string(),
            tensor: None,
            saved: n.saved_snapshot(),
            next_count: n.next_edges.len(),
        });
        (id, true)
    }

    fn walk(&mut self, root: &Rc<Node>) {
        let (rid, new) = self.function(root);
        if !new {
            return;
        }
        let mut stack: Vec<(Rc<Node>, usize)> = vec![(root.clone(), rid)];
        while let Some((n, id)) = stack.pop() {
            if let Some(v) = n.variable() {
                let tid = self.tensor(&v);
                self.snap.edges.push(SnapEdge {
                    from: id,
                    to: tid,
                    input_nr: 0,
                    edge_index: 0,
                    kind: SnapEdgeKind::Variable,
                });
            }
            let mut pending = Vec::new();
            for (i, e) in n.next_edges.iter().enumerate() {
                if let Some(e) = e {
                    let (cid, new) = self.function(&e.node);
                    self.snap.edges.push(SnapEdge {
                        from: id,
                        to: cid,
                        input_nr: e.input_nr,
                        edge_index: i,
                        kind: SnapEdgeKind::Next,
                    });
                    if new {
                        pending.push((e.node.clone(), cid));
                    }
                }
            }
            // visit children in order
            stack.extend(pending.into_iter().rev());
        }
    }
}

impl GraphSnapshot {
    /// Snapshots the graph reachable from `tensors` (label, tensor), in order.
    pub fn build(tensors: &[(String, Tensor)]) -> (GraphSnapshot, SnapshotIndex) {
        let mut b = Builder {
            snap: GraphSnapshot::default(),
            index: SnapshotIndex::default(),
            labels: HashMap::new(),
        };
        for (label, t) in tensors {
            b.labels
                .entry(Rc::as_ptr(&t.0) as usize)
                .or_insert_with(|| label.clone());
        }
        for (_, t) in tensors {
            let tid = b.tensor(t);
            if let Some(n) = t.grad_fn() {
                b.walk(&n);
                if let Some(fid) = b.index.node_id(&n) {
                    let edge = SnapEdge {
                        from: tid,
                        to: fid,
                        input_nr: t.output_nr(),
                        edge_index: 0,
                        kind: SnapEdgeKind::GradFn,
                    };
                    if !b.snap.edges.contains(&edge) {
                        b.snap.edges.push(edge);
                    }
                }
            } else if t.requires_grad() {
                // a leaf: show its AccumulateGrad only if some graph already uses it
                if let Some(acc) = t.meta().grad_accumulator.upgrade() {
                    let _ = acc;
                }
            }
        }
        (b.snap, b.index)
    }
}
