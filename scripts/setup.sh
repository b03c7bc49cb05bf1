#!/usr/bin/env bash
# Installs the Debian packages the project needs, and nothing when all are there.
set -euo pipefail
need=(cmake g++ python3 libboost-dev libncurses-dev nlohmann-json3-dev doctest-dev
      libssl-dev libsodium-dev libsqlite3-dev
      hercules binutils-s390x-linux-gnu s3270 c3270 tmux)
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "setup: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
