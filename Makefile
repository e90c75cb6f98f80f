# The two quick-start commands (see README.md):
#   make demo   install what is missing, build, and open the dashboard on the demo exercise
#   make test   install what is missing, build, and run every test through ctest
BUILD ?= build
JOBS  ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release
# ccache (installed by scripts/install-deps) when present: rebuilds and CI's extra builds reuse
# what was compiled once.
CCACHE := $(shell command -v ccache 2>/dev/null)
LAUNCHER := $(if $(CCACHE),-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
XVFB := xvfb-run -a -s "-screen 0 1920x1080x24"

.PHONY: all deps configure build test check-layers demo bench mutate format clean

all: build

deps:
	@scripts/install-deps

configure: deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) $(LAUNCHER)

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

test: build
	@ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# The layering of ../shared/docs/architecture.md, checked on every #include (.ci/run runs it).
check-layers:
	@scripts/check-layers

demo: build
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  $(BUILD)/app/liaison; \
	else \
	  echo "No display found (DISPLAY and WAYLAND_DISPLAY are unset): rendering the dashboard under Xvfb instead."; \
	  $(XVFB) $(BUILD)/app/liaison screenshot --out $(BUILD)/demo.png --size 1920x1080 && \
	  echo "The demo dashboard is in $(abspath $(BUILD))/demo.png"; \
	fi

# Peer benchmarks (igraph C, python-igraph, NetworkX) beside the engine; see bench/README.md.
bench: build
	@scripts/install-deps --bench
	@scripts/run-bench

# Mutation testing: realistic bugs planted one at a time in a scratch copy (build-mutate/), the
# tests they should fail run; prints each verdict and the score (tests/mutation/mutants.py).
mutate: deps
	@scripts/mutate --jobs $(JOBS)

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	@rm -rf $(BUILD)
