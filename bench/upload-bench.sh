#!/usr/bin/env bash
# Benchmark of uploads: UPLOADS applicants (default 20) log in by face and each uploads one file of
# MIB MiB (default 20, the portal's limit) at the same moment. Prints the portal's CPU-ms per MiB
# (/proc/PID/stat), the bytes it wrote per byte uploaded (/proc/PID/io write_bytes: 1.0 = written once)
# and its RSS sampled every 100 ms (/proc/PID/status). See bench/README.md. From the repository root:
#
#   bench/upload-bench.sh
#
# Environment: UPLOADS=20, MIB=20, APP_HEAP=384m (-Xmx of each app), KEEP=1 (keep bench/work/stack-*).
set -euo pipefail
source "$(dirname "$0")/lib/stack.sh"

UPLOADS=${UPLOADS:-20}
MIB=${MIB:-20}
RESULTS="$ROOT/bench/work/upload-results-$(date +%Y%m%dT%H%M%S).txt"
machine_line | tee "$RESULTS"
java -Xmx768m bench/PortalBench.java upload "$PORTAL" "$BRIDGE" "$MOCK" "$PORTAL_PID" "$UPLOADS" "$MIB" | tee -a "$RESULTS"
echo "Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS"
log "results saved to ${RESULTS#"$ROOT"/}"
