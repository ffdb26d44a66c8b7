"""Expected console text for each lesson step, produced by real Python + PyTorch.

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


def main():
    en, zh = cells("en"), cells("zh")
    assert en == zh, "both languages must share the code cells"
    expected = {"torch": torch.__version__, "steps": run_notebook(en)}
    path = pathlib.Path(__file__).with_name("lesson_expected.json")
    path.write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path.name}: {len(expected['steps'])} steps with torch {torch.__version__}")


if __name__ == "__main__":
    main()
