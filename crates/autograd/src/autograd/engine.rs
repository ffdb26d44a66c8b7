//! The backward engine, like PyTorch's: dependency counting, a ready queue ordered by sequence
//! number, summed incoming gradients, broadcast gradients reduced to each input's shape, and
//! `AccumulateGrad` into leaves. Iterative throughout.

use super::grad_mode::{is_grad_enabled, GradModeGuard};
use super::node::{BackwardFn, Edge, Node};
use super::trace::{BackwardTrace, EdgeGrad, LeafUpdate, TensorPreview, TraceStep};
use crate::error::{Result, TorchError};
use crate::snapshot::SnapshotIndex;
use crate::tensor::Tensor;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::rc::Rc;

fn key(n: &Rc<Node>) -> usize {
    Rc::as_ptr(n) as usize
}

fn size_str(shape: &[usize]) -> String {
    format!("torch.Size({})", crate::tensor::fmt_list(shape))
}

/// Builds the root edges and initial gradients, with PyTorch's checks.
fn make_roots(outputs: &[Tensor], grads: &[Option<Tensor>]) -> Result<Vec<(Edge, Tensor)>> {
    let mut roots = Vec::with_capacity(outputs.len());
    for (i, out) in outputs.iter().enumerate() {
        let given = grads.get(i).cloned().flatten();
        let g = match given {
            Some(g) => {
                if g.shape() != out.shape() {
                    return Err(TorchError::runtime(format!(
                        "Mismatch in shape: grad_output[{i}] has a shape of {} and output[{i}] has a shape of {}.",
                        size_str(g.shape()),
                        size_str(out.shape())
                    )));
                }
                Some(g)
            }
            None => {
                if out.requires_grad() {
                    if out.numel() != 1 {
                        return Err(TorchError::runtime(
                            "grad can be implicitly created only for scalar outputs",
                        ));
                    }
                    Some(out.ones_like()?)
                } else {
                    None
                }
            }
        };
        let edge = out.gradient_edge().ok_or_else(|| {
            TorchError::runtime(format!(
                "element {i} of tensors does not require grad and does not have a grad_fn"
            ))
        })?;
        if let Some(g) = g {
            roots.push((edge, g));
        }
    }
    Ok(roots)
}

/// `torch.autograd.backward(tensors, grad_tensors, retain_graph, create_graph)`.
pub fn backward(
    tensors: &[Tensor],
    grad_tensors: &[Option<Tensor>],
    retain_graph: Option<bool>,
    create_graph: bool,
) -> Result<()> {
    let roots = make_roots(tensors, grad_tensors)?;
    run(
        roots,
        retain_graph.unwrap_or(create_graph),
        create_graph,
        None,
        None,
    )?;
    Ok(())
}

/// Like [`backward`], also returning a [`BackwardTrace`]; node ids refer to `index`. The trace
/// is returned whether or not the pass succeeds: when a node fails (say, its saved tensors were
/// freed by an earlier backward), its step is the last one and carries the error.
pub fn backward_traced(
    tensors: &[Tensor],
    grad_tensors: &[Option<Tensor>],
    retain_graph: Option<bool>,
    create_graph: bool,
    index: Option<&SnapshotIndex>,
) -> (BackwardTrace, Result<()>) {
    let mut trace = BackwardTrace::default();
    let result = make_roots(tensors, grad_tensors).and_then(|roots| {
        run(
            roots,
            retain_graph.unwrap_or(create_graph),
            create_graph,
            None,
            Some((&mut trace, index)),
        )
    });
    (trace, result.map(|_| ()))
}

