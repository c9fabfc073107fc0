#!/usr/bin/env python3
"""Benchmark: `sched analyze` on every file in examples/, whole process, side by side
with a SymPy script doing the same derivations and zero sets on the same inputs.

The SymPy side reads each schedule's α, σ, c, d, data variance and time domain (as
sched printed them, so both start from the same formulas) and, in a fresh python3
process per file (import included, as for sched): simplifies det A, Cov and ρ, and
runs solveset for the zeros of det A, ρ (its numerator), α and σ on the domain.
Medians of --runs runs for sched; SymPy runs --sympy-runs times with a time limit.

Usage: python3 bench/analyze.py [--sched .build/release/sched] [--runs 5] [--sympy-runs 1] [--timeout 600]
"""
import argparse
import glob
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SYMPY_SCRIPT = r'''
import json, sys
import sympy as sp
data = json.loads(sys.stdin.read())
for s in data:
    t = sp.Symbol(s["time"]["name"], real=True)
    names = {s["time"]["name"]: t, "pi": sp.pi}
    f = lambda text: sp.sympify(text.replace("^", "**"), locals=names)
    alpha, sigma, c, d, s2 = f(s["alpha"]), f(s["sigma"]), f(s["c"]), f(s["d"]), f(s["data_variance"])
    lower = f(s["time"]["lower"]) if s["time"]["lower"] != "-inf" else -sp.oo
    upper = f(s["time"]["upper"]) if s["time"]["upper"] != "inf" else sp.oo
    domain = sp.Interval(lower, upper, not s["time"]["lower_closed"], not s["time"]["upper_closed"])
    det = sp.simplify(alpha * d - sigma * c)
    cov = sp.simplify(alpha * c * s2 + sigma * d)
    rho = sp.simplify(cov / sp.sqrt((alpha**2 * s2 + sigma**2) * (c**2 * s2 + d**2)))
    zeros = {}
    for name, q in (("det", det), ("rho", sp.numer(sp.together(cov))), ("alpha", alpha), ("sigma", sigma)):
        zeros[name] = str(sp.solveset(q, t, domain))
    print(s["name"], det, rho, zeros, flush=True)
'''


def median_time(fn, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sched", default=str(ROOT / ".build/release/sched"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sympy-runs", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=600)
    args = ap.parse_args()
    rows = []
    for path in sorted(glob.glob(str(ROOT / "examples/*.sched"))):
        name = Path(path).name
        out = subprocess.run([args.sched, "analyze", path, "--format", "json"], capture_output=True, text=True, check=True).stdout
        schedules = json.loads(out)["schedules"]
        sched_time = median_time(lambda: subprocess.run([args.sched, "analyze", path, "--format", "json"], capture_output=True, check=True), args.runs)
        payload = json.dumps(schedules)
        sympy_times, status = [], "ok"
        for _ in range(args.sympy_runs):
            start = time.perf_counter()
            try:
                r = subprocess.run([sys.executable, "-c", SYMPY_SCRIPT], input=payload, capture_output=True, text=True, timeout=args.timeout)
                if r.returncode != 0:
                    status = "error: " + r.stderr.strip().splitlines()[-1][:120]
            except subprocess.TimeoutExpired:
                status = f"timeout (> {args.timeout:.0f} s)"
            sympy_times.append(time.perf_counter() - start)
        sympy_time = statistics.median(sympy_times)
        rows.append((name, len(schedules), sched_time, sympy_time, status))
        print(f"{name}: sched {sched_time*1e3:.0f} ms, SymPy {sympy_time:.1f} s ({status})", file=sys.stderr)
    print("| file | schedules | sched analyze (median) | SymPy script | ratio | SymPy status |")
    print("|---|---:|---:|---:|---:|---|")
    for name, n, st, yt, status in rows:
        print(f"| {name} | {n} | {st*1e3:.0f} ms | {yt:.1f} s | {yt/st:.0f}× | {status} |")


if __name__ == "__main__":
    main()
