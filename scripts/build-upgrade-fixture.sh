#!/usr/bin/env bash
# Rebuilds tests/fixtures/upgrade/: the extension as it was at the start of dataset v2's round
# (commit 0dc6a18, database version 1), the unmodified `wxt build` output for Chromium and Firefox.
# tests/browser/upgrade.test.ts installs it in a browser profile, fills that profile with the
# reader's notes, follows and sightings, then puts the current build in its place.
#
# Needs the commit in this clone's history and the npm registry (npm ci of that commit's lock file).
# Usage: bash scripts/build-upgrade-fixture.sh [COMMIT]
set -euo pipefail
cd "$(dirname "$0")/.."
COMMIT="${1:-0dc6a18}"
OUT=tests/fixtures/upgrade
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

git archive --format=tar "$COMMIT" | tar -x -C "$work"
(cd "$work" && npm ci --no-audit --no-fund && npx wxt build && npx wxt build -b firefox --mv3)

rm -rf "$OUT/v1-chrome-mv3" "$OUT/v1-firefox-mv3"
mkdir -p "$OUT"
cp -R "$work/.output/chrome-mv3" "$OUT/v1-chrome-mv3"
cp -R "$work/.output/firefox-mv3" "$OUT/v1-firefox-mv3"
git rev-parse "$COMMIT^{commit}" > "$OUT/COMMIT"
echo "built $COMMIT into $OUT ($(du -sh "$OUT" | cut -f1))"
