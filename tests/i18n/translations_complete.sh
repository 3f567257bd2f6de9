#!/usr/bin/env bash
# Fails unless every string the code marks for translation (core::tr, trn,
# tr_args, trn_args, FV_N_: the keywords of scripts/update-po.sh) is translated,
# and none is fuzzy, in each language: po/LANG.po joined with the work in
# progress in po/parts/*.LANG.po, as the build joins them (msgcat --use-first).
# Strings the code has but no .po file mentions count as untranslated.
#   translations_complete.sh SOURCE_DIR WORK_DIR [LANG...]   (default: zh_CN zh_TW)
set -euo pipefail
src=$(cd "$1" && pwd)
work=$2
shift 2
langs=("$@")
[ ${#langs[@]} -gt 0 ] || langs=(zh_CN zh_TW)
mkdir -p "$work"
cd "$src"

find app -name '*.cpp' -o -name '*.h' | LC_ALL=C sort > "$work/POTFILES"
xgettext --from-code=UTF-8 --language=C++ --c++ \
  --keyword=tr --keyword=trn:1,2 --keyword=tr_args --keyword=trn_args:1,2 --keyword=FV_N_ \
  --package-name=fieldvault --files-from="$work/POTFILES" -o "$work/fieldvault.pot"

status=0
for lang in "${langs[@]}"; do
  po=po/$lang.po
  if [ ! -f "$po" ]; then
    echo "$lang: no $po"
    status=1
    continue
  fi
  shopt -s nullglob
  parts=(po/parts/*."$lang".po)
  shopt -u nullglob
  msgcat --use-first -o "$work/$lang.joined.po" "$po" "${parts[@]}"
  msgfmt --check -o /dev/null "$work/$lang.joined.po"  # markers ({1}, %s) and headers well formed
  # Against what the code marks now: strings missing from the .po come in untranslated.
  msgmerge --quiet --no-fuzzy-matching -o "$work/$lang.po" "$work/$lang.joined.po" "$work/fieldvault.pot"
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$work/$lang.po" 2>&1)
  echo "$lang: $stats"
  untranslated=$(msgattrib --untranslated --no-obsolete "$work/$lang.po" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$work/$lang.po" | grep -c '^msgid ' || true)
  # Each count includes the header entry when there is anything to list.
  [ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
  [ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
  if [ "$untranslated" -gt 0 ] || [ "$fuzzy" -gt 0 ]; then
    status=1
    echo "$lang: $untranslated untranslated, $fuzzy fuzzy. The first of them:"
    msgattrib --untranslated --no-obsolete --no-wrap "$work/$lang.po" | grep '^#: \|^msgid ' | grep -v '^msgid ""$' | head -40 || true
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$work/$lang.po" | grep '^msgid ' | grep -v '^msgid ""$' | head -10 || true
  fi
done
exit $status
