# Sourced by bench/submit-bench.sh and bench/upload-bench.sh: starts the mock 粤信签, the auth-bridge and
# the portal from their jars on ports of their own (PORTAL_PORT 18080, BRIDGE_PORT 19000, MOCK_PORT
# 19100: a ./run may be going on 8080/9000/9100) with fresh state under bench/work/,
# the dev profile (public development secrets and seal) and no Keycloak (face login does not need it).
# Stops exactly the processes it started when the script exits. Sets PORTAL_PID and STACK_DIR.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
STACK_DIR="$ROOT/bench/work/stack-$(date +%Y%m%dT%H%M%S)"
PORTAL_PORT=${PORTAL_PORT:-18080}
BRIDGE_PORT=${BRIDGE_PORT:-19000}
MOCK_PORT=${MOCK_PORT:-19100}
PORTAL=http://127.0.0.1:$PORTAL_PORT
BRIDGE=http://127.0.0.1:$BRIDGE_PORT
MOCK=http://127.0.0.1:$MOCK_PORT
# Heap caps as a production start would set them (and as ./run should: issue 11, item 5).
APP_HEAP=${APP_HEAP:-384m}
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"   # as ./run sets it (bench/README.md, login figures of 2026-12-04)
STACK_PIDS=()

log() { printf '== %s\n' "$*" >&2; }

stop_stack() {
    local pid
    for pid in "${STACK_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for _ in $(seq 1 40); do
        local alive=0
        for pid in "${STACK_PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        ((alive)) || break
        sleep 0.5
    done
    for pid in "${STACK_PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
    if [[ "${KEEP:-0}" != 1 ]]; then rm -rf "$STACK_DIR"; fi
}
trap stop_stack EXIT

for port in $PORTAL_PORT $BRIDGE_PORT $MOCK_PORT; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "port $port is in use: free it or set PORTAL_PORT / BRIDGE_PORT / MOCK_PORT" >&2
        exit 1
    fi
done

if [[ ! -f portal/target/portal.jar || ! -f auth-bridge/target/auth-bridge.jar \
      || ! -f mock-yuexinqian/target/mock-yuexinqian.jar || ! -f signing/target/signing.jar ]]; then
    log "building the jars (./mvnw -B -q -DskipTests package -pl mock-yuexinqian,auth-bridge,portal,signing -am)"
    ./mvnw -B -q -DskipTests package -pl mock-yuexinqian,auth-bridge,portal,signing -am
fi

mkdir -p "$STACK_DIR/logs"
start_app() { # name port args...
    local name=$1 port=$2
    shift 2
    java -Xms"$APP_HEAP" -Xmx"$APP_HEAP" -jar "$name/target/$name.jar" --server.port="$port" "$@" \
        >"$STACK_DIR/logs/$name.log" 2>&1 &
    STACK_PIDS+=($!)
    eval "${name//-/_}_PID=$!"
}
# Each app told where the others are (the addresses ./run's defaults would give them otherwise).
start_app mock-yuexinqian "$MOCK_PORT" --mock.yuexinqian.public-base-url="$MOCK" \
    --mock.yuexinqian.data-dir="$STACK_DIR/mock-yuexinqian" \
    --mock.yuexinqian.apps[0].app-id=jieyang-hrss --mock.yuexinqian.apps[0].display-name=揭阳智慧人社 \
    --mock.yuexinqian.apps[0].callback-url="$BRIDGE/callbacks/yuexinqian" \
    --mock.yuexinqian.apps[0].redirect-uris[0]="$BRIDGE/login/yuexinqian/return"
CLIENT=--spring.security.oauth2.authorizationserver.client.portal.
start_app auth-bridge "$BRIDGE_PORT" --spring.profiles.active=dev \
    --embedded-postgres.data-dir="$STACK_DIR/auth-bridge/postgres" --bridge.session.issuer="$BRIDGE" \
    --bridge.yuexinqian.base-url="$MOCK" "${CLIENT}registration.redirect-uris[0]=$PORTAL/login/oauth2/code/auth-bridge" \
    "${CLIENT}registration.post-logout-redirect-uris[0]=$PORTAL/" "${CLIENT}jwk-set-uri=$PORTAL/oauth2/jwks"
start_app portal "$PORTAL_PORT" --spring.profiles.active=dev --embedded-postgres.data-dir="$STACK_DIR/portal/postgres" \
    --portal.storage.dir="$STACK_DIR/portal/files" --portal.seal.dir="$STACK_DIR/portal/seal" \
    --portal.bridge.base-url="$BRIDGE"
PORTAL_PID=$portal_PID
log "started mock (pid $mock_yuexinqian_PID), bridge (pid $auth_bridge_PID), portal (pid $PORTAL_PID), heap $APP_HEAP each; logs in ${STACK_DIR#"$ROOT"/}/logs"
deadline=$((SECONDS + ${START_TIMEOUT:-240}))
for port in $MOCK_PORT $BRIDGE_PORT $PORTAL_PORT; do
    until curl -fsS --max-time 2 "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
        if ((SECONDS >= deadline)); then
            echo "the app on port $port did not come up; see ${STACK_DIR}/logs" >&2
            exit 1
        fi
        sleep 1
    done
done
log "stack is up"

machine_line() {
    echo "Date: $(date -u +%Y-%m-%dT%H:%M:%SZ); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), nproc=$(nproc); java: $(java -version 2>&1 | head -1)"
    echo "Load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine adds noise)"
}
