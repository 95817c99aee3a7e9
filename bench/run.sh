#!/usr/bin/env bash
# Runs the benchmarks against the build directory given as $1.
set -euo pipefail
build=${1:-build}
"$build/asim_bench" 100000 3.12
"$build/asim_bench" 100000 3.13
