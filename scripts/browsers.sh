#!/usr/bin/env bash
# The one place that finds the programs the tests and `npm start` drive, and installs them when it can.
#   scripts/browsers.sh chromium firefox bibtex   prints each one's path, one a line, in that order
# Looked for: $CHROME_PATH / $FIREFOX_PATH if set, else the usual names on PATH. When one is missing
# and we run as root on a machine with apt-get (Debian, CI), the Debian packages are installed;
# otherwise one line per missing program names the package and the command, and the exit status is 1.
# Used by .ci/run, scripts/start.ts and both e2e global setups (through scripts/browsers.ts).
set -euo pipefail

candidates() {
  case "$1" in
    chromium) if [ -n "${CHROME_PATH:-}" ]; then echo "$CHROME_PATH"; else echo /usr/bin/chromium chromium chromium-browser google-chrome google-chrome-stable; fi ;;
    firefox) if [ -n "${FIREFOX_PATH:-}" ]; then echo "$FIREFOX_PATH"; else echo /usr/bin/firefox-esr firefox-esr firefox; fi ;;
    bibtex) echo bibtex ;;
    *) echo "scripts/browsers.sh: unknown program '$1' (chromium, firefox or bibtex)" >&2; exit 2 ;;
  esac
}
package() {
  case "$1" in chromium) echo chromium ;; firefox) echo firefox-esr ;; bibtex) echo texlive-binaries ;; esac
}
variable() {
  case "$1" in chromium) echo CHROME_PATH ;; firefox) echo FIREFOX_PATH ;; *) echo '' ;; esac
}
find_one() {
  local c p
  for c in $(candidates "$1"); do
    p="$(command -v "$c" 2>/dev/null)" || continue
    [ -x "$p" ] && { echo "$p"; return 0; }
  done
  return 1
}

missing=()
for name in "$@"; do
  var="$(variable "$name")"
  # A path set by hand is not second-guessed: no install on its behalf.
  [ -n "$var" ] && [ -n "${!var:-}" ] && continue
  find_one "$name" >/dev/null || missing+=("$name")
done

if [ "${#missing[@]}" -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  packages=()
  for name in "${missing[@]}"; do packages+=("$(package "$name")"); done
  echo "Installing ${packages[*]} (apt-get, as root)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "${packages[@]}" >/dev/null
fi

status=0
for name in "$@"; do
  if ! find_one "$name"; then
    status=1
    var="$(variable "$name")"
    if [ -n "$var" ] && [ -n "${!var:-}" ]; then
      echo "$var=${!var} is not an executable; unset it or point it at $name." >&2
    else
      echo "Digest Lens needs $name: install it with \`sudo apt-get install $(package "$name")\`${var:+ (or set $var to its path)}." >&2
    fi
  fi
done
exit "$status"
