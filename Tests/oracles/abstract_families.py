"""Oracle for schedules over abstract functions (Tests/SchedulesTests/AbstractFunctionOracleTests.swift).

Reads JSON on stdin: {"cases": [{"alpha": "...", "sigma": "...", "c": "...", "d": "...",
"quantities": {"det": "...", "cov": "...", ...}, "data_variance": "1",
"instances": [{"alpha": "cos(pi*t/2)", "sigma": "..."}], "points": ["1/11", ...]}]}.

sched's results are written in the abstract names alpha, alpha', alpha'', sigma, ...
For each instance (concrete functions of t for the abstract names), SymPy substitutes
the functions and their derivatives into sched's results, recomputes each quantity
from its definition (det = alpha d - sigma c, Cov = alpha c s^2 + sigma d,
Var(x_t) = alpha^2 s^2 + sigma^2, Var(y) = c^2 s^2 + d^2, rho = Cov/sqrt(Var Var))
out of the substituted alpha, sigma, c, d, and compares both at the points with
mpmath at 40 digits. Prints one JSON line per case: {"compared": n, "mismatches": [...]}.
"""
import json
import re
import sys

import mpmath
import sympy

mpmath.mp.dps = 40
t = sympy.Symbol("t", real=True)


def parse(text, functions):
    """sched's ASCII, with alpha'' -> alpha_pp etc., as SymPy in terms of the instance's functions."""
    names = {}
    for name, f in functions.items():
        names[name] = f
        names[name + "_p"] = sympy.diff(f, t)
        names[name + "_pp"] = sympy.diff(f, t, 2)
    renamed = re.sub(r"([A-Za-z_][A-Za-z0-9_]*)''", r"\1_pp", text)
    renamed = re.sub(r"([A-Za-z_][A-Za-z0-9_]*)'", r"\1_p", renamed)
    expr = sympy.sympify(renamed.replace("^", "**"), locals={"t": t, "pi": sympy.pi, "sqrt": sympy.sqrt,
                                                            "exp": sympy.exp, "log": sympy.log, "cos": sympy.cos,
                                                            "sin": sympy.sin, **names})
    return expr


def value(expr, point):
    try:
        v = sympy.N(expr.subs(t, sympy.Rational(point)), 40)
    except Exception:
        return None
    if not v.is_real or v.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
        return None
    return mpmath.mpf(str(v))


def check(case):
    mismatches = []
    compared = 0
    for instance in case["instances"]:
        functions = {name: sympy.sympify(text.replace("^", "**"), locals={"t": t, "pi": sympy.pi})
                     for name, text in instance.items()}
        a, s, c, d = (parse(case[k], functions) for k in ("alpha", "sigma", "c", "d"))
        v = parse(case["data_variance"], functions)
        definitions = {
            "det": a * d - s * c,
            "cov": a * c * v + s * d,
            "var_x": a ** 2 * v + s ** 2,
            "var_y": c ** 2 * v + d ** 2,
            "rho": (a * c * v + s * d) / sympy.sqrt((a ** 2 * v + s ** 2) * (c ** 2 * v + d ** 2)),
        }
        for name, text in case["quantities"].items():
            derived = parse(text, functions)
            for point in case["points"]:
                x, y = value(derived, point), value(definitions[name], point)
                if x is None or y is None:
                    continue   # not defined there for this instance
                compared += 1
                if abs(x - y) > mpmath.mpf("1e-25") * (1 + abs(y)):
                    mismatches.append(f"{name} = {text} with {instance} at t = {point}: {x} vs {y}")
    return {"compared": compared, "mismatches": mismatches}


def main():
    request = json.load(sys.stdin)
    for case in request["cases"]:
        try:
            print(json.dumps(check(case)), flush=True)
        except Exception as error:   # reported by the test as an oracle failure
            print(json.dumps({"compared": 0, "mismatches": [f"oracle error: {error!r}"]}), flush=True)


if __name__ == "__main__":
    main()
