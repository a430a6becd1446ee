#!/usr/bin/env bash
# Benchmark of submissions: APPLICANTS applicants (default 50) each log in by face through the mock
# 粤信签 and the auth-bridge, fill in a draft of 3 services with its 11 materials (~300 KiB each), then
# all submit at the same moment. Prints p50/p99 latency, errors and the portal's CPU-ms per submit
# (utime+stime from /proc/PID/stat, before and after the burst), then verifies every package with
# signing.jar against the portal's development CA. See bench/README.md. From the repository root:
#
#   bench/submit-bench.sh
#
# Environment: APPLICANTS=50, WARMUP=10 (sequential submits first, not counted), MATERIAL_KIB=300,
#              APP_HEAP=384m (-Xmx of each app), KEEP=1 (keep bench/work/stack-*: data and logs).
set -euo pipefail
source "$(dirname "$0")/lib/stack.sh"

APPLICANTS=${APPLICANTS:-50}
WARMUP=${WARMUP:-10}
MATERIAL_KIB=${MATERIAL_KIB:-300}
RESULTS="$ROOT/bench/work/submit-results-$(date +%Y%m%dT%H%M%S).txt"
machine_line | tee "$RESULTS"

java -Xmx512m bench/PortalBench.java submit "$PORTAL" "$BRIDGE" "$MOCK" "$PORTAL_PID" "$APPLICANTS" "$WARMUP" \
    "$MATERIAL_KIB" "$STACK_DIR/packages" | tee -a "$RESULTS"

log "verifying every package with signing.jar (--trust=the portal's development CA)"
valid=0; invalid=0
for p in "$STACK_DIR"/packages/*.asice; do
    if java -jar signing/target/signing.jar verify --trust="$STACK_DIR/portal/seal/ca.pem" "$p" >/dev/null 2>&1; then
        valid=$((valid + 1))
    else
        invalid=$((invalid + 1)); echo "INVALID: $p" | tee -a "$RESULTS"
    fi
done
echo "Packages verified with signing.jar: $valid valid, $invalid invalid" | tee -a "$RESULTS"
echo "Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS"
log "results saved to ${RESULTS#"$ROOT"/}"
[[ $invalid -eq 0 ]]
