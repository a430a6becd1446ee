#!/usr/bin/env bash
# Benchmark of the signing library: sign and verify a 5-file package of 20 MiB and of 800 MiB
# against the "floor" (one read + SHA-256 + one write for signing; one read + SHA-256 for verifying).
# See bench/README.md. Run from the repository root:
#
#   bench/signing-bench.sh
#
# Environment:
#   KEEP=1         keep the generated inputs and packages under bench/work/ (default: delete them)
#   DROP_CACHES=1  sync + drop the page cache before every timed run (root only; default: warm cache)
#   HEAP=256m      the harness's -Xmx
#   SIZES="20 800" total sizes in MiB (each split into 5 files)
#   REPS_SMALL=3   repetitions for sizes up to 100 MiB
#   REPS_LARGE=2   repetitions for larger sizes
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK="$ROOT/bench/work"
HEAP=${HEAP:-256m}
SIZES=${SIZES:-"20 800"}
REPS_SMALL=${REPS_SMALL:-3}
REPS_LARGE=${REPS_LARGE:-2}
FILES=5

log() { printf '== %s\n' "$*" >&2; }

cleanup() {
    if [[ "${KEEP:-0}" != 1 ]]; then
        for mib in $SIZES; do rm -rf "$WORK/${mib}MB"; done
        rm -rf "$WORK/tiny"
        rm -f "$WORK/floor.out"
    fi
}
trap cleanup EXIT

drop_caches_arg=()
if [[ "${DROP_CACHES:-0}" == 1 ]]; then
    if ! { sync && echo 3 > /proc/sys/vm/drop_caches; } 2>/dev/null; then
        echo "DROP_CACHES=1 needs root (cannot write /proc/sys/vm/drop_caches)" >&2
        exit 1
    fi
    drop_caches_arg=(--drop-caches)
fi

# 1. The library.
if [[ ! -f signing/target/signing.jar ]]; then
    log "building signing/ (signing/target/signing.jar is missing)"
    ./mvnw -B -q -f signing/pom.xml package -DskipTests
fi
CP="signing/target/classes:signing/target/lib/*"

# 2. Inputs: random (incompressible) bytes behind a %PDF- header, so that MediaTypes.detect says
#    application/pdf and the entries are STORED, as real PDFs and JPEGs are.
mkdir -p "$WORK"
sets=()
for mib in $SIZES; do
    dir="$WORK/${mib}MB"
    per_file=$(( mib * 1024 * 1024 / FILES ))
    mkdir -p "$dir"
    for i in $(seq 1 $FILES); do
        f="$dir/material-$i.pdf"
        if [[ -f "$f" && $(stat -c %s "$f") -eq $per_file ]]; then
            continue
        fi
        log "generating $f ($per_file bytes)"
        { printf '%%PDF-1.7\n'; head -c $(( per_file - 9 )) /dev/urandom; } > "$f"
    done
    sets+=("${mib}MB=$dir")
done

# 3. The harness (not part of the Maven build).
log "compiling the harness"
rm -rf "$WORK/classes"
javac --release 17 -nowarn -d "$WORK/classes" -cp "$CP" \
    signing/src/bench/java/cn/gov/jieyang/talent/signing/bench/SigningBenchmark.java

RESULTS="$WORK/results-$(date +%Y%m%dT%H%M%S).txt"
{
    echo "Date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), nproc=$(nproc)"
    echo "Memory: $(free -m | awk '/^Mem:/ {print $2 " MiB"}')"
    echo "openssl: $(openssl version)"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "Load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine adds noise)"
    echo
} | tee "$RESULTS"

# 4. Signing, verifying and the Java floors.
log "running the harness (-Xmx$HEAP)"
java -Xms"$HEAP" -Xmx"$HEAP" -cp "$WORK/classes:$CP" cn.gov.jieyang.talent.signing.bench.SigningBenchmark \
    "${drop_caches_arg[@]}" --reps-small="$REPS_SMALL" --reps-large="$REPS_LARGE" "${sets[@]}" | tee -a "$RESULTS"

# 5. The shell floor: cat | tee | openssl dgst, same bytes, same cache state as the harness.
now() { date +%s%N; }
{
    echo
    echo "Shell floor: cat material-*.pdf | tee bench/work/floor.out | openssl dgst -sha256 (best of the repetitions)"
    echo
    echo "| size   | shell floor s | MiB/s | repetitions |"
    echo "|--------|---------------|-------|-------------|"
} | tee -a "$RESULTS"
for mib in $SIZES; do
    dir="$WORK/${mib}MB"
    reps=$REPS_SMALL; (( mib > 100 )) && reps=$REPS_LARGE
    best=""; all=""
    for r in $(seq 1 $reps); do
        rm -f "$WORK/floor.out"
        sync
        [[ ${#drop_caches_arg[@]} -gt 0 ]] && echo 3 > /proc/sys/vm/drop_caches
        t0=$(now)
        cat "$dir"/material-*.pdf | tee "$WORK/floor.out" | openssl dgst -sha256 > /dev/null
        t1=$(now)
        ns=$(( t1 - t0 ))
        all+="$(awk -v ns=$ns 'BEGIN { printf "%.3f ", ns / 1e9 }')"
        if [[ -z "$best" || $ns -lt $best ]]; then best=$ns; fi
    done
    awk -v ns="$best" -v mib="$mib" -v all="$all" \
        'BEGIN { printf "| %-6s | %13.3f | %5.0f | %s|\n", mib "MB", ns / 1e9, mib / (ns / 1e9), all }' \
        | tee -a "$RESULTS"
done
rm -f "$WORK/floor.out"

echo "Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS"
echo
log "results saved to ${RESULTS#"$ROOT"/}"
