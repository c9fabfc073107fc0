#!/usr/bin/env python3
"""Property-based differential test of `sched analyze` and `sched lint` on random domains
(issue #10 "Soundness"), against numpy (dense scan) and mpmath (50 digits).

Random schedules (fixed seed) on random domains -- rational and irrational ends, bounded
and half-infinite, never containing [0, 1] -- with coefficients from a generator that
deliberately produces removable singularities (p*g/(q*g), g = sin(t - r) or exp(t) - exp(r)),
square roots of sign-changing radicands, atan/tan with poles, logs of sign-changing arguments,
even-order zeros, zeros 1e-15 apart and zeros at the ends, mixed with ordinary coefficients.
Each schedule carries `expect` claims. The generator builds its own expression trees (never
SymPy, which would cancel the hidden common factors), so the oracle knows every expression
*as written*: a point is defined when every denominator is nonzero, every sqrt radicand >= 0,
every log argument > 0 and every tan argument off a pole.

Checked, on the schedule's domain D:
  zeros.{det,rho,alpha,sigma}: every point a zero at a defined point of D (exact: |f| < 1e-40;
      enclosure: inside D, exactly one zero, disjoint), `complete` (no zero left out),
      `identically_zero`;
  undefined: listed points/intervals are undefined; `complete` covers every undefined point;
  ends: every quantity's end value (value at a closed end, one-sided limit at an open or
      infinite end, to 30 digits), "undefined" only where it is;
  expectations: no false proof, no false refutation, counterexamples in D and real;
  lint S301 exactly when Var(x_t) != data variance somewhere on D, witness in D;
  lint S304 only when dlambda/dt takes both signs on D or vanishes on an interval.

Usage: domain_differential.py SCHED_BINARY [--count N] [--seed S] [--only FAMILY]
       [--workers W] [--batch B] [--show K] [--keep DIR] [--self-test]
Prints the failures grouped by class, the unknown counts, and a closing line
"N passed, M failed"; exits 1 on any failure (or on a generator bug: a file that does not parse).
--self-test feeds deliberately wrong JSON to every check class and exits 1 unless each one fails.
"""
import argparse
import collections
import json
import math
import multiprocessing
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

import mpmath
import numpy as np

DPS = 100      # exact points are evaluated at 100 digits: sqrt of a rounding error stays below 1e-40
mpmath.mp.dps = DPS

# ---------------------------------------------------------------------------------------
# Expression trees, rendered for sched (`^`) and for Python (numpy / mpmath / math).
# ---------------------------------------------------------------------------------------


class E:
    __slots__ = ("op", "args", "val")

    def __init__(self, op, args=(), val=None):
        self.op, self.args, self.val = op, tuple(args), val

    def __add__(a, b): return add(a, b)
    def __sub__(a, b): return add(a, neg(b))
    def __mul__(a, b): return mul(a, b)
    def __truediv__(a, b): return div(a, b)


def Q(p, q=1):
    return E("num", val=Fraction(p, q))


T = E("t")
PI = E("pi")
ZERO, ONE = Q(0), Q(1)


def var(name):
    return E("var", val=name)


def is_num(e, v=None):
    return e.op == "num" and (v is None or e.val == v)


def add(a, b):
    if is_num(a, 0): return b
    if is_num(b, 0): return a
    if is_num(a) and is_num(b): return Q(a.val + b.val)
    return E("+", (a, b))


def neg(a):
    if is_num(a): return Q(-a.val)
    return E("neg", (a,))


def mul(a, b):
    if is_num(a, 0) or is_num(b, 0): return ZERO
    if is_num(a, 1): return b
    if is_num(b, 1): return a
    if is_num(a) and is_num(b): return Q(a.val * b.val)
    return E("*", (a, b))


def div(a, b):
    if is_num(b, 1): return a
    if is_num(a) and is_num(b) and b.val != 0: return Q(a.val / b.val)
    return E("/", (a, b))


def pw(a, n):
    if n == 1: return a
    return E("pow", (a,), n)


def fn(name, a):
    return E(name, (a,))


FUNCS = ("sqrt", "exp", "log", "sin", "cos", "tan", "atan")


def sched_text(e):
    op = e.op
    if op == "num":
        v = e.val
        s = str(v.numerator) if v.denominator == 1 else f"{v.numerator}/{v.denominator}"
        return f"({s})" if v < 0 or v.denominator != 1 else s
    if op == "t": return "t"
    if op == "pi": return "pi"
    if op == "var": return e.val
    if op == "+": return f"({sched_text(e.args[0])} + {sched_text(e.args[1])})"
    if op == "neg": return f"(-{sched_text(e.args[0])})"
    if op == "*": return f"({sched_text(e.args[0])}*{sched_text(e.args[1])})"
    if op == "/": return f"({sched_text(e.args[0])}/{sched_text(e.args[1])})"
    if op == "pow": return f"({sched_text(e.args[0])}^{e.val})"
    return f"{op}({sched_text(e.args[0])})"


def py_text(e):
    op = e.op
    if op == "num":
        v = e.val
        return f"Q({v.numerator},{v.denominator})"
    if op == "t": return "t"
    if op == "pi": return "pi"
    if op == "var": return f"V_{e.val}"
    if op == "+": return f"({py_text(e.args[0])} + {py_text(e.args[1])})"
    if op == "neg": return f"(-{py_text(e.args[0])})"
    if op == "*": return f"({py_text(e.args[0])}*{py_text(e.args[1])})"
    if op == "/": return f"({py_text(e.args[0])}/{py_text(e.args[1])})"
    if op == "pow": return f"({py_text(e.args[0])}**{e.val})"
    return f"{op}({py_text(e.args[0])})"


def conditions(e, out=None):
    """The definedness conditions of an expression as written: (kind, subexpression)."""
    if out is None: out = []
    for a in e.args: conditions(a, out)
    if e.op == "/": out.append(("nz", e.args[1]))
    elif e.op == "pow" and e.val < 0: out.append(("nz", e.args[0]))
    elif e.op == "sqrt": out.append(("nn", e.args[0]))
    elif e.op == "log": out.append(("pos", e.args[0]))
    elif e.op == "tan": out.append(("nz", fn("cos", e.args[0])))
    return out


def has_t(e):
    return e.op == "t" or any(has_t(a) for a in e.args)


def deriv(e):
    """d/dt of the expression as written (the denominators stay, so definedness is kept)."""
    op = e.op
    if op in ("num", "pi", "var"): return ZERO
    if op == "t": return ONE
    if not has_t(e): return ZERO
    if op == "+": return add(deriv(e.args[0]), deriv(e.args[1]))
    if op == "neg": return neg(deriv(e.args[0]))
    a = e.args[0]
    if op == "*":
        b = e.args[1]
        return add(mul(deriv(a), b), mul(a, deriv(b)))
    if op == "/":
        b = e.args[1]
        return div(add(mul(deriv(a), b), neg(mul(a, deriv(b)))), pw(b, 2))
    da = deriv(a)
    if op == "pow": return mul(mul(Q(e.val), pw(a, e.val - 1) if e.val != 2 else a), da)
    if op == "sqrt": return div(da, mul(Q(2), e))
    if op == "exp": return mul(e, da)
    if op == "log": return div(da, a)
    if op == "sin": return mul(fn("cos", a), da)
    if op == "cos": return neg(mul(fn("sin", a), da))
    if op == "tan": return mul(add(ONE, pw(e, 2)), da)
    if op == "atan": return div(da, add(ONE, pw(a, 2)))
    raise ValueError(op)


# Namespaces: numpy (vectorized float64), mpmath (arbitrary precision).
def _np_sqrt(x): return np.sqrt(x)


NP_NS = {"Q": lambda p, q: p / q, "pi": np.pi, "sqrt": np.sqrt, "exp": np.exp, "log": np.log, "sin": np.sin,
         "cos": np.cos, "tan": np.tan, "atan": np.arctan}


def _mp_log(x):
    if x <= 0: raise ValueError("log")
    return mpmath.log(x)


def _mp_sqrt(x):
    if x < 0: raise ValueError("sqrt")
    return mpmath.sqrt(x)


MP_NS = {"Q": lambda p, q: mpmath.mpf(p) / q, "sqrt": mpmath.sqrt, "exp": mpmath.exp, "log": mpmath.log,
         "sin": mpmath.sin, "cos": mpmath.cos, "tan": mpmath.tan, "atan": mpmath.atan}


class Compiled:
    """An expression compiled once, evaluated with numpy or mpmath."""
    __slots__ = ("code",)

    def __init__(self, e):
        self.code = compile(py_text(e), "<expr>", "eval")

    def np(self, t, extra=None):
        ns = dict(NP_NS, t=t)
        if extra: ns.update(extra)
        return eval(self.code, ns)

    def mp(self, t, extra=None):
        ns = dict(MP_NS, t=t, pi=mpmath.pi)
        if extra: ns.update(extra)
        return eval(self.code, ns)


def mp_const(e):
    return eval(compile(py_text(e), "<c>", "eval"), dict(MP_NS, pi=mpmath.pi))


# ---------------------------------------------------------------------------------------
# The generator.
# ---------------------------------------------------------------------------------------

LOWER_ENDS = [(Q(2), "2"), (Q(-3, 2), "-3/2"), (Q(5, 4), "5/4"), (Q(3), "3"), (Q(-5), "-5"), (Q(7, 3), "7/3"),
              (Q(1, 2), "1/2"), (Q(-1), "-1"), (div(PI, Q(4)), "pi/4"), (fn("sqrt", Q(2)), "sqrt(2)"),
              (div(PI, Q(3)), "pi/3"), (neg(fn("sqrt", Q(3))), "-sqrt(3)"), (fn("log", Q(3)), "log(3)"),
              (Q(11, 10), "11/10"), (Q(-2), "-2"), (div(PI, Q(2)), "pi/2")]
WIDTHS = [Q(1, 2), Q(1), Q(3, 2), Q(2), Q(3), Q(1, 3), div(PI, Q(4)), fn("sqrt", Q(2)), Q(5, 2), Q(4)]
FAMILIES = ["poly", "close", "removable", "sqrt", "atan", "tan", "log", "trig", "ordinary"]


def random_domain(rng):
    while True:
        lo = rng.choice(LOWER_ENDS)[0]
        infinite = rng.random() < 0.22
        hi = None if infinite else add(lo, rng.choice(WIDTHS))
        a = float(mp_const(lo))
        b = math.inf if hi is None else float(mp_const(hi))
        if a <= 0 and b >= 1: continue        # never contains [0, 1]
        lc = rng.random() < 0.6
        hc = (not infinite) and rng.random() < 0.6
        return {"lo": lo, "hi": hi, "lc": lc, "hc": hc, "a": a, "b": b}


def domain_text(d):
    hi = "inf" if d["hi"] is None else sched_text(d["hi"])
    return f"{'[' if d['lc'] else '('}{sched_text(d['lo'])}, {hi}{']' if d['hc'] else ')'}"


def special_point(rng, d, hints, where=None):
    """A point r (an exact tree): inside D, at an end, or outside."""
    where = where or rng.choices(["in", "lo", "hi", "out"], [6, 2, 2, 1])[0]
    a, b = d["a"], d["b"]
    if where == "lo" or (where == "hi" and d["hi"] is None):
        r = d["lo"]
    elif where == "hi":
        r = d["hi"]
    elif where == "out":
        r = add(d["lo"], Q(-rng.randint(1, 4), rng.choice([2, 3])))
    else:
        width = (b - a) if d["hi"] is not None else 4.0
        for _ in range(50):
            frac = Fraction(rng.randint(1, 15), 16)
            if rng.random() < 0.3:
                r = add(d["lo"], mul(Q(frac), div(PI, Q(4))))  # irrational interior point
            else:
                r = add(d["lo"], Q(frac * Fraction(width).limit_denominator(8)))
            if a < float(mp_const(r)) < b: break
    hints.append(r)
    return r


def lin(r):
    return add(T, neg(r))       # t - r


