#!/usr/bin/env python3
"""Benchmark: certified real-root isolation, sched vs SymPy's real_roots.

For random integer polynomials of degree 10, 50 and 200 (fixed seed; coefficients
in [-1000, 1000]) this measures
  - per operation: sched's isolation inside one process (bench target sched-bench,
    median of repeats) against SymPy's `real_roots` in this process (median);
  - whole process: `sched roots` from start to exit (median of runs), against
    `python3 -c 'import sympy; ...real_roots...'` from start to exit.
and prints medians and ratios (SymPy time / sched time) as a Markdown table.

Usage: python3 bench/real_roots.py [--sched .build/release/sched] [--runs 5]
"""
import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import sympy as sp

ROOT = Path(__file__).resolve().parent.parent


def polynomials(degree, count, seed):
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        coeffs = [rng.randint(-1000, 1000) for _ in range(degree)] + [rng.choice([-1, 1]) * rng.randint(1, 1000)]
        out.append(coeffs)  # lowest degree first
    return out


def median_time(fn, runs):
    times = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sched", default=str(ROOT / ".build/release/sched"))
    ap.add_argument("--bench-binary", default=None)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--count", type=int, default=3, help="polynomials per degree")
    args = ap.parse_args()
    bench_binary = args.bench_binary or str(Path(args.sched).parent / "sched-bench")
    x = sp.Symbol("x")

    rows = []
    for degree in (10, 50, 200):
        for i, coeffs in enumerate(polynomials(degree, args.count, seed=degree)):
            poly = sp.Poly(list(reversed(coeffs)), x)
            # SymPy, per operation (fewer runs at degree 200: it is slow).
            sympy_runs = args.runs if degree < 200 else max(1, min(args.runs, 3))
            sympy_op, roots = median_time(lambda: sp.real_roots(poly), sympy_runs)
            sympy_count = len(set(roots))
            # sched, per operation.
            out = subprocess.run([bench_binary, "roots", str(args.runs)], input=json.dumps([str(c) for c in coeffs]) + "\n",
                                 capture_output=True, text=True, check=True).stdout
            measured = json.loads(out)
            sched_op, sched_count = measured["median_seconds"], measured["roots"]
            # Whole process.
            coefficient_text = " ".join(str(c) for c in reversed(coeffs))
            sched_proc, _ = median_time(lambda: subprocess.run([args.sched, "roots", coefficient_text, "--format", "json"],
                                                               capture_output=True, check=True), args.runs)
            script = ("import sympy as sp; x = sp.Symbol('x'); "
                      f"print(len(sp.real_roots(sp.Poly({list(reversed(coeffs))}, x))))")
            sympy_proc, _ = median_time(lambda: subprocess.run([sys.executable, "-c", script], capture_output=True, check=True),
                                        sympy_runs)
            if sched_count != sympy_count:
                print(f"MISMATCH degree {degree} #{i}: sched {sched_count} roots, SymPy {sympy_count}", file=sys.stderr)
            rows.append((degree, i, sched_count, sched_op, sympy_op, sched_proc, sympy_proc))
            print(f"degree {degree} #{i}: {sched_count} real roots; per op sched {sched_op*1e3:.3f} ms, "
                  f"SymPy {sympy_op*1e3:.1f} ms; process sched {sched_proc*1e3:.1f} ms, SymPy {sympy_proc*1e3:.1f} ms",
                  file=sys.stderr)

    print("| degree | real roots | sched per op (median) | SymPy per op (median) | ratio | sched process | SymPy process | ratio |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for degree in (10, 50, 200):
        sel = [r for r in rows if r[0] == degree]
        so = statistics.median(r[3] for r in sel)
        yo = statistics.median(r[4] for r in sel)
        sp_ = statistics.median(r[5] for r in sel)
        yp = statistics.median(r[6] for r in sel)
        counts = ",".join(str(r[2]) for r in sel)
        print(f"| {degree} | {counts} | {so*1e3:.3f} ms | {yo*1e3:.1f} ms | {yo/so:.0f}× | {sp_*1e3:.1f} ms | {yp*1e3:.1f} ms | {yp/sp_:.1f}× |")


if __name__ == "__main__":
    main()
