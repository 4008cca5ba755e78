#!/usr/bin/env bash
# Installs the third-party LSP clients and hook runner the editor tests drive, from Debian's
# packages: Neovim (0.7), Emacs with eglot, and pre-commit. Kept out of `npm ci` so users who
# only want the CLI or the extension install nothing extra. Idempotent.
set -euo pipefail
need=()
command -v nvim >/dev/null || need+=(neovim)
command -v emacs >/dev/null || need+=(emacs-nox)
dpkg -s elpa-eglot >/dev/null 2>&1 || need+=(elpa-eglot)
command -v pre-commit >/dev/null || need+=(pre-commit)
if [ ${#need[@]} -gt 0 ]; then
  echo "editors setup: installing Debian packages: ${need[*]}"
  SUDO=; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
