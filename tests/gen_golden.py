#!/usr/bin/env python3
"""Regenerate the golden outputs of tests/snippets/*.py with real Python + PyTorch.

Usage: PYTHON tests/gen_golden.py [NAME ...]

PYTHON must be an interpreter that has torch installed (`cargo xtask golden` passes
$TORCH_PYTHON, default `python3`). Each snippet runs as `PYTHON NAME.py` with cwd =
tests/snippets and a 60 s timeout. NAME.out is written as:

    the program's stdout
    + if it exited non-zero: the last non-empty line of stderr (the `ExcType: message`
      line of the traceback) followed by a newline.

Warnings the program printed (`file:line: SomeWarning: message` lines on stderr) go to
NAME.warnings as `SomeWarning: message`, one a line, in order; NAME.warnings is removed when
there are none. All other stderr output (the rest of the traceback) is ignored. An existing
.out that differs only in object addresses (0x...) is left untouched. With NAME
arguments (with or without `.py`, with or without a directory) only those snippets run.
Snippets run in parallel (env GOLDEN_JOBS, default: number of CPUs).
Prints a one-line summary; exits 1 if any snippet timed out or could not be run.
"""
import concurrent.futures
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SNIPPETS = os.path.join(HERE, "snippets")
TIMEOUT = 60
ADDRESS = re.compile(r"0x[0-9a-fA-F]+")
# How Python's warnings.formatwarning starts a warning: `file:line: Category: message`.
WARNING = re.compile(r"^.+?:\d+: ([A-Za-z_][A-Za-z0-9_]*Warning: .*)$")


def normalised(text):
    """What the Rust harness compares: object addresses replaced by `0x?`."""
    return ADDRESS.sub("0x?", text)


def snippet_names(args):
    if not args:
        return sorted(f[:-3] for f in os.listdir(SNIPPETS) if f.endswith(".py"))
    names = []
    for a in args:
        n = os.path.basename(a)
        if n.endswith(".py") or n.endswith(".out"):
            n = n[:-3] if n.endswith(".py") else n[:-4]
        if not os.path.isfile(os.path.join(SNIPPETS, n + ".py")):
            sys.exit("gen_golden: no such snippet: %s" % a)
        names.append(n)
    return names


def expected_output(name):
    """Return (text, exit_code, warnings) for one snippet."""
    env = dict(os.environ)
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONHASHSEED"] = "0"
    env.pop("PYTHONSTARTUP", None)
    env.setdefault("CUDA_VISIBLE_DEVICES", "")
    proc = subprocess.run(
        [sys.executable, name + ".py"],
        cwd=SNIPPETS,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        timeout=TIMEOUT,
    )
    out = proc.stdout.decode("utf-8", errors="replace")
    err = proc.stderr.decode("utf-8", errors="replace")
    if proc.returncode != 0:
        lines = [l for l in err.splitlines() if l.strip()]
        out += (lines[-1] if lines else "") + "\n"
    warnings = "".join(m.group(1) + "\n" for m in map(WARNING.match, err.splitlines()) if m)
    return out, proc.returncode, warnings


def write_if_changed(path, text):
    """Writes `text` to `path` (removes it when `text` is None); True if that changed it."""
    old = None
    if os.path.exists(path):
        with open(path, "r", encoding="utf-8", newline="") as f:
            old = f.read()
    if text is None:
        if old is not None:
            os.remove(path)
        return old is not None
    # Keep the committed file when only object addresses differ (no churn in git).
    if old is not None and normalised(old) == normalised(text):
        return False
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return True


def run_one(name):
    """Run one snippet; return (name, exit_code or None, failure text or None, changed)."""
    try:
        text, rc, warnings = expected_output(name)
    except subprocess.TimeoutExpired:
        return name, None, "timeout", False
    except OSError as e:
        return name, None, str(e), False
    changed = write_if_changed(os.path.join(SNIPPETS, name + ".out"), text)
    changed |= write_if_changed(os.path.join(SNIPPETS, name + ".warnings"), warnings or None)
    return name, rc, None, changed


def main():
    names = snippet_names(sys.argv[1:])
    jobs = int(os.environ.get("GOLDEN_JOBS") or os.cpu_count() or 1)
    written = changed = errored = 0
    failed = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        for name, rc, failure, was_changed in pool.map(run_one, names):
            if failure is not None:
                failed.append("%s (%s)" % (name, failure))
                continue
            written += 1
            changed += was_changed
            errored += rc != 0
    try:
        import torch
        version = torch.__version__
    except Exception:
        version = "not importable"
    print(
        "gen_golden: %d snippets, %d run (%d changed .out/.warnings), %d exit with an exception, "
        "%d failed%s; python %s, torch %s"
        % (len(names), written, changed, errored, len(failed),
           (" [" + ", ".join(failed) + "]") if failed else "",
           sys.version.split()[0], version)
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
