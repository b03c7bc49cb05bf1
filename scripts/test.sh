#!/usr/bin/env bash
# Sets up, builds with AddressSanitizer + UBSan, and runs every test:
# unit vectors, the opcode-table check, differential runs against Hercules,
# the assembler's tests and the samples.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset asan >/dev/null
cmake --build --preset asan -j2
ctest --preset asan -j2 "$@"
