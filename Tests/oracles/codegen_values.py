"""Oracle for `sched codegen`: runs a generated NumPy module and compares every
function, coefficient by coefficient, with its exact formula evaluated by mpmath at
50 digits, at the exact float64 inputs.

Reads JSON on stdin: {"module": PATH, "schedules": [{"name", "time", "second",
"points": [[t_hex, s_hex], ...], "functions": [{"name", "vectors", "times",
"components": [FORMULA, ...]}]}]}, the formulas in sched's ASCII syntax.
Prints one JSON object per coefficient: the largest error in ulps of the exact value
(max_ulps, at), and in ulps of max(|exact|, 1) (max_mixed_ulps), over the points where
the formula is defined.
"""
import importlib.util
import json
import math
import re
import sys

import mpmath
import numpy as np

mpmath.mp.dps = 50

NAMES = {
    "sqrt": mpmath.sqrt, "exp": mpmath.exp, "log": mpmath.log, "sin": mpmath.sin, "cos": mpmath.cos,
    "tan": mpmath.tan, "atan": mpmath.atan, "sinh": mpmath.sinh, "cosh": mpmath.cosh, "tanh": mpmath.tanh,
    "erf": mpmath.erf, "sigmoid": lambda x: 1 / (1 + mpmath.exp(-x)), "softplus": lambda x: mpmath.log(1 + mpmath.exp(x)),
    "logit": lambda x: mpmath.log(x / (1 - x)), "pi": mpmath.pi, "mpf": mpmath.mpf,
}


def python_formula(text):
    # Every number literal exact (mpf from its decimal text), ^ as **.
    text = re.sub(r"(?<![A-Za-z_])(\d+(?:\.\d+)?(?:e-?\d+)?)", r"mpf('\1')", text)
    return text.replace("^", "**")


def load(path):
    spec = importlib.util.spec_from_file_location("generated", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def exact_value(code, time, second, ti, si):
    """The formula at the exact floats (t, s) to 50 digits; None where it is undefined or not real."""
    names = dict(NAMES)
    names[time] = mpmath.mpf(float(ti))
    names[second] = mpmath.mpf(float(si))
    try:
        exact = eval(code, {"__builtins__": {}}, names)
    except (ZeroDivisionError, ValueError):
        return None
    return None if isinstance(exact, mpmath.mpc) else exact


def ulps(value, exact):
    """|value - exact| in ulps of exact and in ulps of max(|exact|, 1)."""
    if not math.isfinite(value):
        return math.inf, math.inf
    if exact == 0:
        return (0.0 if value == 0 else math.inf), abs(value) / math.ulp(1.0)
    difference = abs(mpmath.mpf(float(value)) - exact)
    return float(difference / math.ulp(float(abs(exact)))), float(difference / math.ulp(max(float(abs(exact)), 1.0)))


def measure(code, values, t, s, time, second):
    """The largest error in ulps over the points where the formula is defined, where it
    occurs, the largest in ulps of max(|exact|, 1), and the number of points measured."""
    worst, at, mixed, points = 0.0, None, 0.0, 0
    for ti, si, value in zip(t, s, values):
        exact = exact_value(code, time, second, ti, si)
        if exact is None:
            continue
        points += 1
        error, error_mixed = ulps(float(value), exact)
        if error > worst:
            worst, at = error, float(ti)
        mixed = max(mixed, error_mixed)
    return worst, at, mixed, points


def coefficient_values(function, vectors, index, times):
    """One coefficient of a generated function at the times: the vector arguments are a
    unit vector for the coefficient's and zeros for the others (none for a scalar function)."""
    args = [np.full(times[0].shape, 1.0 if i == index else 0.0) for i in range(vectors)]
    with np.errstate(all="ignore"):
        return np.broadcast_to(np.asarray(function(*args, *times), dtype=np.float64), times[0].shape)


def main():
    plan = json.load(sys.stdin)
    module = load(plan["module"])
    for schedule in plan["schedules"]:
        cls = module.SCHEDULES[schedule["name"]]
        t = np.array([float.fromhex(p[0]) for p in schedule["points"]])
        s = np.array([float.fromhex(p[1]) for p in schedule["points"]])
        for f in schedule["functions"]:
            function = getattr(cls, f["name"])
            vectors = f["vectors"]
            for index, formula in enumerate(f["components"]):
                code = compile(python_formula(formula), "<formula>", "eval")
                values = coefficient_values(function, len(vectors), index, [t, s][: f["times"]])
                worst, at, mixed, points = measure(code, values, t, s, schedule["time"], schedule["second"])
                print(json.dumps({"schedule": schedule["name"], "function": f["name"], "component": index,
                                  "max_ulps": worst, "at": at, "max_mixed_ulps": mixed, "points": points}))


if __name__ == "__main__":
    main()
