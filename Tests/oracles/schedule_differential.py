#!/usr/bin/env python3
"""Differential test of `sched eval` and `sched analyze` against SymPy/mpmath.

Generates random schedules on [0, 1] (fixed seed: polynomial, rational, square-root,
exponential and trigonometric coefficients; targets that mix x0, eps, x_t and the
velocity), writes them to one .sched file, runs the real sched binary, and checks:

  1. values: `sched eval --format json` at 5 rational times agrees with SymPy's
     values of every quantity to 25 digits, wherever SymPy finds the quantity real;
  2. exact zeros: every zero reported as exact evaluates to 0 (to 30 digits) in SymPy;
  3. enclosures: the quantity changes sign across every reported enclosure, or
     SymPy finds a root inside it;
  4. completeness: where sched says `complete: true`, a 2,000-point grid finds no
     sign change of the quantity away from the reported zeros.

Usage: schedule_differential.py SCHED_BINARY [COUNT] [SEED]
Prints a summary line "N passed, M failed" and the failures; exits 1 on failure.
"""
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import mpmath
import sympy as sp

mpmath.mp.dps = 50
t = sp.Symbol("t", real=True)
LOCALS = {"t": t, "pi": sp.pi, "sigmoid": lambda a: 1 / (1 + sp.exp(-a))}

# Written with explicit `*` so that SymPy reads the same text sched does.
ALPHAS = ["1 - t", "(1 - t)^2", "1 - t^2/2", "cos(pi/2*t)", "exp(-t)", "exp(-2*t^2)", "1/(1 + t)",
          "sqrt(1 - t/2)", "(1 - t)*(1 + t/3)", "cos(t)", "1 - t/3", "2 - t", "(2 - t)/(1 + t^2)"]
SIGMAS = ["t", "sin(pi/2*t)", "t^2 + t/3", "sqrt(t)", "t/(1 + t)", "1 - exp(-t)", "sin(t)", "t*(2 - t)",
          "sqrt(t^2 + 1/4)", "t + 1/5", "3*t/2", "sqrt(2*t)"]
COEFFICIENTS = ["0", "1", "-1", "2", "1/2", "t", "(1 - t)", "-t"]


def random_target(rng):
    while True:
        parts = []
        for vector in ("x0", "eps", "x_t", "velocity"):
            c = rng.choice(COEFFICIENTS) if rng.random() < 0.6 else "0"
            if c != "0":
                parts.append(f"({c})*{vector}")
        if parts:
            return " + ".join(parts)


def schedules(count, seed):
    rng = random.Random(seed)
    out = []
    for i in range(count):
        out.append({"name": f"r{i}", "alpha": rng.choice(ALPHAS), "sigma": rng.choice(SIGMAS), "target": random_target(rng)})
    return out


def sympify(text):
    return sp.sympify(text.replace("^", "**"), locals=LOCALS)


def model(s):
    alpha, sigma = sympify(s["alpha"]), sympify(s["sigma"])
    x0, eps = sp.symbols("x0 eps")
    x_t = alpha * x0 + sigma * eps
    velocity = sp.diff(alpha, t) * x0 + sp.diff(sigma, t) * eps
    target = sp.expand(sympify(s["target"].replace("velocity", "(VEL)").replace("x_t", "(XT)"))
                       .subs({sp.Symbol("VEL"): velocity, sp.Symbol("XT"): x_t}))
    c, d = target.coeff(x0), target.coeff(eps)
    s2 = sp.Integer(1)
    det = alpha * d - sigma * c
    cov = alpha * c * s2 + sigma * d
    var_x = alpha**2 * s2 + sigma**2
    var_y = c**2 * s2 + d**2
    return {
        "alpha": alpha, "sigma": sigma, "c": c, "d": d, "det": det, "cov": cov, "var_x": var_x, "var_y": var_y,
        "rho": cov / sp.sqrt(var_x * var_y), "snr": alpha**2 / sigma**2, "logsnr": sp.log(alpha**2 / sigma**2),
        "amp_x0": sigma / det, "amp_eps": alpha / det, "weight_eps": (det / alpha)**2, "weight_x0": (det / sigma)**2,
        "data_variance": s2,
    }


def numeric(expr, point):
    try:
        v = sp.N(expr.subs(t, point), 40)
    except (ZeroDivisionError, ValueError, TypeError):
        return None
    if not v.is_number or v.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        return None
    re, im = v.as_real_imag()
    if abs(im) > sp.Float(10) ** -30:
        return None
    return mpmath.mpf(str(sp.Float(re, 40)))


def run(binary, *args):
    r = subprocess.run([binary, *args], capture_output=True, text=True)
    if r.returncode not in (0, 1):
        raise RuntimeError(f"sched {' '.join(args)} exited {r.returncode}: {r.stderr[:2000]}")
    return json.loads(r.stdout)


