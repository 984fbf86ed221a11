#!/usr/bin/env bash
# Checks the production path as a council's servers take it: build dist/ in this (full) install,
# copy the built tree to an empty folder, install production dependencies only (npm ci
# --omit=dev), start the service from dist/ with a council file, and check that it answers
# /healthz and an Alexa LaunchRequest. No dev dependency (tsx, TypeScript, Jest...) is there to
# lean on. Run from anywhere: bash scripts/check-production-install.sh
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

npm run build --silent

work=$(mktemp -d "${TMPDIR:-/tmp}/council-voice-production-XXXXXX")
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

cp package.json package-lock.json "$work/"
cp -R dist "$work/dist"
cd "$work"
echo "production install in $work"
npm ci --omit=dev --no-audit --no-fund --prefer-offline --loglevel=error
# npm still installs TypeScript here, as i18next's optional peer (the lockfile marks it
# devOptional); the service must not need it, so it goes, like any other build or test tool.
rm -rf node_modules/typescript node_modules/.bin/tsc node_modules/.bin/tsserver
for dev in tsx typescript ts-node jest ts-jest esbuild playwright-core nock; do
  if [ -e "node_modules/$dev" ]; then echo "FAIL: dev dependency $dev is in the production install" >&2; exit 1; fi
done

# Without a council file the production start refuses, and says why.
if COUNCIL_CONFIG= npm run start:prod --silent >start-without.log 2>&1; then
  echo "FAIL: start:prod started without COUNCIL_CONFIG" >&2; exit 1
fi
grep -q 'COUNCIL_CONFIG is not set' start-without.log || { echo "FAIL: start:prod did not say COUNCIL_CONFIG is missing:" >&2; cat start-without.log >&2; exit 1; }

# The demo council's file, as shipped in dist/ (its back ends are not needed to answer a launch).
COUNCIL_CONFIG=dist/councils/demo-council.yaml PORT=0 DATA_DIR="$work/data" SKIP_REQUEST_VERIFICATION=1 NODE_ENV=development LOG_LEVEL=warn \
  node dist/src/entry/production-server.js >server.log 2>&1 &
server_pid=$!
base=
for _ in $(seq 1 100); do
  base=$(sed -n 's/.* voice service on \(http[^ ]*\).*/\1/p' server.log | head -n 1)
  [ -n "$base" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then echo "FAIL: the service stopped:" >&2; cat server.log >&2; exit 1; fi
  sleep 0.2
done
[ -n "$base" ] || { echo "FAIL: the service did not start within 20 s:" >&2; cat server.log >&2; exit 1; }
echo "service from dist/ on $base"

BASE=$base LAUNCH="$repo/test/fixtures/alexa/launch.json" node - <<'JS'
const { readFileSync } = require('node:fs');
const fail = (message) => { console.error(`FAIL: ${message}`); process.exit(1); };
(async () => {
  const health = await fetch(`${process.env.BASE}/healthz`);
  if (health.status !== 200) fail(`/healthz answered ${health.status}`);
  const launch = await fetch(`${process.env.BASE}/alexa`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: readFileSync(process.env.LAUNCH),
  });
  const body = await launch.json().catch(() => undefined);
  const ssml = body?.response?.outputSpeech?.ssml ?? '';
  if (launch.status !== 200 || !ssml.includes('Demo Borough Council') || body.response.shouldEndSession !== false) {
    fail(`the LaunchRequest got ${launch.status} ${JSON.stringify(body)}`);
  }
  console.log(`/healthz 200; LaunchRequest 200: ${ssml.replace(/<[^>]+>/g, '')}`);
})().catch((error) => fail(error.message));
JS
echo "production install: OK"
