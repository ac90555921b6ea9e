#!/usr/bin/env bash
# Installs the real-editor test stack (see /work/shared/e2e/RECIPE.md): Debian packages
# (libkrb5-dev, ripgrep, chromium, and fonts-wqy-microhei so screenshots show Chinese) when missing, then code-server@4.100.3 (VS Code 1.100.3)
# into .cache/code-server. Idempotent: an installed copy is kept, and a reusable tarball under
# ~/.cache/miit95/ (keyed on code-server version + node major + arch) restores in seconds.
# Environment: MIIT95_CS_DIR (install folder), MIIT95_CS_CACHE (tarball folder).
set -euo pipefail

CS_VERSION=4.100.3
RG_PKG_VERSION=1.15.11                       # @vscode/ripgrep used by code-server 4.100.3
RG_TARBALL=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CS_DIR=${MIIT95_CS_DIR:-$REPO_DIR/.cache/code-server}
CACHE_DIR=${MIIT95_CS_CACHE:-${HOME:-/root}/.cache/miit95}
NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
ARCH=$(node -p 'process.arch')
CACHE_TGZ=$CACHE_DIR/code-server-$CS_VERSION-node$NODE_MAJOR-linux-$ARCH.tgz
T0=$(date +%s)

log() { printf '[install-code-server %3ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }

# Prints "4.100.3 <sha> with Code 1.100.3" for a working install, fails otherwise.
# code-server writes logs into $XDG_DATA_HOME even for --version, so give it a scratch folder.
cs_version() {
  local scratch; scratch=$(mktemp -d)
  XDG_DATA_HOME=$scratch XDG_CONFIG_HOME=$scratch XDG_CACHE_HOME=$scratch \
    "$1/node_modules/.bin/code-server" --config /dev/null --version 2>/dev/null | head -n1
  local rc=${PIPESTATUS[0]}; rm -rf "$scratch"; return "$rc"
}
is_installed() { [[ -x $1/node_modules/.bin/code-server ]] && cs_version "$1" | grep -q "^$CS_VERSION "; }

# 1. Debian packages, only the missing ones.
missing=()
for p in libkrb5-dev ripgrep chromium fonts-wqy-microhei; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if (( ${#missing[@]} > 0 )); then
  [[ $(id -u) -eq 0 ]] && SUDO=() || SUDO=(sudo)
  log "apt: installing ${missing[*]}"
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
  log "apt: done"
else
  log "apt: libkrb5-dev ripgrep chromium fonts-wqy-microhei already installed"
fi
command -v chromium >/dev/null || { echo 'chromium not on PATH after apt install' >&2; exit 1; }

# 2. Already installed at the right version?
if is_installed "$CS_DIR"; then
  log "code-server already installed: $(cs_version "$CS_DIR") in $CS_DIR"
  exit 0
fi

# 3. Restore from the machine-local tarball.
if [[ -f $CACHE_TGZ ]]; then
  log "restoring $CACHE_TGZ"
  rm -rf "$CS_DIR" "$CS_DIR.partial" && mkdir -p "$CS_DIR.partial"
  if tar -xzf "$CACHE_TGZ" -C "$CS_DIR.partial" && is_installed "$CS_DIR.partial"; then
    mv "$CS_DIR.partial" "$CS_DIR"
    log "restored: $(cs_version "$CS_DIR")"
    exit 0
  fi
  log "cached tarball is unusable; removing it and installing from npm"
  rm -rf "$CS_DIR.partial" "$CACHE_TGZ"
fi

# 4. Install from npm (about 1.5 min on 2 cores).
# @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache already holds the
# tarball: seed it with Debian's rg (pitfall 3). It looks in os.tmpdir() of the install.
RG_CACHE=$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-$RG_PKG_VERSION
if [[ ! -f $RG_CACHE/$RG_TARBALL ]]; then
  mkdir -p "$RG_CACHE/stage" && cp "$(command -v rg)" "$RG_CACHE/stage/rg"
  tar -czf "$RG_CACHE/$RG_TARBALL" -C "$RG_CACHE/stage" rg && rm -rf "$RG_CACHE/stage"
  log "seeded $RG_CACHE/$RG_TARBALL"
fi

log "npm install code-server@$CS_VERSION into $CS_DIR (about 1.5 min)"
rm -rf "$CS_DIR.partial" && mkdir -p "$CS_DIR.partial"
printf '{"name":"cs-host","private":true,"allowScripts":{"code-server":true,"argon2":true}}\n' > "$CS_DIR.partial/package.json"
# unsafe_perm: postinstall.sh refuses root otherwise; yes: node-pty runs `npx node-gyp`
# (~/.npmrc has yes=false); nodedir: node-gyp uses the system headers, no download.
( cd "$CS_DIR.partial" && \
  npm_config_nodedir=/usr npm_config_unsafe_perm=true npm_config_yes=true \
  npm install --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" </dev/null )
is_installed "$CS_DIR.partial" || { echo "code-server did not install correctly in $CS_DIR.partial" >&2; exit 1; }
rm -rf "$CS_DIR" && mv "$CS_DIR.partial" "$CS_DIR"
log "installed: $(cs_version "$CS_DIR")"

# 5. Keep a tarball for the next run on this machine (written atomically).
mkdir -p "$CACHE_DIR"
tar -czf "$CACHE_TGZ.tmp.$$" -C "$CS_DIR" . && mv "$CACHE_TGZ.tmp.$$" "$CACHE_TGZ"
log "cached $(du -h "$CACHE_TGZ" | cut -f1) at $CACHE_TGZ"
