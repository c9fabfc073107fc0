#!/usr/bin/env python3
"""Oracle for `sched codegen` on generated schedules (issue #15): the random schedules of
the domain differential test (domain_differential.py, the soundness issue's generator,
fixed seed) -- removable singularities, sign-changing square roots and logs, atan/tan
poles, zeros at and near the ends -- each written to a file and run through
`sched codegen --lang numpy` (stable) and `--naive`.

Per schedule: the module must py_compile and pyflakes (where installed) must find
nothing. Then every coefficient of every function is evaluated in float64 on a grid (40
evenly spaced points and 12 toward each end, 10^-1 ... 10^-12 of the domain's length
from it) and compared with its exact formula -- read from the function's docstring, in
sched's syntax -- evaluated by mpmath at 50 digits at the exact float inputs. Points
within 1e-12 of a singular point (a point the generator planted: a zero, pole or
removable singularity) are not measured, nor points where the formula is undefined.
log-SNR is measured in ulps of max(|log-SNR|, 1), since it crosses zero inside domains.

Counted, not failed: schedules on half-infinite domains (no grid), schedules sched
refuses to generate code for (by the first line of its message), and coefficients over
16 ulps (their worst points are listed). Failed: a module that does not compile, a
pyflakes finding, or a sched crash (exit status other than 0 and 1) or timeout.

Usage: codegen_generated.py SCHED_BINARY [--count N] [--seed S] [--workers W] [--timeout SEC]
Prints a JSON object: the counts, the worst cases (stable and naive), and the failures.
"""
import argparse
import collections
import importlib.util
import inspect
import json
import math
import multiprocessing
import os
import py_compile
import re
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import codegen_values  # noqa: E402
import domain_differential as generator  # noqa: E402

BOUND = 16
NEAR_SINGULAR = 1e-12
FUNCTIONS = ["alpha", "sigma", "target", "x0_from", "eps_from", "step", "logsnr", "snr", "loss_weight_eps", "loss_weight_x0"]


def grid(a, b):
    """(t, s) pairs inside (a, b): evenly spaced and toward each end; s halfway between a and t."""
    ts = [a + (b - a) * i / 41 for i in range(1, 41)]
    for j in range(12):
        offset = (b - a) * 10 ** (-1 - 11 * j / 11)
        ts += [a + offset, b - offset]
    ts = sorted(set(x for x in ts if a < x < b))
    return np.array(ts), np.array([a + (x - a) / 2 for x in ts])


def formulas(function):
    """The exact formula of each coefficient, from the docstring the module writes."""
    doc = inspect.getdoc(function)
    components = re.findall(r"^\s+k_\w+ = (.+)$", doc, re.M)
    if components:
        return components
    return re.findall(r"^" + function.__name__ + r" = (.+)$", doc, re.M)


def lint(path):
    """pyflakes' findings on the file, or None when pyflakes is not installed."""
    try:
        from pyflakes import api, reporter
    except ImportError:
        return None
    import io
    out, err = io.StringIO(), io.StringIO()
    api.checkPath(path, reporter.Reporter(out, err))
    return (out.getvalue() + err.getvalue()).strip()


