//! Plain-language hints for the autograd errors and warnings learners meet most. The console
//! shows PyTorch's own message; the hint sits beside it.

use crate::lesson::Lang;

/// (a fragment of PyTorch's message, English hint, Chinese hint)
const HINTS: &[(&str, &str, &str)] = &[
    (
        "Trying to backward through the graph a second time",
        "The first backward() freed the values the graph had saved. Call backward(retain_graph=True) the first time if you need to go through the graph again, or rebuild the graph by running the forward code again.",
        "第一次 backward() 已经释放了计算图保存的中间值。如果要再次反向传播，请在第一次调用时写 backward(retain_graph=True)，或者重新运行前向计算的代码。",
    ),
    (
        "grad can be implicitly created only for scalar outputs",
        "backward() without arguments needs a single number (a scalar). Reduce the tensor first, e.g. out.sum().backward() or out.mean().backward(), or pass a gradient of the same shape: out.backward(torch.ones_like(out)).",
        "不带参数的 backward() 只能用于标量。先把张量归约成一个数，例如 out.sum().backward() 或 out.mean().backward()，或者传入同形状的梯度：out.backward(torch.ones_like(out))。",
    ),
    (
        "a leaf Variable that requires grad is being used in an in-place operation",
        "You changed a leaf tensor that requires grad in place. Autograd cannot track that. Do such updates inside `with torch.no_grad():` (as optimizers do), or use an out-of-place op like x = x + 1.",
        "对需要梯度的叶子张量做了原地修改，autograd 无法追踪。请把这类更新放进 `with torch.no_grad():`（优化器就是这样做的），或改用非原地运算，例如 x = x + 1。",
    ),
    (
        "does not require grad and does not have a grad_fn",
        "This tensor is not part of any graph: nothing it came from has requires_grad=True (or it was computed under torch.no_grad() or detached).",
        "这个张量不在任何计算图中：它的来源都没有 requires_grad=True（或者它是在 torch.no_grad() 下计算的，或被 detach 了）。",
    ),
    (
        "modified by an inplace operation",
        "A tensor that the graph saved for backward was changed in place afterwards, so its gradient would be wrong. Use an out-of-place op, or clone() before changing it.",
        "计算图为反向传播保存的张量随后被原地修改，梯度会算错。请改用非原地运算，或先 clone() 再修改。",
    ),
    (
        "Only Tensors of floating point and complex dtype can require gradients",
        "Gradients need fractional numbers, and torch.tensor([1, 2]) holds integers (int64). Write the values as floats, torch.tensor([1., 2.], requires_grad=True), or pass dtype=torch.float32.",
        "梯度需要浮点数，而 torch.tensor([1, 2]) 存的是整数（int64）。请把数值写成浮点数，例如 torch.tensor([1., 2.], requires_grad=True)，或者传入 dtype=torch.float32。",
    ),
    (
        "cannot be converted to Scalar",
        ".item() (and float()) turn a one-element tensor into a Python number; this tensor has more elements. Reduce it first, e.g. x.sum().item(), or use x.tolist() for all values.",
        ".item()（以及 float()）只能把只有一个元素的张量变成 Python 数字，而这个张量有多个元素。请先归约，例如 x.sum().item()，或者用 x.tolist() 取出全部数值。",
    ),
    (
        "Boolean value of Tensor with more than one value is ambiguous",
        "`if x > 0:` compares every element, so the answer is a tensor of True/False values, not one bool. Say which you mean: (x > 0).all() or (x > 0).any().",
        "`if x > 0:` 会逐元素比较，得到的是一个由 True/False 组成的张量，而不是单个布尔值。请说明你的意思：(x > 0).all() 或 (x > 0).any()。",
    ),
    (
        "must match the size of tensor b",
        "The two shapes cannot be broadcast: going from the last dimension backwards, each pair of sizes must be equal or one of them 1. Print x.shape for both, and reshape (view, unsqueeze) one of them.",
        "这两个形状无法广播：从最后一维往前比，每一对尺寸必须相等或其中一个为 1。请打印两者的 x.shape，再用 view、unsqueeze 等调整其中一个。",
    ),
    (
        "shapes cannot be multiplied",
        "For A @ B the number of columns of A must equal the number of rows of B. Check both shapes; often one side needs a transpose (B.T).",
        "计算 A @ B 时，A 的列数必须等于 B 的行数。请检查两者的形状，常见的做法是把其中一个转置（B.T）。",
    ),
    (
        "'NoneType'",
        "Something here is None. In autograd code that is usually .grad: it stays None until backward() has run, and for tensors that do not require grad or are not leaves it is always None. Otherwise, check that the function you called returns a value.",
        "这里有个值是 None。在 autograd 代码里通常是 .grad：backward() 运行之前它一直是 None，对不需要梯度或不是叶子的张量它始终是 None。否则请检查你调用的函数是否有返回值。",
    ),
    (
        "the same dtype",
        "The two tensors have different number types, e.g. float64 (double) data and a float32 model: torch.tensor of Python floats gives float32, but data from elsewhere is often float64. Convert one side, e.g. x = x.float() (or model.double()).",
        "两个张量的数值类型不同，例如 float64（double）的数据和 float32 的模型：用 Python 浮点数创建的 torch.tensor 是 float32，但其他来源的数据常常是 float64。请转换其中一方，例如 x = x.float()（或者 model.double()）。",
    ),
    (
        "No module named",
        "The playground runs Python with torch and a few standard modules (math, random, collections, functools, itertools, typing) in your browser; other packages such as numpy or matplotlib are not available here. Use tensors instead, and x.tolist() for plain Python numbers.",
        "本页面在浏览器中运行 Python，只提供 torch 和少数标准模块（math、random、collections、functools、itertools、typing）；numpy、matplotlib 等其他包在这里不可用。请改用张量，需要普通 Python 数字时用 x.tolist()。",
    ),
    // Warnings: the program goes on, with a result the learner did not expect.
    (
        "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed",
        "This tensor was computed from others (it is not a leaf), so backward() does not keep a gradient for it: its .grad stays None. Read .grad on the tensors you created with requires_grad=True, or call retain_grad() on this one before backward().",
        "这个张量是由别的张量算出来的（不是叶子），backward() 不会为它保留梯度，所以它的 .grad 一直是 None。请读取你用 requires_grad=True 创建的张量的 .grad，或者在 backward() 之前对它调用 retain_grad()。",
    ),
    (
        "that is different to the input size",
        "The target's shape differs from the prediction's, so the loss broadcasts them and compares every prediction with every target. Give both the same shape, e.g. target.unsqueeze(1) or pred.squeeze(1).",
        "目标张量和预测值的形状不同，损失函数会把它们广播，拿每个预测值去和每个目标值比较。请让两者形状一致，例如 target.unsqueeze(1) 或 pred.squeeze(1)。",
    ),
];

