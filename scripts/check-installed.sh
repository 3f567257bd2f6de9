#!/usr/bin/env bash
# Installs the .deb on this (clean) machine, uses the installed programs as a
# person would, removes the package, and checks that nothing is left but the
# person's vault. Needs root (CI runs as root) and xvfb-run.
#   bash scripts/check-installed.sh build/package/fieldvault_0.1.0_amd64.deb
set -euo pipefail
deb=$(realpath "$1")
export DEBIAN_FRONTEND=noninteractive
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
if dpkg-query -W -f='${Status}' fieldvault 2>/dev/null | grep -q "install ok installed"; then
  echo "fieldvault is already installed: remove it first"; exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Every path under the system folders, except the caches that the packages'
# triggers rebuild (man-db, icon cache, desktop database) and apt's own state.
system_listing() {
  find /usr /etc /opt /var/lib -xdev 2>/dev/null \
    | grep -vE '^/var/lib/(apt|dpkg/(status|status-old|available|triggers|lock|info/format|updates|diversions|statoverride|alternatives|arch))' \
    | grep -vE '^/var/lib/(man-db|ucf|systemd|dbus|polkit-1)|^/var/cache|/icon-theme\.cache$|/mimeinfo\.cache$|^/etc/ld\.so\.cache$' \
    | LC_ALL=C sort
}
system_listing > "$work/before.txt"

echo "== install $deb"
"${sudo_cmd[@]}" apt-get install -y --no-install-recommends "$deb"

echo "== installed paths"
for program in fieldvault fieldvault-cli; do
  path=$(command -v "$program")
  [ "$path" = "/usr/bin/$program" ] || { echo "$program is at '$path', not /usr/bin"; exit 1; }
done
man -w fieldvault >/dev/null && man -w fieldvault-cli >/dev/null
test -f /usr/share/applications/org.fieldvault.Fieldvault.desktop
test -f /usr/share/metainfo/org.fieldvault.Fieldvault.metainfo.xml
test -f /usr/share/icons/hicolor/scalable/apps/org.fieldvault.Fieldvault.svg
! test -e /usr/bin/fieldvault-screens

echo "== fieldvault-cli --version"
fieldvault-cli --version | grep -E '^fieldvault-cli [0-9]+\.[0-9]+\.[0-9]+$'
fieldvault --version | grep -E '^fieldvault [0-9]+\.[0-9]+\.[0-9]+$'

echo "== CLI round trip: a report sealed in one vault, imported into another"
user_home="$work/home"
mkdir -p "$user_home" "$work/out"
pass="installed package check"
as_user() { env -u FIELDVAULT_VAULT -u XDG_DATA_HOME -u XDG_CONFIG_HOME HOME="$user_home" "$@"; }
org="$work/org-vault"
echo "$pass" | as_user fieldvault-cli init --name "Li" >/dev/null
echo "$pass" | as_user fieldvault-cli --vault "$org" init --name "Rights Org" >/dev/null
test -f "$user_home/.local/share/fieldvault/vault/vault.key"
card=$(echo "$pass" | as_user fieldvault-cli --vault "$org" identity --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["card"])')
echo "$pass" | as_user fieldvault-cli contact add "Rights Org" "$card" >/dev/null
id=$(echo "$pass" | as_user fieldvault-cli report add --title "Call to my mother" --case "Li" \
       --tactic coercion_by_proxy --narrative "中国警察找我父母")
echo "$pass" | as_user fieldvault-cli search 警察 | grep -q "Call to my mother"
echo "$pass" | as_user fieldvault-cli export --to "Rights Org" --report "$id" --out "$work/out/bundle.bin" >/dev/null
echo "$pass" | as_user fieldvault-cli --vault "$org" import "$work/out/bundle.bin" >/dev/null
echo "$pass" | as_user fieldvault-cli --vault "$org" report list | grep -q "Call to my mother"
echo "$pass" | as_user fieldvault-cli check >/dev/null
echo "round trip ok"

echo "== fieldvault --screenshot"
as_user env LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s '-screen 0 1280x800x24' \
  fieldvault --screenshot "$work/out/start.png"
size=$(stat -c %s "$work/out/start.png")
[ "$size" -gt 10000 ] || { echo "the screenshot is too small ($size bytes)"; exit 1; }
echo "screenshot ok ($size bytes)"

echo "== remove"
"${sudo_cmd[@]}" apt-get remove --purge -y fieldvault
if dpkg-query -W fieldvault >/dev/null 2>&1 && dpkg-query -W -f='${Status}' fieldvault | grep -q installed; then
  echo "fieldvault is still installed"; exit 1
fi
system_listing > "$work/after.txt"
if ! diff -u "$work/before.txt" "$work/after.txt"; then
  echo "the package left files behind (above)"; exit 1
fi
left=$(find /usr /etc /opt /var/lib -xdev -iname '*fieldvault*' 2>/dev/null || true)
[ -z "$left" ] || { echo "left behind: $left"; exit 1; }
# The person's vault is theirs: removing the program never touches it.
test -f "$user_home/.local/share/fieldvault/vault/vault.key"
test -f "$user_home/.local/share/fieldvault/vault/vault.db"
echo "removed: nothing left but the user's vault"
