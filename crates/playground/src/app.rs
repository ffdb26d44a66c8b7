use yew::prelude::*;

/// The lesson's headline result, computed by `autograd` in the browser:
/// `x2 = torch.ones(2, 2, requires_grad=True); out = ((x2 + 2) * (x2 + 2) * 3).mean();
/// out.backward()`, then `x2.grad` printed as PyTorch prints it.
pub fn lesson_gradient() -> Result<String, autograd::TorchError> {
    use autograd::{DType, Tensor};
    let x2 = Tensor::ones(&[2, 2], DType::Float32)?;
    x2.set_requires_grad(true)?;
    let y = x2.add_scalar(2.0)?;
    let out = y.mul(&y)?.mul_scalar(3.0)?.mean()?;
    autograd::backward(&[out], &[None], None, false)?;
    Ok(x2
        .grad()
        .map_or_else(|| "None".to_string(), |g| g.to_string()))
}

#[function_component(App)]
pub fn app() -> Html {
    let grad = lesson_gradient().unwrap_or_else(|e| e.to_string());
    html! {
        <main>
            <h1>{ "Autograd Playground" }</h1>
            <pre>{ "x2 = torch.ones(2, 2, requires_grad=True)\ny = x2 + 2\nout = (y * y * 3).mean()\nout.backward()\nprint(x2.grad)" }</pre>
            <pre data-testid="demo-grad">{ grad }</pre>
        </main>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lesson_gradient_is_pytorchs() {
        // Expected text printed by PyTorch 2.15 for this program.
        assert_eq!(
            super::lesson_gradient().unwrap(),
            "tensor([[4.5000, 4.5000],\n        [4.5000, 4.5000]])"
        );
    }
}
