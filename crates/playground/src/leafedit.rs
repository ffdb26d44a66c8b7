//! Editing a leaf tensor's value from the inspector: the value becomes a Python literal, and the
//! line that assigned the leaf is rewritten to `name = torch.tensor(<literal>, requires_grad=True)`.
//! The page then re-runs, so the graph and every gradient follow.

/// The values of a tensor as a nested Python list (scalars bare): `[[1.0, 2.0], [3.0, 4.0]]`.
/// Floats are printed as the shortest float32 text that reads back the same, always with a point.
pub fn value_literal(shape: &[usize], values: &[f64]) -> Option<String> {
    let numel: usize = shape.iter().product();
    if numel != values.len() {
        return None; // a preview that was cut short cannot be edited
    }
    fn nest(shape: &[usize], values: &[f64], out: &mut String) {
        match shape.split_first() {
            None => {
                let text = format!("{:?}", values[0] as f32);
                out.push_str(&text);
            }
            Some((&n, rest)) => {
                let stride: usize = rest.iter().product();
                out.push('[');
                for i in 0..n {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    nest(rest, &values[i * stride..(i + 1) * stride], out);
                }
                out.push(']');
            }
        }
    }
    let mut out = String::new();
    nest(shape, values, &mut out);
    Some(out)
}

/// Rewrites line `line` (1-based) of `code`, which must be a plain assignment to `name`, to assign
/// a new leaf holding `literal`. Keeps the indentation; `dtype` other than float32 is spelled out.
pub fn reassign_leaf(
    code: &str,
    line: u32,
    name: &str,
    literal: &str,
    dtype: &str,
) -> Option<String> {
    let index = (line as usize).checked_sub(1)?;
    let mut lines: Vec<&str> = code.split('\n').collect();
    let old = *lines.get(index)?;
    let indent = &old[..old.len() - old.trim_start().len()];
    let rest = old.trim_start().strip_prefix(name)?.trim_start();
    if !rest.starts_with('=') || rest.starts_with("==") {
        return None;
    }
    if literal.trim().is_empty() || literal.contains('\n') {
        return None;
    }
    let dtype_arg = match dtype {
        "torch.float32" => String::new(),
        other => format!(", dtype={other}"),
    };
    let new = format!(
        "{indent}{name} = torch.tensor({}{dtype_arg}, requires_grad=True)",
        literal.trim()
    );
    lines[index] = &new;
    Some(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_are_python_floats() {
        assert_eq!(
            value_literal(&[2, 2], &[1.0, 1.0, 1.0, 1.0]).unwrap(),
            "[[1.0, 1.0], [1.0, 1.0]]"
        );
        assert_eq!(value_literal(&[], &[0.10000000149011612]).unwrap(), "0.1");
        assert_eq!(
            value_literal(&[3], &[1.0, 2.5, -3.0]).unwrap(),
            "[1.0, 2.5, -3.0]"
        );
        assert_eq!(
            value_literal(&[70], &[0.0; 64]),
            None,
            "a truncated preview"
        );
    }

    #[test]
    fn the_assignment_line_is_rewritten() {
        let code = "import torch\nx2 = torch.ones(2, 2, requires_grad=True)\ny = x2 + 2";
        let new =
            reassign_leaf(code, 2, "x2", "[[2.0, 2.0], [2.0, 2.0]]", "torch.float32").unwrap();
        assert_eq!(new, "import torch\nx2 = torch.tensor([[2.0, 2.0], [2.0, 2.0]], requires_grad=True)\ny = x2 + 2");
        let nested = reassign_leaf("if True:\n    w = 1", 2, "w", "3.0", "torch.float64").unwrap();
        assert_eq!(
            nested,
            "if True:\n    w = torch.tensor(3.0, dtype=torch.float64, requires_grad=True)"
        );
    }

    #[test]
    fn other_lines_are_left_alone() {
        assert_eq!(
            reassign_leaf("x2 == y", 1, "x2", "1.0", "torch.float32"),
            None
        );
        assert_eq!(
            reassign_leaf("x22 = 1", 1, "x2", "1.0", "torch.float32"),
            None
        );
        assert_eq!(reassign_leaf("x = 1", 5, "x", "1.0", "torch.float32"), None);
        assert_eq!(
            reassign_leaf("x = 1", 1, "x", "1.0)\nimport os", "torch.float32"),
            None
        );
    }
}
