#!/usr/bin/env bash
# What `npm start` and `npm test` need from the machine besides Node: Chromium, Firefox ESR (tests
# only) and CJK fonts (so Chinese is visible in screenshots). Missing ones are installed with
# apt-get where that is possible without asking for a password (root, or sudo without one), as
# .ci/run does; otherwise one line says the command to run. Set MSL_NO_INSTALL=1 to only check.
# Usage: scripts/ensure-system.sh [chromium] [firefox-esr] [fonts]
set -euo pipefail

need=()
for want in "$@"; do
  case "$want" in
    chromium) [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium) ;;
    firefox-esr) [ -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ] || need+=(firefox-esr) ;;
    fonts) fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || need+=(fonts-noto-cjk) ;; # no -q: an early exit would fail the pipe (pipefail)
    *) echo "ensure-system: unknown requirement '$want'" >&2; exit 2 ;;
  esac
done
[ ${#need[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"; else SUDO="ask"; fi
fi
if [ -z "${MSL_NO_INSTALL:-}" ] && command -v apt-get >/dev/null 2>&1 && [ "$SUDO" != "ask" ]; then
  echo "installing ${need[*]} (apt-get; MSL_NO_INSTALL=1 skips this)"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need[@]}"
  exit 0
fi

if command -v apt-get >/dev/null 2>&1; then
  echo "missing ${need[*]}: run  sudo apt-get install -y ${need[*]}" >&2
else
  echo "missing ${need[*]}: install them with your system's package manager, or set CHROMIUM_PATH / FIREFOX_PATH to the browsers" >&2
fi
# Without the fonts everything still runs (Chinese shows as boxes in screenshots); without a browser nothing can.
for n in "${need[@]}"; do [ "$n" = fonts-noto-cjk ] || exit 1; done
exit 0
