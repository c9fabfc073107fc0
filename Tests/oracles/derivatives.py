#!/usr/bin/env python3
"""Independent oracle for sched's symbolic derivatives and ball evaluation: SymPy's
diff, evaluated with mpmath at 50 digits.

Reads one JSON object from stdin:

  {"variables": ["t", "gamma", ...], "wrt": "t",
   "points": [{"t": "1/3", "gamma": "2/7", ...}, ...],
   "expressions": ["sin(t)^2 + gamma*t", ...]}

where each expression is sched's `printASCII` output. Prints one JSON object per
expression, in order:

  {"value": [v1, v2, ...], "derivative": [d1, d2, ...]}

with one 30-significant-digit decimal string per point, or null where the value is
not a finite real number; {"timeout": true} when SymPy needs more than
`SECONDS_PER_EXPRESSION` for one expression (its automatic simplification is
occasionally pathological: the derivative of one nested sqrt(cosh(…)) takes minutes),
and {"error": "..."} when SymPy fails.

Reading: `^` becomes `**`; every variable is a plain Symbol (so that `gamma`, `beta`,
`zeta`, `lamda` are not SymPy's functions); `sigmoid` is 1/(1 + exp(-x)); decimal
literals are exact rationals (`rational=True`), as in sched.
"""
import json
import signal
import sys

import mpmath
import sympy as sp

mpmath.mp.dps = 50
SECONDS_PER_EXPRESSION = 5


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout()


def main():
    request = json.load(sys.stdin)
    symbols = [sp.Symbol(name) for name in request["variables"]]
    local = {name: symbol for name, symbol in zip(request["variables"], symbols)}
    local["sigmoid"] = lambda x: 1 / (1 + sp.exp(-x))
    local["pi"] = sp.pi
    wrt = local[request["wrt"]]
    points = [[mpmath.mpf(sp.Rational(p[name]).p) / sp.Rational(p[name]).q for name in request["variables"]]
              for p in request["points"]]

    def values(expr):
        f = sp.lambdify(symbols, expr, modules="mpmath")
        out = []
        for args in points:
            try:
                v = mpmath.mpmathify(f(*args))
            except (ZeroDivisionError, ValueError, OverflowError):
                out.append(None)
                continue
            if isinstance(v, mpmath.mpc):
                if abs(v.imag) > mpmath.mpf(10) ** -40 * max(1, abs(v.real)):
                    out.append(None)
                    continue
                v = v.real
            if not mpmath.isfinite(v):
                out.append(None)
                continue
            out.append(mpmath.nstr(v, 30, strip_zeros=False))
        return out

    signal.signal(signal.SIGALRM, on_alarm)
    # A parent process may have blocked SIGALRM (a blocked mask survives exec).
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGALRM})
    for text in request["expressions"]:
        signal.alarm(SECONDS_PER_EXPRESSION)
        try:
            expr = sp.sympify(text.replace("^", "**"), locals=local, rational=True)
            derivative = sp.diff(expr, wrt)
            answer = {"value": values(expr), "derivative": values(derivative)}
        except Timeout:
            answer = {"timeout": True}
        except Exception as error:  # reported per expression, so one bad case does not hide the rest
            answer = {"error": f"{type(error).__name__}: {error}"}
        finally:
            signal.alarm(0)
        print(json.dumps(answer))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
