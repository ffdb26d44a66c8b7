//! GraphSnapshot and BackwardTrace: dense deterministic ids, PyTorch names, real numbers.

use ::autograd::{backward_traced, DType, GraphSnapshot, SnapEdgeKind, SnapNodeKind, Tensor};

fn leaf(v: &[f64]) -> Tensor {
    let t = Tensor::from_data(v.to_vec(), &[v.len()], DType::Float32).unwrap();
    t.requires_grad_(true).unwrap();
    t
}

fn build() -> (Tensor, Tensor, Tensor, Tensor) {
    let x = leaf(&[1.0, 2.0]);
    let w = leaf(&[3.0, 4.0]);
    let y = x.mul(&w).unwrap();
    let z = y.sum().unwrap();
    (x, w, y, z)
}

#[test]
fn snapshot_ids_and_edges() {
    let (x, w, y, z) = build();
    let named = vec![
        ("x".to_string(), x),
        ("w".to_string(), w),
        ("y".to_string(), y),
        ("z".to_string(), z),
    ];
    let (snap, _idx) = GraphSnapshot::build(&named);
    let labels: Vec<(&str, SnapNodeKind)> = snap
        .nodes
        .iter()
        .map(|n| (n.label.as_str(), n.kind))
        .collect();
    assert_eq!(
        labels,
        vec![
            ("x", SnapNodeKind::Tensor),
            ("w", SnapNodeKind::Tensor),
            ("y", SnapNodeKind::Tensor),
            ("MulBackward0", SnapNodeKind::Function),
            ("AccumulateGrad", SnapNodeKind::Accumulate),
            ("AccumulateGrad", SnapNodeKind::Accumulate),
            ("z", SnapNodeKind::Tensor),
            ("SumBackward0", SnapNodeKind::Function),
        ]
    );
    for (i, n) in snap.nodes.iter().enumerate() {
        assert_eq!(n.id, i);
    }
    let mul = &snap.nodes[3];
    let saved: Vec<(&str, Vec<usize>)> = mul
        .saved
        .iter()
        .map(|s| (s.name.as_str(), s.shape.clone()))
        .collect();
    assert_eq!(saved, vec![("self", vec![2]), ("other", vec![2])]);
    // Small saved tensors come with their values (the numbers of grad_self = grad × other),
    // printed without autograd's suffix, until backward frees them.
    let values: Vec<Option<&str>> = mul.saved.iter().map(|s| s.value.as_deref()).collect();
    assert_eq!(
        values,
        vec![Some("tensor([1., 2.])"), Some("tensor([3., 4.])")]
    );
    let e: Vec<(usize, usize, usize, SnapEdgeKind)> = snap
        .edges
        .iter()
        .map(|e| (e.from, e.to, e.input_nr, e.kind))
        .collect();
    assert!(e.contains(&(2, 3, 0, SnapEdgeKind::GradFn)));
    assert!(e.contains(&(3, 4, 0, SnapEdgeKind::Next)));
    assert!(e.contains(&(3, 5, 0, SnapEdgeKind::Next)));
    assert!(e.contains(&(4, 0, 0, SnapEdgeKind::Variable)));
    assert!(e.contains(&(5, 1, 0, SnapEdgeKind::Variable)));
    assert!(e.contains(&(7, 3, 0, SnapEdgeKind::Next)));
    let xs = snap.nodes[0].tensor.as_ref().unwrap();
    assert!(xs.is_leaf && xs.requires_grad);
    assert_eq!(xs.value.text, "tensor([1., 2.], requires_grad=True)");
    assert!(xs.grad.is_none());
    // deterministic: building again gives the same snapshot
    let (snap2, _) = GraphSnapshot::build(&named);
    assert_eq!(snap, snap2);
    // After backward the graph's saved tensors are freed: their values are gone.
    ::autograd::backward(&[named[3].1.clone()], &[None], None, false).unwrap();
    let (freed, _) = GraphSnapshot::build(&named);
    assert!(freed.nodes[3].saved.iter().all(|s| s.value.is_none()));
}

