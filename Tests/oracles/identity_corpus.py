#!/usr/bin/env python3
"""A corpus of classical identities and perturbed non-identities for `sched simplify`.

Written from the classical tables: angle addition, multiple and half angles, products
to sums (Abramowitz-Stegun 4.3), reduction of rational multiples of pi, exact values
cos(k pi/n) for n <= 30 (radicals where n is constructible, minimal polynomials
otherwise), denesting of square roots (sqrt(x + y + 2 sqrt(xy)) = sqrt(x) + sqrt(y),
Borodin-Fagin-Hopcroft-Tompa's examples), rationalised radicals, and the log/power laws
for positive symbols (A-S 4.1, 4.2).

Prints one JSON line per case, deterministic (no randomness in the cases):

  {"category": str, "expression": str, "identity": bool, "positive": [names]}

`expression` is "(A) - (B)" in sched's input syntax (also Python syntax), zero for an
identity. A non-identity perturbs an identity (a constant added, a factor or an
argument changed). Every case is checked here with mpmath at 50 digits at three
points in the domain (positive names in (0, 2), others in (-2, 2)): an identity must be
below 1e-40 at each point where it is defined, a non-identity above 1e-20 at one of
them; a case failing its check is an error of this script and stops it (exit 1).
"""
import itertools
import json
import re
import sys

import mpmath as mp
import sympy as sp

mp.mp.dps = 50

CASES = []


def add(category, lhs, rhs, perturbed_rhs=None, positive=()):
    """The identity lhs = rhs and its perturbation lhs = perturbed_rhs (default: rhs + 1/1000)."""
    CASES.append((category, f"({lhs}) - ({rhs})", True, list(positive)))
    wrong = perturbed_rhs if perturbed_rhs is not None else f"{rhs} + 1/1000"
    CASES.append((category, f"({lhs}) - ({wrong})", False, list(positive)))


# Angle addition (A-S 4.3.16, 4.3.17, 4.3.18).
ANGLES = ["x", "y", "2*x", "x/2", "3*t", "(t + 1)", "1", "2", "(x + y)", "pi/5*t"]
for u, v in itertools.combinations(ANGLES, 2):
    add("angle addition", f"sin({u} + {v})", f"sin({u})*cos({v}) + cos({u})*sin({v})",
        f"sin({u})*cos({v}) - cos({u})*sin({v})")
    add("angle addition", f"cos({u} - {v})", f"cos({u})*cos({v}) + sin({u})*sin({v})",
        f"cos({u})*cos({v}) + sin({u})*sin({v}) + 1/1000")
for u, v in [("x", "y"), ("t", "2*t"), ("x", "1"), ("2*x", "y")]:
    add("angle addition", f"tan({u} + {v})", f"(tan({u}) + tan({v}))/(1 - tan({u})*tan({v}))",
        f"(tan({u}) + tan({v}))/(1 + tan({u})*tan({v}))")
    add("angle addition", f"sin({u} + {v}) + sin({u} - {v})", f"2*cos({v})*sin({u})", f"2*cos({u})*sin({v})")

# Multiple angles (A-S 4.3.24 to 4.3.29).
for a in ["x", "t", "2*t", "x/3", "t + 1", "3*x", "1", "x + y", "y", "2*x + 1", "t/2", "pi*t/3"]:
    add("multiple angle", f"sin(2*({a}))", f"2*sin({a})*cos({a})", f"sin({a})*cos({a})")
    add("multiple angle", f"cos(2*({a}))", f"2*cos({a})**2 - 1", f"2*cos({a})**2 + 1")
    add("multiple angle", f"cos(2*({a}))", f"1 - 2*sin({a})**2")
    add("multiple angle", f"cos(2*({a}))", f"cos({a})**2 - sin({a})**2", f"cos({a})**2 + sin({a})**2")
    add("multiple angle", f"sin(3*({a}))", f"3*sin({a}) - 4*sin({a})**3", f"3*sin({a}) - 3*sin({a})**3")
    add("multiple angle", f"cos(3*({a}))", f"4*cos({a})**3 - 3*cos({a})")
    add("multiple angle", f"tan(2*({a}))", f"2*tan({a})/(1 - tan({a})**2)", f"2*tan({a})/(1 + tan({a})**2)")
    add("multiple angle", f"sin(4*({a}))", f"4*sin({a})*cos({a})*(1 - 2*sin({a})**2)")

