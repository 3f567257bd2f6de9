#!/usr/bin/env bash
# Builds the packages and checks them:
#   bash scripts/package.sh            # configure + build (package preset) + cpack + checks
#   bash scripts/package.sh --no-build # cpack + checks on what build/package holds
# Makes build/package/fieldvault_VERSION_ARCH.deb and
# build/package/fieldvault-VERSION-linux-ARCH.tar.gz, then runs lintian on the
# .deb (any error fails; warnings are shown), appstreamcli on the metadata
# (offline) and prints the package's fields and files.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build/package
if [ "${1:-}" != "--no-build" ]; then
  bash scripts/install-deps.sh
  cmake --preset package
  cmake --build --preset package -j "${JOBS:-$(nproc)}"
fi
rm -f "$build"/fieldvault_*.deb "$build"/fieldvault-*.tar.gz
(cd "$build" && cpack)
deb=$(ls "$build"/fieldvault_*.deb)
tgz=$(ls "$build"/fieldvault-*.tar.gz)

echo "== package fields"
dpkg-deb --field "$deb" Package Version Architecture Depends Section Priority Installed-Size
echo "== package files"
dpkg-deb --contents "$deb" | awk '{print $6}'
for f in ./usr/bin/fieldvault ./usr/bin/fieldvault-cli ./usr/share/man/man1/fieldvault.1.gz \
         ./usr/share/man/man1/fieldvault-cli.1.gz ./usr/share/applications/org.fieldvault.Fieldvault.desktop \
         ./usr/share/metainfo/org.fieldvault.Fieldvault.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/org.fieldvault.Fieldvault.svg \
         ./usr/share/doc/fieldvault/copyright ./usr/share/doc/fieldvault/changelog.gz; do
  dpkg-deb --contents "$deb" | awk '{print $6}' | grep -qx "$f" || { echo "missing from the .deb: $f"; exit 1; }
done
if dpkg-deb --contents "$deb" | grep -q 'fieldvault-screens'; then
  echo "the test driver fieldvault-screens must not be shipped"; exit 1
fi
depends=$(dpkg-deb --field "$deb" Depends)
case "$depends" in
  *libsodium*) ;;
  *) echo "Depends does not come from shlibdeps: $depends"; exit 1 ;;
esac

echo "== lintian (errors fail)"
lintian --fail-on error --allow-root --tag-display-limit 0 --info "$deb"

echo "== appstream metadata"
appstreamcli validate --no-net packaging/org.fieldvault.Fieldvault.metainfo.xml

echo "== tarball"
tar -tzf "$tgz" | grep -E '/bin/fieldvault(-cli)?$'
echo "packages: $deb $tgz"
