#!/usr/bin/env bash
# Installs the Debian 12 packages dangbo needs to build, test and print reports.
# Idempotent: packages already present are skipped. Runs apt-get as root, or through sudo.
set -euo pipefail

PACKAGES=(
  # toolchain
  cmake g++ make pkg-config gettext
  # libraries
  libwxgtk3.2-dev libsqlitecpp-dev libsqlite3-dev sqlite3 libboost-serialization-dev doctest-dev
  libsodium-dev libexpat1-dev libzip-dev libxlsxwriter-dev libcairo2-dev libpango1.0-dev
  # fonts with Vietnamese letters
  fonts-dejavu-core fonts-liberation2
  # GUI tests and report checks
  xvfb xauth xdotool x11-xserver-utils x11-utils imagemagick poppler-utils
  # the audit trail in Vietnamese local time, checked in the layout tour (TZ=Asia/Ho_Chi_Minh)
  tzdata
  # opening every DOCX and XLSX report in LibreOffice (headless, converted to PDF in the tests)
  libreoffice-writer-nogui libreoffice-calc-nogui
  # the .deb: its dependencies, the icon's PNG sizes and the checks of the desktop entry and metainfo
  dpkg-dev file fakeroot librsvg2-bin desktop-file-utils appstream
  # the format check of src/ and tests/ (scripts/check-format.sh)
  clang-format
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages are installed" >&2
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
