#!/usr/bin/env python3
"""Independent oracle for sched's simplifier: SymPy + mpmath values.

Reads JSON lines {"input": ascii, "result": ascii, "zero": bool} (sched's input
syntax; `^` is turned into `**`) and, for each, evaluates input and result at five
rational points (t, x, s drawn from a fixed-seed generator in [1/10, 2]) to 40
digits. Prints one JSON line per case:

  {"checked": k, "mismatch": null | "...", "zero_violation": null | "..."}

`checked` counts the points where the input is real and finite (others are outside
its domain and skipped). A mismatch is a point where the two differ by more than
1e-30 relative; a zero violation is a point where sched claimed a proven zero but
the input's value exceeds 1e-30 in magnitude.
"""
import json
import random
import sys

import sympy as sp

t, x, s = sp.symbols("t x s", real=True)
LOCALS = {
    "t": t, "x": x, "s": s, "pi": sp.pi,
    "sigmoid": lambda a: 1 / (1 + sp.exp(-a)),
    "diff": sp.diff, "atan": sp.atan, "log": sp.log, "sqrt": sp.sqrt,
}


def parse(text):
    return sp.sympify(text.replace("^", "**"), locals=LOCALS)


def value(expr, point):
    v = sp.N(expr, 40, subs=point)
    if not v.is_number or v.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        return None
    re, im = v.as_real_imag()
    if abs(im) > sp.Float(10) ** -35:
        return None
    return sp.Float(re, 40)


def main():
    rng = random.Random(7)
    points = []
    for _ in range(5):
        points.append({sym: sp.Rational(rng.randint(1, 200), 100) for sym in (t, x, s)})
    for line in sys.stdin:
        case = json.loads(line)
        out = {"checked": 0, "mismatch": None, "zero_violation": None}
        try:
            a = parse(case["input"])
            b = parse(case["result"])
            for p in points:
                va = value(a, p)
                if va is None:
                    continue
                vb = value(b, p)
                out["checked"] += 1
                scale = max(sp.Float(1), abs(va))
                if vb is None or abs(va - vb) > sp.Float(10) ** -30 * scale:
                    out["mismatch"] = f"at {p}: input {va}, result {vb}"
                    break
                if case["zero"] and abs(va) > sp.Float(10) ** -30:
                    out["zero_violation"] = f"at {p}: input {va}"
                    break
        except Exception as error:  # noqa: BLE001 - reported, the Swift side decides
            out["mismatch"] = f"SymPy failed: {type(error).__name__}: {error}"
        print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
