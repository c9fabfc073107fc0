#!/usr/bin/env python3
"""Hostile inputs under 10 KB for every sched command, timed whole-process.

The rule checked: every command on any input under 10 KB finishes or reports a
budget error within 10 s. Families: huge exponents, nested powers, deep nesting,
products of many factors, sums of many terms, exp/trig towers, large rationals,
high-degree polynomials in schedules. Each case runs once (with a wall-clock
limit); the slowest cases are printed, and with --json all timings.

    python3 bench/nasty_inputs.py --sched .build/release/sched [--limit 30] [--json out.json]
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

MAX_BYTES = 10 * 1024


def expressions(rng):
    """(family, expression) pairs."""
    out = []
    for n in (1000, 5000, 10000):
        out.append(("huge exponent", f"t^{n} + 1"))
        out.append(("huge exponent", f"t^{n} - 2"))
    out.append(("nested power", "(t^1000)^10 + 1"))
    out.append(("nested power", "((t^10)^10)^10 + 1"))
    out.append(("nested power", "(t + 1)^1000"))
    out.append(("nested power", "(t + 1)^5000 - (t + 1)^5000"))
    out.append(("nested power", "((t + 1)^100)^100"))
    out.append(("nested power", "(x + y + z)^100"))
    out.append(("nested power", "(x + y + z + w)^40"))
    out.append(("nested power", "(sqrt(t) + 1)^2000"))
    out.append(("nested power", "(sin(t) + cos(t))^1000"))
    out.append(("nested power", "(1 + 1/t)^3000"))
    out.append(("nested power", "(t^2 + 1)^5000 / (t^2 + 1)^4999"))
    out.append(("deep nesting", "(" * 200 + "t" + " + 1)" * 200))
    out.append(("deep nesting", "sqrt(" * 60 + "t" + ")" * 60))
    out.append(("deep nesting", "1/(1 + " * 150 + "t" + ")" * 150))
    out.append(("exp/trig tower", "exp(" * 40 + "t" + ")" * 40))
    out.append(("exp/trig tower", "sin(" * 80 + "t" + ")" * 80))
    out.append(("exp/trig tower", "log(" * 40 + "t" + ")" * 40))
    out.append(("exp/trig tower", "sin(64*t) - 2*sin(32*t)*cos(32*t)"))
    out.append(("exp/trig tower", "sin(t)^1000 + cos(t)^1000"))
    out.append(("exp/trig tower", "sin(3*t)^200 - (3*sin(t) - 4*sin(t)^3)^200"))
    out.append(("exp/trig tower", "exp(t)^5000 * exp(-5000*t)"))
    out.append(("exp/trig tower", " + ".join(f"sin({k}*t)" for k in range(1, 300))))
    out.append(("exp/trig tower", " * ".join(f"cos(t/{k})" for k in range(1, 200))))
    out.append(("many factors", " * ".join(f"(t - {k})" for k in range(1, 700))))
    out.append(("many factors", " * ".join(f"(t + {k}*x)" for k in range(1, 300))))
    out.append(("many factors", " * ".join(f"(t^{k} + 1)" for k in range(1, 120))))
    out.append(("many factors", " * ".join(f"sqrt(t + {k})" for k in range(1, 300))))
    out.append(("many terms", " + ".join(f"{rng.randint(-999, 999)}*t^{k}" for k in range(1200))))
    out.append(("many terms", " + ".join(f"x{k}^2" for k in range(900))))
    out.append(("many terms", " + ".join(f"1/(t + {k})" for k in range(1, 500))))
    out.append(("many terms", " + ".join(f"exp({k}*t)" for k in range(1, 700))))
    out.append(("many terms", " + ".join(f"t^{rng.randint(1, 10000)}" for _ in range(900))))
    out.append(("large rational", "t^2 + " + "9" * 9000))
    out.append(("large rational", "1" + "0" * 4000 + "/3" + "1" * 4000 + " * t + 1"))
    out.append(("large rational", "(t + 123456789/987654321)^2000"))
    out.append(("large rational", "2^10000 * t^100 + 3^5000"))
    return [(f, e) for f, e in out if len(e.encode()) < MAX_BYTES]


def schedules(rng):
    """(family, schedule file text) pairs."""
    def one(alpha, sigma, target="eps", domain="[0, 1]", extra=""):
        return f"schedule p {{\n  time t in {domain}\n  alpha = {alpha}\n  sigma = {sigma}\n  target = {target}\n{extra}}}\n"
    out = []
    for n in (200, 1000, 2000, 5000, 10000):
        out.append(("high degree", one(f"t^{n} - 2", "t")))
    out.append(("high degree", one("t^1000 - 1/2", "t")))
    out.append(("high degree", one("t^999 - t + 1/3", "1 - t")))
    out.append(("high degree", one("(t - 1/3)^500", "t")))
    out.append(("high degree", one("(2*t - 1)^2000", "t^3")))
    out.append(("high degree", one("t^1000 - 2", "t^999 + 1", target="x0 + eps")))
    out.append(("high degree", one("(t^1000)^10 - 1/2", "t")))
    out.append(("high degree", one(" + ".join(f"{rng.randint(-9, 9)}*t^{k}" for k in range(400)), "t")))
    out.append(("high degree", one("t^1000 - 2", "t", extra="  expect zeros(det) == {}\n  expect det != 0\n")))
    out.append(("transcendental", one("cos(pi/2*t)^1000", "sin(pi/2*t)^1000")))
    out.append(("transcendental", one("exp(-t^1000)", "sqrt(1 - exp(-2*t^1000))")))
    out.append(("transcendental", one("cos(1000*t)", "sin(1000*t)", domain="[0, 10]")))
    out.append(("transcendental", one("cos(100*t)*t^200", "sin(t^50)")))
    out.append(("transcendental", one("exp(exp(exp(t)))", "log(log(t + 3))")))
    out.append(("transcendental", one("sin(1/t)", "t", domain="(0, 1]")))
    out.append(("transcendental", one("1/(1 + exp(" * 20 + "t" + "))" * 20, "t")))
    out.append(("transcendental", one("sqrt(" * 30 + "t + 2" + ")" * 30, "t")))
    out.append(("parameters", "schedule p {\n  param a = 1/2\n  param b\n  time t in [0, 1]\n  alpha = (a*t + b)^300\n  sigma = (b*t - a)^300\n  target = eps\n}\n"))
    # Many hostile schedules in one file, up to 10 KB.
    for alpha, sigma, target in (("t^1000 - 2", "t^999 + 1", "x0 + eps"),
                                 ("cos(1000*t)*exp(t^500)", "sin(t^200)", "x0 - eps")):
        text, k = "", 0
        while True:
            block = one(alpha, sigma, target=target).replace("schedule p", f"schedule p{k}")
            if len((text + block).encode()) >= MAX_BYTES:
                break
            text, k = text + block, k + 1
        out.append(("many schedules", text))
    return [(f, s) for f, s in out if len(s.encode()) < MAX_BYTES]


def polynomials(rng):
    """(family, coefficient list) pairs for `sched roots`."""
    out = []
    for n in (1000, 2000):
        out.append(("roots", " ".join(["1"] + ["0"] * (n - 1) + ["-2"])))
    out.append(("roots", " ".join(str(rng.randint(-10**6, 10**6)) for _ in range(1500))))
    out.append(("roots", " ".join(str(rng.randint(-1, 1)) for _ in range(2001))))
    return [(f, p) for f, p in out if len(p.encode()) < MAX_BYTES]


def run(cmd, limit, stdin=None):
    start = time.perf_counter()
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=limit, input=stdin)
        return time.perf_counter() - start, p.returncode, p.stderr.decode(errors="replace")[-300:]
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, None, "timeout"


def cases(sched, rng, tmp):
    for family, e in expressions(rng):
        yield family, "simplify", e, [sched, "simplify", e]
        yield family, "diff", e, [sched, "diff", e, "t"]
        yield family, "simplify --at", e, [sched, "simplify", e, "--at", "t=1/3", "--at", "x=2", "--at", "y=3", "--at", "z=5", "--at", "w=7"]
    for i, (family, text) in enumerate(schedules(rng)):
        path = os.path.join(tmp, f"nasty{i}.sched")
        with open(path, "w") as f:
            f.write(text)
        label = text.splitlines()[2].strip()[:60]
        for command in (["analyze"], ["lint"], ["eval", "--at", "1/3"], ["latex"]):
            yield family, command[0], label, [sched] + command[:1] + [path] + command[1:]
    for family, coefficients in polynomials(rng):
        yield family, "roots", coefficients[:40], [sched, "roots", coefficients]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sched", default=".build/release/sched")
    parser.add_argument("--limit", type=float, default=30.0, help="wall-clock limit per case (s)")
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument("--json", help="write every timing here")
    parser.add_argument("--only", help="run only commands of this name")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for family, command, label, cmd in cases(args.sched, rng, tmp):
            if args.only and command != args.only:
                continue
            seconds, status, stderr = run(cmd, args.limit)
            rows.append({"family": family, "command": command, "input": label, "seconds": round(seconds, 3),
                         "status": status, "stderr": stderr.strip().splitlines()[-1] if stderr.strip() else ""})
            flag = "  SLOW" if seconds > 10 else ""
            print(f"{seconds:7.2f} s  status {status}  {command:14s} {family:15s} {label[:60]}{flag}", flush=True)
    rows.sort(key=lambda r: -r["seconds"])
    print("\nslowest:")
    for r in rows[:8]:
        print(f"{r['seconds']:7.2f} s  {r['command']:14s} {r['family']:15s} {r['input'][:60]}  ({r['stderr'][:80]})")
    over = [r for r in rows if r["seconds"] > 10 or r["status"] is None]
    print(f"\n{len(rows)} cases, {len(over)} over 10 s")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
