# Front door for asim: deps, build, test, run, bench. CMake+Ninja do the work underneath.
BUILD ?= build
ASAN_BUILD ?= build-asan
WEB_BUILD ?= build-web
DEB_PACKAGES := catch2 librange-v3-dev libfmt-dev libcli11-dev nlohmann-json3-dev libboost-dev cmake ninja-build g++ time chromium \
  emscripten
JOBS ?= 2

.PHONY: all deps build web playground-screenshot test conform cpython-tests fuzz fuzz-lang fuzz-numbers fuzz-syntax asan run bench clean

all: build

# Installs the Debian packages only when one is missing, so repeated runs stay fast.
deps:
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

# Configuring needs the packages: `deps` comes first even under make -j.
$(BUILD)/build.ninja: | deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release \
	  $(if $(shell command -v ccache),-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

# The browser edition, one file: $(WEB_BUILD)/asim.html (docs/playground.md).
# Emscripten's JS optimizer needs Debian's node-acorn, which node finds only
# through NODE_PATH. The first build takes many minutes; later ones are
# incremental (and ccache, where installed, keeps the objects).
WEB_ENV := NODE_PATH=/usr/share/nodejs
$(WEB_BUILD)/build.ninja: | deps
	$(WEB_ENV) emcmake cmake -S . -B $(WEB_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release \
	  $(if $(shell command -v ccache),-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

web: deps $(WEB_BUILD)/build.ninja
	$(WEB_ENV) cmake --build $(WEB_BUILD) -j $(JOBS)

# docs/playground.md's screenshot, taken by the page's test (the seed
# question at step 3, 3.12 and 3.13 side by side), so that it shows the page
# as it is.
playground-screenshot: build web
	ASIM_SCREENSHOT_TO=docs/playground-step.png python3 tests/web/playground_test.py \
	  $(WEB_BUILD)/asim.html scenarios $(BUILD)/asim

# The page's test in ctest fails, rather than skips, without the page here.
test: build web
	cd $(BUILD) && ASIM_REQUIRE_WEB=1 ctest --output-on-failure -j $(JOBS)

# Every scenario on every installed real CPython (pyenv) against the model,
# outputs and per-tick handles; `make test` runs it too (docs/conformance.md).
conform: build
	./$(BUILD)/asim conform --handles scenarios

# CPython's own asyncio scheduling tests, read from each installed CPython,
# on that CPython and on asim (tests/cpython/run_cpython_tests.py): a listed
# test that stops passing fails; tests newly passing on both are added to
# tests/cpython/passlist-3.X.txt; the table is docs/conformance.md's.
cpython-tests: build
	python3 tests/cpython/run_cpython_tests.py --asim $(BUILD)/asim --table

# Differential fuzzing (tests/conformance/fuzz/run.py): COUNT generated
# programs from seed SEED, each on every installed CPython and on asim;
# differing programs are shrunk and kept in $(BUILD)/fuzz.
COUNT ?= 200
SEED ?= 1
fuzz: build
	python3 tests/conformance/fuzz/run.py --asim $(BUILD)/asim --count $(COUNT) --seed $(SEED) --jobs $(JOBS) --out $(BUILD)/fuzz

# Core-language fuzzing (tests/conformance/fuzz/generate_lang.py): the
# same run with programs of builtins, types, formatting, classes,
# generators and exceptions instead of asyncio scheduling.
fuzz-lang: build
	python3 tests/conformance/fuzz/run.py --asim $(BUILD)/asim --generator lang --count $(COUNT) --seed $(SEED) --jobs $(JOBS) --out $(BUILD)/fuzz-lang

# Number fuzzing (tests/conformance/fuzz/generate_numbers.py): random ints
# and floats through repr, format specs, %-formatting and arithmetic.
fuzz-numbers: build
	python3 tests/conformance/fuzz/run.py --asim $(BUILD)/asim --generator numbers --count $(COUNT) --seed $(SEED) --jobs $(JOBS) --out $(BUILD)/fuzz-numbers

# Front-end mutation fuzzing (tests/conformance/fuzz/mutate.py): COUNT
# mutants of the scenarios from seed SEED, each compiled by every installed
# CPython and by asim; the first differing ones are printed, shrunk.
fuzz-syntax: build
	python3 tests/conformance/fuzz/mutate.py --asim $(BUILD)/asim --count $(COUNT) --seed $(SEED) --jobs $(JOBS)

$(ASAN_BUILD)/build.ninja: | deps
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DASIM_SANITIZE=ON

# Sanitized frames are several times larger and the recursion guard measures
# the stack (docs/limits.md): a 256 MiB stack lets programs recurse as deep
# as CPython lets them.
asan: deps $(ASAN_BUILD)/build.ninja
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ulimit -s 262144 && ctest --output-on-failure -j $(JOBS)

run: build
	./$(BUILD)/asim run

bench: build
	./bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(WEB_BUILD)