# Half angles (A-S 4.3.20 to 4.3.23).
for a in ["x", "t", "2*t", "t + 1", "3*x", "x + y"]:
    add("half angle", f"sin(({a})/2)**2", f"(1 - cos({a}))/2", f"(1 + cos({a}))/2")
    add("half angle", f"cos(({a})/2)**2", f"(1 + cos({a}))/2")
    add("half angle", f"tan(({a})/2)", f"sin({a})/(1 + cos({a}))", f"sin({a})/(1 - cos({a}))")
    add("half angle", f"tan(({a})/2)", f"(1 - cos({a}))/sin({a})")
    add("half angle", f"2*sin(({a})/2)*cos(({a})/2)", f"sin({a})")

# Products to sums (A-S 4.3.31 to 4.3.33).
PAIRS = [("x", "y"), ("2", "3"), ("1", "2"), ("t", "2*t"), ("x", "1"), ("3*t", "t"), ("(x + 1)", "(x - 1)"), ("pi*t", "t")]
for u, v in PAIRS:
    add("product to sum", f"cos({u})*cos({v})", f"cos({u} - ({v}))/2 + cos({u} + {v})/2",
        f"cos({u} - ({v}))/2 - cos({u} + {v})/2")
    add("product to sum", f"sin({u})*sin({v})", f"cos({u} - ({v}))/2 - cos({u} + {v})/2",
        f"cos({u} - ({v}))/2 + cos({u} + {v})/2")
    add("product to sum", f"sin({u})*cos({v})", f"sin({u} + {v})/2 + sin({u} - ({v}))/2")
    add("product to sum", f"sin({u}) + sin({v})", f"2*sin(({u} + {v})/2)*cos(({u} - ({v}))/2)",
        f"2*cos(({u} + {v})/2)*sin(({u} - ({v}))/2)")

# Reduction of rational multiples of pi: sin(pi - a) = sin(a), cos(pi - a) = -cos(a),
# tan(pi + a) = tan(a).
for n in [5, 7, 9, 11, 13, 105]:
    for k in [1, 2, 3]:
        add("pi multiples", f"sin({n - k}*pi/{n})", f"sin({k}*pi/{n})", f"sin({k}*pi/{n} + pi/{2 * n})")
        add("pi multiples", f"cos({n - k}*pi/{n})", f"-cos({k}*pi/{n})", f"cos({k}*pi/{n})")
        add("pi multiples", f"tan({n + k}*pi/{n})", f"tan({k}*pi/{n})")


# Exact values cos(k pi/n), n <= 30: radicals for constructible n (SymPy's closed forms),
# the minimal polynomial otherwise.
for n in range(5, 31):
    if n in (6,):
        continue
    for k in range(1, n):
        if sp.gcd(k, n) != 1:
            continue
        for name, function in (("cos", sp.cos), ("sin", sp.sin)):
            if name == "sin" and 2 * k > n:
                continue
            c = function(sp.pi * k / n)
            radical = c.rewrite(sp.sqrt) if c.has(sp.cos, sp.sin) else c
            if not radical.has(sp.cos, sp.sin) and len(str(radical)) < 300:
                add("exact values", f"{name}({k}*pi/{n})", str(radical))
                continue
            z = sp.Symbol("z")
            poly = sp.minimal_polynomial(c, z)
            if sp.degree(poly, z) > 8:
                continue
            add("exact values", str(poly.subs(z, sp.Symbol(f"{name}({k}*pi/{n})"))), "0", "1/1000")

# Denesting: sqrt(x + y + 2 sqrt(x y)) = sqrt(x) + sqrt(y), sqrt(x + y - 2 sqrt(x y)) = sqrt(x) - sqrt(y) for x > y.
for xv, yv in [(2, 3), (1, 2), (1, 3), (5, 7), (2, 5), (3, 5), (1, 5), (6, 7), (2, 7), (3, 10), (1, 6), (5, 6),
               (2, 11), (3, 7), (5, 11), (7, 10), (1, 7), (3, 13), (6, 11), (2, 15), (10, 11), (5, 13)]:
    s = xv + yv
    add("denesting", f"sqrt({s} + 2*sqrt({xv * yv}))", f"sqrt({xv}) + sqrt({yv})", f"sqrt({xv}) + sqrt({yv + 1})")
    add("denesting", f"sqrt({s} - 2*sqrt({xv * yv}))", f"sqrt({yv}) - sqrt({xv})")
    add("denesting", f"1/sqrt({s} + 2*sqrt({xv * yv}))", f"(sqrt({yv}) - sqrt({xv}))/{yv - xv}")
