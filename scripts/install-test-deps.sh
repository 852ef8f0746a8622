#!/usr/bin/env bash
# Debian packages the tests use: Chromium (end-to-end tests through playwright-core),
# httpbin (a real HTTP echo server), requests and curl (run generated Python and curl code).
set -euo pipefail
packages=(chromium python3-httpbin python3-requests curl)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  SUDO=$([ "$(id -u)" -eq 0 ] && echo "" || echo sudo)
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