pub fn hint(message: &str, lang: Lang) -> Option<&'static str> {
    HINTS
        .iter()
        .find(|(needle, _, _)| message.contains(needle))
        .map(|&(_, en, zh)| match lang {
            Lang::En => en,
            Lang::Zh => zh,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_common_autograd_errors_have_hints_in_both_languages() {
        for msg in [
            "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed).",
            "grad can be implicitly created only for scalar outputs",
            "a leaf Variable that requires grad is being used in an in-place operation.",
        ] {
            assert!(hint(msg, Lang::En).is_some(), "{msg}");
            assert!(hint(msg, Lang::Zh).is_some(), "{msg}");
        }
        assert_eq!(hint("name 'x' is not defined", Lang::En), None);
    }

    #[test]
    fn the_other_common_tensor_errors_have_hints() {
        for msg in [
            "Only Tensors of floating point and complex dtype can require gradients",
            "a Tensor with 2 elements cannot be converted to Scalar",
            "Boolean value of Tensor with more than one value is ambiguous",
            "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0",
            "mm: mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)",
            "AttributeError: 'NoneType' object has no attribute 'zero_'",
            "TypeError: unsupported operand type(s) for *: 'NoneType' and 'int'",
            "RuntimeError: mat1 and mat2 must have the same dtype, but got Double and Float",
            "RuntimeError: expected m1 and m2 to have the same dtype, but got: double != float",
            "ModuleNotFoundError: No module named 'numpy'",
        ] {
            assert!(hint(msg, Lang::En).is_some(), "{msg}");
            assert!(hint(msg, Lang::Zh).is_some(), "{msg}");
        }
    }

    #[test]
    fn the_warnings_learners_trip_on_have_hints() {
        for msg in [
            "t.py:3: UserWarning: The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad",
            "UserWarning: Using a target size (torch.Size([4])) that is different to the input size (torch.Size([4, 1])).",
        ] {
            assert!(hint(msg, Lang::En).is_some(), "{msg}");
            assert!(hint(msg, Lang::Zh).is_some(), "{msg}");
        }
    }
}
