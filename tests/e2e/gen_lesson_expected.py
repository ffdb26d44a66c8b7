"""Expected console text for each lesson step, produced by real Python + PyTorch, and what the
interaction tests expect the inspector and the backward debugger to show (interaction_expected.json).

The playground runs the lesson like a notebook: step k's cell runs after cells 1..k-1 in one
session (an earlier cell that raised still leaves what it defined), and the console shows what
cell k printed, then the last line of its traceback. This script does the same with `exec` and
writes lesson_expected.json. Run it with a Python that has torch:

    TORCH_PYTHON=/path/to/python cargo xtask golden      (or run this file directly)
"""
import contextlib
import io
import json
import pathlib
import re
import sys

import torch

ROOT = pathlib.Path(__file__).resolve().parents[2]
CELL = re.compile(r"```python\n(.*?)```", re.S)


def cells(lang):
    files = sorted((ROOT / "web" / "lesson" / lang).glob("[0-9][0-9]-*.md"))
    # The playground drops the cell's final newline; Python does not care either way.
    return [CELL.search(f.read_text(encoding="utf-8")).group(1).rstrip("\n") for f in files]


def last_traceback_line(e):
    """The last line `python script.py` prints for an uncaught exception. sys.excepthook is used,
    not the traceback module: in 3.11 only the former adds "Did you mean: ...?" suggestions."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        sys.excepthook(type(e), e, e.__traceback__)
    return err.getvalue().rstrip("\n").split("\n")[-1] + "\n"


def run_notebook(codes):
    env = {"__name__": "__main__"}
    outputs = []
    for code in codes:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            try:
                exec(compile(code, "<cell>", "exec"), env)
            except BaseException as e:  # noqa: BLE001 - the console shows any exception
                out.write(last_traceback_line(e))
        outputs.append(out.getvalue())
    return outputs


# Programs of interaction.test.mjs. The test types each into the editor and compares the page
# with what PyTorch reports for the same program here.
INSPECTOR_CODE = """import torch
x2 = torch.ones(2, 2, requires_grad=True)
c = torch.ones(2)
y = x2 + 2
z = y * y * 3
out = z.mean()
"""
REPLAY_CODE = """import torch
a = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(3.0, requires_grad=True)
c = a * b
c.backward(retain_graph=True)
c.backward(retain_graph=True)
a.grad.zero_()
b.grad.zero_()
c.backward()
print(a.grad, b.grad)
"""
NODES_CODE = """import torch
small = torch.tensor([1.5, -2.0], requires_grad=True)
big = torch.arange(5000.)
"""


def tensor_facts(t):
    """What the inspector shows of a tensor, as PyTorch prints each fact."""
    return {
        "shape": str(t.shape),
        "dtype": str(t.dtype),
        "requires_grad": str(t.requires_grad),
        "is_leaf": str(t.is_leaf),
        "grad_fn": repr(t.grad_fn),
        "value": str(t),
    }


def function_facts(f):
    """What the inspector shows of a backward function: its class, `next_functions` as PyTorch
    prints it, and each saved tensor (`_saved_NAME`) as "NAME = value" (printed without autograd's
    suffix), or "NAME: [shape] dtype" when it has more than 16 elements (autograd's
    SAVED_VALUE_LIMIT)."""
    saved = []
    for attr in dir(f):
        value = getattr(f, attr) if attr.startswith("_saved_") else None
        if isinstance(value, torch.Tensor):
            name = attr[len("_saved_"):]
            if value.numel() <= 16:
                saved.append(f"{name} = {str(value.detach())}")
            else:
                saved.append(f"{name}: {list(value.shape)} {value.dtype}")
    return {"name": type(f).__name__, "next_functions": str(f.next_functions), "saved": sorted(saved)}


def inspector_expected():
    env = {}
    exec(INSPECTOR_CODE, env)
    tensors = {name: tensor_facts(env[name]) for name in ("x2", "c", "y", "z", "out")}
    functions, seen, stack = [], set(), [env["out"].grad_fn]
    while stack:
        f = stack.pop()
        if f is None or id(f) in seen:
            continue
        seen.add(id(f))
        functions.append(function_facts(f))
        stack.extend(g for g, _ in f.next_functions)
    env["out"].backward()
    grads = {name: str(env[name].grad) for name in ("x2",)}
    return {"code": INSPECTOR_CODE, "tensors": tensors, "functions": functions, "grads_after_backward": grads}


def replay_expected():
    """Each backward pass of REPLAY_CODE as the engine runs it: MulBackward0's incoming gradient
    and the gradients it sends to `a` and `b` (a hook on the node), and each leaf's `.grad`
    before and after the pass."""
    env = {}
    lines = REPLAY_CODE.splitlines(keepends=True)
    passes = []
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for line in lines:
            if ".backward(" in line:
                before = {n: str(env[n].grad) for n in ("a", "b")}
                # What MulBackward0 saved for its rule, printed without autograd's suffix.
                node = env["c"].grad_fn
                saved = {n: str(getattr(node, "_saved_" + n).detach()) for n in ("self", "other")}
                hooked = []
                handle = env["c"].grad_fn.register_hook(
                    lambda grad_inputs, grad_outputs: hooked.append(
                        {"grad_in": str(grad_outputs[0]), "grads_out": [str(g) for g in grad_inputs]}
                    )
                )
                exec(line, env)
                handle.remove()
                (mul,) = hooked
                after = {n: str(env[n].grad) for n in ("a", "b")}
                passes.append({"mul": {**mul, "saved": saved}, "before": before, "after": after})
            else:
                exec(line, env)
    return {"code": REPLAY_CODE, "console": out.getvalue(), "passes": passes}


def nodes_expected():
    """How PyTorch prints a small and a large tensor (the large one summarised with `...`)."""
    env = {}
    exec(NODES_CODE, env)
    return {"code": NODES_CODE, "printed": {name: str(env[name]) for name in ("small", "big")}}


def main():
    en, zh = cells("en"), cells("zh")
    assert en == zh, "both languages must share the code cells"
    expected = {"torch": torch.__version__, "steps": run_notebook(en)}
    path = pathlib.Path(__file__).with_name("lesson_expected.json")
    path.write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path.name}: {len(expected['steps'])} steps with torch {torch.__version__}")
    interaction = {"torch": torch.__version__, "inspector": inspector_expected(), "replay": replay_expected(),
                   "nodes": nodes_expected()}
    path = pathlib.Path(__file__).with_name("interaction_expected.json")
    path.write_text(json.dumps(interaction, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path.name} with torch {torch.__version__}")


if __name__ == "__main__":
    main()
