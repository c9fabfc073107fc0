#!/usr/bin/env bash
# A tour of sched's exact core: certified real roots, rational roots exactly and
# irrational ones as isolating intervals with their minimal polynomials.
# Usage: examples/exact-core-demo.sh [path/to/sched]
set -euo pipefail
sched=${1:-sched}

run() {
    printf '$ sched'
    for a in "$@"; do
        if [[ $a =~ [^A-Za-z0-9_./=-] ]]; then printf " '%s'" "$a"; else printf ' %s' "$a"; fi
    done
    echo
    "$sched" "$@"
    echo
}

# (2t - 1)(t^2 - 2) = 2t^3 - t^2 - 4t + 2 on [0, 2]: 1/2 exactly, and sqrt(2).
run roots "2 -1 -4 2" --in "[0, 2]"
# The same on [0, 1/2): the root at the open end is excluded.
run roots "2 -1 -4 2" --in "[0, 1/2)"
# (t - 1)^3 (t - 2): multiplicities.
run roots "1 -5 9 -7 2"
# Two roots 10^-12 apart, and a cubic with three irrational roots, to 30 digits.
run roots "1 -2000000000003/3000000000000 3000000000009/27000000000000" --digits 16
run roots "1 0 -3 1" --digits 30