def generate_module(binary, path, options, timeout):
    """(module path, None) or (None, the reason it was not generated)."""
    out = path[:-6] + ("_naive" if options else "") + ".py"
    try:
        r = subprocess.run([binary, "codegen", path, "--lang", "numpy", "-o", out] + options,
                           capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, ("fail", f"timed out after {timeout} s")
    if r.returncode == 1:
        first = r.stderr.strip().split("\n")[0]
        # The reason without the schedule-specific text: "x0_from has no formula: ..." and the like.
        return None, ("refused", re.sub(r"'[^']*'", "'…'", first.split(": ")[-1])[:100])
    if r.returncode != 0:
        return None, ("fail", f"exit status {r.returncode}: {r.stderr.strip()[:300]}")
    return out, None


def measure_schedule(job):
    """The measurement of one schedule; an exception of the generated code is a failure."""
    try:
        return measure_generated(job)
    except Exception as e:  # noqa: BLE001 -- reported, with the schedule, as a failure of the run
        return {"name": f"g{job[2]}", "rows": [], "skipped": None, "failures": [f"g{job[2]}: {type(e).__name__}: {str(e)[:300]}"]}


def measure_generated(job):
    binary, seed, index, timeout = job
    s = generator.schedule_at(seed, index, None)
    result = {"name": s["name"], "rows": [], "skipped": None, "failures": []}
    d = s["domain"]
    if d["hi"] is None:
        result["skipped"] = ("counted", "half-infinite domain: no grid")
        return result
    a, b = d["a"], d["b"]
    singular = [float(generator.mp_const(h)) for h in s["hints"]]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, f"{s['name']}.sched")
        with open(path, "w") as f:
            f.write(generator.schedule_text(s))
        modules = {}
        for label, options in (("stable", []), ("naive", ["--naive"])):
            out, why = generate_module(binary, path, options, timeout)
            if why is not None:
                if why[0] == "fail":
                    result["failures"].append(f"{s['name']} {label}: {why[1]}")
                else:
                    result["skipped"] = why
                return result
            try:
                py_compile.compile(out, doraise=True)
            except py_compile.PyCompileError as e:
                result["failures"].append(f"{s['name']} {label}: does not compile: {e.msg[:300]}")
                return result
            findings = lint(out)
            if findings:
                result["failures"].append(f"{s['name']} {label}: pyflakes: {findings[:300]}")
            spec = importlib.util.spec_from_file_location(f"generated_{label}_{index}", out)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            modules[label] = module
        t, second = grid(a, b)
        keep = np.array([all(abs(x - p) > NEAR_SINGULAR for p in singular) for x in t])
        t, second = t[keep], second[keep]
        for name in FUNCTIONS:
            stable_function = getattr(modules["stable"].SCHEDULES[s["name"]], name)
            naive_function = getattr(modules["naive"].SCHEDULES[s["name"]], name)
            times = [t, second] if name == "step" else [t]
            components = formulas(stable_function)
            vectors = 0 if name in ("alpha", "sigma", "logsnr", "snr", "loss_weight_eps", "loss_weight_x0") else len(components)
            codes = [compile(codegen_values.python_formula(formula), "<formula>", "eval") for formula in components]
            exact = [[codegen_values.exact_value(code, "t", "s", ti, si) for ti, si in zip(t, second)] for code in codes]
            # The function is undefined where one of its coefficients is (there the others,
            # read through unit vectors, are NaN*0): only the points where all are defined.
            defined = [i for i in range(len(t)) if all(e[i] is not None for e in exact)]
            for k in range(len(components)):
                row = {"schedule": s["name"], "function": name, "component": k}
                for label, function in (("stable", stable_function), ("naive", naive_function)):
                    values = codegen_values.coefficient_values(function, vectors, k, times)
                    worst, at = 0.0, None
                    for i in defined:
                        error, mixed = codegen_values.ulps(float(values[i]), exact[k][i])
                        error = mixed if name == "logsnr" else error
                        if error > worst:
                            worst, at = error, float(t[i])
                    row[label] = {"ulps": worst, "at": at, "points": len(defined)}
                result["rows"].append(row)
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary")
    ap.add_argument("--count", type=int, default=500)
    ap.add_argument("--seed", type=int, default=20261201)
    ap.add_argument("--workers", type=int, default=6)
    ap.add_argument("--timeout", type=float, default=60.0)
    args = ap.parse_args()
    jobs = [(args.binary, args.seed, i, args.timeout) for i in range(args.count)]
    with multiprocessing.Pool(args.workers) as pool:
        results = pool.map(measure_schedule, jobs, chunksize=1)
    skipped = collections.Counter(r["skipped"][1] for r in results if r["skipped"])
    rows = [row for r in results for row in r["rows"]]
    measured = sorted(set(r["name"] for r in results if r["rows"]))
    over = [row for row in rows if row["stable"]["ulps"] > BOUND]
    unmeasured = [row for row in rows if row["stable"]["points"] == 0]

    def number(x):
        """An error for JSON, which has no infinity: "inf" for an infinite one."""
        return "inf" if math.isinf(x) else x

    def worst(label):
        finite = [row for row in rows if row[label]["points"] > 0]
        row = max(finite, key=lambda row: row[label]["ulps"], default=None)
        return None if row is None else {"schedule": row["schedule"], "function": row["function"], "component": row["component"],
                                         "ulps": number(row[label]["ulps"]), "at": row[label]["at"]}

    print(json.dumps({
        "schedules": args.count,
        "measured_schedules": len(measured),
        "skipped": dict(sorted(skipped.items())),
        "coefficients": len(rows),
        "coefficients_not_measured": len(unmeasured),
        "coefficients_over_bound": len(over),
        "naive_over_bound": sum(1 for row in rows if row["naive"]["ulps"] > BOUND),
        "over_bound": [{"schedule": r["schedule"], "function": r["function"], "component": r["component"],
                        "ulps": number(r["stable"]["ulps"]), "at": r["stable"]["at"]} for r in sorted(over, key=lambda r: -r["stable"]["ulps"])],
        "worst_stable": worst("stable"),
        "worst_naive": worst("naive"),
        "stable_better": sum(1 for row in rows if row["stable"]["ulps"] < row["naive"]["ulps"]),
        "naive_better": sum(1 for row in rows if row["stable"]["ulps"] > row["naive"]["ulps"]),
        "failures": [f for r in results for f in r["failures"]],
    }, indent=1, allow_nan=False))


if __name__ == "__main__":
    main()
