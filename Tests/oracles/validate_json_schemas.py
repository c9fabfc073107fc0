#!/usr/bin/env python3
"""Validates sched's JSON outputs against the schemas in docs/schema/ (jsonschema,
draft 2020-12): `analyze` and `lint` on every bundled example and on edge cases
(undefined points with limits, undefined intervals to infinity, isolating enclosures,
refuted claims with counterexamples, parse errors), and `simplify`. Also checks that
each schema rejects a deliberately broken document, so the test cannot pass vacuously.

Usage: validate_json_schemas.py SCHED_BINARY
Prints one line per failure and a closing line "N documents valid, M failures"; exit 1
on any failure."""
import copy
import glob
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = {name: json.loads((ROOT / "docs/schema" / f"{name}.schema.json").read_text()) for name in ("analyze", "lint", "simplify")}

EDGE_CASES = """
schedule removable {
    time t in [0, 1]
    alpha = (t^2 - 1/2)/sin(t^2 - 1/2)
    sigma = t
    target = eps
    expect alpha != 0
}
schedule half_infinite {
    time t in (0, inf)
    alpha = 1
    sigma = sqrt(2000 - t)
    target = eps
    expect sigma > 0
}
schedule jump {
    time t in [0, 1]
    alpha = atan(1/(t - 1/3)) + 2*t
    sigma = 1
    target = x0
    expect zeros(alpha) == {1/3}
}
schedule algebraic {
    time t in [0, 2]
    alpha = t^3 - 2
    sigma = 1
    target = eps
}
schedule ends_undefined {
    x_t = (1 - t) x0 + t eps
    target = t*(1 - t)*(eps - x0)
}
"""


def run(binary, args):
    r = subprocess.run([binary, *args], capture_output=True, text=True, timeout=120)
    return r.returncode, r.stdout


def main():
    binary = sys.argv[1]
    failures, valid = [], 0
    for name, schema in SCHEMAS.items():
        jsonschema.Draft202012Validator.check_schema(schema)
    validators = {n: jsonschema.Draft202012Validator(s) for n, s in SCHEMAS.items()}

    def check(kind, what, doc):
        nonlocal valid
        errors = list(validators[kind].iter_errors(doc))
        for e in errors[:3]:
            failures.append(f"{kind} {what}: at {'/'.join(map(str, e.absolute_path))}: {e.message[:300]}")
        if not errors: valid += 1

    with tempfile.TemporaryDirectory() as tmp:
        edge = Path(tmp) / "edge.sched"
        edge.write_text(EDGE_CASES)
        broken = Path(tmp) / "broken.sched"
        broken.write_text("schedule x { alpha = ( }\n")
        files = sorted(glob.glob(str(ROOT / "examples/*.sched"))) + sorted(glob.glob(str(ROOT / "examples/tutorial/*.sched"))) + sorted(glob.glob(str(ROOT / "docs/examples/*.sched"))) + [str(edge)]
        analyzed = []
        for f in files:
            code, out = run(binary, ["analyze", f, "--format", "json"])
            if code != 0:
                failures.append(f"analyze {f}: exit {code}")
                continue
            doc = json.loads(out)
            analyzed.append(doc)
            check("analyze", f, doc)
        for f in files + [str(broken)]:
            code, out = run(binary, ["lint", f, "--format", "json"])
            if code not in (0, 1):
                failures.append(f"lint {f}: exit {code}")
                continue
            check("lint", f, json.loads(out))
        for e in ["sin(t)^2 + cos(t)^2", "(t^2 - 1)/(t - 1)", "exp(log(2))"]:
            code, out = run(binary, ["simplify", e, "--format", "json"])
            if code != 0:
                failures.append(f"simplify {e!r}: exit {code}")
                continue
            check("simplify", repr(e), json.loads(out))

    # Each schema must reject a broken document.
    if analyzed:
        bad = copy.deepcopy(analyzed[0])
        bad["schedules"][0]["zeros"]["det"]["complete"] = "true"   # a string, not a boolean
        if validators["analyze"].is_valid(bad): failures.append("analyze schema accepts complete = \"true\"")
    if validators["lint"].is_valid([{"file": "f", "line": 0, "column": 1, "code": "X1"}]):
        failures.append("lint schema accepts a finding without its fields")
    # Typed evidence: a flag is a boolean, an interval an object, not text.
    finding = {"file": "f", "line": 1, "column": 1, "end_line": 1, "end_column": 2, "code": "S202", "name": "rho-vanishes",
               "severity": "warning", "message": "m", "notes": [], "evidence": {"complete": True, "zeros": [{"exact": "1/2", "decimal": 0.5}]}}
    if not validators["lint"].is_valid([finding]):
        failures.append("lint schema rejects typed evidence")
    for key, text in [("complete", "true"), ("zeros", "t = 1/2"), ("intervals", "(0, 0.06)")]:
        bad = copy.deepcopy(finding)
        bad["evidence"][key] = text
        if validators["lint"].is_valid([bad]): failures.append(f"lint schema accepts evidence {key} = {text!r} as text")
    if validators["simplify"].is_valid({"input": "t"}):
        failures.append("simplify schema accepts a document without result")
    for f in failures: print("FAIL", f)
    print(f"{valid} documents valid, {len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