/// `torch.autograd.backward(tensors, grad_tensors, retain_graph, create_graph, inputs=...)`:
/// gradients are accumulated only into the `.grad` of `inputs` (leaves or not).
pub fn backward_with_inputs(
    tensors: &[Tensor],
    grad_tensors: &[Option<Tensor>],
    retain_graph: Option<bool>,
    create_graph: bool,
    inputs: &[Tensor],
) -> Result<()> {
    if inputs.is_empty() {
        return Err(TorchError::runtime(
            "`inputs` argument to `backward()` cannot be empty.",
        ));
    }
    let roots = make_roots(tensors, grad_tensors)?;
    let captures = capture_edges(inputs)?;
    let res = run(
        roots,
        retain_graph.unwrap_or(create_graph),
        create_graph,
        Some(captures),
        None,
    )?;
    let _mode = GradModeGuard::new(create_graph);
    for (t, g) in inputs.iter().zip(res) {
        if let Some(g) = g {
            accumulate(t, &g)?;
        }
    }
    Ok(())
}

/// The edges whose gradients `grad` returns and `backward(inputs=...)` accumulates.
fn capture_edges(inputs: &[Tensor]) -> Result<Vec<Edge>> {
    inputs
        .iter()
        .map(|t| {
            t.gradient_edge().ok_or_else(|| {
                TorchError::runtime("One of the differentiated Tensors does not require grad")
            })
        })
        .collect()
}

/// `torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph, create_graph, allow_unused)`.
pub fn grad(
    outputs: &[Tensor],
    inputs: &[Tensor],
    grad_outputs: &[Option<Tensor>],
    retain_graph: Option<bool>,
    create_graph: bool,
    allow_unused: bool,
) -> Result<Vec<Option<Tensor>>> {
    let roots = make_roots(outputs, grad_outputs)?;
    let captures = capture_edges(inputs)?;
    let res = run(
        roots,
        retain_graph.unwrap_or(create_graph),
        create_graph,
        Some(captures),
        None,
    )?;
    if !allow_unused {
        if let Some(i) = res.iter().position(|g| g.is_none()) {
            return Err(TorchError::runtime(format!(
                "The differentiated Tensor at index {i} appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior."
            )));
        }
    }
    Ok(res)
}

impl Tensor {
    /// `x.backward(gradient=None, retain_graph=None, create_graph=False)`.
    pub fn backward(
        &self,
        gradient: Option<&Tensor>,
        retain_graph: Option<bool>,
        create_graph: bool,
    ) -> Result<()> {
        backward(
            std::slice::from_ref(self),
            &[gradient.cloned()],
            retain_graph,
            create_graph,
        )
    }
}

/// Whether `shape` can be broadcast to `target`.
fn expandable(shape: &[usize], target: &[usize]) -> bool {
    if shape.len() > target.len() {
        return false;
    }
    let lead = target.len() - shape.len();
    shape
        .iter()
        .enumerate()
        .all(|(i, &d)| d == target[lead + i] || d == 1)
}

/// Input buffer of one node: one summed gradient per forward output.
type Buffer = Vec<Option<Tensor>>;

fn add_grad(
    buf: &mut HashMap<usize, Buffer>,
    node: &Node,
    k: usize,
    input_nr: usize,
    g: Tensor,
) -> Result<()> {
    let slots = buf
        .entry(k)
        .or_insert_with(|| vec![None; node.num_outputs()]);
    if input_nr >= slots.len() {
        slots.resize(input_nr + 1, None);
    }
    slots[input_nr] = Some(match slots[input_nr].take() {
        Some(old) => old.add(&g)?,
        None => g,
    });
    Ok(())
}

fn run_hooks(node: &Rc<Node>, grads: &mut Buffer) -> Result<()> {
    let hooks: Vec<(usize, crate::autograd::node::Hook)> = match &node.op {
        BackwardFn::AccumulateGrad { variable } => {
            variable.leaf_hooks().into_iter().map(|h| (0, h)).collect()
        }
        _ => node
            .pre_hooks
            .borrow()
            .iter()
            .map(|(_, nr, h)| (*nr, h.clone()))
            .collect(),
    };
    for (nr, h) in hooks {
        let replacement = match grads.get(nr) {
            Some(Some(g)) => h(g)?,
            _ => None,
        };
        if let Some(new) = replacement {
            grads[nr] = Some(new);
        }
    }
    let retained: Vec<(usize, std::rc::Weak<crate::tensor::TensorImpl>)> =
        node.retain_grad.borrow().clone();
    for (nr, weak) in retained {
        let (Some(imp), Some(Some(g))) = (weak.upgrade(), grads.get(nr)) else {
            continue;
        };
        let t = Tensor(imp);
        let new = match t.grad() {
            None => {
                if is_grad_enabled() {
                    g.clone_tensor()?
                } else {
                    Tensor::new_raw(g.to_vec(), g.size(), g.dtype())
                }
            }
            Some(old) => old.add(g)?,
        };
        t.0.meta.borrow_mut().grad = Some(new);
    }
    Ok(())
}

