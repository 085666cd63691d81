#!/bin/bash
# The Debian package: builds it with cpack from the build tree, unpacks it with `dpkg -x` into a temporary
# root, and checks every installed path (nothing missing, nothing unexpected), the declared dependencies,
# the icon sizes, that `dangbo-cli` runs from there and finds its shipped files there, the man pages, and
# the desktop entry and metainfo with desktop-file-validate and appstreamcli, and that apt would install it,
# with all its dependencies, on a Debian 12 system where nothing is installed yet.
# Usage: check_deb.sh BUILD_DIR SOURCE_DIR
set -u
BUILD=$(cd "$1" && pwd)
SRC=$(cd "$2" && pwd)
TMP=$(mktemp -d /tmp/dangbo-deb-XXXXXX)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
ID=vn.dangbo.Dangbo

(cd "$BUILD" && cpack -G DEB -B "$TMP/out" >"$TMP/cpack.log" 2>&1) || { cat "$TMP/cpack.log"; fail "cpack"; }
debs=("$TMP"/out/dangbo_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected one dangbo_*.deb, found: ${debs[*]}"
DEB=${debs[0]}
echo "package: $(basename "$DEB")"

# Control fields: the name, and the libraries found by dpkg-shlibdeps plus the fonts of the reports.
[ "$(dpkg-deb -f "$DEB" Package)" = dangbo ] || fail "package name"
depends=$(dpkg-deb -f "$DEB" Depends)
echo "Depends: $depends"
for dep in libc6 'libstdc\+\+6' libsqlite3-0 libsodium23 libzip4 libxlsxwriter libcairo2 libwxgtk3.2 \
  libboost-serialization fonts-liberation2; do
  echo "$depends" | grep -Eq "(^|, )($dep)" || fail "Depends lacks $dep"
done

# `apt install ./dangbo_*.deb` on a fresh Debian 12: apt, told that nothing at all is installed (an empty dpkg
# status file), must find every dependency, and theirs, in the archive this machine's apt knows.
# (Without package lists, as after `rm -rf /var/lib/apt/lists`, apt knows no archive: said, not checked.)
: >"$TMP/empty-status"
apt_empty=(-o Dir::State::status="$TMP/empty-status" -o Debug::NoLocking=1)
if ! apt-cache "${apt_empty[@]}" policy libc6 2>/dev/null | grep -q 'Candidate: [0-9]'; then
  echo "apt knows no package lists here (apt-get update): the install on an empty system is not checked"
else
  apt-get -s "${apt_empty[@]}" install "$DEB" >"$TMP/apt.log" 2>&1 ||
    { tail -20 "$TMP/apt.log"; fail "apt cannot install the package on an empty system"; }
  grep -q '^Inst dangbo ' "$TMP/apt.log" || { tail -20 "$TMP/apt.log"; fail "apt's plan does not install dangbo"; }
  for dep in libwxgtk3.2-1 libsqlite3-0 fonts-liberation2; do
    grep -q "^Inst $dep " "$TMP/apt.log" || fail "apt's plan on an empty system does not install $dep"
  done
  echo "apt on an empty Debian 12 system: $(grep -c '^Inst ' "$TMP/apt.log") packages to install, dangbo among them"
fi

dpkg -x "$DEB" "$TMP/root" || fail "dpkg -x"
R=$TMP/root

# Every path the package must hold, and nothing else.
expected=(
  usr/bin/dangbo usr/bin/dangbo-cli
  usr/share/applications/$ID.desktop usr/share/metainfo/$ID.metainfo.xml
  usr/share/icons/hicolor/scalable/apps/$ID.svg
  usr/share/man/man1/dangbo.1 usr/share/man/man1/dangbo-cli.1
  usr/share/man/vi/man1/dangbo.1 usr/share/man/vi/man1/dangbo-cli.1
  usr/share/dangbo/docs/huong-dan.html usr/share/dangbo/data/icons/$ID.svg
  usr/share/doc/dangbo/copyright
)
for size in 16 24 32 48 64 128 256; do expected+=("usr/share/icons/hicolor/${size}x$size/apps/$ID.png"); done
if [ -d "$SRC/reports" ]; then
  while IFS= read -r f; do expected+=("usr/share/dangbo/reports/$f"); done < <(cd "$SRC/reports" && find . -type f | sed 's|^\./||')
fi
printf '%s\n' "${expected[@]}" | sort >"$TMP/expected"
(cd "$R" && find . -type f -o -type l | sed 's|^\./||' | sort) >"$TMP/installed"
missing=$(comm -23 "$TMP/expected" "$TMP/installed")
extra=$(comm -13 "$TMP/expected" "$TMP/installed")
[ -z "$missing" ] || fail "not installed: $missing"
[ -z "$extra" ] || fail "installed but not expected: $extra"
echo "paths: $(wc -l <"$TMP/installed") files, as expected"
for f in usr/bin/dangbo usr/bin/dangbo-cli; do [ -x "$R/$f" ] || fail "$f is not executable"; done

# The copyright file in the machine-readable format, naming the licence the program declares.
head -1 "$R/usr/share/doc/dangbo/copyright" | grep -q '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' ||
  fail "the copyright file is not in the machine-readable format"
grep -q '^License: GPL-3.0-or-later' "$R/usr/share/doc/dangbo/copyright" || fail "the copyright file names no licence"

# The PNG icons have their sizes.
for size in 16 24 32 48 64 128 256; do
  file "$R/usr/share/icons/hicolor/${size}x$size/apps/$ID.png" | grep -q "PNG image data, $size x $size" ||
    fail "icon ${size}x$size"
done

# The programs' libraries are all found on this system.
for f in usr/bin/dangbo usr/bin/dangbo-cli; do
  ! ldd "$R/$f" | grep -q "not found" || fail "$f: a library is not found: $(ldd "$R/$f" | grep 'not found')"
done

# The CLI runs from the unpacked root and finds the guide there, not in the source tree.
version=$(env -u DANGBO_DATA_DIR XDG_DATA_HOME="$TMP/xdg" XDG_DATA_DIRS="$TMP/none" "$R/usr/bin/dangbo-cli" --version) ||
  fail "dangbo-cli --version"
echo "$version"
echo "$version" | head -1 | grep -Eq '^dangbo-cli [0-9]+\.[0-9]+\.[0-9]+$' || fail "version line"
echo "$version" | grep -qF "$R/usr/share/dangbo" || fail "the installed CLI does not find its files in $R/usr/share/dangbo"
# and does real work there: a demo commune, then its figures.
"$R/usr/bin/dangbo-cli" --db "$TMP/demo.db" demo --seed 1 >/dev/null 2>&1 || fail "installed dangbo-cli demo"
"$R/usr/bin/dangbo-cli" --db "$TMP/demo.db" summary --format json | grep -q '"members"' || fail "installed dangbo-cli summary"

# The man pages render without warnings, in English and Vietnamese.
for page in man1/dangbo.1 man1/dangbo-cli.1 vi/man1/dangbo.1 vi/man1/dangbo-cli.1; do
  warnings=$(LC_ALL=C.UTF-8 man --warnings -E UTF-8 -l "$R/usr/share/man/$page" 2>&1 >/dev/null)
  [ -z "$warnings" ] || fail "man page $page: $warnings"
  LC_ALL=C.UTF-8 man -E UTF-8 -l "$R/usr/share/man/$page" 2>/dev/null | grep -q "dangbo" || fail "man page $page is empty"
done
grep -q "Sổ đảng viên" "$R/usr/share/applications/$ID.desktop" || fail "no Vietnamese name in the desktop entry"

desktop-file-validate "$R/usr/share/applications/$ID.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$R/usr/share/metainfo/$ID.metainfo.xml" || fail "appstreamcli validate"
echo "package check passed"
