#!/usr/bin/env bash
# Login benchmark: in one run against the stack ./run starts, N face logins and N password logins
# through the bridge, and N password logins straight at Keycloak, each by an OpenID Connect relying
# party (bench/LoginDriver.java, JDK only) with C virtual users at once. Prints, per kind of login,
# latency and the CPU each process spent per login (utime+stime from /proc, so the driver and other
# load do not count), and the ratios the goals are written in. See bench/README.md.
#
#   bench/login-bench.sh
#
# Environment:
#   N=200        logins measured per kind
#   WARMUP=2000  face logins before measuring (and WARMUP/4 password logins), not counted: the JIT keeps
#                compiling for about 2000 logins, and its threads' CPU counts in the process's (see README)
#   C=8          virtual users at once
#   USE_RUNNING=1  use a ./run stack that is already up instead of starting one (and not stop it)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
N=${N:-200}
C=${C:-8}
HZ=$(getconf CLK_TCK)

log() { printf '== %s\n' "$*" >&2; }

command -v ss >/dev/null || { echo "login-bench needs ss (iproute2) to find each server's process" >&2; exit 1; }

pid_on() { # pid of the process listening on 127.0.0.1:$1
  ss -Hltnp "sport = :$1" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1
}
cpu_ticks() { # utime+stime of pid $1, in clock ticks
  awk '{print $14 + $15}' "/proc/$1/stat"
}
rss_mib() {
  awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"
}

RUN_PID=""
stop_stack() {
  if [[ -n "$RUN_PID" ]]; then
    log "stopping the stack"
    kill -TERM "$RUN_PID" 2>/dev/null || true
    wait "$RUN_PID" 2>/dev/null || true
  fi
}
trap stop_stack EXIT

if [[ "${USE_RUNNING:-0}" != 1 ]]; then
  log "starting ./run (log: bench/work/run.log)"
  mkdir -p bench/work
  # The bench's virtual users all come from 127.0.0.1: the per-address login limit (30/s by default,
  # meant for people) would otherwise be what is measured. The limiter's own cost is unchanged.
  JAVA_OPTS="${JAVA_OPTS:-} -Dbridge.rate-limit.login-per-second=100000 -Dbridge.rate-limit.login-burst=100000 \
-Dbridge.rate-limit.token-per-second=100000 -Dbridge.rate-limit.token-burst=100000" \
    RUN_START_TIMEOUT=${RUN_START_TIMEOUT:-600} ./run >bench/work/run.log 2>&1 &
  RUN_PID=$!
  for _ in $(seq 1 600); do
    grep -q "Press Ctrl-C" bench/work/run.log 2>/dev/null && break
    kill -0 "$RUN_PID" 2>/dev/null || { tail -40 bench/work/run.log >&2; exit 1; }
    sleep 1
  done
  grep -q "Keycloak     up" bench/work/run.log || { echo "Keycloak did not come up (bench/work/run.log)" >&2; exit 1; }
fi

declare -A PID=([bridge]=$(pid_on 9000) [keycloak]=$(pid_on 8180) [mock]=$(pid_on 9100) [portal]=$(pid_on 8080))
for p in bridge keycloak mock; do
  [[ -n "${PID[$p]}" ]] || { echo "no $p process listening (is ./run up?)" >&2; exit 1; }
done

declare -A CPU_MS LINE
phase() { # kind n c: runs the driver, records CPU-ms per login of bridge / keycloak / mock
  local kind=$1 n=$2 c=$3 p before=() out
  for p in bridge keycloak mock; do before+=("$(cpu_ticks "${PID[$p]}")"); done
  out=$(java bench/LoginDriver.java "$kind" "$n" "$c")
  local i=0 logins
  logins=$(sed -n 's/.*logins=\([0-9]*\).*/\1/p' <<<"$out")
  for p in bridge keycloak mock; do
    CPU_MS[$kind.$p]=$(awk -v a="${before[$i]}" -v b="$(cpu_ticks "${PID[$p]}")" -v hz="$HZ" -v n="$logins" \
      'BEGIN {printf "%.1f", (b - a) * 1000 / hz / (n > 0 ? n : 1)}')
    i=$((i + 1))
  done
  LINE[$kind]=$out
}

WARMUP=${WARMUP:-2000}
log "warm-up: $WARMUP face logins, $((WARMUP / 4)) password logins (not counted)"
java bench/LoginDriver.java face "$WARMUP" "$C" >/dev/null
java bench/LoginDriver.java password $((WARMUP / 4)) "$C" >/dev/null

for kind in face password keycloak; do
  log "measuring: $N $kind logins, $C at once"
  phase "$kind" "$N" "$C"
done

printf '\n%-9s %-78s %10s %12s %8s\n' kind "driver (latency)" "bridge ms" "keycloak ms" "mock ms"
for kind in face password keycloak; do
  printf '%-9s %-78s %10s %12s %8s\n' "$kind" "${LINE[$kind]#mode=$kind }" "${CPU_MS[$kind.bridge]}" \
    "${CPU_MS[$kind.keycloak]}" "${CPU_MS[$kind.mock]}"
done
echo "(CPU ms per login, utime+stime of each process)"
awk -v f="${CPU_MS[face.bridge]}" -v pb="${CPU_MS[password.bridge]}" -v pk="${CPU_MS[password.keycloak]}" \
    -v k="${CPU_MS[keycloak.keycloak]}" 'BEGIN {
  printf "\nface login, bridge CPU:                      %6.1f ms   (goal <= 8 ms)\n", f
  printf "Keycloak password login / bridge face login: %6.1f x    (goal >= 20 x)\n", (f > 0 ? k / f : 0)
  printf "password login, bridge / Keycloak CPU:       %6.1f %%    (goal <= 15 %%)\n", (pk > 0 ? 100 * pb / pk : 0)
}'
echo
for p in bridge keycloak mock portal; do
  [[ -n "${PID[$p]}" ]] && printf 'RSS %-9s %5s MiB\n' "$p" "$(rss_mib "${PID[$p]}")"
done
