//! Replaying a `BackwardTrace`: which engine step we are at, and what each node shows there.
//!
//! Position `pos` counts the steps already executed (0 = before the first, `len` = all done),
//! so stepping back is just `pos - 1` and nothing needs undoing.

use autograd::{BackwardTrace, TensorPreview, TraceStep};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Playback {
    /// Which backward run of the cell is shown.
    pub run: usize,
    pub pos: usize,
    pub playing: bool,
    /// Milliseconds per engine step.
    pub interval_ms: u32,
}

pub const DEFAULT_INTERVAL_MS: u32 = 700;

impl Playback {
    /// A fresh replay of `run`, playing unless the user prefers reduced motion.
    pub fn start(run: usize, animate: bool) -> Playback {
        Playback {
            run,
            pos: 0,
            playing: animate,
            interval_ms: DEFAULT_INTERVAL_MS,
        }
    }

    pub fn forward(&mut self, trace: &BackwardTrace) {
        self.pos = (self.pos + 1).min(trace.steps.len());
        if self.pos == trace.steps.len() {
            self.playing = false;
        }
    }

    pub fn back(&mut self) {
        self.pos = self.pos.saturating_sub(1);
        self.playing = false;
    }

    pub fn seek(&mut self, pos: usize, trace: &BackwardTrace) {
        self.pos = pos.min(trace.steps.len());
        self.playing = false;
    }

    pub fn is_done(&self, trace: &BackwardTrace) -> bool {
        self.pos >= trace.steps.len()
    }

    /// The step executed last (the one the debugger explains), if any.
    pub fn current<'t>(&self, trace: &'t BackwardTrace) -> Option<&'t TraceStep> {
        self.pos.checked_sub(1).and_then(|i| trace.steps.get(i))
    }
}

/// The `.grad` of tensor node `node` as it stands after the first `pos` steps: the value after the
/// latest accumulation already replayed, else the value before the first one still to come, else
/// `None` if this trace never touches it (the caller then shows the snapshot's own grad).
pub fn grad_at(trace: &BackwardTrace, pos: usize, node: usize) -> Option<Option<&TensorPreview>> {
    let touches = |s: &&TraceStep| s.leaf.as_ref().is_some_and(|l| l.tensor_node == Some(node));
    let done = &trace.steps[..pos.min(trace.steps.len())];
    if let Some(step) = done.iter().rev().find(touches) {
        return step.leaf.as_ref().map(|l| l.grad_after.as_ref());
    }
    trace.steps[done.len()..]
        .iter()
        .find(touches)
        .and_then(|step| step.leaf.as_ref().map(|l| l.grad_before.as_ref()))
}

/// Nodes active at the current step: the node that just ran and the nodes its gradients went to.
pub fn active_nodes(step: &TraceStep) -> Vec<usize> {
    step.node
        .into_iter()
        .chain(step.grads_out.iter().filter_map(|e| e.to_node))
        .chain(step.leaf.iter().filter_map(|l| l.tensor_node))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use autograd::LeafUpdate;

    fn preview(v: f64) -> TensorPreview {
        TensorPreview {
            shape: vec![],
            dtype: "torch.float32".into(),
            values: vec![v],
            truncated: false,
            text: format!("tensor({v})"),
        }
    }

    fn step(node: usize, leaf: Option<(usize, Option<f64>, f64)>) -> TraceStep {
        TraceStep {
            node: Some(node),
            name: "X".into(),
            grad_in: None,
            grads_out: vec![],
            leaf: leaf.map(|(t, before, after)| LeafUpdate {
                tensor_node: Some(t),
                grad_before: before.map(preview),
                grad_after: Some(preview(after)),
            }),
            error: None,
        }
    }

    fn trace() -> BackwardTrace {
        // Two accumulations into tensor 9: None -> 1, then 1 -> 3.
        BackwardTrace {
            steps: vec![
                step(1, None),
                step(2, Some((9, None, 1.0))),
                step(3, Some((9, Some(1.0), 3.0))),
            ],
        }
    }

    #[test]
    fn grad_follows_the_replay_position() {
        let t = trace();
        assert_eq!(grad_at(&t, 0, 9), Some(None));
        assert_eq!(grad_at(&t, 1, 9), Some(None));
        assert_eq!(grad_at(&t, 2, 9).flatten().map(|p| p.values[0]), Some(1.0));
        assert_eq!(grad_at(&t, 3, 9).flatten().map(|p| p.values[0]), Some(3.0));
        assert_eq!(grad_at(&t, 99, 9).flatten().map(|p| p.values[0]), Some(3.0));
        assert_eq!(
            grad_at(&t, 1, 4),
            None,
            "untouched tensors fall back to the snapshot"
        );
    }

    #[test]
    fn stepping_stops_at_both_ends() {
        let t = trace();
        let mut p = Playback::start(0, true);
        assert!(p.playing);
        p.back();
        assert_eq!(p.pos, 0);
        for _ in 0..10 {
            p.forward(&t);
        }
        assert_eq!(p.pos, 3);
        assert!(!p.playing && p.is_done(&t));
        assert_eq!(p.current(&t).and_then(|s| s.node), Some(3));
        p.seek(1, &t);
        assert_eq!(p.current(&t).and_then(|s| s.node), Some(1));
    }

    #[test]
    fn reduced_motion_starts_paused() {
        assert!(!Playback::start(0, false).playing);
    }
}
