//! Printing matches real PyTorch: expected text in golden/print_cases.txt was produced by
//! golden/gen_print.py running torch.

use ::autograd::{DType, Tensor};

fn parse_dtype(s: &str) -> DType {
    match s {
        "float32" => DType::Float32,
        "float64" => DType::Float64,
        "int64" => DType::Int64,
        "bool" => DType::Bool,
        other => panic!("dtype {other}"),
    }
}

fn parse_f(s: &str) -> f64 {
    match s {
        "nan" => f64::NAN,
        "inf" => f64::INFINITY,
        "-inf" => f64::NEG_INFINITY,
        _ => s.parse().unwrap(),
    }
}

#[test]
fn print_cases_match_torch() {
    let text = include_str!("golden/print_cases.txt");
    let mut lines = text.lines().peekable();
    let mut checked = 0;
    let mut failures = Vec::new();
    while let Some(header) = lines.next() {
        let parts: Vec<&str> = header.trim_start_matches("=== ").split(' ').collect();
        if parts[0] == "end" {
            break;
        }
        let dtype = parse_dtype(parts[0]);
        let shape: Vec<usize> = if parts[1] == "-" {
            vec![]
        } else {
            parts[1].split(',').map(|d| d.parse().unwrap()).collect()
        };
        let rg = parts[2] == "1";
        let values_line = lines.next().unwrap().trim_start_matches("values:");
        let values: Vec<f64> = values_line.split_whitespace().map(parse_f).collect();
        let mut expected = Vec::new();
        while let Some(l) = lines.peek() {
            if l.starts_with("=== ") {
                break;
            }
            expected.push(lines.next().unwrap());
        }
        let expected = expected.join("\n");
        let t = Tensor::from_data(values, &shape, dtype).unwrap();
        if rg {
            t.requires_grad_(true).unwrap();
        }
        let got = format!("{t}");
        if got != expected {
            failures.push(format!("--- expected\n{expected}\n--- got\n{got}"));
        }
        checked += 1;
    }
    assert!(checked > 80, "only {checked} cases");
    assert!(
        failures.is_empty(),
        "{} of {checked} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
