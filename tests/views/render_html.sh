#!/bin/sh
# Renders `asim run --format html` in headless Chromium and checks the page:
# self-contained (no http:// or https://), its script runs without a JS error,
# and the screenshot is not blank. Exits 77 (ctest: skipped) when Chromium is
# not installed (`make deps` installs Debian's chromium).
#   tests/views/render_html.sh ASIM_BINARY
set -eu
asim=$1
here=$(cd "$(dirname "$0")" && pwd)
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "SKIPPED: chromium is not installed"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$asim" run --explain --python 3.12,3.13 --format html -o "$work/seed.html"
if grep -n -E 'https?://' "$work/seed.html"; then
  echo "FAIL: the page refers to the network"
  exit 1
fi

run_chromium() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$work/profile" \
    --enable-logging=stderr --v=0 "$@" "file://$work/seed.html"
}

run_chromium --screenshot="$work/out.png" --window-size=1200,800 >"$work/stdout.log" 2>"$work/chromium.log" || {
  echo "FAIL: chromium exited with status $?"; cat "$work/chromium.log"; exit 1; }
if grep -E 'Uncaught|CONSOLE.*[Ee]rror' "$work/chromium.log"; then
  echo "FAIL: JavaScript errors in the page"
  exit 1
fi
if [ ! -s "$work/out.png" ]; then
  echo "FAIL: no screenshot"; cat "$work/chromium.log"; exit 1
fi
python3 "$here/png_stats.py" "$work/out.png"

# The script ran to its end: it fills in the hint about lane titles.
run_chromium --dump-dom >"$work/dom.html" 2>"$work/dom.log"
if ! grep -q 'Click a lane title to highlight it.' "$work/dom.html"; then
  echo "FAIL: the page's script did not run to its end"
  grep -E 'CONSOLE' "$work/dom.log" || true
  exit 1
fi
if grep -E 'Uncaught' "$work/dom.log"; then
  echo "FAIL: JavaScript errors in the page"
  exit 1
fi
echo "ok: html renders, no JS errors, screenshot not blank"
