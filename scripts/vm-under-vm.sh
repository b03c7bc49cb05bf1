#!/usr/bin/env bash
# Sets up, builds the release binaries and plays the VM-under-VM session:
# CMS under GCP under GCP under CP, typed over telnet, shown as it goes
# (docs/VM-UNDER-VM.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j2 >/dev/null
python3 scripts/vm-under-vm.py build/bin
