#!/usr/bin/env bash
# Extracts every translatable string of both faces and core into po/fieldvault.pot
# and merges it into each po/LANG.po (new strings come in untranslated, gone
# ones are kept as obsolete #~ entries). Run after changing visible text, then
# translate what msgfmt --statistics reports as untranslated or fuzzy.
set -euo pipefail
cd "$(dirname "$0")/.."
find app -name '*.cpp' -o -name '*.h' | LC_ALL=C sort > po/POTFILES
xgettext --from-code=UTF-8 --language=C++ --c++ --sort-by-file --add-comments=TRANSLATORS \
  --keyword=tr --keyword=trn:1,2 --keyword=tr_args --keyword=trn_args:1,2 --keyword=FV_N_ \
  --package-name=fieldvault --msgid-bugs-address='' \
  --files-from=po/POTFILES -o po/fieldvault.pot
for po in po/*.po; do
  msgmerge --quiet --update --backup=none --no-fuzzy-matching "$po" po/fieldvault.pot
done
for po in po/*.po; do
  printf '%s: ' "$po"
  msgfmt --check --statistics -o /dev/null "$po"
done
