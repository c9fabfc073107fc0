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
                args = [np.full(t.shape, 1.0 if i == index else 0.0) for i in range(len(vectors))]
                with np.errstate(all="ignore"):
                    values = np.broadcast_to(np.asarray(function(*args, *([t, s][: f["times"]])), dtype=np.float64), t.shape)
                worst, mixed, at, points = 0.0, 0.0, None, 0
                for ti, si, value in zip(t, s, values):
                    names = dict(NAMES)
                    names[schedule["time"]] = mpmath.mpf(float(ti))
                    names[schedule["second"]] = mpmath.mpf(float(si))
                    try:
                        exact = eval(code, {"__builtins__": {}}, names)
                    except (ZeroDivisionError, ValueError):
                        continue
                    if isinstance(exact, mpmath.mpc):
                        continue
                    points += 1
                    if not math.isfinite(value):
                        error, error_mixed = math.inf, math.inf
                    elif exact == 0:
                        error = 0.0 if value == 0 else math.inf
                        error_mixed = abs(value) / math.ulp(1.0)
                    else:
                        difference = abs(mpmath.mpf(float(value)) - exact)
                        error = float(difference / math.ulp(float(abs(exact))))
                        error_mixed = float(difference / math.ulp(max(float(abs(exact)), 1.0)))
                    if error > worst:
                        worst, at = error, float(ti)
                    mixed = max(mixed, error_mixed)
                print(json.dumps({"schedule": schedule["name"], "function": f["name"], "component": index,
                                  "max_ulps": worst, "at": at, "max_mixed_ulps": mixed, "points": points}))


main()