# Borodin-Fagin-Hopcroft-Tompa and classical nested radicals.
add("denesting", "sqrt(5 + 2*sqrt(6))", "sqrt(2) + sqrt(3)")
add("denesting", "sqrt(2 + sqrt(3))*sqrt(2 - sqrt(3))", "1")
add("denesting", "sqrt(2 + sqrt(3))", "(sqrt(2) + sqrt(6))/2")
add("denesting", "sqrt(12 + 2*sqrt(35))", "sqrt(5) + sqrt(7)")
add("denesting", "sqrt(16 - 2*sqrt(55))", "sqrt(11) - sqrt(5)")
add("denesting", "sqrt(3 + 2*sqrt(2))", "1 + sqrt(2)")
add("denesting", "(7 + 5*sqrt(2))**(1/3)", "1 + sqrt(2)")
add("denesting", "sqrt(10 + 2*sqrt(21))", "sqrt(3) + sqrt(7)")
add("denesting", "sqrt(4 + sqrt(7)) - sqrt(4 - sqrt(7))", "sqrt(2)")
add("denesting", "sqrt(sqrt(2) + 1)*sqrt(sqrt(2) - 1)", "1")
add("denesting", "1/(sqrt(2) + sqrt(3) + sqrt(5))", "(2*sqrt(3) + 3*sqrt(2) - sqrt(30))/12")
add("denesting", "sqrt(2)*sqrt(3) - sqrt(6)", "0")

# Logs and powers of positive symbols (A-S 4.1.9 to 4.1.11, 4.2.1 to 4.2.4).
POSITIVE = ["p", "q"]
for u, v in [("p", "q"), ("p", "2"), ("(p**2)", "q"), ("p", "(p*q)")]:
    add("logs and powers", f"log({u}*{v})", f"log({u}) + log({v})", f"log({u}) + log({v}) + log(2)", POSITIVE)
    add("logs and powers", f"log({u}/{v})", f"log({u}) - log({v})", f"log({u}) + log({v})", POSITIVE)
    add("logs and powers", f"{u}**x*{v}**x", f"({u}*{v})**x", f"({u}*{v})**(x + 1)", POSITIVE)
for r in ["2", "3", "1/2", "x", "-1", "2/3"]:
    add("logs and powers", f"log(p**({r}))", f"({r})*log(p)", f"({r} + 1)*log(p)", POSITIVE)
    add("logs and powers", f"exp(({r})*log(p))", f"p**({r})", None, POSITIVE)
    add("logs and powers", f"p**({r} + x)", f"p**({r})*p**x", None, POSITIVE)
add("logs and powers", "sqrt(p**2*q)", "p*sqrt(q)", "q*sqrt(p)", POSITIVE)
add("logs and powers", "exp(log(p) + log(q))", "p*q", None, POSITIVE)
add("logs and powers", "log(exp(x))", "x", None, POSITIVE)
add("logs and powers", "exp(2*x)", "exp(x)**2", None, POSITIVE)
add("logs and powers", "exp(x + y)", "exp(x)*exp(y)", "exp(x)*exp(2*y)", POSITIVE)


# ---- mpmath checks ----------------------------------------------------------------

NUMBER = re.compile(r"(?<![\w.])(\d+)(?![\w.])")
FUNCTIONS = {"sin": mp.sin, "cos": mp.cos, "tan": mp.tan, "sqrt": mp.sqrt, "log": mp.log, "exp": mp.exp,
             "pi": mp.pi, "mpf": mp.mpf}
POINTS = [{"x": "7/13", "y": "-5/11", "t": "3/7", "p": "5/3", "q": "2/7"},
          {"x": "-4/9", "y": "6/5", "t": "11/17", "p": "3/8", "q": "9/5"},
          {"x": "13/10", "y": "1/6", "t": "-2/9", "p": "7/4", "q": "4/3"}]


def value(expression, point):
    names = {k: mp.mpf(sp.Rational(v).p) / sp.Rational(v).q for k, v in point.items()}
    text = NUMBER.sub(lambda m: f"mpf('{m.group(1)}')", expression)
    try:
        v = eval(text, {"__builtins__": {}}, {**FUNCTIONS, **names})
    except (ZeroDivisionError, ValueError):
        return None
    if isinstance(v, mp.mpc):
        if abs(v.imag) > mp.mpf(10) ** -45:
            return None
        v = v.real
    return v


def main():
    failures = []
    for category, expression, identity, positive in CASES:
        values = [v for v in (value(expression, p) for p in POINTS) if v is not None]
        if not values:
            failures.append(f"defined at no point: {expression}")
        elif identity and any(abs(v) > mp.mpf(10) ** -40 for v in values):
            failures.append(f"not an identity: {expression}: {values}")
        elif not identity and all(abs(v) < mp.mpf(10) ** -20 for v in values):
            failures.append(f"perturbation is zero: {expression}")
    if failures:
        print("\n".join(failures), file=sys.stderr)
        sys.exit(1)
    for category, expression, identity, positive in CASES:
        print(json.dumps({"category": category, "expression": expression, "identity": identity, "positive": positive}))


if __name__ == "__main__":
    main()
