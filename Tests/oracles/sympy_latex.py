"""SymPy's LaTeX for sched expressions, for the LaTeX printer's cross-check.

Reads one JSON string per line on stdin: an expression in sched's ASCII syntax
(`printASCII`), and writes one JSON string per line: `sympy.latex` of it, parsed
without evaluation so that SymPy keeps the tree as far as it can. Every name that is
not a function of the language is a Symbol (so `gamma` is not the gamma function),
`sigmoid` is an undefined function and `diff` an unevaluated Derivative.
"""
import json
import re
import sys

import sympy
from sympy.parsing.sympy_parser import parse_expr

FUNCTIONS = {
    "sqrt": sympy.sqrt, "exp": sympy.exp, "log": sympy.log, "sin": sympy.sin, "cos": sympy.cos,
    "tan": sympy.tan, "atan": sympy.atan, "sinh": sympy.sinh, "cosh": sympy.cosh, "tanh": sympy.tanh,
    "sigmoid": sympy.Function("sigmoid"), "diff": lambda e, v: sympy.Derivative(e, v), "pi": sympy.pi,
}


def convert(text):
    names = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text)) - set(FUNCTIONS)
    local = {name: sympy.Symbol(name) for name in names}
    local.update(FUNCTIONS)
    return parse_expr(text.replace("^", "**"), local_dict=local, global_dict={"__builtins__": {}, **vars(sympy)}, evaluate=False)


for line in sys.stdin:
    if line.strip():
        print(json.dumps(sympy.latex(convert(json.loads(line)))), flush=True)
