#!/usr/bin/env python3
"""`sched lint` on diffusers scheduler configs against numpy computing the same checks.

1. `sched lint examples/diffusers/sd15.json` (1,000 steps): whole-process median of
   --runs runs, next to `python3 -c` with numpy computing the terminal SNR and the
   first sampling timestep in float64 (and float32, the dtype diffusers uses).
2. --count generated configs (fixed seed; linear, scaled_linear, squaredcos_cap_v2,
   sigmoid; rescaling on and off; every spacing): one `sched lint --format json`
   process on all of them against one numpy process doing the same checks.
3. The float64 (and float32) terminal SNRs against sched's certified ones: the largest
   relative error, and the configs where float64 gets a finding wrong (a zero
   terminal SNR it does not see as zero, or the other way round).

Usage: python3 bench/diffusers.py --sched .build/release/sched [--count 100] [--runs 5]
"""
import argparse, json, os, random, statistics, subprocess, sys, tempfile, time

NUMPY = r'''
import json, sys, math
import numpy as np
PATCHED = {"EulerDiscreteScheduler", "EulerAncestralDiscreteScheduler", "DPMSolverMultistepScheduler", "UniPCMultistepScheduler"}
def check(cfg, dtype):
    T = cfg.get("num_train_timesteps", 1000)
    kind = cfg.get("beta_schedule", "linear")
    s, e = cfg.get("beta_start", 0.0001), cfg.get("beta_end", 0.02)
    if kind == "linear": b = np.linspace(s, e, T, dtype=dtype)
    elif kind == "scaled_linear": b = np.linspace(s ** 0.5, e ** 0.5, T, dtype=dtype) ** 2
    elif kind == "sigmoid": b = (1 / (1 + np.exp(-np.linspace(-6, 6, T)))).astype(dtype) * (e - s) + s
    else:
        f = lambda t: math.cos((t + 0.008) / 1.008 * math.pi / 2) ** 2
        b = np.array([min(1 - f((i + 1) / T) / f(i / T), 0.999) for i in range(T)], dtype=dtype)
    ab = np.cumprod(1 - b)
    if cfg.get("rescale_betas_zero_snr"):
        r = np.sqrt(ab); r0, rT = r[0], r[-1]
        r = (r - rT) * r0 / (r0 - rT); ab = r ** 2
        if cfg["_class_name"] in PATCHED: ab[-1] = 2.0 ** -24
    snr = float(ab[-1] / (1 - ab[-1]))
    S = min(50, T); spacing = cfg.get("timestep_spacing", "leading")
    if spacing == "leading": first = (S - 1) * (T // S) + cfg.get("steps_offset", 0)
    elif spacing == "trailing": first = int(np.round(np.arange(T, 0, -T / S))[0]) - 1
    else: first = int(np.linspace(0, T - 1, S).round()[-1])
    return snr, first
out = []
for line in sys.stdin:
    cfg = json.loads(line)
    s64, first = check(cfg, np.float64)
    s32, _ = check(cfg, np.float32)
    out.append({"snr64": s64, "snr32": s32, "first": first})
print(json.dumps(out))
'''

def configs(count, seed=20261201):
    rng = random.Random(seed)
    out = []
    for i in range(count):
        cfg = {"_class_name": rng.choice(["DDIMScheduler", "PNDMScheduler", "DDPMScheduler", "EulerDiscreteScheduler"]),
               "num_train_timesteps": 1000,
               "beta_schedule": ["linear", "scaled_linear", "squaredcos_cap_v2", "sigmoid"][i % 4],
               "beta_start": rng.choice([0.0001, 0.00085, 0.0002]), "beta_end": rng.choice([0.02, 0.012, 0.015]),
               "rescale_betas_zero_snr": i % 3 == 0, "prediction_type": rng.choice(["epsilon", "v_prediction"]),
               "timestep_spacing": rng.choice(["leading", "trailing", "linspace"]), "steps_offset": rng.choice([0, 1])}
        out.append(cfg)
    return out

def timed(cmd, stdin=None):
    t = time.perf_counter()
    r = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
    return time.perf_counter() - t, r

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sched", default=".build/release/sched")
    p.add_argument("--count", type=int, default=100)
    p.add_argument("--runs", type=int, default=5)
    a = p.parse_args()
    sd15 = json.load(open("examples/diffusers/sd15.json"))
    one = [timed([a.sched, "lint", "examples/diffusers/sd15.json"])[0] for _ in range(a.runs)]
    npone = [timed([sys.executable, "-c", NUMPY], json.dumps(sd15) + "\n")[0] for _ in range(a.runs)]
    print(f"sd15.json (1000 steps): sched lint {statistics.median(one):.3f} s, numpy float64 {statistics.median(npone):.3f} s, "
          f"ratio sched/numpy {statistics.median(one) / statistics.median(npone):.2f}")
    cfgs = configs(a.count)
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for i, c in enumerate(cfgs):
            path = os.path.join(d, f"config{i:03d}.json")
            json.dump(c, open(path, "w"))
            paths.append(path)
        ts, r = timed([a.sched, "lint", "--format", "json", "--digits", "25", *paths])
        findings = json.loads(r.stdout)
        tn, rn = timed([sys.executable, "-c", NUMPY], "".join(json.dumps(c) + "\n" for c in cfgs))
        numpy_out = json.loads(rn.stdout)
    print(f"{a.count} configs: sched lint {ts:.2f} s (one process), numpy {tn:.2f} s (one process), ratio {ts / tn:.2f}")
    by_file = {}
    for f in findings:
        by_file.setdefault(os.path.basename(f["file"]), []).append(f)
    worst64 = worst32 = 0.0
    wrong64 = []
    import mpmath
    for i, (c, n) in enumerate(zip(cfgs, numpy_out)):
        fs = by_file.get(f"config{i:03d}.json", [])
        s303 = [f for f in fs if f["code"] == "S303"]
        s306 = [f for f in fs if f["code"] == "S306"]
        if s303:
            text = s303[0]["evidence"]["snr"].split(" ")[0]
            exact = mpmath.mpf(mpmath.fraction(*map(int, text.split("/")))) if "/" in text else mpmath.mpf(text)
            worst64 = max(worst64, abs(n["snr64"] - exact) / exact)
            worst32 = max(worst32, abs(n["snr32"] - exact) / exact)
            if n["snr64"] == 0: wrong64.append((i, "float64 SNR 0, certified nonzero"))
        elif s306 and n["snr64"] != 0:
            wrong64.append((i, f"certified α = 0, float64 SNR {n['snr64']:.3g}"))
    print(f"largest relative error of the terminal SNR: float64 {float(worst64):.2e}, float32 {float(worst32):.2e}")
    print(f"configs where float64 disagrees on zero terminal SNR: {len(wrong64)}" + "".join(f"\n  config {i}: {w}" for i, w in wrong64[:10]))

main()