def main():
    binary = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20261122
    items = schedules(count, seed)
    text = "\n".join(
        f"schedule {s['name']} {{\n    time t in [0, 1]\n    alpha = {s['alpha']}\n    sigma = {s['sigma']}\n    target = {s['target']}\n}}\n"
        for s in items)
    failures = []
    checks = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "random.sched"
        path.write_text(text)
        rng = random.Random(seed + 1)
        points = sorted({sp.Rational(rng.randint(1, 99), 100) for _ in range(5)})
        evaluations = {str(p): run(binary, "eval", str(path), "--at", str(p), "--format", "json", "--digits", "30") for p in points}
        analysis = run(binary, "analyze", str(path), "--format", "json")
    by_name = {a["name"]: a for a in analysis["schedules"]}

    def defined(m, point):
        # The schedule itself must be defined at the point (α, σ, c, d finite and real).
        return all(numeric(m[k], point) is not None for k in ("alpha", "sigma", "c", "d"))

    for s in items:
        m = model(s)
        # 1. values
        for p in points:
            sched_values = next(x for x in evaluations[str(p)]["schedules"] if x["name"] == s["name"])["values"]
            for name, expr in m.items():
                expected = numeric(expr, p)
                got = sched_values[name]["value"]
                if expected is None or not defined(m, p):
                    continue
                checks += 1
                if got is None:
                    failures.append(f"{s['name']} {name} at t={p}: sched has no value, SymPy {mpmath.nstr(expected, 20)}")
                    continue
                if abs(mpmath.mpf(got) - expected) > mpmath.mpf(10) ** -25 * max(1, abs(expected)):
                    failures.append(f"{s['name']} {name} at t={p}: sched {got}, SymPy {mpmath.nstr(expected, 30)}")
        # 2-4. zeros
        a = by_name[s["name"]]
        for name in ("det", "rho", "alpha", "sigma"):
            z = a["zeros"][name]
            f = m["cov"] if name == "rho" else m[name]
            fn = sp.lambdify(t, f, modules="mpmath")

            def value(x):
                try:
                    v = mpmath.mpmathify(fn(mpmath.mpf(x)))
                    return None if abs(mpmath.im(v)) > 1e-30 else mpmath.re(v)
                except (ZeroDivisionError, ValueError):
                    return None
            if z["identically_zero"]:
                checks += 1
                for x in ("0.137", "0.5", "0.913"):
                    v = value(x)
                    if v is not None and abs(v) > 1e-25:
                        failures.append(f"{s['name']} {name}: claimed identically zero, SymPy {mpmath.nstr(v, 10)} at {x}")
                continue
            spots = []
            for point in z["points"]:
                checks += 1
                if "exact" in point:
                    if not defined(m, sympify(point["exact"])):
                        failures.append(f"{s['name']} {name}: zero {point['exact']} reported where the schedule is undefined")
                        continue
                    v = numeric(f, sympify(point["exact"]))
                    if v is not None and abs(v) > mpmath.mpf(10) ** -30:
                        failures.append(f"{s['name']} {name}: exact zero {point['exact']} evaluates to {mpmath.nstr(v, 10)}")
                    x = float(sp.N(sympify(point["exact"])))
                    spots.append((x - 1e-9, x + 1e-9))
                else:
                    lo, hi = mpmath.mpf(sp.Rational(point["lower"])), mpmath.mpf(sp.Rational(point["upper"]))
                    vl, vh = value(lo), value(hi)
                    if vl is None or vh is None or vl * vh > 0:
                        try:
                            r = mpmath.findroot(fn, (lo + hi) / 2)
                            ok = lo <= r <= hi
                        except Exception:  # noqa: BLE001
                            ok = False
                        if not ok:
                            failures.append(f"{s['name']} {name}: no sign change or root in ({point['lower']}, {point['upper']})")
                    spots.append((float(lo) - 1e-9, float(hi) + 1e-9))
            if z["complete"]:
                checks += 1
                grid = [mpmath.mpf(k) / 2000 for k in range(2001)]
                previous = None
                for x in grid:
                    v = value(x)
                    if v is None or v == 0:
                        previous = None
                        continue
                    if previous is not None and (previous[1] > 0) != (v > 0):
                        a_, b_ = float(previous[0]), float(x)
                        if not any(lo <= b_ and a_ <= hi for lo, hi in spots):
                            failures.append(f"{s['name']} {name}: sign change in [{a_}, {b_}] not reported (complete: true)")
                            break
                    previous = (x, v)
    for f in failures[:50]:
        print("FAIL", f)
    print(f"{checks - len(failures)} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
