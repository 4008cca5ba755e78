#!/usr/bin/env bash
# Installs the end-to-end harness into .e2e/ (ignored by git): code-server 4.100.3 (a real
# VS Code 1.100 workbench and Node extension host that runs on Node 20) and playwright-core,
# driven with Debian's chromium. Kept out of package.json so `npm ci` stays lean for users.
# Idempotent: a finished install is recorded in .e2e/.ready and skipped next time.
# The offline workarounds are from shared/notes/vscode-e2e-offline.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
DIR=$ROOT/.e2e
CODE_SERVER=4.100.3
PLAYWRIGHT=1.64.1
STAMP="code-server@$CODE_SERVER playwright-core@$PLAYWRIGHT"

need=()
command -v rg >/dev/null || need+=(ripgrep)
command -v chromium >/dev/null || need+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
if [ ${#need[@]} -gt 0 ]; then
  echo "e2e setup: installing Debian packages: ${need[*]}"
  SUDO=; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ -f "$DIR/.ready" ] && [ "$(cat "$DIR/.ready")" = "$STAMP" ]; then
  echo "e2e setup: $STAMP already installed in .e2e/"
  exit 0
fi

echo "e2e setup: installing $STAMP into .e2e/ (about 2 minutes)"
rm -rf "$DIR"
mkdir -p "$DIR"
cd "$DIR"
echo '{"name":"factcheck-e2e-harness","private":true}' > package.json
# code-server's postinstall refuses to run as root and downloads ripgrep: do its work by hand.
npm install --no-audit --no-fund --ignore-scripts --loglevel=error "code-server@$CODE_SERVER" "playwright-core@$PLAYWRIGHT"
npm_config_yes=true npm rebuild argon2 --loglevel=error
cd node_modules/code-server/lib/vscode
npm install --no-audit --no-fund --omit=dev --ignore-scripts --loglevel=error
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
npm_config_yes=true npm rebuild --loglevel=error
cd extensions
npm install --no-audit --no-fund --omit=dev --loglevel=error
echo "$STAMP" > "$DIR/.ready"
echo "e2e setup: done"
