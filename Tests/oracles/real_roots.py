#!/usr/bin/env python3
"""Independent oracle for sched's real-root isolation: SymPy's real_roots.

Generates random integer polynomials of degree 1-40 (fixed seed), many with repeated
and rational factors, each with an interval (bounded or not, ends open or closed,
ends sometimes exactly at a rational root), and prints one JSON object per line:

  {"coefficients": [c0, c1, ...], "interval": "[a, b)",
   "roots": [{"exact": "p/q" | null, "approx": "50-digit decimal", "multiplicity": m}, ...]}

listing SymPy's real roots inside the interval, in increasing order.
"""
import json
import random
import sys

import sympy as sp

x = sp.Symbol("x")


def random_factor(rng):
    kind = rng.random()
    if kind < 0.35:  # rational root
        return sp.Integer(rng.randint(1, 6)) * x - rng.randint(-9, 9)
    if kind < 0.6:  # quadratic, often irreducible with real roots
        return x**2 - rng.randint(-3, 12) * x + rng.randint(-10, 10)
    degree = rng.randint(3, 9)
    return sp.Add(*[rng.randint(-30, 30) * x**k for k in range(degree)]) + rng.randint(1, 5) * x**degree


def random_polynomial(rng):
    if rng.random() < 0.3:  # dense random
        degree = rng.randint(1, 40)
        coeffs = [rng.randint(-50, 50) for _ in range(degree)] + [rng.choice([-3, -2, -1, 1, 2, 3])]
        return sp.Poly(list(reversed(coeffs)), x)
    p = sp.Integer(rng.choice([-2, -1, 1, 3]))
    degree = 0
    while degree < rng.randint(1, 40):
        f = random_factor(rng)
        e = rng.choice([1, 1, 1, 2, 2, 3])
        if degree + sp.degree(f, x) * e > 40:
            break
        p *= f**e
        degree += sp.degree(f, x) * e
    poly = sp.Poly(sp.expand(p), x)
    if poly.degree() < 1:
        poly = sp.Poly(x - 1, x)
    return poly


def random_interval(rng, rational_roots):
    kind = rng.random()
    if kind < 0.25:
        return ("(", None, None, ")")
    if kind < 0.35:
        return ("(", rng.choice(rational_roots) if rational_roots else sp.Rational(0), None, ")")
    ends = sorted(sp.Rational(rng.randint(-40, 40), rng.randint(1, 4)) for _ in range(2))
    if rational_roots and rng.random() < 0.5:
        ends[rng.randint(0, 1)] = rng.choice(rational_roots)
        ends.sort()
    return (rng.choice("[("), ends[0], ends[1], rng.choice("])"))


def inside(r, iv):
    left, a, b, right = iv
    if a is not None and (r < a or (left == "(" and r == a)):
        return False
    if b is not None and (r > b or (right == ")" and r == b)):
        return False
    return True


def text(iv):
    left, a, b, right = iv
    return f"{left}{'-inf' if a is None else a}, {'inf' if b is None else b}{right}"


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    rng = random.Random(20261122)
    for _ in range(count):
        poly = random_polynomial(rng)
        roots = sp.real_roots(poly)  # with multiplicity, increasing
        rational_roots = sorted({r for r in roots if r.is_Rational})
        iv = random_interval(rng, rational_roots)
        grouped = []
        for r in roots:
            if grouped and grouped[-1][0] == r:
                grouped[-1][1] += 1
            else:
                grouped.append([r, 1])
        listed = []
        for r, m in grouped:
            if not inside(r, iv):
                continue
            listed.append({
                "exact": str(r) if r.is_Rational else None,
                "approx": str(sp.N(r, 50)),
                "multiplicity": m,
            })
        coefficients = [str(c) for c in reversed(poly.all_coeffs())]
        print(json.dumps({"coefficients": coefficients, "interval": text(iv), "roots": listed}))


if __name__ == "__main__":
    main()
