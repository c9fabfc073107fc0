#!/usr/bin/env python3
"""Rewrites the output of every `$ sched …` example in README.md with what the binary
prints now (stdout then stderr), parsed the way Tests/SchedCLITests/ReadmeExamplesTests
reads them, and the `sched lint examples/` block between the lint-examples markers
(LintReadmeTests), and the files shown after a `<!-- file: PATH -->` marker: an example runs from its `$ sched` line to the closing fence (blank lines
inside a fenced block belong to the output; outside one, a blank line ends it).
Review the diff before committing: the test exists so that a change of output is a
decision, not an accident.

Usage: docs/refresh_readme.py SCHED_BINARY [README]"""
import shlex
import subprocess
import sys
from pathlib import Path


def main():
    binary = sys.argv[1]
    path = Path(sys.argv[2] if len(sys.argv) > 2 else Path(__file__).resolve().parents[1] / "README.md")
    lines = path.read_text().split("\n")
    out, i, in_fence = [], 0, False
    root = path.parent
    while i < len(lines):
        line = lines[i]
        if line.startswith("$ sched "):
            out.append(line)
            args = shlex.split(line[len("$ sched "):])
            stdin = None
            if "<" in args and args.index("<") + 1 < len(args):
                # `$ sched repl FILE --batch < SESSION`: SESSION is standard input
                k = args.index("<")
                stdin = (root / args[k + 1]).read_text()
                del args[k:k + 2]
            r = subprocess.run([binary, *args], capture_output=True, text=True, cwd=root, input=stdin)
            text = (r.stdout + r.stderr).rstrip("\n")
            i += 1
            # skip the old output
            while i < len(lines) and not lines[i].startswith("```") and not lines[i].startswith("$ sched ") \
                    and not (lines[i] == "" and not in_fence):
                i += 1
            out.extend(text.split("\n") if text else [])
            if in_fence and i < len(lines) and lines[i].startswith("$ sched "):
                out.append("")
            continue
        if line.startswith("```"): in_fence = not in_fence
        out.append(line)
        i += 1
    text = "\n".join(out)
    # The block between the lint-examples markers: `sched lint examples/` from the root.
    begin, end = "<!-- lint-examples-begin -->\n```\n", "```\n<!-- lint-examples-end -->"
    if begin in text and end in text:
        r = subprocess.run([binary, "lint", str(root / "examples") + "/"], capture_output=True, text=True, cwd=root)
        shown = r.stdout.replace(str(root) + "/", "")
        a = text.index(begin) + len(begin)
        text = text[:a] + shown + text[text.index(end):]
    # A fenced block after `<!-- file: PATH -->` shows that file (ReadmeExamplesTests).
    marker = "<!-- file: "
    at = 0
    while (m := text.find(marker, at)) >= 0:
        close = text.index(" -->\n```\n", m)
        shown_path = text[m + len(marker):close]
        a = close + len(" -->\n```\n")
        b = text.index("```\n", a)
        content = (root / shown_path).read_text()
        text = text[:a] + content + text[b:]
        at = a + len(content)
    path.write_text(text)


if __name__ == "__main__":
    main()
