#!/usr/bin/env python3
"""`sched lint` against a SymPy script doing the same checks.

1. `sched lint examples/`: whole-process median of --runs runs.
2. A generated corpus of --count schedules (fixed seed; five families: linear flows
   with arbitrary targets, polynomial flow paths with the velocity, the cosine VP
   schedule with ε/x0/v targets, VP-SDE linear β with random β_max, EDM with random
   σ_data): `sched lint corpus.sched` (one process, median of --runs) against SymPy
   checking every schedule: det A and its zeros on the domain, ρ ≡ 0 or its zeros,
   Var(x_t) = s², the values at both ends (data end σ = 0, terminal SNR), with a
   --timeout seconds limit per schedule.

Usage: python3 bench/lint.py --sched .build/debug/sched [--count 1000] [--runs 3]
"""
import argparse, os, random, signal, statistics, subprocess, sys, tempfile, time

def corpus(count, seed=20261122):
    rng = random.Random(seed)
    items = []
    for i in range(count):
        family = i % 5
        if family == 0:
            a, b = rng.randint(-5, 5), rng.randint(1, 5)
            text = f"    x_t = (1 - t) x0 + t eps\n    target = {a} x0 + {b} eps\n"
            spec = dict(alpha="1 - t", sigma="t", c=f"{a}", d=f"{b}", lo="0", hi="1", s2="1")
        elif family == 1:
            n = rng.randint(2, 6)
            text = f"    alpha = (1 - t)^{n}\n    sigma = 1 - (1 - t)^{n}\n    target = velocity\n"
            spec = dict(alpha=f"(1 - t)**{n}", sigma=f"1 - (1 - t)**{n}", c=f"-{n}*(1 - t)**{n - 1}", d=f"{n}*(1 - t)**{n - 1}", lo="0", hi="1", s2="1")
        elif family == 2:
            k = rng.choice(["eps", "x0", "v"])
            target = {"eps": "eps", "x0": "x0", "v": "alpha eps - sigma x0"}[k]
            c, d = {"eps": ("0", "1"), "x0": ("1", "0"), "v": ("-sin(pi/2*t)", "cos(pi/2*t)")}[k]
            hi = rng.choice(["1", "9/10", "99/100"])
            text = f"    time t in [0, {hi}]\n    alpha = cos(pi/2 t)\n    sigma = sin(pi/2 t)\n    target = {target}\n"
            spec = dict(alpha="cos(pi/2*t)", sigma="sin(pi/2*t)", c=c, d=d, lo="0", hi=hi, s2="1")
        elif family == 3:
            bmax = rng.randint(10, 30)
            text = (f"    param beta_max = {bmax}\n    let alpha_bar = exp(-t/10 - (beta_max - 1/10) t^2/2)\n"
                    f"    alpha = sqrt(alpha_bar)\n    sigma = sqrt(1 - alpha_bar)\n    target = eps\n")
            ab = f"exp(-t/10 - ({bmax} - Rational(1, 10))*t**2/2)"
            spec = dict(alpha=f"sqrt({ab})", sigma=f"sqrt(1 - {ab})", c="0", d="1", lo="0", hi="1", s2="1")
        else:
            sd = rng.choice(["1/2", "1/3", "1", "2"])
            text = (f"    param sigma_data = {sd}\n    time s in [1/500, 80]\n    x_t = x0 + s eps\n    data variance = sigma_data^2\n"
                    f"    let c_skip = sigma_data^2 / (s^2 + sigma_data^2)\n    let c_out = s sigma_data / sqrt(s^2 + sigma_data^2)\n"
                    f"    target = (x0 - c_skip x_t) / c_out\n")
            spec = dict(alpha="1", sigma="t", c=f"t/({sd})/sqrt(t**2 + ({sd})**2)", d=f"-({sd})/sqrt(t**2 + ({sd})**2)",
                        lo="Rational(1, 500)", hi="80", s2=f"({sd})**2")
        items.append((f"schedule s{i} {{\n{text}}}\n", spec))
    return items

def median_process_time(cmd, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        if r.returncode not in (0, 1):
            sys.exit(f"{cmd} failed with {r.returncode}")
    return statistics.median(times)

class Timeout(Exception):
    pass

def sympy_checks(items, timeout):
    import sympy as sp
    t = sp.Symbol("t", real=True)
    ns = {"t": t, "sqrt": sp.sqrt, "exp": sp.exp, "cos": sp.cos, "sin": sp.sin, "pi": sp.pi, "Rational": sp.Rational}
    def handler(signum, frame):
        raise Timeout()
    signal.signal(signal.SIGALRM, handler)
    per, timeouts = [], 0
    for _, spec in items:
        start = time.perf_counter()
        signal.alarm(timeout)
        try:
            a, s, c, d = (sp.sympify(spec[k], locals=ns) for k in ("alpha", "sigma", "c", "d"))
            s2 = sp.sympify(spec["s2"], locals=ns)
            lo, hi = sp.sympify(spec["lo"], locals=ns), sp.sympify(spec["hi"], locals=ns)
            dom = sp.Interval(lo, hi)
            det = sp.simplify(a * d - s * c)
            sp.solveset(det, t, dom)                                  # S101/S102
            cov = sp.simplify(a * c * s2 + s * d)
            if cov != 0:
                sp.solveset(cov, t, dom)                              # S202
            sp.simplify(a**2 * s2 + s**2 - s2)                        # S301
            for end in (lo, hi):                                      # S302/S303
                av, sv = sp.simplify(a.subs(t, end)), sp.simplify(s.subs(t, end))
                if sv != 0:
                    sp.N(sp.simplify(av**2 / sv**2), 2)
        except Timeout:
            timeouts += 1
        finally:
            signal.alarm(0)
        per.append(time.perf_counter() - start)
    return per, timeouts

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sched", default=".build/debug/sched")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--timeout", type=int, default=20)
    ap.add_argument("--sympy-count", type=int, default=None, help="SymPy on the first N schedules only")
    args = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    examples = median_process_time([args.sched, "lint", os.path.join(root, "examples")], args.runs)
    print(f"sched lint examples/: median {examples * 1000:.0f} ms (whole process, {args.runs} runs)")
    items = corpus(args.count)
    with tempfile.NamedTemporaryFile("w", suffix=".sched", delete=False) as f:
        f.write("".join(text for text, _ in items))
        path = f.name
    lint = median_process_time([args.sched, "lint", "--format", "json", path], args.runs)
    print(f"sched lint corpus ({args.count} schedules): median {lint:.2f} s, {lint / args.count * 1000:.2f} ms/schedule")
    sub = items[: args.sympy_count or args.count]
    start = time.perf_counter()
    per, timeouts = sympy_checks(sub, args.timeout)
    total = time.perf_counter() - start
    print(f"SymPy same checks ({len(sub)} schedules): total {total:.1f} s, median {statistics.median(per) * 1000:.0f} ms/schedule, "
          f"{timeouts} timeouts at {args.timeout} s")
    print(f"ratio (SymPy per schedule / sched per schedule): {total / len(sub) / (lint / args.count):.1f}x")

if __name__ == "__main__":
    main()
