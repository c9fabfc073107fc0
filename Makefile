# sched — build, run and test. `make run` and `make test` are the two setup commands
# of the README: both install what is missing first (idempotent; apt-get only for
# packages `dpkg -s` reports missing; sudo only when not root).

SWIFT        ?= swift
APT_PACKAGES := libgmp-dev libmpfr-dev libflint-dev libflint-arb-dev texlive-latex-base
PY_MODULES   := sympy numpy
RELEASE_BIN  := .build/release/sched

.PHONY: all deps build release run test bench clean

all: release

deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@for m in $(PY_MODULES); do \
	  python3 -c "import $$m" 2>/dev/null || python3 -m pip install -q $$m; \
	done

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Runs sched on the bundled examples.
run: release
	@bash examples/exact-core-demo.sh $(RELEASE_BIN)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

# Benchmarks against SymPy (see bench/README.md); not part of `make test`.
bench: release
	python3 bench/real_roots.py --sched $(RELEASE_BIN)
	python3 bench/simplify.py

clean:
	rm -rf .build
