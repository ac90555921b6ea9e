#!/usr/bin/env bash
# Renders the Word files of an export package (any application) to PNG pages with LibreOffice, for a
# person to LOOK at (layout, fonts, tables, the diagram). `npm run test:office` checks the text of the
# rendered pages of the samples automatically (test/office/); this script is for looking at your own file.
#
#   bash scripts/check-docx-render.sh [application.app95.yaml] [--draft]
#
# Default application: samples/complete/杭州云声.app95.yaml. Output: test-results/docx-render/
# (the package, one PDF per document and page images <document>-<page>.png at 80 dpi).
#
# Needs: `npm run build` (uses dist/cli.js), LibreOffice Writer and pdftoppm, and a CJK font:
#   bash scripts/install-office-tools.sh
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app="$repo/samples/complete/杭州云声.app95.yaml"
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then app="$1"; shift; fi
out="$repo/test-results/docx-render"

for tool in libreoffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "missing $tool: bash scripts/install-office-tools.sh" >&2; exit 2; }
done
[ -f "$repo/dist/cli.js" ] || { echo "dist/cli.js missing: run npm run build" >&2; exit 2; }

rm -rf "$out"
mkdir -p "$out"
node "$repo/dist/cli.js" export "$app" --out "$out" --force "$@"
package="$(find "$out" -mindepth 1 -maxdepth 1 -type d -name '*-申报材料' | head -n 1)"
[ -n "$package" ] || { echo "no package folder was written in $out" >&2; exit 1; }

# A private LibreOffice profile, so a running instance or a stale lock cannot block the conversion.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
timeout 300 libreoffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$package"/*.docx >/dev/null 2>&1
for docx in "$package"/*.docx; do
  name="$(basename "$docx" .docx)"
  [ -f "$out/$name.pdf" ] || { echo "LibreOffice did not convert $docx" >&2; exit 1; }
  pdftoppm -png -r 80 "$out/$name.pdf" "$out/$name"
  echo "$name: $(ls "$out/$name"-*.png | wc -l) page(s)"
done
echo "pages: $out/*.png"
