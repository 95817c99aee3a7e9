#!/usr/bin/env bash
# make bench: every program in bench/ under asim and under real CPython 3.13
# on the virtual clock, one table (bench/run.py); then the model driven from
# C++ (asim_bench: 100 000 tasks through as_completed, no interpreter).
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
python3 "$here/run.py" --build "$build"
"$build/asim_bench" 100000 3.13
