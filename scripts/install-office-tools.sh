#!/usr/bin/env bash
# Installs what the office-suite test (npm run test:office) needs, from Debian's packages:
# LibreOffice Writer without GUI, poppler-utils (pdftotext, pdftoppm, pdfinfo) and a CJK font
# (Noto CJK: serif for 宋体 text, sans for 黑体). Skips what is already there, so a machine that has
# everything makes no network access. Needs root (CI runs as root) when something is missing.
set -euo pipefail

packages=()
command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1 || packages+=(libreoffice-writer-nogui)
for tool in pdftotext pdftoppm pdfinfo; do
  command -v "$tool" >/dev/null 2>&1 || { packages+=(poppler-utils); break; }
done
if ! fc-list :lang=zh family 2>/dev/null | grep -qi 'cjk'; then packages+=(fonts-noto-cjk); fi

if [ ${#packages[@]} -eq 0 ]; then
  echo "office tools present: $(command -v soffice || command -v libreoffice), pdftotext, a CJK font"
  exit 0
fi
echo "installing: ${packages[*]}"
export DEBIAN_FRONTEND=noninteractive
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${packages[@]}"
