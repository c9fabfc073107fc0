#!/usr/bin/env bash
# Renders both kinds of plot for a human to look at (not a timing): the REPL's
# `:plot rho det snr` in a 100×30 tmux pane (captured as text, colours kept as ANSI
# codes in plots/repl-plot.ansi and stripped in plots/repl-plot.txt), and the pgfplots
# figure of rectified flow, the cubic path and EDM to plots/figure.png via pdflatex and
# pdftoppm. Usage: bench/render_plots.sh [SCHED_BINARY] (default .build/release/sched).
set -euo pipefail
cd "$(dirname "$0")/.."
sched="$(realpath "${1:-.build/release/sched}")"
out=bench/plots
mkdir -p "$out"

# The REPL in a real terminal of 100×30: colour on, as a user sees it.
session="sched-plot-$$"
tmux new-session -d -s "$session" -x 100 -y 30 "$sched repl"
sleep 1
for line in 'x_t = (1 - t) x0 + t eps' 'target = velocity' ':plot rho det snr'; do
  tmux send-keys -t "$session" "$line" Enter
  sleep 0.5
done
sleep 1
tmux capture-pane -e -p -t "$session" > "$out/repl-plot.ansi"
tmux capture-pane -p -t "$session" > "$out/repl-plot.txt"
tmux kill-session -t "$session"

# The pgfplots figure, compiled and rasterized.
tmp="$(mktemp -d)"
"$sched" latex examples/flows.sched examples/edm.sched --schedule rectified_flow --schedule cubic_flow --schedule edm \
  --plot rho,snr --standalone -o "$tmp/figure.tex"
(cd "$tmp" && pdflatex -interaction=nonstopmode figure.tex > /dev/null)
pdftoppm -png -r 80 -singlefile "$tmp/figure.pdf" "$out/figure"
rm -rf "$tmp"
echo "wrote $out/repl-plot.txt, $out/repl-plot.ansi and $out/figure.png"
