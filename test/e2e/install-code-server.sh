#!/usr/bin/env bash
# Installs code-server 4.100.3 (= VS Code 1.100.3, the newest on Node 20) into a
# git-ignored cache. Its postinstall downloads ripgrep from GitHub, which this
# network cannot reach, so the install steps are done by hand (docs/ARCHITECTURE.md#tests).
set -euo pipefail
VERSION=4.100.3
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CACHE="${CODE_SERVER_CACHE:-$ROOT/.cache/code-server-$VERSION}"
BIN="$CACHE/node_modules/code-server/out/node/entry.js"
if [ -f "$CACHE/.complete" ]; then
  echo "code-server $VERSION already installed in $CACHE"
  exit 0
fi
# Checked together up front, so one message says everything to install: ripgrep is copied into VS Code
# (its postinstall would download it), the others build the native modules (kerberos needs libkrb5-dev).
missing=()
command -v rg >/dev/null || missing+=(ripgrep)
command -v krb5-config >/dev/null || missing+=(libkrb5-dev)
for tool in g++ make python3; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing code-server $VERSION needs: ${missing[*]}" >&2
  echo "On Debian/Ubuntu: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
if ! command -v chromium >/dev/null; then echo "warning: chromium not found (apt-get install chromium); UI tests need it" >&2; fi
rm -rf "$CACHE" && mkdir -p "$CACHE"
cd "$CACHE"
echo '{"name":"code-server-cache","private":true}' > package.json
export npm_config_yes=true
npm install --no-audit --no-fund --ignore-scripts --no-save "code-server@$VERSION"
cd node_modules/code-server/lib/vscode
npm install --no-audit --no-fund --omit=dev --ignore-scripts
mkdir -p node_modules/@vscode/ripgrep/bin && cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
# Native modules, built against the local Node headers (the machine's npmrc points node-gyp at them).
npm rebuild --ignore-scripts=false @vscode/spdlog node-pty native-watchdog @parcel/watcher kerberos
cd extensions && npm install --no-audit --no-fund --omit=dev
cd "$CACHE" && npm rebuild argon2 --ignore-scripts=false
test -f "$BIN"
touch "$CACHE/.complete"
echo "code-server $VERSION installed in $CACHE"
