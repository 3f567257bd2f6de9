#!/usr/bin/env bash
# Builds the benchmark targets of the `release` preset and runs them:
#   kdf          Argon2id cost per guess (INTERACTIVE, MODERATE)
#   attachments  import/extract of a 512 MiB file vs age -r / age -d, with peak RSS
#   search       search and list over 100,000 generated reports vs plain SQLite
#   exchange     sealed-bundle export/import of a 256 MiB attachment vs age -r / age -d, with peak RSS
#                (3 rounds of export, age -r, import, age -d, alternating; FIELDVAULT_BENCH_ROUNDS)
#   gui          the desktop app's report list over 100,000 reports: frame time, headless (CPU)
# Usage: bash bench/run-benchmarks.sh [kdf] [attachments] [search] [exchange] [gui]   (default: all)
# Results go to build/release/bench-results/ (Google Benchmark JSON, the load
# averages seen, and summary.md). The generated report vault is cached in
# build/release/bench-cache/ (the first run spends ~4 minutes making it).
# FIELDVAULT_BENCH_QUICK=1 runs tiny sizes (a smoke test of this script).
# FIELDVAULT_BENCH_NO_WERROR=1 configures with FIELDVAULT_WARNINGS_AS_ERRORS=OFF
# (same flags otherwise), for a tree where g++ -O3 reports a false positive.
# FIELDVAULT_BENCH_TMP picks the work folder (default: build/release/bench-work,
# on the same disk as the build; it must not be a tmpfs).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=$root/build/release
results=$build/bench-results
work=${FIELDVAULT_BENCH_TMP:-$build/bench-work}

runs=("$@")
[ ${#runs[@]} -gt 0 ] || runs=(kdf attachments search exchange gui)
for r in "${runs[@]}"; do
  case $r in kdf|attachments|search|exchange|gui) ;; *) echo "unknown benchmark '$r' (kdf, attachments, search, exchange, gui)" >&2; exit 2 ;; esac
done

if [ "${FIELDVAULT_BENCH_QUICK:-0}" = 1 ]; then
  export FIELDVAULT_BENCH_FILE_MIB=32 FIELDVAULT_BENCH_SMALL_MIB=8 FIELDVAULT_BENCH_REPORTS=4000
fi

echo "== build (release preset, benchmark targets only)"
configure=()
[ "${FIELDVAULT_BENCH_NO_WERROR:-0}" = 1 ] && configure=(-DFIELDVAULT_WARNINGS_AS_ERRORS=OFF)
cmake --preset release "${configure[@]}" >/dev/null
cmake --build --preset release --parallel 2 \
  --target fieldvault_bench_kdf fieldvault_bench_attachments fieldvault_bench_search fieldvault_bench_exchange \
  fieldvault_bench_gui_list

mkdir -p "$results" "$work"
trap 'rm -rf "$work"' EXIT
fs_type=$(findmnt -n -o FSTYPE -T "$work")
fs_source=$(findmnt -n -o SOURCE -T "$work")
if [ "$fs_type" = tmpfs ]; then
  echo "refusing to measure file throughput on tmpfs ($work); set FIELDVAULT_BENCH_TMP" >&2
  exit 2
fi

machine=$results/machine.txt
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "cores: $(nproc)"
  echo "memory: $(free -m | awk '/^Mem:/ {print $2}') MiB"
  echo "os: $(. /etc/os-release && echo "$PRETTY_NAME") (Debian $(cat /etc/debian_version)), kernel $(uname -r)"
  echo "compiler: $(g++ --version | head -1)"
  echo "work folder: $work on $fs_source ($fs_type)"
  echo "age: $(age --version)"
} >"$machine"
cat "$machine"

# The machine is shared: note the load around each run (NAME.load) to judge it.
load() { echo "load average $1: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/$2.load"; }

run() {  # run NAME ENV... : runs build/release/bench/fieldvault_bench_NAME into NAME.json
  local name=$1
  shift
  echo "== $name"
  : >"$results/$name.load"
  load "before $name" "$name"
  env "$@" "$build/bench/fieldvault_bench_$name" \
    --benchmark_out="$results/$name.json" --benchmark_out_format=json
  load "after $name" "$name"
}

# age-keygen refuses to overwrite: one fresh identity per group that needs it.
new_age_identity() { rm -f "$work/age-identity.txt"; age-keygen -o "$work/age-identity.txt" 2>/dev/null; }

for r in "${runs[@]}"; do
  case $r in
    kdf) run kdf ;;
    attachments)
      new_age_identity
      run attachments FIELDVAULT_BENCH_WORKDIR="$work/attachments" \
        FIELDVAULT_BENCH_AGE_IDENTITY="$work/age-identity.txt" \
        FIELDVAULT_BENCH_AGE_RECIPIENT="$(age-keygen -y "$work/age-identity.txt")"
      rm -rf "$work/attachments"
      ;;
    search) run search FIELDVAULT_BENCH_CACHE="$build/bench-cache" ;;
    gui) run gui_list FIELDVAULT_BENCH_CACHE="$build/bench-cache" ;;
    exchange)
      # Needs about 2 GB free in $work (256 MiB): inputs, the sender's vault, bundles, age files, one receiving vault.
      new_age_identity
      run exchange FIELDVAULT_BENCH_WORKDIR="$work/exchange" \
        FIELDVAULT_BENCH_AGE_IDENTITY="$work/age-identity.txt" \
        FIELDVAULT_BENCH_AGE_RECIPIENT="$(age-keygen -y "$work/age-identity.txt")"
      rm -rf "$work/exchange"
      ;;
  esac
done

python3 "$root/bench/summarize.py" "$results" | tee "$results/summary.md"
# The exchange group, in the attachments table's format (summarize.py's renderer).
if [ -f "$results/exchange.json" ]; then
  python3 - "$results" <<'PY' | tee -a "$results/summary.md"
import pathlib, sys
sys.path.insert(0, "bench")
import summarize
folder = pathlib.Path(sys.argv[1])
results, _ = summarize.load(folder / "exchange.json")
out = []
summarize.attachments(results, out)
out[0] = "### Exchange: sealed-bundle export/import vs age (median of the rounds, alternating; fsync'd at the end of each run)\n"
summarize.exchange_ratios(results, out)
load = folder / "exchange.load"
if load.exists():
    out.append("\n" + "; ".join(load.read_text().split("\n")).strip("; "))
print("\n".join(out))
PY
fi
