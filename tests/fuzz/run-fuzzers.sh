#!/usr/bin/env bash
# Builds the libFuzzer targets with clang-14 (ASan + UBSan) in build/fuzz and
# runs each for SECONDS. New inputs go to build/fuzz/corpus/<target>; the seed
# corpora in tests/fuzz/corpus stay as committed. Exits non-zero on a finding.
set -euo pipefail
seconds="${1:?usage: tests/fuzz/run-fuzzers.sh SECONDS}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="$root/build/fuzz"
targets=(fuzz_identity_card fuzz_recovery_key fuzz_bundle_reader fuzz_key_header fuzz_report_document fuzz_date)

cmake -S "$root/tests/fuzz" -B "$build" \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DFIELDVAULT_FUZZ=ON -DFIELDVAULT_SANITIZE=address,undefined \
  -DFIELDVAULT_WARNINGS_AS_ERRORS=ON
cmake --build "$build" -j2 --target "${targets[@]}"

mkdir -p "$build/artifacts"
for target in "${targets[@]}"; do
  echo "== $target for ${seconds}s"
  mkdir -p "$build/corpus/$target"
  "$build/$target" -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/$target-" \
    "$build/corpus/$target" "$root/tests/fuzz/corpus/$target"
done
echo "== fuzzers: no findings"
