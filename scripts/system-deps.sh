#!/usr/bin/env bash
# System packages the test suite needs, from Debian: Chromium and CJK fonts for the browser tests
# (never `npx playwright install`), redis-server for Socket.io scale-out tests. Installs what is
# missing when run as root; otherwise prints the command to run.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
{ command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; } || need+=(fonts-noto-cjk)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "[deps] missing system packages: ${need[*]}" >&2
  echo "[deps] install them with: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "[deps] installing ${need[*]} with apt-get…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "[deps] installed ${need[*]}"
