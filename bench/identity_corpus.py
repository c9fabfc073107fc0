#!/usr/bin/env python3
"""Benchmark: the classical identity corpus (Tests/oracles/identity_corpus.py), sched vs SymPy.

Every case "(A) - (B)" goes through `sched simplify --format json` (one process per
case, whole process timed; "proven" in its "zero" field counts) and through SymPy's
`simplify` (in a worker process with a per-case time limit; a result that is exactly 0
counts). Positive names are positive symbols for SymPy and --assume-positive for sched.
Prints, per category: identities proven zero by each, the median time of each, and
the non-identities either of them called zero (must be 0).

Usage: python3 bench/identity_corpus.py [--sched .build/release/sched] [--timeout 10]
"""
import argparse
import collections
import json
import multiprocessing
import statistics
import subprocess
import sys
import time
from pathlib import Path

import sympy as sp

ROOT = Path(__file__).resolve().parent.parent


def sympy_is_zero(expression, positive, queue):
    names = {n: sp.Symbol(n, positive=True) for n in positive}
    names.update({n: sp.Symbol(n, real=True) for n in ("x", "y", "t") if n not in names})
    start = time.perf_counter()
    e = sp.sympify(expression, locals=names)
    zero = sp.simplify(e) == 0
    queue.put((zero, time.perf_counter() - start))


def sympy_case(expression, positive, timeout):
    queue = multiprocessing.Queue()
    worker = multiprocessing.Process(target=sympy_is_zero, args=(expression, positive, queue))
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        worker.kill()
        worker.join()
        return False, timeout
    return queue.get() if not queue.empty() else (False, timeout)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sched", default=str(ROOT / ".build/release/sched"))
    parser.add_argument("--timeout", type=float, default=10)
    args = parser.parse_args()
    corpus = subprocess.run([sys.executable, str(ROOT / "Tests/oracles/identity_corpus.py")],
                            capture_output=True, text=True, check=True).stdout
    rows = collections.defaultdict(lambda: {"n": 0, "sched": 0, "sympy": 0, "sched_t": [], "sympy_t": [],
                                            "false_sched": 0, "false_sympy": 0})
    for line in corpus.splitlines():
        case = json.loads(line)
        row = rows[case["category"]]
        command = [args.sched, "simplify", case["expression"], "--format", "json"]
        if case["positive"]:
            command += ["--assume-positive"] + case["positive"]
        start = time.perf_counter()
        out = subprocess.run(command, capture_output=True, text=True)
        sched_time = time.perf_counter() - start
        sched_zero = out.returncode == 0 and json.loads(out.stdout)["zero"] == "proven"
        sympy_zero, sympy_time = sympy_case(case["expression"], case["positive"], args.timeout)
        # One line per case on stderr, so that a partial run can be read.
        print(json.dumps({**case, "sched": sched_zero, "sched_time": sched_time, "sympy": sympy_zero,
                          "sympy_time": sympy_time}), file=sys.stderr, flush=True)
        if case["identity"]:
            row["n"] += 1
            row["sched"] += sched_zero
            row["sympy"] += sympy_zero
            row["sched_t"].append(sched_time)
            row["sympy_t"].append(sympy_time)
        else:
            row["false_sched"] += sched_zero
            row["false_sympy"] += sympy_zero
    print("| category | identities | sched proven | SymPy simplify | sched median | SymPy median | false zeros sched / SymPy |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    total = collections.Counter()
    for category, row in rows.items():
        total.update({k: row[k] for k in ("n", "sched", "sympy", "false_sched", "false_sympy")})
        print(f"| {category} | {row['n']} | {row['sched']} ({100 * row['sched'] / row['n']:.0f}%) | "
              f"{row['sympy']} ({100 * row['sympy'] / row['n']:.0f}%) | {1000 * statistics.median(row['sched_t']):.0f} ms | "
              f"{1000 * statistics.median(row['sympy_t']):.0f} ms | {row['false_sched']} / {row['false_sympy']} |")
    print(f"| all | {total['n']} | {total['sched']} ({100 * total['sched'] / total['n']:.0f}%) | "
          f"{total['sympy']} ({100 * total['sympy'] / total['n']:.0f}%) | | | {total['false_sched']} / {total['false_sympy']} |")


if __name__ == "__main__":
    main()
