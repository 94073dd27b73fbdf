#!/usr/bin/env bash
# The end-to-end tests drive Debian's own browsers: /usr/bin/chromium (playwright-core) and /usr/bin/firefox-esr
# (puppeteer-core over WebDriver BiDi). Test tools must never download a browser of their own (that fails offline).
# The online-check test (tests/e2e/online.e2e.ts) makes a throwaway TLS certificate with Debian's openssl.
# Installs the missing ones with apt when running as root; otherwise says what to run.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
command -v openssl >/dev/null || missing+=(openssl)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} from Debian's packages for the end-to-end tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "The end-to-end tests need Debian's ${missing[*]}: run  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
