#!/usr/bin/env bash
# Sets up, builds the release binaries and runs the demonstration program on
# the bare machine: an S/370 program that finds prime numbers and formats
# them with the decimal instructions, then shows what it left in storage.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j2 >/dev/null
python3 scripts/run-demo.py build/bin
