"""Independent oracle for sched's import of diffusers scheduler configs.

Reimplements, from diffusers' source (scheduling_ddpm.py: betas_for_alpha_bar,
rescale_zero_terminal_snr, the beta_schedule branches, set_timesteps spacing;
scheduling_euler_discrete.py: alphas_cumprod[-1] = 2**-24 after rescaling;
scheduling_flow_match_euler_discrete.py: shift, dynamic shifting), in mpmath at
60 digits -- diffusers itself is never imported.

stdin: one JSON object a line: {"config": {...}, "image_seq_len": N or null,
"values": {step: {quantity: text}}, "findings": [codes]} where text is sched's
value to 25 significant digits, "0" for an exact zero, or "undefined".
stdout: "ok N" (N values compared) or one line per disagreement.
"""
import json
import sys

import mpmath
import numpy as np

mpmath.mp.dps = 60
TINY = mpmath.mpf(10) ** -45
PATCHED = {"EulerDiscreteScheduler", "EulerAncestralDiscreteScheduler", "DPMSolverMultistepScheduler",
           "UniPCMultistepScheduler"}
LEADING_DEFAULT = {"DDPMScheduler", "DDIMScheduler", "PNDMScheduler"}


def num(x):
    return mpmath.mpf(str(x))


def betas_of(cfg):
    T = int(cfg.get("num_train_timesteps", 1000))
    if cfg.get("trained_betas") is not None:
        return [num(b) for b in cfg["trained_betas"]], []
    kind = cfg.get("beta_schedule", "linear")
    start, end = num(cfg.get("beta_start", "0.0001")), num(cfg.get("beta_end", "0.02"))
    if kind == "linear":
        return [start + (end - start) * i / (T - 1) for i in range(T)], []
    if kind == "scaled_linear":
        a, b = mpmath.sqrt(start), mpmath.sqrt(end)
        return [(a + (b - a) * i / (T - 1)) ** 2 for i in range(T)], []
    if kind == "sigmoid":
        return [1 / (1 + mpmath.exp(-(-6 + mpmath.mpf(12) * i / (T - 1)))) * (end - start) + start for i in range(T)], []
    if kind == "squaredcos_cap_v2":
        def alpha_bar_fn(t):
            return mpmath.cos((t + num("0.008")) / num("1.008") * mpmath.pi / 2) ** 2
        betas, clipped = [], []
        for i in range(T):
            t1, t2 = mpmath.mpf(i) / T, mpmath.mpf(i + 1) / T
            raw = 1 - alpha_bar_fn(t2) / alpha_bar_fn(t1)
            if raw > num("0.999"):
                clipped.append(i)
            betas.append(min(raw, num("0.999")))
        return betas, clipped
    raise ValueError(kind)


def cumprod(xs):
    out, p = [], mpmath.mpf(1)
    for x in xs:
        p *= x
        out.append(p)
    return out


def rescale_zero_terminal_snr(betas):
    alphas_cumprod = cumprod([1 - b for b in betas])
    s = [mpmath.sqrt(a) for a in alphas_cumprod]
    s0, sT = s[0], s[-1]
    s = [(x - sT) * s0 / (s0 - sT) for x in s]
    alphas_bar = [x ** 2 for x in s]
    alphas = [alphas_bar[0]] + [alphas_bar[i] / alphas_bar[i - 1] for i in range(1, len(alphas_bar))]
    return [1 - a for a in alphas]


def timesteps(cfg, T, S):
    cls = cfg["_class_name"]
    spacing = cfg.get("timestep_spacing") or ("leading" if cls in LEADING_DEFAULT else "linspace")
    offset = int(cfg.get("steps_offset", 0) or 0)
    if spacing == "linspace":
        return np.linspace(0, T - 1, S).round()[::-1].copy().astype(np.int64)
    if spacing == "leading":
        ratio = T // S
        return (np.arange(0, S) * ratio).round()[::-1].copy().astype(np.int64) + offset
    ratio = T / S
    return np.round(np.arange(T, 0, -ratio)).astype(np.int64) - 1


