#!/usr/bin/env python3
"""Independent oracle for `sched design`: SymPy + mpmath.

Reads the JSON documents of `sched design --format json`, one after another. For each, it
rebuilds det A = alpha*d - sigma*c and
rho = (alpha*c*s2 + sigma*d) / sqrt((alpha^2*s2 + sigma^2) * (c^2*s2 + d^2))
from the designed c, d and the forward process (sched's ASCII syntax; `^` becomes
`**`), and compares det A, rho, Var(y) = c^2*s2 + d^2, amp_x0 = sigma/det and
amp_eps = alpha/det with each requirement's value at 20 random rational points
strictly inside the time domain (requirements may use alpha, sigma and
data_variance), to 30 digits (mpmath at 50). Numeric parameters
take their values; a symbolic one a random rational in [1/2, 2] at each point.
Prints one line per document, then the summary "N documents, K checks, M mismatches".
"""
import json
import random
import sys

import mpmath
import sympy as sp

mpmath.mp.dps = 50
FUNCTIONS = {"pi": sp.pi, "sqrt": sp.sqrt, "exp": sp.exp, "log": sp.log, "cos": sp.cos, "sin": sp.sin,
             "tan": sp.tan, "atan": sp.atan, "sigmoid": lambda a: 1 / (1 + sp.exp(-a))}


def parse(text, names):
    return sp.sympify(text.replace("^", "**"), locals={**FUNCTIONS, **names})


def main():
    rng = random.Random(20261201)
    documents = checks = mismatches = 0
    text, position, decoder = sys.stdin.read(), 0, json.JSONDecoder()
    while text[position:].strip():
        doc, position = decoder.raw_decode(text, len(text) - len(text[position:].lstrip()))
        documents += 1
        forward = doc["forward"]
        time = forward["time"]
        names = {time["name"]: sp.Symbol(time["name"], real=True)}
        for p in forward["params"]:
            names[p] = sp.Symbol(p, positive=True)
        t = names[time["name"]]
        alpha, sigma, s2 = (parse(forward[k], names) for k in ("alpha", "sigma", "data_variance"))
        names.update({"alpha": alpha, "sigma": sigma, "data_variance": s2})   # requirements may use them
        c, d = parse(doc["target"]["c"], names), parse(doc["target"]["d"], names)
        det = alpha * d - sigma * c
        quantities = {
            "det": det,
            "rho": (alpha * c * s2 + sigma * d) / sp.sqrt((alpha**2 * s2 + sigma**2) * (c**2 * s2 + d**2)),
            "var_y": c**2 * s2 + d**2,
            "amp_x0": sigma / det,
            "amp_eps": alpha / det,
        }
        lower, upper = parse(time["lower"], names), parse(time["upper"], names)
        bad = []
        for _ in range(20):
            point = {}
            for p, value in forward["params"].items():
                point[names[p]] = parse(value, names) if value is not None else sp.Rational(rng.randint(50, 200), 100)
            fraction = sp.Rational(rng.randint(1, 9999), 10000)
            point[t] = (lower + (upper - lower) * fraction).subs(point)
            for r in doc["requirements"]:
                got = sp.N(quantities[r["quantity"]].subs(point), 50)
                want = sp.N(parse(r["value"], names).subs(point), 50)
                checks += 1
                if not (got.is_real and want.is_real) or abs(got - want) > sp.Float(10) ** -30 * max(1, abs(want)):
                    bad.append(f"{r['quantity']} at {time['name']} = {point[t]}: {got} != {want}")
        mismatches += len(bad)
        print(json.dumps({"schedule": doc["schedule"], "mismatches": bad}))
    print(f"{documents} documents, {checks} checks, {mismatches} mismatches")


if __name__ == "__main__":
    main()
