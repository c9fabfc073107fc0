#!/usr/bin/env python3
"""Benchmark: simplification and zero testing, sched vs SymPy's simplify.

The 1,000 schedule-like expressions of the test suite (same generator and seed,
produced by `sched-bench simplify`) are canonicalised and zero-tested by sched
(median of 3 runs each, inside one process) and passed to SymPy's `simplify` (one
run each, with a per-expression time limit). Prints the median time per expression,
the ratio, and how often the two disagree about which expressions are zero:
sched's proven zeros that SymPy's simplify does not reduce to 0, and the reverse.

Usage: python3 bench/simplify.py [--count 1000] [--timeout 30]
"""
import argparse
import json
import multiprocessing
import statistics
import subprocess
import sys
import time
from pathlib import Path

import sympy as sp

ROOT = Path(__file__).resolve().parent.parent
t, x, s = sp.symbols("t x s", real=True)
LOCALS = {"t": t, "x": x, "s": s, "pi": sp.pi, "sigmoid": lambda a: 1 / (1 + sp.exp(-a)), "diff": sp.diff}


def sympy_simplify(text, queue):
    e = sp.sympify(text.replace("^", "**"), locals=LOCALS)
    start = time.perf_counter()
    r = sp.simplify(e)
    queue.put((time.perf_counter() - start, r == 0))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--bench-binary", default=str(ROOT / ".build/release/sched-bench"))
    args = ap.parse_args()
    out = subprocess.run([args.bench_binary, "simplify", str(args.count)], capture_output=True, text=True, check=True).stdout
    cases = [json.loads(line) for line in out.splitlines()]
    sched_times, sympy_times = [], []
    sched_only = sympy_only = both = timeouts = 0
    for i, c in enumerate(cases):
        sched_times.append(c["median_seconds"])
        queue = multiprocessing.Queue()
        p = multiprocessing.Process(target=sympy_simplify, args=(c["input"], queue))
        p.start()
        p.join(args.timeout)
        if p.is_alive():
            p.kill()
            p.join()
            timeouts += 1
            sympy_times.append(args.timeout)
            sympy_zero = False
        else:
            elapsed, sympy_zero = queue.get() if not queue.empty() else (args.timeout, False)
            sympy_times.append(elapsed)
        if c["zero"] and sympy_zero:
            both += 1
        elif c["zero"]:
            sched_only += 1
        elif sympy_zero:
            sympy_only += 1
        if (i + 1) % 100 == 0:
            print(f"{i + 1} done", file=sys.stderr)
    ms, my = statistics.median(sched_times), statistics.median(sympy_times)
    print(f"| expressions | sched median (canonical form + zero test) | SymPy simplify median | ratio |")
    print(f"|---:|---:|---:|---:|")
    print(f"| {len(cases)} | {ms*1e3:.2f} ms | {my*1e3:.1f} ms | {my/ms:.0f}× |")
    print()
    print(f"zeros: both {both}; sched only (SymPy's simplify missed them) {sched_only}; "
          f"SymPy only (sched did not prove them) {sympy_only}; SymPy timeouts (> {args.timeout:.0f} s, counted as not zero) {timeouts}")
    print(f"total time: sched {sum(sched_times):.1f} s, SymPy {sum(sympy_times):.1f} s")


if __name__ == "__main__":
    main()