#[test]
fn big_saved_tensors_are_described_by_shape_only() {
    let x = leaf(&[1.0; 17]);
    let y = x.mul(&x).unwrap();
    let (snap, _) = GraphSnapshot::build(&[("y".to_string(), y)]);
    let mul = snap
        .nodes
        .iter()
        .find(|n| n.label == "MulBackward0")
        .unwrap();
    assert!(mul
        .saved
        .iter()
        .all(|s| s.value.is_none() && s.shape == [17]));
}

#[test]
fn trace_steps_in_execution_order() {
    let (x, w, y, z) = build();
    let named = vec![
        ("x".to_string(), x.clone()),
        ("w".to_string(), w.clone()),
        ("y".to_string(), y),
        ("z".to_string(), z.clone()),
    ];
    let (_snap, idx) = GraphSnapshot::build(&named);
    let (trace, result) =
        backward_traced(std::slice::from_ref(&z), &[None], None, false, Some(&idx));
    result.unwrap();
    let names: Vec<&str> = trace.steps.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "SumBackward0",
            "MulBackward0",
            "AccumulateGrad",
            "AccumulateGrad"
        ]
    );
    let ids: Vec<Option<usize>> = trace.steps.iter().map(|s| s.node).collect();
    assert_eq!(ids, vec![Some(7), Some(3), Some(4), Some(5)]);
    let sum = &trace.steps[0];
    assert_eq!(sum.grad_in.as_ref().unwrap().text, "tensor(1.)");
    assert_eq!(
        sum.grads_out[0].grad.as_ref().unwrap().text,
        "tensor([1., 1.])"
    );
    let mul = &trace.steps[1];
    assert_eq!(
        mul.grads_out[0].grad.as_ref().unwrap().values,
        vec![3.0, 4.0]
    );
    assert_eq!(
        mul.grads_out[1].grad.as_ref().unwrap().values,
        vec![1.0, 2.0]
    );
    assert_eq!(mul.grads_out[0].to_node, Some(4));
    let acc = trace.steps[2].leaf.as_ref().unwrap();
    assert_eq!(acc.tensor_node, Some(0));
    assert!(acc.grad_before.is_none());
    assert_eq!(acc.grad_after.as_ref().unwrap().text, "tensor([3., 4.])");
    // a second accumulation shows before and after
    let z2 = x.mul(&w).unwrap().sum().unwrap();
    let (trace2, result) = backward_traced(&[z2], &[None], None, false, None);
    result.unwrap();
    let acc2 = trace2.steps[2].leaf.as_ref().unwrap();
    assert_eq!(acc2.grad_before.as_ref().unwrap().values, vec![3.0, 4.0]);
    assert_eq!(acc2.grad_after.as_ref().unwrap().values, vec![6.0, 8.0]);
}

#[cfg(feature = "serde")]
#[test]
fn serde_derives_exist() {
    fn is_ser<T: serde::Serialize + for<'de> serde::Deserialize<'de>>() {}
    is_ser::<GraphSnapshot>();
    is_ser::<::autograd::BackwardTrace>();
    is_ser::<::autograd::TorchError>();
}

#[test]
fn a_second_backward_traces_up_to_the_node_whose_saved_tensors_were_freed() {
    let (x, w, y, z) = build();
    let named = vec![
        ("x".to_string(), x),
        ("w".to_string(), w),
        ("y".to_string(), y),
        ("z".to_string(), z.clone()),
    ];
    let (_snap, idx) = GraphSnapshot::build(&named);
    let (_, first) = backward_traced(std::slice::from_ref(&z), &[None], None, false, Some(&idx));
    first.unwrap();
    let (trace, second) =
        backward_traced(std::slice::from_ref(&z), &[None], None, false, Some(&idx));
    let err = second.unwrap_err();
    assert!(err
        .message
        .starts_with("Trying to backward through the graph a second time"));
    // SumBackward0 saves no tensors and runs; MulBackward0 needs x and w, which are gone.
    let names: Vec<&str> = trace.steps.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, vec!["SumBackward0", "MulBackward0"]);
    assert_eq!(trace.steps[0].error, None);
    let failed = &trace.steps[1];
    assert_eq!(failed.node, Some(3));
    assert_eq!(failed.error.as_deref(), Some(err.to_string().as_str()));
    assert!(failed.grads_out.is_empty());
}
