#!/usr/bin/env bash
# Debian packages the tests need: Chromium for browser tests, unzip to check exports, Debian's own python3 with
# matplotlib/scipy/networkx for the native render tests. Idempotent; needs root (or sudo).
set -euo pipefail
PKGS=(chromium python3-matplotlib python3-pil python3-scipy python3-networkx fonts-dejavu-core unzip)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages present: ${PKGS[*]}"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "installing Debian packages: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
