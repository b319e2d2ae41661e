#!/usr/bin/env bash
# Installs Debian's Chromium for the widget's browser test (tests/browser), only when it is missing.
# Idempotent and non-interactive; never downloads a browser build of its own (no `playwright install`).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

if [ -x /usr/bin/chromium ]; then
  echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "install-chromium: /usr/bin/chromium is missing and this user cannot install packages (run as root)" >&2
    exit 1
  fi
else
  SUDO=""
fi

$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
echo "chromium installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