def poly_with_zeros(rng, d, hints, n=None, even=False, close=False):
    n = n or rng.randint(1, 3)
    p = Q(rng.choice([1, -1, 2, Fraction(1, 2), -3]))
    for _ in range(n):
        r = special_point(rng, d, hints)
        m = 2 if (even or rng.random() < 0.25) else 1
        p = mul(p, pw(lin(r), m))
        if close:
            r2 = add(r, Q(1, 10**15))
            hints.append(r2)
            p = mul(p, lin(r2))
            close = False
    return p


ORD_ALPHAS = ["1 - t", "cos(pi/2*t)", "exp(-t)", "1/(1 + t^2)", "exp(-2*t^2)", "2 - t", "(2 - t)/(1 + t^2)", "cos(t)",
              "1/(3 + t)"]
ORD_SIGMAS = ["t", "sin(pi/2*t)", "t^2 + 1/3", "1 - exp(-t)", "sin(t)", "t*(2 - t)", "sqrt(t^2 + 1/4)", "t + 1/5",
              "3*t/2", "exp(t)"]


def parse_simple(text):
    """Parse the tiny ordinary-coefficient language above into a tree."""
    tokens = re.findall(r"\d+|[a-z]+|[-+*/^()]", text)
    pos = [0]

    def peek(): return tokens[pos[0]] if pos[0] < len(tokens) else None

    def take():
        pos[0] += 1
        return tokens[pos[0] - 1]

    def expr():
        e = term()
        while peek() in ("+", "-"):
            o = take()
            r = term()
            e = add(e, r) if o == "+" else add(e, neg(r))
        return e

    def term():
        e = factor()
        while peek() in ("*", "/"):
            o = take()
            r = factor()
            e = E("*", (e, r)) if o == "*" else E("/", (e, r))
        return e

    def factor():
        if peek() == "-":
            take()
            return neg(factor())
        b = atom()
        if peek() == "^":
            take()
            b = pw(b, int(take()))
        return b

    def atom():
        tok = take()
        if tok == "(":
            e = expr()
            take()
            return e
        if tok.isdigit(): return Q(int(tok))
        if tok == "t": return T
        if tok == "pi": return PI
        take()
        a = expr()
        take()
        return fn(tok, a)
    return expr()


def ordinary(rng, which):
    return parse_simple(rng.choice(ORD_ALPHAS if which == "alpha" else ORD_SIGMAS))


def removable(rng, d, hints):
    r = special_point(rng, d, hints)
    g = fn("sin", lin(r)) if rng.random() < 0.5 else add(fn("exp", T), neg(fn("exp", r)))
    p = poly_with_zeros(rng, d, hints, n=rng.randint(0, 1)) if rng.random() < 0.6 else add(T, Q(rng.randint(3, 9)))
    q = add(pw(T, 2), Q(rng.randint(1, 4))) if rng.random() < 0.7 else Q(rng.randint(1, 3))
    return E("/", (mul(p, g), mul(q, g)))


def sqrt_sign(rng, d, hints):
    r1 = special_point(rng, d, hints)
    c = rng.random()
    if c < 0.35: return fn("sqrt", lin(r1))
    if c < 0.6: return fn("sqrt", neg(lin(r1)))
    r2 = special_point(rng, d, hints)
    rad = mul(lin(r1), lin(r2))
    return fn("sqrt", rad if rng.random() < 0.5 else neg(rad))


def atan_pole(rng, d, hints):
    r = special_point(rng, d, hints)
    k = Q(rng.choice([0, 1, -1, 2, Fraction(1, 2)]))
    return add(fn("atan", div(ONE, lin(r))), mul(k, T))


def tan_pole(rng, d, hints):
    r = special_point(rng, d, hints)
    arg = add(lin(r), div(PI, Q(2))) if rng.random() < 0.7 else lin(r)    # pole at r (or zero at r)
    hints.append(r)
    return add(fn("tan", arg), Q(rng.choice([0, 2, -1])))


def log_sign(rng, d, hints):
    r = special_point(rng, d, hints)
    c = rng.random()
    if c < 0.4: return fn("log", lin(r))
    if c < 0.7: return fn("log", pw(lin(r), 2))
    return add(fn("log", add(ONE, neg(lin(r)))), Q(1))


def coefficient(rng, fam, d, hints, which):
    if fam == "poly": return poly_with_zeros(rng, d, hints, even=rng.random() < 0.3)
    if fam == "close": return poly_with_zeros(rng, d, hints, n=rng.randint(1, 2), close=True)
    if fam == "removable": return removable(rng, d, hints)
    if fam == "sqrt": return sqrt_sign(rng, d, hints)
    if fam == "atan": return atan_pole(rng, d, hints)
    if fam == "tan": return tan_pole(rng, d, hints)
    if fam == "log": return log_sign(rng, d, hints)
    return ordinary(rng, which)


TARGET_COEFS = [ZERO, ONE, Q(-1), Q(2), Q(1, 2), T, lin(Q(3)), neg(T)]


def random_target(rng, fam):
    names = ("x0", "eps", "x_t", "velocity")
    while True:
        coefs = [rng.choice(TARGET_COEFS) if rng.random() < 0.55 else ZERO for _ in names]
        if fam in ("tan", "log", "sqrt") and rng.random() < 0.5: coefs[3] = ZERO
        if any(not is_num(c, 0) for c in coefs): return coefs


def target_text(coefs):
    names = ("x0", "eps", "x_t", "velocity")
    return " + ".join(f"{sched_text(c)}*{n}" for c, n in zip(coefs, names) if not is_num(c, 0))


def generate(index, rng, family=None):
    fam = family or rng.choice(FAMILIES)
    d = random_domain(rng)
    hints = []
    s2 = Q(rng.choice([1, 1, 1, Fraction(1, 4), 2]))
    if fam == "trig":
        w = Q(rng.choice([1, Fraction(1, 2), 2]))
        ph = rng.choice([ZERO, div(PI, Q(4)), neg(div(PI, Q(3))), Q(1)])
        arg = add(mul(w, T), ph)
        alpha, sigma = fn("cos", arg), fn("sin", arg)
        if rng.random() < 0.3:                                   # VP with a hidden removable point
            r = special_point(rng, d, hints)
            g = add(fn("exp", T), neg(fn("exp", r)))
            alpha = E("/", (mul(alpha, g), g))
        s2 = ONE if rng.random() < 0.8 else Q(rng.choice([Fraction(1, 4), 2]))
    else:
        # one or both coefficients from the family, the other ordinary or from the family
        roles = rng.choice([("f", "o"), ("o", "f"), ("f", "f")])
        alpha = coefficient(rng, fam if roles[0] == "f" else "ordinary", d, hints, "alpha")
        sigma = coefficient(rng, fam if roles[1] == "f" else "ordinary", d, hints, "sigma")
        if fam == "ordinary" and rng.random() < 0.5:   # shift ordinary coefficients into the domain
            shift = d["lo"]
            alpha = substitute(alpha, add(T, neg(shift)))
            sigma = substitute(sigma, add(T, neg(shift)))
    target = random_target(rng, fam)
    s = {"name": f"g{index}", "family": fam, "domain": d, "alpha": alpha, "sigma": sigma, "target": target,
         "s2": s2, "hints": hints}
    s["claims"] = make_claims(rng, s)
    return s


def substitute(e, x):
    if e.op == "t": return x
    if not e.args: return e
    return E(e.op, [substitute(a, x) for a in e.args], e.val)


def make_claims(rng, s):
    """Claims (sched text, tree form for the oracle) whose truth the oracle decides on D."""
    d, hints = s["domain"], s["hints"]
    claims = []
    quantity = lambda: rng.choice(["alpha", "sigma", "det", "var_x", "snr", "cov"])
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(["zeros", "zeros", "sign", "nonzero", "zero_at", "identity"])
        if kind == "zeros":
            q = rng.choice(["alpha", "sigma", "det"])
            members = [h for h in hints if rng.random() < 0.8]
            if rng.random() < 0.3 and members: members = members[1:]
            if rng.random() < 0.2: members.append(add(d["lo"], Q(-1)))     # outside D
            uniq, seen = [], set()
            for m in members:
                key = sched_text(m)
                if key not in seen:
                    seen.add(key)
                    uniq.append(m)
            claims.append({"kind": "zeros", "q": q, "members": uniq,
                           "text": f"zeros({q}) == {{{', '.join(sched_text(m) for m in uniq)}}}"})
        elif kind == "sign":
            q = quantity()
            sign = rng.choice([">", "<"])
            claims.append({"kind": "sign", "q": q, "sign": sign, "text": f"{q} {sign} 0"})
        elif kind == "nonzero":
            q = rng.choice(["alpha", "sigma", "det", "cov"])
            claims.append({"kind": "nonzero", "q": q, "text": f"{q} != 0"})
        elif kind == "zero_at":
            if not hints: continue
            q = rng.choice(["alpha", "sigma", "det"])
            p = rng.choice(hints)
            claims.append({"kind": "zero_at", "q": q, "at": p, "text": f"{q} == 0 at t = {sched_text(p)}"})
        else:
            lhs, rhs = identity_claim(rng, s)
            claims.append({"kind": "identity", "lhs": lhs, "rhs": rhs,
                           "text": f"{sched_text(lhs)} == {sched_text(rhs)}"})
    return claims


def identity_claim(rng, s):
    d = s["domain"]
    c = rng.random()
    if s["family"] == "trig" and c < 0.6:
        if rng.random() < 0.5:
            return var("sigma"), fn("sqrt", add(ONE, neg(pw(var("alpha"), 2))))
        return var("alpha"), fn("sqrt", add(ONE, neg(pw(var("sigma"), 2))))
    if c < 0.25:
        return var("var_x"), var("data_variance")
    if c < 0.5:
        r = special_point(rng, d, [])
        return fn("sqrt", pw(lin(r), 2)), lin(r)                     # true iff t >= r on D
    if c < 0.7:
        return fn("exp", fn("log", var("alpha"))), var("alpha")      # true iff alpha > 0 on D
    if c < 0.85:
        return var("alpha"), s["alpha"]                               # true as written
    return var("sigma"), fn("sqrt", pw(var("sigma"), 2))              # true iff sigma >= 0 on D


