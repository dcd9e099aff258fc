#!/usr/bin/env bash
# `npm run verify:full`: everything CI does not run on every change (docs/verification.md says when to
# run it: before resolving work that changes src/core, src/facts, src/measures, src/provisions or
# src/assess.ts).
#   1. the whole suite with the full fuzz (FUZZ=full: 100,000 requests) and coverage, in UTC;
#   2. the whole suite again in Asia/Shanghai, America/Los_Angeles and Pacific/Kiritimati;
#   3. the calculator's browser test in Debian's Chromium (installed here when missing and possible);
#   4. the full mutation run (Stryker --force, about 12 minutes on 2 cores), which also rewrites the
#      committed incremental report test/mutation/stryker-incremental.json: commit it afterwards.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

started=$SECONDS
step() { printf '\n==> %s  [%ds]\n' "$*" "$((SECONDS - started))"; }

step 'build'
npm run --silent build

step 'whole suite, full fuzz, coverage (TZ=UTC, FUZZ=full)'
TZ=UTC FUZZ=full npx vitest run

for zone in Asia/Shanghai America/Los_Angeles Pacific/Kiritimati; do
  step "whole suite (TZ=$zone)"
  TZ="$zone" npx vitest run --coverage.enabled=false
done

if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  step 'apt-get install chromium fonts-wqy-microhei (for the browser test)'
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei
fi
if [ -x /usr/bin/chromium ]; then
  step 'browser test (examples/calculator in Chromium)'
  npx vitest run test/browser
else
  step 'browser test SKIPPED: /usr/bin/chromium not found (apt-get install -y --no-install-recommends chromium)'
fi

step 'full mutation run (Stryker --force, break at 90 %)'
npm run --silent mutation:full

printf '\n==> verify:full passed after %dm%02ds\n' "$(((SECONDS - started) / 60))" "$(((SECONDS - started) % 60))"