fn accumulate(variable: &Tensor, g: &Tensor) -> Result<()> {
    let new = match variable.grad() {
        None => {
            let copy = Tensor::new_raw(g.to_vec(), g.size(), g.dtype());
            if is_grad_enabled() {
                let dst = Tensor::new_raw(vec![], vec![0], g.dtype());
                Tensor::record(copy, &[&dst, g], |_| BackwardFn::Copy)
            } else {
                copy
            }
        }
        Some(old) => {
            if is_grad_enabled() {
                old.add(g)?
            } else {
                let dt = old.dtype();
                let vals: Vec<f64> = old
                    .to_vec()
                    .into_iter()
                    .zip(g.to_vec())
                    .map(|(a, b)| dt.cast(a + b))
                    .collect();
                old.write_values(&vals);
                old
            }
        }
    };
    variable.0.meta.borrow_mut().grad = Some(new);
    Ok(())
}

/// The nodes on some path to a captured edge (`autograd.grad`): only they run. Apart from
/// [`run`] (as are the trace helpers) to keep that function, hot in every training step,
/// small: the browser compiles a hot wasm function as a whole before it runs at full speed.
#[inline(never)]
fn needed_for_captures(
    nodes: &HashMap<usize, Rc<Node>>,
    deps: &HashMap<usize, usize>,
    capture_keys: &HashSet<usize>,
) -> HashSet<usize> {
    // reverse topological order via Kahn's algorithm
    let mut indeg = deps.clone();
    let mut order = Vec::with_capacity(nodes.len());
    let mut queue: Vec<usize> = nodes
        .keys()
        .copied()
        .filter(|k| indeg.get(k).copied().unwrap_or(0) == 0)
        .collect();
    while let Some(k) = queue.pop() {
        order.push(k);
        if let Some(n) = nodes.get(&k) {
            for e in n.next_edges.iter().flatten() {
                let c = key(&e.node);
                if let Some(d) = indeg.get_mut(&c) {
                    *d -= 1;
                    if *d == 0 {
                        queue.push(c);
                    }
                }
            }
        }
    }
    let mut needed = HashSet::default();
    for &k in order.iter().rev() {
        if let Some(n) = nodes.get(&k) {
            if n.next_edges.iter().flatten().any(|e| {
                let c = key(&e.node);
                capture_keys.contains(&c) || needed.contains(&c)
            }) {
                needed.insert(k);
            }
        }
    }
    needed
}

/// The debugger's record of one node about to run.
#[inline(never)]
fn trace_step(node: &Rc<Node>, idx: Option<&SnapshotIndex>, grad: Option<&Tensor>) -> TraceStep {
    TraceStep {
        node: idx.and_then(|i| i.node_id(node)),
        name: node.name().to_string(),
        grad_in: grad.map(TensorPreview::of),
        grads_out: Vec::new(),
        leaf: None,
        error: None,
    }
}

/// [`accumulate`], recording the leaf's `.grad` before and after in `step`.
#[inline(never)]
fn accumulate_traced(
    variable: &Tensor,
    g: &Tensor,
    step: &mut TraceStep,
    idx: Option<&SnapshotIndex>,
) -> Result<()> {
    let before = variable.grad().as_ref().map(TensorPreview::of);
    accumulate(variable, g)?;
    step.leaf = Some(LeafUpdate {
        tensor_node: idx.and_then(|i| i.tensor_id(variable)),
        grad_before: before,
        grad_after: variable.grad().as_ref().map(TensorPreview::of),
    });
    Ok(())
}