def schedule_text(s):
    lines = [f"schedule {s['name']} {{", f"    time t in {domain_text(s['domain'])}",
             f"    alpha = {sched_text(s['alpha'])}", f"    sigma = {sched_text(s['sigma'])}",
             f"    target = {target_text(s['target'])}"]
    if not is_num(s["s2"], 1):
        lines.append(f"    data variance = {sched_text(s['s2'])}")
    for c in s["claims"]:
        lines.append(f"    expect {c['text']}")
    lines.append("}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------
# The oracle's model of one schedule.
# ---------------------------------------------------------------------------------------

TOL = mpmath.mpf(10) ** -40


def tiny_is_zero(fn, x, v, tol=TOL):
    """Is v = fn(x), with |v| <= tol at 100 digits, a zero or a value merely tiny?
    A zero of fn near x (x rounded from an irrational root: cos(t) at t = pi/2 gives
    1e-100; or a root refined to 1e-31) shows in the neighbours: fn(x +- 1e-15) is more
    than 1e10 times larger, so that x lies within 1e-25 of the zero. Rounding noise
    of a cancellation (det computed as a difference of equal products) changes at 250
    digits. A true tiny value (exp(-745) = 1e-324) passes both: nearly the same nearby
    and at 250 digits."""
    if v == 0: return True
    # a root refined by golden section may sit 1e-31 off: up to 1e-20 the neighbours decide
    if abs(v) > max(tol, mpmath.mpf(10) ** -20): return False
    # 1e-15 away: beyond the accuracy of a refined root (1e-45) and of a rounded exact
    # point (1e-100), inside the 1e-15 gap of the generator's close zeros
    h = mpmath.mpf(10) ** -15 * max(1, abs(x))
    for y in (x - h, x + h):
        try:
            n = fn(y)
        except (ZeroDivisionError, ValueError, OverflowError, TypeError):
            continue
        if isinstance(n, mpmath.mpc): n = n.real
        # |v|·h/|n| estimates the distance to the zero (simple or multiple): below 1e-25
        if n is not None and mpmath.isfinite(n) and abs(n) > mpmath.mpf(10) ** 10 * abs(v): return True
    try:
        with mpmath.workdps(250):
            w2 = fn(x)
    except (ZeroDivisionError, ValueError, OverflowError, TypeError):
        return True
    if isinstance(w2, mpmath.mpc): w2 = w2.real
    return w2 is None or not (abs(w2 - v) <= mpmath.mpf(10) ** -20 * abs(v))


def vanishes(compiled, x, w, extra=None):
    """A condition's function is 0 at x (see tiny_is_zero)."""
    return tiny_is_zero(lambda y: compiled.mp(y, extra), x, w)


def exact_zero(f, point):
    """f vanishes at the exact point `point()` (a thunk, recomputed at the working
    precision): |f| < 1e-40 at 100 digits and, unless exactly 0, shrinking by 30 orders
    at 250 digits. A polynomial with zeros 1e-15 apart is 1e-45 at its third root's
    neighbour, a true value that stays put."""
    v = f(point())
    if v is None or abs(v) >= TOL: return False
    if v == 0: return True
    with mpmath.workdps(250):
        v2 = f(point())
    return v2 is not None and abs(v2) <= mpmath.mpf(10) ** -30 * abs(v)
QUANTITIES = ["alpha", "sigma", "c", "d", "det", "cov", "var_x", "var_y", "rho", "snr", "logsnr", "amp_x0",
              "amp_eps", "weight_eps", "weight_x0", "data_variance"]


class Model:
    def __init__(self, s):
        self.s = s
        a, b, e, f = s["target"]
        al, si = s["alpha"], s["sigma"]
        dal, dsi = deriv(al), deriv(si)
        c = add(add(a, mul(e, al)), mul(f, dal))
        d = add(add(b, mul(e, si)), mul(f, dsi))
        self.trees = {"alpha": al, "sigma": si, "c": c, "d": d}
        self.f = {k: Compiled(v) for k, v in self.trees.items()}
        self.s2 = mp_const(s["s2"])
        self.s2f = float(self.s2)
        conds, seen = [], set()
        for tree in [al, si, c, d]:
            for kind, g in conditions(tree):
                key = (kind, py_text(g))
                if key not in seen:
                    seen.add(key)
                    conds.append((kind, Compiled(g), g))
        self.conds = conds
        self.dal, self.dsi = Compiled(dal), Compiled(dsi)
        dom = s["domain"]
        self.lo = mp_const(dom["lo"])
        self.hi = None if dom["hi"] is None else mp_const(dom["hi"])
        self.lc, self.hc = dom["lc"], dom["hc"]
        self.a, self.b = dom["a"], dom["b"]
        self.periodic = self.hi is None and any(x in py_text(tr) for tr in self.trees.values() for x in ("sin", "cos", "tan"))
        self.hints, self.hint_trees = [], {}
        for h in s["hints"] + [dom["lo"]] + ([] if dom["hi"] is None else [dom["hi"]]):
            x = mp_const(h)
            if self.in_domain(x) and x not in self.hint_trees:
                self.hints.append(x)
                self.hint_trees[x] = h
        self.hints = sorted(self.hints)
        # the dense grid
        if self.hi is None:
            g = np.concatenate([np.linspace(self.a, self.a + 40, 4000), np.geomspace(40, 1e4, 400) + self.a])
        else:
            g = np.linspace(self.a, self.b, 4000)
        if not self.lc: g[0] = self.a + (g[1] - g[0]) * 1e-6
        if self.hi is not None and not self.hc: g[-1] = self.b - (g[-1] - g[-2]) * 1e-6
        self.grid = g
        self._np = None
        self._zeros = {}

    # -- domain --
    def in_domain(self, x, slack=None):
        """x in D, up to the rounding of 100-digit arithmetic: an exact end written two ways
        ((3*sqrt(2) + 7)/3 and 7/3 + sqrt(2)) counts as that end, in a closed end and out
        of an open one."""
        def eps(end): return (mpmath.mpf(10) ** -80 if slack is None else slack) * max(1, abs(end))
        lo = self.lo
        if (x < lo - eps(lo)) if self.lc else (x <= lo + eps(lo)): return False
        if self.hi is None: return True
        hi = self.hi
        if (x > hi + eps(hi)) if self.hc else (x >= hi - eps(hi)): return False
        return True

    # -- mpmath evaluation --
    def undefined_at(self, x, tol=TOL):
        for kind, g, _ in self.conds:
            try:
                v = g.mp(x)
            except (ZeroDivisionError, ValueError, OverflowError):
                continue
            if isinstance(v, mpmath.mpc):
                if abs(v.imag) > tol: continue
                v = v.real
            if not mpmath.isfinite(v): continue
            small = tol != 0 and vanishes(g, x, v) if abs(v) <= mpmath.mpf(10) ** -20 else False
            if tol == 0: small = v == 0
            if kind == "nz" and small: return True
            if kind == "nn" and v < 0 and not small: return True
            if kind == "pos" and (v < 0 or small): return True
        return False

    DIVIDED = ("snr", "logsnr", "amp_x0", "amp_eps", "weight_eps", "weight_x0")

    def values(self, x, tol=TOL, need=None):
        """Every quantity at x (None where undefined), or None when the coefficients are
        undefined. With `need` a quantity that divides by nothing, the quotients (whose
        "is the divisor zero?" may cost an evaluation at 250 digits) are left out."""
        if self.undefined_at(x, tol): return None
        try:
            base = {k: self.f[k].mp(x) for k in ("alpha", "sigma", "c", "d")}
        except (ZeroDivisionError, ValueError, OverflowError):
            return None
        for k, v in base.items():
            if isinstance(v, mpmath.mpc):
                if abs(v.imag) > max(tol, mpmath.mpf(10) ** -30): return None
                base[k] = v.real
            if not mpmath.isfinite(base[k]): return None
        al, si, c, d = base["alpha"], base["sigma"], base["c"], base["d"]
        s2 = self.s2
        det = al * d - si * c
        out = dict(base, det=det, cov=al * c * s2 + si * d, var_x=al**2 * s2 + si**2, var_y=c**2 * s2 + d**2,
                   data_variance=s2)
        def nz(key):
            """out[key] ≠ 0 (tiny_is_zero: σ = -5.6e-48 next to a zero of σ is a value,
            cos(t) at t = pi/2 rounded to 100 digits is a zero)."""
            v = out[key]
            if abs(v) > tol: return True
            if v == 0 or tol == 0: return v != 0
            return not tiny_is_zero(lambda y: (self.values(y, tol, need=key) or {}).get(key), x, v, tol)
        al_, si_, det_ = "alpha", "sigma", "det"
        vv = out["var_x"] * out["var_y"]
        # Var(x_t)·Var(y) is a product of sums of squares: zero only where (α, σ) or (c, d)
        # both vanish; exp(-100)² is small but no zero
        both_zero = lambda u, w: abs(u) <= tol and abs(w) <= tol
        out["rho"] = None if both_zero(al, si) or both_zero(c, d) or vv == 0 else out["cov"] / mpmath.sqrt(vv)
        if need is not None and need not in self.DIVIDED: return out
        out["snr"] = al**2 / si**2 if nz(si_) else None
        out["logsnr"] = mpmath.log(out["snr"]) if out["snr"] is not None and nz(al_) else None
        out["amp_x0"] = si / det if nz(det_) else None
        out["amp_eps"] = al / det if nz(det_) else None
        out["weight_eps"] = (det / al) ** 2 if nz(al_) else None
        out["weight_x0"] = (det / si) ** 2 if nz(si_) else None
        return out

    def q(self, name, x, tol=TOL):
        """The function whose zeros are the zeros of `name` (rho: cov where rho is defined)."""
        v = self.values(x, tol, need=name)
        if v is None: return None
        if name == "rho":
            # within 1e-20 of a point where (α, σ) or (c, d) both vanish, ρ is taken as
            # undefined: golden section creeps towards t = 0 of cov = −t² where ρ is 0/0
            # — but only where both are zeros, not merely small: α = exp(-84.5) beside
            # σ = 0 at t = 13/2 is a value, and ρ is defined there
            def near0(ku, kw):
                small = lambda k: abs(v[k]) <= mpmath.mpf(10) ** -20
                if not (small(ku) and small(kw)): return False
                return all(tiny_is_zero(lambda y, k=k: self.f[k].mp(y), x, v[k], mpmath.mpf(10) ** -20) for k in (ku, kw))
            if near0("alpha", "sigma") or near0("c", "d"): return None
            return v["cov"] if v["rho"] is not None else None
        return v[name]

    # -- numpy evaluation --
    def np_eval(self, g):
        g = np.asarray(g, dtype=float)
        with np.errstate(all="ignore"):
            bad = np.zeros(g.shape, bool)
            for kind, c, _ in self.conds:
                v = np.broadcast_to(np.asarray(c.np(g), dtype=float), g.shape)
                if kind == "nz": bad |= (v == 0)
                elif kind == "nn": bad |= (v < 0)
                elif kind == "pos": bad |= (v <= 0)
            base = {k: np.broadcast_to(np.asarray(self.f[k].np(g), dtype=float), g.shape).copy() for k in ("alpha", "sigma", "c", "d")}
            for v in base.values(): bad |= ~np.isfinite(v)
            al, si, c, d = base["alpha"], base["sigma"], base["c"], base["d"]
            s2 = self.s2f
            out = dict(base)
            out["det"] = al * d - si * c
            out["cov"] = al * c * s2 + si * d
            out["var_x"] = al**2 * s2 + si**2
            out["var_y"] = c**2 * s2 + d**2
            vv = out["var_x"] * out["var_y"]
            out["rho"] = np.where(vv > 0, out["cov"], np.nan)
            out["snr"] = al**2 / si**2
            out["data_variance"] = np.full(g.shape, s2)
            dal = np.broadcast_to(np.asarray(self.dal.np(g), dtype=float), g.shape)
            dsi = np.broadcast_to(np.asarray(self.dsi.np(g), dtype=float), g.shape)
            out["dlogsnr"] = 2 * (dal / al - dsi / si)
            for k in out:
                out[k] = np.where(bad, np.nan, out[k])
        out["_bad"] = bad
        return out

    def np_all(self):
        if self._np is None: self._np = self.np_eval(self.grid)
        return self._np

    # -- true zero sets (numeric) --
    def zeros(self, name):
        """(zeros as sorted mpf list, identically_zero) of quantity `name` on D."""
        if name in self._zeros: return self._zeros[name]
        arr = self.np_all()[name]
        f = lambda x: self.q(name, x)
        fv = lambda x: self.np_eval(x)[name]
        res = find_zeros(self, arr, f, fv)
        self._zeros[name] = res
        return res

    def cond_zeros(self, c):
        arr = np.broadcast_to(np.asarray(c.np(self.grid), dtype=float), self.grid.shape)

        def f(x):
            try:
                v = c.mp(x)
            except (ZeroDivisionError, ValueError, OverflowError):
                return None
            if isinstance(v, mpmath.mpc):
                if abs(v.imag) > TOL: return None
                v = v.real
            return v if mpmath.isfinite(v) else None

        def fv(x):
            with np.errstate(all="ignore"):
                return np.broadcast_to(np.asarray(c.np(np.asarray(x, dtype=float)), dtype=float), np.shape(x))
        with np.errstate(all="ignore"):
            return find_zeros(self, arr, f, fv, check_defined=False), arr, f

    def true_undefined(self):
        """The undefined set of the coefficients on D: (points, intervals) as mpf (computed once)."""
        if getattr(self, "_undefined", None) is None:
            self._undefined = self._true_undefined()
        return self._undefined

    def _true_undefined(self):
        points, intervals = [], []
        for kind, c, _ in self.conds:
            (zs, ident), arr, f = self.cond_zeros(c)
            if kind in ("nz", "pos"):
                points.extend(zs)
            if kind in ("nn", "pos"):
                ends = [self.lo] + zs + [self.hi if self.hi is not None else mpmath.mpf(self.grid[-1])]
                for l, h in zip(ends, ends[1:]):
                    if h - l <= mpmath.mpf(10) ** -30: continue
                    m = l + (h - l) / 2 if self.hi is not None or h != ends[-1] else l + min(1, (h - l) / 2)
                    v = f(m)
                    if v is not None and v < 0:
                        intervals.append((l, h))
        # points where a coefficient itself fails outright (numpy saw it on the grid)
        return sorted(set(points)), intervals


def bisect_vec(fv, lo, hi, steps=56):
    """Bisect every bracket at once in float64."""
    lo, hi = lo.copy(), hi.copy()
    flo = fv(lo)
    for _ in range(steps):
        mid = (lo + hi) / 2
        fm = fv(mid)
        same = np.sign(fm) == np.sign(flo)
        ok = np.isfinite(fm)
        lo = np.where(ok & same, mid, lo)
        flo = np.where(ok & same, fm, flo)
        hi = np.where(ok & ~same, mid, hi)
        if not ok.all():
            break
    return lo, hi


def illinois(f, a, b, fa, fb, iters=30):
    """A root in the bracket [a, b] (fa·fb < 0), or None. Illinois steps until they stop
    moving, then the root is certified by a sign change across 1e-40 around it. A flat
    function ((t − a)²(t − b) with a, b 1e-15 apart), where Illinois crawls, falls back
    to bisection, which always shrinks the bracket; never "stop where it is merely small"."""
    # an end that is itself the root (31/32 is exact in binary): the secant step would
    # land on it only up to rounding and then crawl beside a double zero next to it
    if fa == 0: return a
    if fb == 0: return b
    side, prev = 0, None
    for _ in range(max(iters, 60)):
        if fb == fa: break
        c = (a * fb - b * fa) / (fb - fa)
        fc = f(c)
        if fc is None: return None
        if fc == 0: return c
        if prev is not None and abs(c - prev) < mpmath.mpf(10) ** -45 * max(1, abs(c)):
            d = mpmath.mpf(10) ** -40 * max(1, abs(c))
            fl, fr = f(c - d), f(c + d)
            if fl is not None and fr is not None and fl * fr <= 0: return c
            break
        prev = c
        if (fc > 0) == (fb > 0):
            b, fb = c, fc
            if side == -1: fa /= 2
            side = -1
        else:
            a, fa = c, fc
            if side == 1: fb /= 2
            side = 1
    # the Illinois bracket still brackets (its halved end values keep their signs)
    for _ in range(400):                   # bisection: 2^-400 of any bracket
        if abs(b - a) < mpmath.mpf(10) ** -45 * max(1, abs(a)):
            return a if abs(fa) < abs(fb) else b
        c = (a + b) / 2
        fc = f(c)
        if fc is None: return None
        if fc == 0: return c
        if (fc > 0) == (fb > 0): b, fb = c, fc
        else: a, fa = c, fc
    return None


def find_zeros(m, arr, f, fv, check_defined=True):
    """Zeros of f on D: sign changes (refined by float bisection then Illinois at 50 digits),
    local minima of |f| (golden section at 50 digits), the generator's hints and the ends."""
    g = m.grid
    out = []
    fin = np.isfinite(arr)
    if fin.sum() >= 3:
        scale = float(np.nanmax(np.abs(arr[fin])))
        if scale < 1e-12 and all((lambda v: v is not None and abs(v) < TOL)(f(mpmath.mpf(x))) for x in g[fin][[0, len(g[fin]) // 2, -1]]):
            return [], True
    idx = np.nonzero(fin[:-1] & fin[1:] & (np.sign(arr[:-1]) * np.sign(arr[1:]) < 0))[0][:80]
    # a sign change through a grid point where float64 gives exactly 0 (10/3 on a grid
    # from 7/3 with step 1/1333): bracket the two neighbours
    through = np.nonzero(fin[:-2] & fin[2:] & (arr[1:-1] == 0) & (np.sign(arr[:-2]) * np.sign(arr[2:]) < 0))[0][:20]
    cells = [(i, i + 1) for i in idx] + [(i, i + 2) for i in through]
    lo_i = np.array([c[0] for c in cells], dtype=int)
    hi_i = np.array([c[1] for c in cells], dtype=int)
    los, his = bisect_vec(fv, g[lo_i], g[hi_i]) if len(cells) else ([], [])
    for (i, j), lo, hi in zip(cells, los, his):
        a, b = mpmath.mpf(float(lo)), mpmath.mpf(float(hi))
        fa, fb = f(a), f(b)
        if fa is None or fb is None or fa * fb > 0:      # float64 rounding: fall back to the grid cell
            a, b = mpmath.mpf(float(g[i])), mpmath.mpf(float(g[j]))
            fa, fb = f(a), f(b)
            if fa is None or fb is None or fa * fb > 0: continue
        # Cancellation: det = α(1 + (t − 3)σ) − σ(t − 3)α with σ = exp(350) loses 150
        # digits, and the "sign change" is noise. Confirm the signs at 450 digits, and
        # refine there when the two precisions disagree.
        with mpmath.workdps(450):
            fa2, fb2 = f(a), f(b)
            if fa2 is None or fb2 is None or fa2 * fb2 > 0:
                # a float end on the root itself (t = 2 for sin(πt/2)) has a residual
                # whose sign depends on the digits of π: retry from the grid cell
                # (at 450 digits: a 50-digit value of a cancellation may be exactly 0)
                ends = [(a, fa2), (b, fb2)]
                a, b = mpmath.mpf(float(g[i])), mpmath.mpf(float(g[j]))
                fa, fb = f(a), f(b)
                fa2, fb2 = f(a), f(b)
                if fa is None or fb is None or fa2 is None or fb2 is None or fa * fb > 0 or fa2 * fb2 > 0:
                    # the grid point itself is the root (t = 4 on the grid of [7/3, 29/6))
                    for e, fe in ends + [(a, fa), (b, fb)]:
                        if fe is not None and m.in_domain(e) and tiny_is_zero(f, e, fe): out.append(+e); break
                    continue
            precise = all(abs(x2 - x1) <= mpmath.mpf(10) ** -20 * abs(x2) for x1, x2 in ((fa, fa2), (fb, fb2)))
            if not precise:
                r = illinois(f, a, b, fa2, fb2, iters=80)
                v = None if r is None else f(r)
                if v is not None and abs(v) < mpmath.mpf(10) ** -25 and m.in_domain(r):
                    out.append(+r)
                continue
        r = illinois(f, a, b, fa, fb, iters=80)
        if r is None: continue
        v = f(r)
        if v is not None and abs(v) < mpmath.mpf(10) ** -25 and m.in_domain(r):
            out.append(r)
    # grid points that are exact zeros, and small local minima of |f| (even-order zeros)
    ab = np.abs(arr)
    cand = np.nonzero(fin[1:-1] & fin[:-2] & fin[2:] & (ab[1:-1] <= ab[:-2]) & (ab[1:-1] <= ab[2:])
                      & (np.sign(arr[:-2]) == np.sign(arr[2:])))[0] + 1
    if len(cand):
        ref = np.nanmedian(ab[fin]) if fin.any() else 1.0
        cand = [i for i in cand if ab[i] < 1e-3 * max(ref, 1e-300)][:6]
        for i in cand:
            lo, hi = float(g[i - 1]), float(g[i + 1])
            best = None
            for _ in range(3):                  # zoom in float64 on the minimum of |f|
                xs = np.linspace(lo, hi, 2001)
                ys = np.abs(fv(xs))
                if not np.isfinite(ys).any(): break
                j = int(np.nanargmin(ys))
                best, w = (xs[j], ys[j]), (hi - lo) / 2000
                lo, hi = xs[j] - w, xs[j] + w
            if best is None or not best[1] < 1e-10 * max(ref, 1e-300): continue
            # 300 golden steps shrink the bracket to 1e-66: an even-order zero is then
            # below 1e-60, while two zeros 1e-15 apart leave a spurious "minimum" between
            # them at 1e-43 (golden assumes one minimum per bracket)
            r = golden(f, mpmath.mpf(float(lo)), mpmath.mpf(float(hi)), iters=300)
            if r is not None:
                v = f(r)
                if v is not None and abs(v) < mpmath.mpf(10) ** -60 and m.in_domain(r) and isolated_zero(f, r, v): out.append(r)
    for h in m.hints:
        if exact_zero(f, lambda h=h: mp_const(m.hint_trees[h])): out.append(h)
    out.sort()
    dedup = []
    for r in out:
        if dedup and abs(r - dedup[-1]) < mpmath.mpf(10) ** -25 * max(1, abs(r)):
            # keep an exact hint over a refined float root
            if any(r == h for h in m.hints): dedup[-1] = r
            continue
        dedup.append(r)
    if check_defined:
        dedup = [r for r in dedup if not m.undefined_at(r)]
    return dedup, False


def isolated_zero(f, r, v):
    """|f(r)| is tiny compared with f nearby: a zero, not a function that is merely small (exp(-800))."""
    if v == 0: return True
    h = mpmath.mpf(10) ** -8 * max(1, abs(r))
    near = [w for w in (f(r - h), f(r + h)) if w is not None]
    return bool(near) and abs(v) < mpmath.mpf(10) ** -18 * max(abs(w) for w in near)


def golden(f, a, b, iters=140):
    gr = (mpmath.sqrt(5) - 1) / 2

    def af(x):
        v = f(x)
        return mpmath.inf if v is None else abs(v)
    c, d = b - gr * (b - a), a + gr * (b - a)
    fc, fd = af(c), af(d)
    for _ in range(iters):
        if fc < fd:
            b, d, fd = d, c, fc
            c = b - gr * (b - a)
            fc = af(c)
        else:
            a, c, fc = c, d, fd
            d = a + gr * (b - a)
            fd = af(d)
        if b - a < mpmath.mpf(10) ** -70 * max(1, abs(a)): break
    return c if fc < fd else d


# ---------------------------------------------------------------------------------------
# Reading sched's JSON.
# ---------------------------------------------------------------------------------------

_NUM = re.compile(r"(?<![\w.])(\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)(?![\w.])")


def parse_const(text, dps=DPS):
    """A constant expression printed by sched, as an mpf (None if it cannot be read)."""
    if text is None: return None
    mo = re.fullmatch(r"\s*(-?\d+)\s*/\s*(\d+)\s*|\s*(-?\d+)\s*", text)
    if mo:                                   # a rational: exact, at the working precision
        with mpmath.workdps(dps):
            return mpmath.mpf(int(mo.group(1) or mo.group(3))) / int(mo.group(2) or 1)
    src = _NUM.sub(lambda mo: f"mpf('{mo.group(1)}')", text.replace("^", "**").replace("√", "sqrt").replace("π", "pi"))
    try:
        with mpmath.workdps(dps):
            v = eval(src, dict(MP_NS, pi=mpmath.pi, mpf=mpmath.mpf, e=mpmath.e, E=mpmath.e, inf=mpmath.inf))
        v = mpmath.mpmathify(v)
        if isinstance(v, mpmath.mpc):
            if abs(v.imag) > mpmath.mpf(10) ** -(dps - 10): return NONREAL
            v = v.real
        return v
    except Exception:  # noqa: BLE001
        return None


NONREAL = "non-real"


def parse_point_text(text):
    """'t = 19/8' -> (x, None); 't ≈ 2.3 (in (a, b))' -> (None, (a, b)); else (None, None)."""
    if text is None: return None, None
    mo = re.search(r"in \(([^,]+), ([^)]+)\)\)?", text)
    if mo and "≈" in text:
        return None, (parse_const(mo.group(1)), parse_const(mo.group(2)))
    mo = re.match(r"\s*[A-Za-z_]\w*\s*=\s*(.+?)\s*$", text)
    if mo: return parse_const(mo.group(1)), None
    return None, None


def close(x, y, digits=30):
    return abs(x - y) <= mpmath.mpf(10) ** -digits * max(1, abs(y))


# ---------------------------------------------------------------------------------------
# The checks of one schedule.
# ---------------------------------------------------------------------------------------


class Report:
    def __init__(self):
        self.passed = 0
        self.failures = collections.defaultdict(list)   # class -> [(schedule name, message)]
        self.unknown = collections.Counter()
        self.notes = collections.Counter()

    def ok(self, cond, cls, name, msg):
        if cond: self.passed += 1
        else: self.failures[cls].append((name, msg))
        return cond

    def merge(self, o):
        self.passed += o.passed
        for k, v in o.failures.items(): self.failures[k].extend(v)
        self.unknown.update(o.unknown)
        self.notes.update(o.notes)


def point_value(p):
    """A reported zero / undefined point: ('exact', x) or ('enc', lo, hi) (ends read at 150 digits)."""
    if "exact" in p:
        x = parse_const(p["exact"])
        return ("exact", None if x is NONREAL else x)
    return ("enc", parse_const(p.get("lower"), dps=150), parse_const(p.get("upper"), dps=150))


ZTOL = mpmath.mpf(10) ** -25


def near(r, lo, hi):
    """r in [lo, hi] up to the oracle's root accuracy."""
    tol = ZTOL * max(1, abs(r))
    return lo - tol <= r <= hi + tol


def identically_zero_on_defined(m, q):
    """q = 0 at every defined point (checked at 100 digits, relative to the size of the terms)."""
    arr = m.np_all()[q]
    fin = np.isfinite(arr)
    if not fin.any(): return True
    for x in list(m.grid[fin][:: max(1, fin.sum() // 7)]) + [m.grid[fin][-1]]:
        x = mpmath.mpf(float(x))
        v, vals = m.q(q, x), m.values(x)
        if v is None or vals is None: continue
        al, si, c, d = vals["alpha"], vals["sigma"], vals["c"], vals["d"]
        size = 1 + abs(al * d) + abs(si * c) + abs(al * c * m.s2) + abs(si * d)
        if abs(v) > TOL * size: return False
    return True


def check_zeros(m, a, rep, name):
    zs = a.get("zeros", {})
    for q in ("det", "rho", "alpha", "sigma"):
        z = zs.get(q)
        if z is None:
            rep.ok(False, "json-shape", name, f"zeros.{q} missing")
            continue
        true, ident = m.zeros(q)
        if z.get("identically_zero"):
            rep.ok(identically_zero_on_defined(m, q), "zeros-identically-zero-wrong", name,
                   f"{q} claimed identically zero, oracle finds it is not")
            continue
        if ident and z.get("complete"):
            # An incomplete set claims nothing; a complete one must not miss it.
            rep.ok(False, "zeros-identically-zero-missed", name, f"{q} is identically zero on D, sched says not")
        spans = []
        for p in z.get("points", []):
            pv = point_value(p)
            if pv[0] == "exact":
                x = pv[1]
                if x is None:
                    rep.ok(False, "unreadable-point", name, f"zeros.{q}: cannot read {p}")
                    continue
                if not rep.ok(m.in_domain(x), "zero-outside-domain", name, f"zeros.{q}: {p['exact']} is not in D"):
                    continue
                if not rep.ok(not m.undefined_at(x), "zero-at-undefined-point", name,
                              f"zeros.{q}: {p['exact']} is a point where the coefficients are undefined"):
                    continue
                v = m.q(q, x)
                if not rep.ok(v is not None, "zero-at-undefined-point", name,
                              f"zeros.{q}: {p['exact']} is a point where {q} is undefined"):
                    continue
                rep.ok(exact_zero(lambda y: m.q(q, y), lambda p=p: parse_const(p["exact"], dps=mpmath.mp.dps)), "zero-not-a-zero", name,
                       f"zeros.{q}: {p['exact']} gives {mpmath.nstr(v, 8)}")
                spans.append((x, x))
            else:
                _, lo, hi = pv
                if lo is None or hi is None or not lo < hi:
                    rep.ok(False, "unreadable-point", name, f"zeros.{q}: bad enclosure {p}")
                    continue
                slack = mpmath.mpf(10) ** -(DPS - 10)
                inside = (lo >= m.lo - slack) and (m.hi is None or hi <= m.hi + slack)
                if not rep.ok(inside, "zero-outside-domain", name, f"zeros.{q}: ({p['lower']}, {p['upper']}) leaves D"):
                    continue
                inner = [r for r in true if near(r, lo, hi)]
                found = bool(inner)
                if not found:
                    with mpmath.workdps(150):
                        # an enclosure is open: an end that is itself a zero (an open end
                        # of D) is stepped off, 1e-30 of the width inside
                        # (so is an end next to a point where ρ is 0/0: the oracle takes ρ
                        # as undefined within 1e-25 of it, and steps further in)
                        fl, fh = m.q(q, lo), m.q(q, hi)
                        width = hi - lo
                        for k in (30, 20, 10, 5):
                            w = width * mpmath.mpf(10) ** -k
                            if fl is None or fl == 0: lo += w; fl = m.q(q, lo)
                            if fh is None or fh == 0: hi -= w; fh = m.q(q, hi)
                        if fl is not None and fh is not None and fl * fh < 0:
                            r = illinois(lambda x: m.q(q, x), lo, hi, fl, fh, iters=60)
                            if r is not None and lo <= r <= hi:
                                v = m.q(q, r)
                                # a sign change, not a pole: |f| small against the bracket's ends
                                found = v is not None and abs(v) < mpmath.mpf(10) ** -20 * max(abs(fl), abs(fh)) \
                                    and not m.undefined_at(r) and isolated_zero(lambda x: m.q(q, x), r, v)
                                if found:     # a zero the grid could not resolve: the claims see it too
                                    true.append(+r)
                                    true.sort()
                if not found and q == "rho":
                    found = rho_zero_beside_a_common_zero(m, lo, hi)
                rep.ok(found, "enclosure-without-zero", name, f"zeros.{q}: no zero at a defined point in ({p['lower']}, {p['upper']})")
                # several zeros: counted with the accuracy of exact points (1e-80), since
                # an exact zero 1e-61 outside the enclosure's end is outside it
                tight = [r for r in inner if lo - mpmath.mpf(10) ** -80 * max(1, abs(r)) <= r <= hi + mpmath.mpf(10) ** -80 * max(1, abs(r))]
                rep.ok(len(tight) <= 1, "enclosure-several-zeros", name,
                       f"zeros.{q}: ({p['lower']}, {p['upper']}) holds {len(tight)} zeros")
                spans.append((lo, hi))
        spans.sort()
        for (l1, h1), (l2, h2) in zip(spans, spans[1:]):
            rep.ok(h1 < l2 or (h1 == l2 and not l1 == h1 == l2 == h2), "zero-points-overlap", name,
                   f"zeros.{q}: reported points overlap near {mpmath.nstr(l2, 10)}")
        if z.get("complete"):
            for r in true:
                covered = any(near(r, l, h) for l, h in spans)
                rep.ok(covered, "zeros-complete-missing", name,
                       f"zeros.{q}: complete, but {q} = 0 at t ≈ {mpmath.nstr(r, 20)} is not reported")
        else:
            rep.unknown[f"zeros.{q} incomplete"] += 1


def rho_zero_beside_a_common_zero(m, lo, hi):
    """A zero of ρ in (lo, hi) closer to a point where α = σ = 0 (ρ = 0/0) than the 1e-25
    within which `Model.q` takes ρ as undefined: with α = A(t − t0)², σ = B(t − t0) and
    B = 1e-15, cov vanishes 2B²/A ≈ 1e-29 from t0, where α ≈ 1e-59 is a value, not a
    zero. At 250 digits: a sign change of cov across (lo, hi), refined, at a point where
    α or σ is far above the working precision (at t0 itself both would be ~1e-240)."""
    with mpmath.workdps(250):
        def cov(x):
            v = m.values(x, tol=mpmath.mpf(0))
            return None if v is None else v["cov"]
        fl, fh = cov(lo), cov(hi)
        if fl is None or fh is None or not fl * fh < 0: return False
        r = illinois(cov, lo, hi, fl, fh, iters=200)
        if r is None or not lo <= r <= hi: return False
        v = m.values(r, tol=mpmath.mpf(0))
        if v is None: return False
        # cov is continuous here (the coefficients are defined on D's pieces), so the
        # sign change is the zero; what remains is that ρ is defined at it
        floor = mpmath.mpf(10) ** -150
        return abs(v["alpha"]) > floor or abs(v["sigma"]) > floor


def interval_end(e):
    """An undefined-interval end: (outer, inner) mpf, or +-inf."""
    if isinstance(e, str):
        v = mpmath.inf if e in ("inf", "+inf") else -mpmath.inf
        return v, v
    if "exact" in e:
        v = parse_const(e["exact"])
        return v, v
    return parse_const(e.get("lower")), parse_const(e.get("upper"))


def check_undefined(m, a, rep, name):
    u = a.get("undefined")
    if u is None:
        rep.ok(False, "json-shape", name, "undefined missing")
        return
    tpoints, tints = m.true_undefined()
    reported_pts, reported_ivs = [], []
    for p in u.get("points", []):
        pv = point_value(p)
        if pv[0] == "exact":
            x = pv[1]
            if x is None:
                rep.ok(False, "unreadable-point", name, f"undefined: cannot read {p}")
                continue
            rep.ok(m.in_domain(x), "undefined-outside-domain", name, f"undefined: {p['exact']} is not in D")
            rep.ok(m.undefined_at(x), "undefined-point-is-defined", name, f"undefined: the coefficients are defined at {p['exact']}")
            reported_pts.append((x, x))
        else:
            _, lo, hi = pv
            if lo is None or hi is None:
                rep.ok(False, "unreadable-point", name, f"undefined: bad enclosure {p}")
                continue
            has = any(near(r, lo, hi) for r in tpoints) or any(l < hi and lo < h for l, h in tints)
            rep.ok(has, "undefined-point-is-defined", name, f"undefined: no undefined point in ({p.get('lower')}, {p.get('upper')})")
            reported_pts.append((lo, hi))
    for iv in u.get("intervals", []) or []:
        (lo_out, lo_in), (hi_out, hi_in) = interval_end(iv.get("lower")), interval_end(iv.get("upper"))
        if None in (lo_out, lo_in, hi_out, hi_in):
            rep.ok(False, "unreadable-point", name, f"undefined: bad interval {iv}")
            continue
        reported_ivs.append((lo_out, hi_out, iv.get("lower_closed", False), iv.get("upper_closed", False)))
        l, h = max(lo_in, m.lo), (hi_in if m.hi is None else min(hi_in, m.hi))
        if h == mpmath.inf: h = l + 40
        if not l < h:
            rep.ok(False, "undefined-outside-domain", name, f"undefined: interval {iv} does not meet D")
            continue
        bad = [x for x in (l + (h - l) * k / 8 for k in range(1, 8)) if not m.undefined_at(x)]
        rep.ok(not bad, "undefined-interval-is-defined", name,
               f"undefined: interval ({mpmath.nstr(lo_in, 10)}, {mpmath.nstr(hi_in, 10)}) but defined at t ≈ {mpmath.nstr(bad[0], 12) if bad else ''}")
        for closed, x in ((iv.get("lower_closed"), lo_in), (iv.get("upper_closed"), hi_in)):
            if closed and lo_in == lo_out and hi_in == hi_out and mpmath.isfinite(x) and m.in_domain(x):
                rep.ok(m.undefined_at(x), "undefined-interval-is-defined", name, f"undefined: closed end {mpmath.nstr(x, 12)} is defined")

    def covered(x):
        tol = mpmath.mpf(10) ** -25 * max(1, abs(x))
        if any(l - tol <= x <= h + tol for l, h in reported_pts): return True
        return any((l < x or (lc and l <= x) or abs(x - l) < tol) and (x < h or (hc and x <= h) or abs(x - h) < tol)
                   for l, h, lc, hc in reported_ivs)
    if u.get("complete"):
        for r in tpoints:
            if m.in_domain(r):
                rep.ok(covered(r), "undefined-complete-missing", name,
                       f"undefined: complete, but the coefficients are undefined at t ≈ {mpmath.nstr(r, 20)}")
        for l, h in tints:
            hh = h if m.hi is not None else min(h, l + 40)
            samples = [l + (hh - l) * k for k in (mpmath.mpf(10) ** -6, mpmath.mpf(1) / 2, 1 - mpmath.mpf(10) ** -6)]
            miss = [x for x in samples if m.in_domain(x) and not covered(x)]
            rep.ok(not miss, "undefined-complete-missing", name,
                   f"undefined: complete, but the coefficients are undefined on ({mpmath.nstr(l, 12)}, {mpmath.nstr(h, 12)})")
    else:
        rep.unknown["undefined incomplete"] += 1


def end_samples(m, which):
    """('point', x) at a closed end, or ('limit', [x1, x2]) approaching an open or infinite end."""
    if which == "lower":
        if m.lc: return "point", m.lo
        return "limit", [m.lo + mpmath.mpf(10) ** -60, m.lo + mpmath.mpf(10) ** -80]
    if m.hi is None: return "limit", [mpmath.mpf(10) ** 30, mpmath.mpf(10) ** 45]
    if m.hc: return "point", m.hi
    return "limit", [m.hi - mpmath.mpf(10) ** -60, m.hi - mpmath.mpf(10) ** -80]


def check_ends(m, a, rep, name):
    ends = a.get("ends", {})
    for which in ("lower", "upper"):
        got = ends.get(which)
        if got is None:
            rep.ok(False, "json-shape", name, f"ends.{which} missing")
            continue
        kind, where = end_samples(m, which)
        if kind == "point":
            vals = m.values(where)
            samples = None
        else:
            with mpmath.workdps(130 if which == "lower" or m.hi is not None else 320):   # cancellation at t = 1e45
                lo, hi = m.lo, m.hi
                dom = m.s["domain"]
                m.lo = mp_const(dom["lo"])
                m.hi = None if dom["hi"] is None else mp_const(dom["hi"])
                kind_, where = end_samples(m, which)
                samples = [m.values(x, tol=0) for x in where]
                # the same at twice the digits: a quantity whose sample moves lost its digits
                # to cancellation (α·σ·(t − 3) with σ = exp(1e30)); the oracle cannot judge it
                with mpmath.workdps(2 * mpmath.mp.dps):
                    again = [m.values(x, tol=0) for x in where]
                m.lo, m.hi = lo, hi
            unreliable = set()
            for s1, s2_ in zip(samples, again):
                for qn in QUANTITIES:
                    v1 = None if s1 is None else s1.get(qn)
                    v2 = None if s2_ is None else s2_.get(qn)
                    if (v1 is None) != (v2 is None) or (v1 is not None and abs(v1 - v2) > mpmath.mpf(10) ** -30 * max(abs(v1), abs(v2))):
                        unreliable.add(qn)
        for qn in QUANTITIES:
            text = got.get(qn)
            if text is None:
                rep.ok(False, "json-shape", name, f"ends.{which}.{qn} missing")
                continue
            if text == "unknown":
                rep.unknown[f"ends {qn}"] += 1
                continue
            if kind == "point":
                v = None if vals is None else vals.get(qn)
                if text == "undefined":
                    rep.ok(v is None, "end-undefined-wrong", name, f"ends.{which}.{qn}: 'undefined', but it is {mpmath.nstr(v, 15) if v is not None else ''} at the closed end")
                    continue
                L = parse_const(text)
                if L is NONREAL:
                    rep.ok(False, "end-value-not-real", name, f"ends.{which}.{qn} = {text} is not a real number")
                    continue
                if L is None:
                    rep.ok(False, "unreadable-point", name, f"ends.{which}.{qn}: cannot read {text!r}")
                    continue
                if not rep.ok(v is not None, "end-value-at-undefined-point", name,
                              f"ends.{which}.{qn} = {text}, but {qn} is undefined at the closed end t = {sched_text(m.s['domain']['lo' if which == 'lower' else 'hi'])}"):
                    continue
                rep.ok(close(v, L), "end-value-wrong", name, f"ends.{which}.{qn} = {text} ≈ {mpmath.nstr(L, 15)}, oracle {mpmath.nstr(v, 15)}")
            else:
                if qn in unreliable:
                    rep.notes["end limit not judged by the oracle (cancellation)"] += 1
                    continue
                vs = [None if s_ is None else s_.get(qn) for s_ in samples]
                if text == "undefined":
                    converged = all(v is not None for v in vs) and abs(vs[0] - vs[1]) < mpmath.mpf(10) ** -35 * max(1, abs(vs[1]))
                    rep.ok(not converged, "end-undefined-wrong", name,
                           f"ends.{which}.{qn}: 'undefined', but the limit exists: {mpmath.nstr(vs[1], 15)}")
                    continue
                with mpmath.workdps(130):
                    L = parse_const(text, dps=130)
                if L is NONREAL:
                    rep.ok(False, "end-value-not-real", name, f"ends.{which}.{qn} = {text} is not a real number")
                    continue
                v = vs[1]
                if v is None and vs[0] is None:
                    rep.ok(False, "end-limit-through-undefined-region", name,
                           f"ends.{which}.{qn} = {text}, but {qn} is undefined on D next to the end")
                    continue
                if L is None:
                    rep.ok(False, "unreadable-point", name, f"ends.{which}.{qn}: cannot read {text!r}")
                    continue
                v = vs[1]
                ok = v is not None and close(v, L)
                if not ok and v is not None and vs[0] is not None and m.hi is None and which == "upper":
                    # slow convergence at infinity (1/sqrt(t)): accept when it clearly converges to L
                    e1, e2 = abs(vs[0] - L), abs(v - L)
                    ok = e2 <= mpmath.mpf(10) ** -20 * max(1, abs(L)) and e2 <= mpmath.mpf(10) ** -5 * e1
                rep.ok(ok, "end-limit-wrong", name,
                       f"ends.{which}.{qn} = {text} ≈ {mpmath.nstr(L, 15)}, oracle near the {'open' if m.hi is not None or which == 'lower' else 'infinite'} end: "
                       f"{mpmath.nstr(vs[0], 15) if vs[0] is not None else 'undefined'}, {mpmath.nstr(v, 15) if v is not None else 'undefined'}")


def claim_fn(m, tree):
    """A claim-side expression over quantity names, as (mp function, numpy array on the grid)."""
    c = Compiled(tree)
    conds = [(k, Compiled(g)) for k, g in conditions(tree)]
    names = ("alpha", "sigma", "det", "var_x", "snr", "cov", "data_variance", "c", "d")

    def mp(x):
        v = m.values(x)
        if v is None: return None
        extra = {f"V_{n}": v[n] for n in names}
        if any(val is None for val in extra.values() if True) and "V_snr" in py_text(tree) and v["snr"] is None: return None
        for k, g in conds:
            try:
                w = g.mp(x, extra)
            except (ZeroDivisionError, ValueError, TypeError):
                return None
            if isinstance(w, mpmath.mpc): continue
            def at(y, g=g):
                vy = m.values(y)
                return None if vy is None else g.mp(y, {f"V_{n}": vy[n] for n in names})
            small = abs(w) <= TOL and tiny_is_zero(at, x, w)
            if (k == "nz" and small) or (k == "nn" and w < 0 and not small) or (k == "pos" and (w < 0 or small)): return None
        try:
            w = c.mp(x, extra)
        except (ZeroDivisionError, ValueError, TypeError):
            return None
        if isinstance(w, mpmath.mpc):
            if abs(w.imag) > mpmath.mpf(10) ** -30: return None
            w = w.real
        return w if mpmath.isfinite(w) else None
    def np_at(xs, arr=None):
        xs = np.asarray(xs, dtype=float)
        if arr is None: arr = m.np_eval(xs)
        with np.errstate(all="ignore"):
            extra = {f"V_{n}": arr[n] for n in names}
            npv = np.broadcast_to(np.asarray(c.np(xs, extra), dtype=float), xs.shape).copy()
            for k, g in conds:
                w = np.broadcast_to(np.asarray(g.np(xs, extra), dtype=float), xs.shape)
                if k == "nz": npv[w == 0] = np.nan
                elif k == "nn": npv[w < 0] = np.nan
                elif k == "pos": npv[w <= 0] = np.nan
        return npv
    mp.np_at = np_at
    return mp, np_at(m.grid, m.np_all())


def claim_truth(m, cl):
    """(truth True/False/None, reason, kind of doubt). None: the oracle does not judge."""
    kind = cl["kind"]
    has_undef = bool(np.any(m.np_all()["_bad"])) or bool(m.true_undefined()[0]) or bool(m.true_undefined()[1])
    if kind in ("zeros", "nonzero", "zero_at") or (kind == "sign" and cl["q"] in ("alpha", "sigma", "det", "cov")):
        q = cl["q"]
        if q in ("alpha", "sigma", "det"):
            true, ident = m.zeros(q)
        else:
            true, ident = find_zeros(m, m.np_all()[q], lambda x: m.q(q, x), lambda x: m.np_eval(x)[q])
    if kind == "zeros":
        if ident: return False, "identically zero", ""
        for mem in cl["members"]:
            x = mp_const(mem)
            if not m.in_domain(x) or not exact_zero(lambda y: m.q(q, y), lambda mem=mem: mp_const(mem)):
                return False, f"{sched_text(mem)} is not a zero of {q} on D", ""
        xs = [mp_const(mem) for mem in cl["members"]]
        for r in true:
            if not any(abs(r - x) < mpmath.mpf(10) ** -25 * max(1, abs(r)) for x in xs):
                return False, f"{q} = 0 at t ≈ {mpmath.nstr(r, 20)}, not listed", ""
        if m.periodic: return None, "", ""
        return True, "", ""
    if kind == "nonzero":
        if ident or true: return False, "has a zero", ""
        return (None, "", "") if m.periodic else (True, "", "")
    if kind == "zero_at":
        x = mp_const(cl["at"])
        if not m.in_domain(x): return False, "the point is not in D", "outside"
        v = m.q(q, x)
        if v is None: return False, "undefined at the point", "undefined"
        return abs(v) < TOL, f"value {mpmath.nstr(v, 8)}", ""
    if kind == "sign":
        q, pos = cl["q"], cl["sign"] == ">"
        mp, npv = claim_fn(m, var(q))
        fin = np.isfinite(npv)
        if q in ("alpha", "sigma", "det", "cov") and (ident or true):
            return False, f"{q} vanishes on D", ""
        bad = np.nonzero(fin & ((npv <= 0) if pos else (npv >= 0)))[0]
        for i in bad[:5]:
            v = mp(mpmath.mpf(float(m.grid[i])))
            if v is not None and ((v <= 0) if pos else (v >= 0)):
                return False, f"{q} = {mpmath.nstr(v, 8)} at t = {m.grid[i]}", ""
        for h in m.hints:
            v = mp(h)
            if v is not None and ((v <= TOL) if pos else (v >= -TOL)):
                return False, f"{q} = {mpmath.nstr(v, 8)} at t = {mpmath.nstr(h, 15)}", ""
        if len(bad): return None, "", ""
        if m.periodic: return None, "", ""
        if q == "snr":
            # snr = α²/σ² vanishes exactly where α does (σ ≠ 0 there): α's zeros are
            # found by sign changes, snr's are even-order and a global-scale minimum
            # test misses them when snr spans 40 decades on a half-infinite domain
            za, _ = m.zeros("alpha")
            if any(mp(r) is not None for r in za): return False, "zero (of alpha)", ""
        if q not in ("alpha", "sigma", "det", "cov"):
            true, ident = find_zeros(m, npv, mp, mp.np_at)
            if true: return False, "zero", ""
        if has_undef: return None, "", "undefined points in D"
        return True, "", ""
    if kind == "identity":
        lmp, lnp = claim_fn(m, cl["lhs"])
        rmp, rnp = claim_fn(m, cl["rhs"])
        lf, rf = np.isfinite(lnp), np.isfinite(rnp)
        with np.errstate(all="ignore"):
            diff = lf & rf & (np.abs(lnp - rnp) > 1e-7 * np.maximum(1, np.abs(lnp)))
        for i in np.nonzero(diff)[0][:5]:
            x = mpmath.mpf(float(m.grid[i]))
            lv, rv = lmp(x), rmp(x)
            if lv is not None and rv is not None and not close(lv, rv, 25):
                return False, f"sides differ at t = {m.grid[i]}", ""
        for i in np.nonzero(lf != rf)[0][:5]:
            x = mpmath.mpf(float(m.grid[i]))
            lv, rv = lmp(x), rmp(x)
            if (lv is None) != (rv is None) and m.values(x) is not None:
                return False, f"one side undefined at t = {m.grid[i]}", "definedness"
        if diff.any() or (lf != rf).any(): return None, "", ""
        for h in m.hints:
            lv, rv = lmp(h), rmp(h)
            if lv is not None and rv is not None and not close(lv, rv, 25):
                return False, f"sides differ at t = {mpmath.nstr(h, 15)}", ""
            if (lv is None) != (rv is None) and m.values(h) is not None:
                return False, f"one side undefined at t = {mpmath.nstr(h, 15)}", "definedness"
        if has_undef: return None, "", "undefined points in D"
        return True, "", ""
    return None, "", ""


def check_claims(m, a, rep, name):
    exps = a.get("expectations", [])
    claims = m.s["claims"]
    if not rep.ok(len(exps) == len(claims), "json-shape", name, f"{len(claims)} claims, {len(exps)} expectations"):
        return
    for cl, ex in zip(claims, exps):
        st = ex.get("status")
        truth, why, doubt = claim_truth(m, cl)
        tag = cl["kind"] + ("-" + doubt if doubt in ("definedness", "outside", "undefined") else "")
        if st == "unknown":
            rep.unknown[f"expect {cl['kind']}"] += 1
            continue
        if truth is None:
            rep.notes[f"claim not judged by the oracle ({cl['kind']}{', ' + doubt if doubt else ''})"] += 1
        elif st == "proven":
            rep.ok(truth, f"false-proof:{tag}", name, f"expect {cl['text']}: proven, but false on D: {why}")
        elif st == "refuted":
            rep.ok(not truth, f"false-refutation:{tag}", name, f"expect {cl['text']}: refuted ({ex.get('evidence')}), but true on D")
        if st == "refuted" and ex.get("counterexample"):
            x, enc = parse_point_text(ex["counterexample"])
            member = cl["kind"] in ("zeros", "zero_at") and "≠ 0" in (ex.get("evidence") or "")
            if member: continue          # the counterexample is a claimed point, not a witness on D
            if x is not None:
                if rep.ok(m.in_domain(x), "counterexample-outside-domain", name,
                          f"expect {cl['text']}: counterexample {ex['counterexample']} is not in D"):
                    ok = True
                    if cl["kind"] == "sign":
                        v = m.q(cl["q"], x)
                        ok = v is not None and ((v <= TOL) if cl["sign"] == ">" else (v >= -TOL))
                    elif cl["kind"] == "identity":
                        lmp, _ = claim_fn(m, cl["lhs"])
                        rmp, _ = claim_fn(m, cl["rhs"])
                        lv, rv = lmp(x), rmp(x)
                        ok = m.values(x) is not None and ((lv is None) != (rv is None) or (lv is not None and not close(lv, rv, 25)))
                    elif cl["kind"] in ("nonzero", "zeros"):
                        v = m.q(cl["q"], x)
                        ok = v is not None and abs(v) < TOL
                    rep.ok(ok, "counterexample-not-a-counterexample", name,
                           f"expect {cl['text']}: counterexample {ex['counterexample']} does not violate the claim (or is undefined)")
            elif enc is not None and enc[0] is not None and enc[1] is not None:
                slack = mpmath.mpf(10) ** -(DPS - 10)
                rep.ok(enc[0] >= m.lo - slack and (m.hi is None or enc[1] <= m.hi + slack), "counterexample-outside-domain", name,
                       f"expect {cl['text']}: counterexample {ex['counterexample']} leaves D")


def check_lint(m, findings, rep, name):
    arr = m.np_all()
    vx = arr["var_x"]
    fin = np.isfinite(vx)
    s301 = [f for f in findings if f.get("code") == "S301"]
    off = np.nonzero(fin & (np.abs(vx - m.s2f) > 1e-9 * max(1, m.s2f)))[0]
    non_vp = False
    for i in off[:5]:
        v = m.values(mpmath.mpf(float(m.grid[i])))
        if v is not None and abs(v["var_x"] - m.s2) > mpmath.mpf(10) ** -30:
            non_vp = True
            break
    vp = not off.size and fin.any()
    if s301:
        if vp: rep.ok(False, "S301-false", name, "S301 fires, but Var(x_t) = data variance at every defined point of D")
        w = s301[0].get("evidence", {}).get("witness")
        x, _ = parse_point_text(w)
        if x is not None:
            if rep.ok(m.in_domain(x), "S301-witness-outside-domain", name, f"S301 witness {w} is not in D"):
                v = m.values(x)
                rep.ok(v is not None and abs(v["var_x"] - m.s2) > TOL, "S301-witness-wrong", name,
                       f"S301 witness {w}: the schedule is undefined there or Var(x_t) = data variance")
        else:
            rep.ok(False, "S301-witness-unreadable", name, f"S301 witness {w!r}")
    elif non_vp:
        # A linter reports what it proves: S301 absent is no claim (its zero test may be
        # unknown, or past a budget), so it is counted, not failed.
        rep.unknown["S301 not fired although Var(x_t) ≠ data variance on D"] += 1
    else:
        rep.passed += 1
    s304 = [f for f in findings if f.get("code") == "S304"]
    if s304:
        f = s304[0]
        where = f.get("evidence", {}).get("where", "")
        if "wrong sign" in where:
            mo = re.search(r"at \w+ = (.+)$", where)
            x = parse_const(mo.group(1)) if mo else None
            rep.ok(x is not None and m.in_domain(x), "S304-sample-outside-domain", name, f"S304: {where} is not in D")
            return
        dl = arr["dlogsnr"]
        ok = np.isfinite(dl)
        # the median, not the maximum: next to a zero of α, dλ/dt ~ 1/(t − a) reaches 1e9
        # and would hide a sign change of size 0.04 further on
        scale = float(np.nanmedian(np.abs(dl[ok]))) if ok.any() else 0.0
        pos = bool(np.any(ok & (dl > 1e-9 * max(scale, 1e-300))))
        neg_ = bool(np.any(ok & (dl < -1e-9 * max(scale, 1e-300))))
        flat = False
        small = ok & (np.abs(dl) <= 1e-12 * max(scale, 1))
        if small.any():
            run = 0
            for b in small:
                run = run + 1 if b else 0
                if run >= 5: flat = True; break
        if not (pos and neg_) and not flat:
            # look between the generator's special points too (sign changes narrower than the grid)
            pts = m.hints
            probe = [(u + v) / 2 for u, v in zip(pts, pts[1:])] + [h + mpmath.mpf(10) ** -20 for h in pts] + [h - mpmath.mpf(10) ** -20 for h in pts]
            for x in probe:
                if not m.in_domain(x): continue
                v = m.values(x)
                if v is None or v["alpha"] == 0 or v["sigma"] == 0: continue
                try:
                    d = 2 * (m.dal.mp(x) / v["alpha"] - m.dsi.mp(x) / v["sigma"])
                except (ZeroDivisionError, ValueError):
                    continue
                if isinstance(d, mpmath.mpc): continue
                pos |= d > 0
                neg_ |= d < 0
        rep.ok((pos and neg_) or flat, "S304-false", name,
               f"S304 fires ({f.get('message')}), but dλ/dt has one sign on D (zeros of even order only)")
    else:
        rep.passed += 1


def check_schedule(s, analysis, lint):
    rep = Report()
    name = s["name"]
    m = Model(s)
    for part, fn_ in (("zeros", check_zeros), ("undefined", check_undefined), ("ends", check_ends), ("claims", check_claims)):
        try:
            fn_(m, analysis, rep, name)
        except Exception as exc:  # noqa: BLE001  (an oracle bug must be visible, not silent)
            rep.ok(False, f"oracle-error:{part}", name, f"{type(exc).__name__}: {exc}")
    if lint is not None:
        try:
            check_lint(m, lint, rep, name)
        except Exception as exc:  # noqa: BLE001
            rep.ok(False, "oracle-error:lint", name, f"{type(exc).__name__}: {exc}")
    return rep


# ---------------------------------------------------------------------------------------
# Running sched.
# ---------------------------------------------------------------------------------------


# sched's budget per quantity (its file budget is 3x that, at least): past it, sched
# says "unknown"; the oracle's timeout only catches a sched that ignores its budget
# (a hang), with room for a loaded 2-core machine.
DEADLINE = 2.0


def run_sched(binary, args, timeout):
    try:
        r = subprocess.run([binary, *args], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", None
    return r.returncode, r


def analyze_batch(binary, items, tmp, timeout, rep):
    """name -> (analysis, lint findings) for the schedules that sched answered; splits on timeouts."""
    path = Path(tmp) / f"b{items[0]['name']}.sched"
    path.write_text("\n".join(schedule_text(s) for s in items))
    limit = timeout * (2 if len(items) > 1 else 1) + 0.25 * len(items)
    out = {}
    budget = ["--deadline", str(DEADLINE)]
    code, r = run_sched(binary, ["analyze", str(path), "--format", "json", *budget], limit)
    parsed = None
    if code not in ("timeout",) and code == 0:
        try:
            parsed = json.loads(r.stdout)
        except json.JSONDecodeError:
            parsed = None
    if parsed is not None:
        code2, r2 = run_sched(binary, ["lint", str(path), "--format", "json", "--select", "S301,S304", *budget], limit)
        lint = None
        if code2 != "timeout" and code2 in (0, 1):
            try:
                lint = json.loads(r2.stdout)
            except json.JSONDecodeError:
                lint = None
        if lint is None and len(items) > 1:
            parsed = None     # split, to find the schedule lint chokes on
        else:
            by = {a["name"]: a for a in parsed.get("schedules", [])}
            for s in items:
                if s["name"] not in by:
                    rep.ok(False, "json-shape", s["name"], "missing from the analyze output")
                    continue
                if lint is None:
                    rep.ok(False, "lint-timeout" if code2 == "timeout" else "lint-error", s["name"],
                           f"sched lint {'timed out' if code2 == 'timeout' else 'failed'}:\n{schedule_text(s)}")
                out[s["name"]] = (by[s["name"]], None if lint is None else [f for f in lint if f.get("schedule") == s["name"]])
            return out
    if len(items) > 1:               # one schedule timed out or failed: run them one by one
        for s in items:
            out.update(analyze_batch(binary, [s], tmp, timeout, rep))
        return out
    s = items[0]
    if code == "timeout":
        rep.ok(False, "analyze-timeout", s["name"], f"sched analyze took more than {limit:.1f} s:\n{schedule_text(s)}")
    elif code != 0:
        rep.ok(False, "generator-bug:does-not-parse" if code == 1 else "analyze-crash", s["name"],
               f"exit {code}: {r.stderr[:500]}\n{schedule_text(s)}")
    else:
        rep.ok(False, "analyze-bad-json", s["name"], r.stdout[:300])
    return out


def schedule_at(seed, i, family):
    return generate(i, random.Random(seed * 1_000_003 + i), family)


def work(job):
    binary, seed, indices, family, timeout, deadline, keep = job
    rep = Report()
    items = [schedule_at(seed, i, family) for i in indices]
    if deadline is not None and time.time() > deadline:
        for s in items:
            rep.ok(False, "out-of-time-budget", s["name"], "not checked: the run's time budget was spent")
        return rep
    with tempfile.TemporaryDirectory() as tmp:
        results = analyze_batch(binary, items, tmp, timeout, rep)
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            (Path(keep) / f"batch{indices[0]}.sched").write_text("\n".join(schedule_text(s) for s in items))
    for s in items:
        if s["name"] in results:
            a, lint = results[s["name"]]
            with np.errstate(all="ignore"):
                rep.merge(check_schedule(s, a, lint))
    return rep


def summarize(rep, show, elapsed, header=True):
    total_failed = sum(len(v) for v in rep.failures.values())
    if rep.failures:
        print("failure classes:")
        for cls in sorted(rep.failures, key=lambda k: -len(rep.failures[k])):
            print(f"  {len(rep.failures[cls]):6d}  {cls}")
        for cls in sorted(rep.failures):
            print(f"\n== {cls} ({len(rep.failures[cls])})")
            for name, msg in rep.failures[cls][:show]:
                print(f"FAIL {name}: {msg}")
    if rep.unknown:
        print("\nunknown answers (counted, not failures):")
        for k, v in sorted(rep.unknown.items()):
            print(f"  {v:6d}  {k}")
    if rep.notes:
        print("\nnot judged by the oracle:")
        for k, v in sorted(rep.notes.items()):
            print(f"  {v:6d}  {k}")
    print(f"\ntime {elapsed:.1f} s")
    print(f"{rep.passed} passed, {total_failed} failed")
    return total_failed


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary")
    ap.add_argument("--count", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=20261201)
    ap.add_argument("--only", choices=FAMILIES)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch", type=int, default=20)
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per schedule for sched analyze / lint (sched's own file budget: 6 s)")
    ap.add_argument("--budget", type=float, default=None, help="seconds for the whole run; later batches fail as unchecked")
    ap.add_argument("--show", type=int, default=5, help="failures shown per class")
    ap.add_argument("--keep", default=None, help="directory to keep the generated .sched files in")
    ap.add_argument("--indices", default=None, help="comma-separated schedule indices to run (one per batch), e.g. 167,230")
    ap.add_argument("--self-test", action="store_true")
    args = ap.parse_args()
    if args.self_test:
        sys.exit(self_test(args.binary))
    start = time.time()
    deadline = None if args.budget is None else start + args.budget
    if args.indices:
        jobs = [(args.binary, args.seed, [int(i)], args.only, args.timeout, deadline, args.keep)
                for i in args.indices.split(",")]
    else:
        jobs = [(args.binary, args.seed, list(range(i, min(i + args.batch, args.count))), args.only, args.timeout, deadline, args.keep)
                for i in range(0, args.count, args.batch)]
    total = Report()
    if args.workers > 1:
        with multiprocessing.Pool(args.workers) as pool:
            for r in pool.imap_unordered(work, jobs):
                total.merge(r)
    else:
        for j in jobs:
            total.merge(work(j))
    failed = summarize(total, args.show, time.time() - start)
    sys.exit(1 if failed else 0)


# ---------------------------------------------------------------------------------------
# Self-test: every check class must fail on a deliberately wrong answer (and pass on a
# hand-written right one).
# ---------------------------------------------------------------------------------------


def _fixed(name, lo, hi, lc, hc, alpha, sigma, claims):
    d = {"lo": lo, "hi": hi, "lc": lc, "hc": hc, "a": float(mp_const(lo)), "b": math.inf if hi is None else float(mp_const(hi))}
    s = {"name": name, "family": "fixed", "domain": d, "alpha": alpha, "sigma": sigma, "target": [ZERO, ONE, ZERO, ZERO],
         "s2": ONE, "hints": [Q(3), Q(5, 2)]}
    s["claims"] = claims
    return s


def _zero(exact): return {"identically_zero": False, "complete": True, "points": [{"exact": e, "multiplicity": 1} for e in exact]}


def self_test(binary):
    import copy
    # S1: t in [2, 4], alpha = t - 3, sigma = sqrt(t - 5/2), target = eps: undefined on [2, 5/2).
    s1 = _fixed("s1", Q(2), Q(4), True, True, lin(Q(3)), fn("sqrt", lin(Q(5, 2))),
                [{"kind": "sign", "q": "alpha", "sign": ">", "text": "alpha > 0"},
                 {"kind": "zeros", "q": "alpha", "members": [Q(3)], "text": "zeros(alpha) == {3}"}])
    undef = {"lower": {"exact": "2"}, "upper": {"exact": "5/2"}, "lower_closed": True, "upper_closed": False}
    a1 = {"zeros": {"det": _zero(["3"]), "alpha": _zero(["3"]), "sigma": _zero(["5/2"]), "rho": _zero(["5/2"])},
          "undefined": {"complete": True, "points": [], "intervals": [undef]},
          "ends": {"lower": {q: "undefined" for q in QUANTITIES},
                   "upper": {"alpha": "1", "sigma": "sqrt(3/2)", "c": "0", "d": "1", "det": "1", "cov": "sqrt(3/2)",
                             "var_x": "5/2", "var_y": "1", "rho": "sqrt(3/5)", "snr": "2/3", "logsnr": "log(2/3)",
                             "amp_x0": "sqrt(3/2)", "amp_eps": "1", "weight_eps": "1", "weight_x0": "2/3", "data_variance": "1"}},
          "expectations": [{"status": "refuted", "counterexample": "t = 3", "evidence": "alpha vanishes at t = 3"},
                           {"status": "proven"}]}
    l1 = [{"code": "S301", "evidence": {"witness": "t = 3"}}, {"code": "S304", "evidence": {"where": "zero at t = 3"}, "message": ""}]
    # S2: t in (pi/4, 3/2], alpha = cos(t), sigma = sin(t), target = eps: variance-preserving, log-SNR monotone.
    s2 = _fixed("s2", div(PI, Q(4)), Q(3, 2), False, True, fn("cos", T), fn("sin", T),
                [{"kind": "identity", "lhs": var("sigma"), "rhs": fn("sqrt", add(ONE, neg(pw(var("alpha"), 2)))),
                  "text": "sigma == sqrt(1 - alpha^2)"}])
    none = {"identically_zero": False, "complete": True, "points": []}
    a2 = {"zeros": {"det": copy.deepcopy(none), "alpha": copy.deepcopy(none), "sigma": copy.deepcopy(none), "rho": copy.deepcopy(none)},
          "undefined": {"complete": True, "points": []},
          "ends": {"lower": {"alpha": "sqrt(2)/2", "sigma": "sqrt(2)/2", "c": "0", "d": "1", "det": "sqrt(2)/2", "cov": "sqrt(2)/2",
                             "var_x": "1", "var_y": "1", "rho": "sqrt(2)/2", "snr": "1", "logsnr": "0", "amp_x0": "1",
                             "amp_eps": "1", "weight_eps": "1", "weight_x0": "1", "data_variance": "1"},
                   "upper": {q: "unknown" for q in QUANTITIES}},
          "expectations": [{"status": "proven"}]}
    a2["ends"]["upper"]["alpha"] = "cos(3/2)"
    l2 = []
    cases = []

    def mutate(label, cls, which, f):
        s, a, l = (s1, a1, l1) if which == 1 else (s2, a2, l2)
        a, l = copy.deepcopy(a), copy.deepcopy(l)
        f(a, l)
        cases.append((label, cls, s, a, l))
    mutate("bogus exact zero", "zero-not-a-zero", 1, lambda a, l: a["zeros"]["det"]["points"].append({"exact": "7/2"}))
    mutate("zero outside D", "zero-outside-domain", 1, lambda a, l: a["zeros"]["alpha"]["points"].append({"exact": "1"}))
    mutate("zero at an undefined point", "zero-at-undefined-point", 1, lambda a, l: a["zeros"]["alpha"]["points"].append({"exact": "9/4"}))
    mutate("complete but a zero left out", "zeros-complete-missing", 1, lambda a, l: a["zeros"]["det"].update(points=[]))
    mutate("enclosure without a zero", "enclosure-without-zero", 1,
           lambda a, l: a["zeros"]["det"]["points"].append({"lower": "7/2", "upper": "15/4"}))
    s3 = _fixed("s3", Q(2), Q(4), True, True, mul(lin(Q(3)), lin(Q(7, 2))), ONE, [])
    a3 = copy.deepcopy(a1)
    a3["expectations"] = []
    a3["zeros"]["alpha"]["points"] = [{"lower": "29/10", "upper": "37/10"}]
    cases.append(("enclosure with two zeros", "enclosure-several-zeros", s3, a3, []))
    mutate("overlapping points", "zero-points-overlap", 1,
           lambda a, l: a["zeros"]["det"]["points"].append({"lower": "29/10", "upper": "31/10"}))
    mutate("identically zero claimed", "zeros-identically-zero-wrong", 1, lambda a, l: a["zeros"]["sigma"].update(identically_zero=True))
    mutate("defined point listed undefined", "undefined-point-is-defined", 1, lambda a, l: a["undefined"]["points"].append({"exact": "3"}))
    mutate("undefined interval too long", "undefined-interval-is-defined", 1,
           lambda a, l: a["undefined"]["intervals"][0]["upper"].update(exact="3"))
    mutate("undefined complete, interval missing", "undefined-complete-missing", 1, lambda a, l: a["undefined"].update(intervals=[]))
    mutate("undefined complete, only the point", "undefined-complete-missing", 1,
           lambda a, l: a["undefined"].update(intervals=[], points=[{"exact": "5/2"}]))
    mutate("end value wrong", "end-value-wrong", 1, lambda a, l: a["ends"]["upper"].update(rho="sqrt(3)/5"))
    mutate("end value at an undefined closed end", "end-value-at-undefined-point", 1, lambda a, l: a["ends"]["lower"].update(alpha="-1"))
    mutate("end 'undefined' where defined", "end-undefined-wrong", 1, lambda a, l: a["ends"]["upper"].update(snr="undefined"))
    mutate("open-end limit wrong", "end-limit-wrong", 2, lambda a, l: a["ends"]["lower"].update(weight_eps="2"))
    mutate("open-end 'undefined' with a limit", "end-undefined-wrong", 2, lambda a, l: a["ends"]["lower"].update(snr="undefined"))
    mutate("false proof", "false-proof:sign", 1, lambda a, l: a["expectations"][0].update(status="proven"))
    mutate("false refutation", "false-refutation:zeros", 1, lambda a, l: a["expectations"][1].update(status="refuted"))
    mutate("false refutation of an identity", "false-refutation:identity", 2,
           lambda a, l: a["expectations"][0].update(status="refuted", counterexample="t = 1"))
    mutate("counterexample outside D", "counterexample-outside-domain", 1, lambda a, l: a["expectations"][0].update(counterexample="t = 1"))
    mutate("counterexample that is none", "counterexample-not-a-counterexample", 1,
           lambda a, l: a["expectations"][0].update(counterexample="t = 7/2"))
    mutate("S301 on a VP schedule", "S301-false", 2, lambda a, l: l.append({"code": "S301", "evidence": {"witness": "t = 1"}}))
    mutate("S301 witness outside D", "S301-witness-outside-domain", 1, lambda a, l: l[0]["evidence"].update(witness="t = 1"))
    mutate("S301 witness undefined", "S301-witness-wrong", 1, lambda a, l: l[0]["evidence"].update(witness="t = 9/4"))
    mutate("S304 on a monotone log-SNR", "S304-false", 2, lambda a, l: l.append({"code": "S304", "evidence": {"where": "zero at t = 1"}, "message": ""}))
    failures = 0
    for label, s, a, l in (("correct S1", s1, a1, l1), ("correct S2", s2, a2, l2)):
        rep = check_schedule(s, a, l)
        if rep.failures:
            failures += 1
            print(f"SELF-TEST FAIL: {label} has failures: {dict((k, v[:1]) for k, v in rep.failures.items())}")
    for label, cls, s, a, l in cases:
        rep = check_schedule(s, a, l)
        if cls not in rep.failures:
            failures += 1
            print(f"SELF-TEST FAIL: {label}: expected a '{cls}' failure, got {sorted(rep.failures)}")
    # the generator: every family parses (a few schedules each, through the real binary)
    rep = Report()
    with tempfile.TemporaryDirectory() as tmp:
        for fam in FAMILIES:
            items = [schedule_at(7, 0, fam)]
            analyze_batch(binary, items, tmp, 10.0, rep)
    for cls in rep.failures:
        if cls.startswith("generator-bug"):
            failures += 1
            print(f"SELF-TEST FAIL: {cls}: {rep.failures[cls][:1]}")
    print(f"{len(cases) + 2 - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    main()
