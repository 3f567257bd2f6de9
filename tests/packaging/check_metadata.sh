#!/usr/bin/env bash
# Checks the files packaging/ installs: the AppStream metadata (appstreamcli,
# offline), the menu entry (desktop-file-validate), and both man pages (man
# with groff warnings on: any warning fails). Exit 0 only if all pass.
set -euo pipefail
dir="$1"
status=0
appstreamcli validate --no-net --explain "$dir/org.fieldvault.Fieldvault.metainfo.xml" || status=1
desktop-file-validate "$dir/fieldvault.desktop" || status=1
for page in fieldvault.1 fieldvault-cli.1; do
  [ -f "$dir/$page" ] || { echo "missing man page $page"; status=1; continue; }
  warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l "$dir/$page" 2>&1 >/dev/null || true)
  if [ -n "$warnings" ]; then echo "$page: $warnings"; status=1; fi
  grep -q '^\.SH NAME' "$dir/$page" || { echo "$page: no NAME section"; status=1; }
done
# The programs' options are in their man pages.
for opt in portable version; do
  grep -q -- "-\\\\-$opt" "$dir/fieldvault.1" || { echo "fieldvault.1 does not mention --$opt"; status=1; }
  grep -q -- "-\\\\-$opt" "$dir/fieldvault-cli.1" || { echo "fieldvault-cli.1 does not mention --$opt"; status=1; }
done
exit $status