/// The debugger's record of the gradient sent along edge `i` (None: no edge).
#[inline(never)]
fn trace_edge(
    i: usize,
    e: Option<&Edge>,
    sent: Option<&Tensor>,
    idx: Option<&SnapshotIndex>,
) -> EdgeGrad {
    match e {
        None => EdgeGrad {
            edge_index: i,
            to_node: None,
            to_name: None,
            input_nr: 0,
            grad: None,
        },
        Some(e) => EdgeGrad {
            edge_index: i,
            to_node: idx.and_then(|ix| ix.node_id(&e.node)),
            to_name: Some(e.node.name().to_string()),
            input_nr: e.input_nr,
            grad: sent.map(TensorPreview::of),
        },
    }
}

type TraceSink<'a> = Option<(&'a mut BackwardTrace, Option<&'a SnapshotIndex>)>;

/// Runs the graph from `roots`. With `captures`, returns the gradient arriving at each
/// captured edge instead of accumulating into leaves (`autograd.grad`).
fn run(
    roots: Vec<(Edge, Tensor)>,
    keep_graph: bool,
    create_graph: bool,
    captures: Option<Vec<Edge>>,
    mut trace: TraceSink<'_>,
) -> Result<Vec<Option<Tensor>>> {
    let _mode = GradModeGuard::new(create_graph);
    // 1. discover the graph and count dependencies
    let mut nodes: HashMap<usize, Rc<Node>> = HashMap::default();
    let mut deps: HashMap<usize, usize> = HashMap::default();
    let mut stack: Vec<Rc<Node>> = Vec::new();
    for (e, _) in &roots {
        if nodes.insert(key(&e.node), e.node.clone()).is_none() {
            stack.push(e.node.clone());
        }
    }
    let mut discovery: Vec<usize> = Vec::new();
    while let Some(n) = stack.pop() {
        discovery.push(key(&n));
        for e in n.next_edges.iter().flatten() {
            let k = key(&e.node);
            *deps.entry(k).or_insert(0) += 1;
            if let std::collections::hash_map::Entry::Vacant(v) = nodes.entry(k) {
                v.insert(e.node.clone());
                stack.push(e.node.clone());
            }
        }
    }
    // 2. which nodes must run (only those leading to a capture, when capturing)
    let capture_keys: HashSet<usize> = captures
        .as_ref()
        .map(|c| c.iter().map(|e| key(&e.node)).collect())
        .unwrap_or_default();
    let needed: Option<HashSet<usize>> = captures
        .as_ref()
        .map(|_| needed_for_captures(&nodes, &deps, &capture_keys));
    let is_needed = |k: usize| needed.as_ref().is_none_or(|s| s.contains(&k));
    let mut captured: HashMap<(usize, usize), Tensor> = HashMap::default();
    let capture_slots: HashSet<(usize, usize)> = captures
        .as_ref()
        .map(|c| c.iter().map(|e| (key(&e.node), e.input_nr)).collect())
        .unwrap_or_default();

    // 3. seed the buffers and the ready queue
    let mut buffers: HashMap<usize, Buffer> = HashMap::default();
    let mut heap: BinaryHeap<(u64, Reverse<u64>, usize)> = BinaryHeap::new();
    let mut counter = 0u64;
    let mut queued: HashSet<usize> = HashSet::default();
    for (e, g) in roots {
        let k = key(&e.node);
        let g = validate(&e.node, g, "GraphRoot", 0, e.input_nr)?;
        add_grad(&mut buffers, &e.node, k, e.input_nr, g)?;
    }
    let root_keys: Vec<usize> = discovery.clone();
    for k in root_keys {
        if deps.get(&k).copied().unwrap_or(0) == 0 && buffers.contains_key(&k) && queued.insert(k) {
            if let Some(n) = nodes.get(&k) {
                heap.push((n.seq_nr, Reverse(counter), k));
                counter += 1;
            }
        }
    }

    // 4. execute
    while let Some((_, _, k)) = heap.pop() {
        let Some(node) = nodes.get(&k).cloned() else {
            continue;
        };
        let mut grads: Buffer = buffers.remove(&k).unwrap_or_default();
        run_hooks(&node, &mut grads)?;
        if capture_keys.contains(&k) {
            for (nr, g) in grads.iter().enumerate() {
                if let (Some(g), true) = (g, capture_slots.contains(&(k, nr))) {
                    captured.insert((k, nr), g.clone());
                }
            }
        }
        let grad: Option<Tensor> = grads.iter().flatten().next().cloned();
        if !is_needed(k) {
            continue;
        }
        let idx = trace.as_ref().and_then(|(_, i)| *i);
        let mut step = trace
            .as_ref()
            .map(|_| trace_step(&node, idx, grad.as_ref()));
        let outputs = match (&node.op, &grad) {
            (BackwardFn::AccumulateGrad { variable }, Some(g)) => {
                match step.as_mut() {
                    Some(s) => accumulate_traced(variable, g, s, idx)?,
                    None => accumulate(variable, g)?,
                }
                Vec::new()
            }
            (BackwardFn::AccumulateGrad { .. }, None) => Vec::new(),
            (_, Some(_)) => match node.op.apply(&node, &grads) {
                Ok(outputs) => outputs,
                Err(err) => {
                    if let (Some((t, _)), Some(mut s)) = (trace.as_mut(), step) {
                        s.error = Some(err.to_string());
                        t.steps.push(s);
                    }
                    return Err(err);
                }
            },
            (_, None) => vec![None; node.next_edges.len()],
        };
        if !keep_graph {
            node.release_saved();
        }
        for (i, e) in node.next_edges.iter().enumerate() {
            let Some(e) = e else {
                if let Some(s) = step.as_mut() {
                    s.grads_out.push(trace_edge(i, None, None, idx));
                }
                continue;
            };
            let ck = key(&e.node);
            let mut sent = None;
            if let Some(Some(gi)) = outputs.get(i) {
                if is_needed(ck) || capture_keys.contains(&ck) {
                    let gi = validate(&e.node, gi.clone(), node.name(), i, e.input_nr)?;
                    sent = Some(gi.clone());
                    add_grad(&mut buffers, &e.node, ck, e.input_nr, gi)?;
                }
            }
            if let Some(s) = step.as_mut() {
                s.grads_out.push(trace_edge(i, Some(e), sent.as_ref(), idx));
            }
            if let Some(d) = deps.get_mut(&ck) {
                *d = d.saturating_sub(1);
                if *d == 0 && queued.insert(ck) {
                    heap.push((e.node.seq_nr, Reverse(counter), ck));
                    counter += 1;
                }
            }
        }
        if let (Some((t, _)), Some(s)) = (trace.as_mut(), step) {
            t.steps.push(s);
        }
    }
    Ok(captures
        .map(|c| {
            c.iter()
                .map(|e| captured.get(&(key(&e.node), e.input_nr)).cloned())
                .collect()
        })
        .unwrap_or_default())
}

/// PyTorch's `validate_outputs`: reduce a broadcast gradient to the input's shape and cast it
/// to the input's dtype.
fn validate(next: &Node, g: Tensor, from: &str, index: usize, input_nr: usize) -> Result<Tensor> {
    let mut g = g;
    let Some((shape, dtype)) = next.out_meta.get(input_nr) else {
        return Ok(g);
    };
    if g.shape() != shape.as_slice() {
        if !expandable(shape, g.shape()) {
            return Err(TorchError::runtime(format!(
                "Function {from} returned an invalid gradient at index {index} - got {} but expected shape compatible with {}",
                crate::tensor::fmt_list(g.shape()),
                crate::tensor::fmt_list(shape)
            )));
        }
        g = g.sum_to_shape(shape)?;
    }
    if g.dtype() != *dtype {
        g = g.to_dtype(*dtype)?;
    }
    Ok(g)
}