def model(cfg, image_seq_len):
    """alpha, sigma, c, d per step (dict step -> tuple), expected findings."""
    cls = cfg["_class_name"]
    T = int(cfg.get("num_train_timesteps", 1000))
    findings = set()
    per_step = {}
    if cls == "FlowMatchEulerDiscreteScheduler":
        for n in range(1, T + 1):
            s = mpmath.mpf(n) / T
            if cfg.get("use_dynamic_shifting"):
                bs, ms = num(cfg.get("base_shift", "0.5")), num(cfg.get("max_shift", "1.15"))
                bl, ml = int(cfg.get("base_image_seq_len", 256)), int(cfg.get("max_image_seq_len", 4096))
                m = (ms - bs) / (ml - bl)
                mu = (image_seq_len or bl) * m + (bs - m * bl)
                if cfg.get("time_shift_type", "exponential") == "exponential":
                    sig = mpmath.exp(mu) / (mpmath.exp(mu) + (1 / s - 1))
                else:
                    sig = mu / (mu + (1 / s - 1))
            else:
                shift = num(cfg.get("shift", "1.0"))
                sig = shift * s / (1 + (shift - 1) * s)
            per_step[n] = (1 - sig, sig, mpmath.mpf(-1), mpmath.mpf(1))
        first, last = 1, T
        plan = None
    else:
        betas, clipped = betas_of(cfg)
        if clipped:
            findings.add("S308")
        if cfg.get("rescale_betas_zero_snr"):
            betas = rescale_zero_terminal_snr(betas)
        ab = cumprod([1 - b for b in betas])
        if cfg.get("rescale_betas_zero_snr") and cls in PATCHED:
            ab[-1] = mpmath.mpf(2) ** -24
        pred = cfg.get("prediction_type", "epsilon")
        for n in range(T):
            # after rescaling ab[-1] is 0 up to the 60-digit rounding: clamp
            a = mpmath.sqrt(max(ab[n], 0)) if abs(ab[n]) > TINY else mpmath.mpf(0)
            sg = mpmath.sqrt(1 - ab[n])
            c, d = {"epsilon": (0, 1), "sample": (1, 0), "v_prediction": (-sg, a)}[pred]
            per_step[n] = (a, sg, mpmath.mpf(c), mpmath.mpf(d))
        first, last = 0, T - 1
        plan = timesteps(cfg, T, min(50, T))
    quantities = {k: derived(*v) for k, v in per_step.items()}
    snr_first, snr_last = quantities[first]["snr"], quantities[last]["snr"]
    noise = first if (snr_first is not None and snr_last is not None and snr_first < snr_last) else last
    q = quantities[noise]
    if abs(q["alpha"]) > TINY:
        findings.add("S303")
    elif q["det"] is not None and abs(q["det"]) <= TINY:
        findings.add("S306")
    if plan is not None and int(plan[0]) != noise:
        findings.add("S305")
    # S307: the last step lands at the first training step's noise level, not on the
    # data: DDIM/PNDM with set_alpha_to_one false (PNDM's default), Euler/DPM-Solver++/
    # UniPC with final_sigmas_type "sigma_min".
    if plan is not None:
        if cls in ("DDIMScheduler", "PNDMScheduler"):
            lands_on_first = not cfg.get("set_alpha_to_one", cls == "DDIMScheduler")
        elif cls in ("EulerDiscreteScheduler", "DPMSolverMultistepScheduler", "UniPCMultistepScheduler"):
            lands_on_first = cfg.get("final_sigmas_type", "zero") == "sigma_min"
        else:
            lands_on_first = False
        data_end = last if noise == first else first
        if lands_on_first and abs(quantities[data_end]["sigma"]) > TINY:
            findings.add("S307")
    return quantities, findings


def derived(a, s, c, d):
    def div(x, y):
        return None if abs(y) <= TINY else x / y
    det = a * d - s * c
    cov = a * c + s * d
    var_x, var_y = a * a + s * s, c * c + d * d
    snr = div(a * a, s * s)
    both_zero = (abs(a) <= TINY and abs(s) <= TINY) or (abs(c) <= TINY and abs(d) <= TINY)
    return {
        "alpha": a, "sigma": s, "c": c, "d": d, "det": det, "cov": cov, "var_x": var_x, "var_y": var_y,
        "rho": None if both_zero else cov / mpmath.sqrt(var_x * var_y),
        "snr": snr,
        "logsnr": None if snr is None or abs(a) <= TINY else mpmath.log(snr),
        "amp_x0": div(s, det), "amp_eps": div(a, det),
        "weight_eps": None if abs(a) <= TINY else (det / a) ** 2,
        "weight_x0": None if abs(s) <= TINY else (det / s) ** 2,
        "data_variance": mpmath.mpf(1),
    }


def main():
    compared, problems = 0, []
    for number, line in enumerate(sys.stdin):
        item = json.loads(line)
        quantities, findings = model(item["config"], item.get("image_seq_len"))
        for step, values in item["values"].items():
            expected = quantities[int(step)]
            for name, text in values.items():
                want = expected[name]
                compared += 1
                if text == "undefined":
                    if want is not None:
                        problems.append(f"config {number} step {step} {name}: sched undefined, oracle {mpmath.nstr(want, 30)}")
                    continue
                if want is None:
                    problems.append(f"config {number} step {step} {name}: sched {text}, oracle undefined")
                    continue
                if text == "0":
                    if abs(want) > TINY:
                        problems.append(f"config {number} step {step} {name}: sched exactly 0, oracle {mpmath.nstr(want, 30)}")
                    continue
                try:
                    got = mpmath.mpf(text)
                except ValueError:
                    problems.append(f"config {number} step {step} {name}: sched gives no number: {text}")
                    continue
                if abs(got - want) > mpmath.mpf(10) ** -24 * abs(want):
                    problems.append(f"config {number} step {step} {name}: sched {text}, oracle {mpmath.nstr(want, 30)}")
        if set(item["findings"]) != findings:
            problems.append(f"config {number}: sched finds {sorted(item['findings'])}, oracle expects {sorted(findings)}")
    if problems:
        print("\n".join(problems[:40]))
    else:
        print(f"ok {compared}")


main()
