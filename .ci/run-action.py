#!/usr/bin/env python3
"""Run action.yml locally the way a GitHub runner runs a composite Action.

    .ci/run-action.py [--input NAME=VALUE]... --workspace DIR

Checks the file first (a composite Action; every input described; every step
a `run` with a `shell`; expressions only in `env:` and `working-directory:`,
never pasted into a script; every `inputs.X` declared), then runs each step
with bash as the runner does (`bash --noprofile --norc -eo pipefail FILE`),
with the runner's variables: GITHUB_ACTION_PATH (this repository),
GITHUB_WORKSPACE (DIR, also the starting directory), RUNNER_TEMP, RUNNER_OS,
GITHUB_ACTIONS, CI, and the GITHUB_PATH / GITHUB_ENV / GITHUB_OUTPUT files,
read back between steps. Composite Actions get no INPUT_* variables, so
neither do these steps. Exits with the status of the first failing step.
Needs PyYAML (installed with pre-commit).
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def fail(msg):
    print(f"action.yml: {msg}", file=sys.stderr)
    sys.exit(2)


def validate(action):
    if not isinstance(action, dict):
        fail("not a mapping")
    for key in ("name", "description", "runs"):
        if key not in action:
            fail(f"no `{key}`")
    inputs = action.get("inputs") or {}
    for name, spec in inputs.items():
        if not isinstance(spec, dict) or not spec.get("description"):
            fail(f"input `{name}` has no description")
        if "default" in spec and not isinstance(spec["default"], str):
            fail(f"input `{name}`: the default must be a string")
    runs = action["runs"]
    if runs.get("using") != "composite":
        fail(f"runs.using is `{runs.get('using')}`, expected composite")
    steps = runs.get("steps") or []
    if not steps:
        fail("no steps")
    for i, step in enumerate(steps):
        where = f"step {i + 1} ({step.get('name', 'unnamed')})"
        if "run" not in step:
            fail(f"{where}: only `run` steps are supported here")
        if "shell" not in step:
            fail(f"{where}: a composite `run` step needs `shell`")
        if step["shell"] != "bash":
            fail(f"{where}: shell `{step['shell']}`; this runner mimic knows bash")
        if EXPR.search(step["run"]):
            fail(f"{where}: an expression in `run` (script injection); pass it through `env`")
        for text in list((step.get("env") or {}).values()) + [step.get("working-directory", "")]:
            for e in EXPR.findall(str(text)):
                m = re.fullmatch(r"inputs\.([A-Za-z0-9_-]+)", e)
                if m and m.group(1) not in inputs:
                    fail(f"{where}: `{e}` is not a declared input")
    return inputs, steps


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--workspace", required=True)
    ap.add_argument("--check-only", action="store_true", help="validate, run nothing")
    opts = ap.parse_args()

    with open(os.path.join(ROOT, "action.yml"), encoding="utf-8") as f:
        inputs, steps = validate(yaml.safe_load(f))
    if opts.check_only:
        print(f"action.yml: {len(inputs)} inputs, {len(steps)} steps, valid")
        return 0

    values = {name: spec.get("default", "") for name, spec in inputs.items()}
    for item in opts.input:
        name, sep, value = item.partition("=")
        if not sep or name not in inputs:
            fail(f"--input {item}: not NAME=VALUE of a declared input")
        values[name] = value

    workspace = os.path.abspath(opts.workspace)
    temp = tempfile.mkdtemp(prefix="runner-temp-")
    files = {k: os.path.join(temp, f"_{k.lower()}") for k in ("GITHUB_PATH", "GITHUB_ENV", "GITHUB_OUTPUT")}
    for path in files.values():
        open(path, "w").close()
    context = {
        "github.action_path": ROOT,
        "github.workspace": workspace,
        "runner.temp": temp,
        "runner.os": "Linux",
        **{f"inputs.{k}": v for k, v in values.items()},
    }

    def expand(text):
        def one(m):
            if m.group(1) not in context:
                fail(f"unsupported expression `{m.group(0)}`")
            return context[m.group(1)]

        return EXPR.sub(one, str(text))

    env = dict(os.environ)
    env.update(
        GITHUB_ACTIONS="true",
        CI="true",
        GITHUB_ACTION_PATH=ROOT,
        GITHUB_WORKSPACE=workspace,
        RUNNER_TEMP=temp,
        RUNNER_OS="Linux",
        **files,
    )
    extra_path = []
    for i, step in enumerate(steps):
        print(f"::group::{step.get('name', f'step {i + 1}')}", flush=True)
        step_env = dict(env)
        step_env.update({k: expand(v) for k, v in (step.get("env") or {}).items()})
        step_env["PATH"] = os.pathsep.join(extra_path + [env["PATH"]])
        cwd = os.path.join(workspace, expand(step.get("working-directory", ".")))
        script = os.path.join(temp, f"step-{i + 1}.sh")
        with open(script, "w", encoding="utf-8") as f:
            f.write(step["run"])
        code = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", script], cwd=cwd, env=step_env
        ).returncode
        print("::endgroup::", flush=True)
        if code != 0:
            print(f"step {i + 1} ({step.get('name')}) exited with {code}", file=sys.stderr)
            return code
        # What the step asked for the steps after it, as the runner does.
        with open(files["GITHUB_PATH"], encoding="utf-8") as f:
            extra_path = [line.strip() for line in reversed(f.read().splitlines()) if line.strip()]
        with open(files["GITHUB_ENV"], encoding="utf-8") as f:
            for line in f.read().splitlines():
                name, sep, value = line.partition("=")
                if sep:
                    env[name] = value
    return 0


if __name__ == "__main__":
    sys.exit(main())
