#!/usr/bin/env bash
# The Debian packages the test suite needs besides Python and npm packages: the one list, used by
# `make test` and .ci/run. Installs what is missing with apt-get when it may (as root, or with
# password-less sudo); otherwise it says the exact command to run and fails.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)                                     # browser tests (Playwright)
fc-list 2>/dev/null | grep -qi "noto sans cjk" || missing+=(fonts-noto-cjk)        # Chinese in screenshots
command -v msgfmt >/dev/null || missing+=(gettext)                                  # make messages(-check)
command -v java >/dev/null || missing+=(default-jre-headless)                       # the Nu Html Checker

[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "The test suite needs: ${missing[*]} (Debian package names). Install them with your system's package manager." >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "The test suite needs these Debian packages: ${missing[*]}. Install them once with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing the Debian packages the test suite needs: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
