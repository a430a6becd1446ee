#!/usr/bin/env bash
# Keycloak 26.7.3 for development and tests: fetched from Maven Central, started in dev mode on
# 127.0.0.1 with the `jieyang` realm imported. See keycloak/README.md.
#
#   keycloak/keycloak.sh start  [--port 8180] [--data DIR] [--fresh | --fresh-if-realm-changed] [--parent-pid PID]
#                               [--bridge-events URL]
#   keycloak/keycloak.sh stop   [--data DIR]
#   keycloak/keycloak.sh status [--data DIR]
#   keycloak/keycloak.sh fetch                 # download + unzip only (e.g. to warm a CI cache)
#   keycloak/keycloak.sh test-instance [--background] [--owner PID] [--skip-if=true|false ...]
#
# Without --data the instance is the unpacked distribution itself (target/keycloak/keycloak-26.7.3,
# its data/ holds the H2 database); pid, port and log files are in target/keycloak/.
# With --data DIR the instance lives in DIR: DIR/data is its own Keycloak data directory (H2
# database, realm import, transaction logs), DIR/keycloak.{log,pid,port} its state; the program
# itself (lib/, themes/, providers/, conf/) is shared with the unpacked distribution through
# symbolic links, so a new instance costs no unzip and no second Quarkus build.
#
# The realm JSON is copied to <instance>/data/import on every start and imported by
# --import-realm, but Keycloak SKIPS a realm that already exists in the database: --fresh deletes
# the instance's data/ first, so the realm (and the bootstrap admin) are created anew.
#
# test-instance is the test run's Keycloak (docs/adr/004-one-keycloak-per-build.md): ONE instance per
# Maven build, shared by the bridge's and the portal's test JVMs. Its owner is the nearest Maven process
# above the caller (else the caller itself, e.g. a test JVM started by an IDE); it lives in
# target/keycloak-it/build-<owner>/ on a free port, with a random admin password in admin-password, and
# is stopped when the owner ends. It forwards failed logins to http://127.0.0.1:<events-port>/internal/keycloak-events
# (a second free port, in events-port, with a random key in events-key): the one bridge test that listens
# there (audit.KeycloakEventsIT) sees Keycloak's own forwards. A running instance is reused; one being started is waited for; else a
# fresh one is started. The last line printed is KEYCLOAK_INSTANCE=<dir>. --background returns at once
# and starts it behind the build's back (the test-support module does so first thing), unless a
# --skip-if=true is given (-DskipTests, -DskipITs, -Dmaven.test.skip).
#
# Environment:
#   KEYCLOAK_ADMIN_PASSWORD   password of the bootstrap admin `admin` (default admin-dev); it only
#                             takes effect when the master realm is created (first start / --fresh)
#   KEYCLOAK_START_TIMEOUT    seconds to wait for the realm's discovery document (default 300)
#   JAVA_OPTS_KC_HEAP         heap options for Keycloak (kc.sh default: -Xms64m -Xmx512m)
#   KEYCLOAK_BRIDGE_EVENTS_KEY with --bridge-events URL: the key (32+ characters, the bridge's
#                             BRIDGE_KEYCLOAK_EVENTS_KEY) that signs each failed login or lockout the
#                             listener jieyang-bridge-audit forwards to URL (the bridge's
#                             /internal/keycloak-events). Passed in Keycloak's environment, never argv.
set -euo pipefail

KC_VERSION=26.7.3
KC_ARTIFACT="org.keycloak:keycloak-quarkus-dist:${KC_VERSION}:zip"
REALM=jieyang

SCRIPT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
KC_SRC="$(dirname "$SCRIPT")"                 # keycloak/ (realm JSON)
ROOT="$(dirname "$KC_SRC")"                   # repository root (mvnw)
KC_BASE="$ROOT/target/keycloak"               # git-ignored
KC_DIST="$KC_BASE/keycloak-$KC_VERSION"
REALM_FILE="$KC_SRC/realm/$REALM-realm.json"
# The project's own provider (captcha authenticator + login theme `jieyang`), module keycloak-captcha.
CAPTCHA_JAR="$ROOT/keycloak-captcha/target/keycloak-captcha.jar"

say()  { printf '[keycloak] %s\n' "$*"; }
fail() { printf '[keycloak] ERROR: %s\n' "$*" >&2; exit 1; }

usage() {
  sed -n '5,10p' "$SCRIPT" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# --- options ---------------------------------------------------------------------------------
CMD="${1:-}"; [[ -n "$CMD" ]] || usage; shift
PORT=""; DATA=""; FRESH=0; FRESH_IF_CHANGED=0; PARENT_PID=""; OWNER=""; BACKGROUND=0; SKIP=0; BRIDGE_EVENTS=""
while (($#)); do
  case "$1" in
    --port)       PORT="${2:?--port needs a value}"; shift 2 ;;
    --port=*)     PORT="${1#*=}"; shift ;;
    --data)       DATA="${2:?--data needs a directory}"; shift 2 ;;
    --data=*)     DATA="${1#*=}"; shift ;;
    --fresh)      FRESH=1; shift ;;
    --fresh-if-realm-changed) FRESH_IF_CHANGED=1; shift ;;
    --parent-pid) PARENT_PID="${2:?--parent-pid needs a pid}"; shift 2 ;;
    --parent-pid=*) PARENT_PID="${1#*=}"; shift ;;
    --owner)      OWNER="${2:?--owner needs a pid}"; shift 2 ;;
    --owner=*)    OWNER="${1#*=}"; shift ;;
    --background) BACKGROUND=1; shift ;;
    --bridge-events) BRIDGE_EVENTS="${2:?--bridge-events needs a URL}"; shift 2 ;;
    --bridge-events=*) BRIDGE_EVENTS="${1#*=}"; shift ;;
    --skip-if=*)  [[ "${1#*=}" == true ]] && SKIP=1; shift ;;
    -h|--help)    usage ;;
    *)            fail "unknown argument '$1' (try: $0 --help)" ;;
  esac
done
[[ -z "$PORT" || "$PORT" =~ ^[0-9]+$ ]] || fail "--port must be a number, not '$PORT'"
[[ -z "$PARENT_PID" || "$PARENT_PID" =~ ^[0-9]+$ ]] || fail "--parent-pid must be a number"
[[ -z "$OWNER" || "$OWNER" =~ ^[0-9]+$ ]] || fail "--owner must be a number"
[[ -z "$BRIDGE_EVENTS" || "$BRIDGE_EVENTS" =~ ^https?://[^/@[:space:]]+/[^[:space:]]*$ ]] \
  || fail "--bridge-events must be an http(s) URL such as http://127.0.0.1:9000/internal/keycloak-events"

use_instance() { # use_instance [DIR]: the instance the commands below act on
  if [[ -n "${1:-}" ]]; then
    mkdir -p "$1"
    INSTANCE="$(cd "$1" && pwd)"              # Keycloak's home for this instance
    STATE="$INSTANCE"
  else
    INSTANCE="$KC_DIST"
    STATE="$KC_BASE"
  fi
  PID_FILE="$STATE/keycloak.pid"
  PORT_FILE="$STATE/keycloak.port"
  LOG_FILE="$STATE/keycloak.log"
}
[[ "$CMD" == test-instance ]] || use_instance "$DATA"

# --- process bookkeeping -----------------------------------------------------------------------
# Keycloak runs in its own session (setsid), so the pid in the pid file is also its process
# group: stopping signals the group (kc.sh and the JVM it starts), nothing else.
running_pid() { # prints the pid of this instance's Keycloak, or fails
  [[ -f "$PID_FILE" ]] || return 1
  local pid; pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  # Guard against a recycled pid: the process must be this instance's kc.sh or Keycloak JVM.
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$INSTANCE/bin/" || return 1
  printf '%s' "$pid"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

discovery_url() { printf 'http://127.0.0.1:%s/realms/%s/.well-known/openid-configuration' "$1" "$REALM"; }

http_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" 2>/dev/null || true; }

show_log_tail() {
  printf '[keycloak] --- last 60 lines of %s ---\n' "$LOG_FILE" >&2
  tail -n 60 "$LOG_FILE" >&2 2>/dev/null || true
  printf '[keycloak] ---\n' >&2
}

# --- fetch + unzip -------------------------------------------------------------------------------
fetch() {
  [[ -x "$KC_DIST/bin/kc.sh" ]] && return 0
  mkdir -p "$KC_BASE"
  # One fetch at a time (two test JVMs, or a test JVM and a developer, may start together).
  exec 8>"$KC_BASE/.fetch.lock"
  command -v flock >/dev/null && flock 8
  if [[ ! -x "$KC_DIST/bin/kc.sh" ]]; then
    local download="$KC_BASE/download" started=$SECONDS
    local zip="$download/keycloak-quarkus-dist-$KC_VERSION.zip"
    if [[ ! -f "$zip" ]]; then
      say "fetching $KC_ARTIFACT (169 MiB, cached in ~/.m2 after the first time) ..."
      # -N: only the root pom, not every module; the artifact lands in ~/.m2 and is copied here.
      (cd "$ROOT" && ./mvnw -B -q -N dependency:copy -Dartifact="$KC_ARTIFACT" \
          -DoutputDirectory="$download" -Dmdep.overWriteReleases=true) \
        || fail "could not fetch $KC_ARTIFACT with Maven (see its output above)."
    fi
    say "unpacking to ${KC_DIST#"$ROOT"/} ..."
    local tmp="$KC_BASE/.unzip.$$"
    rm -rf "$tmp"; mkdir -p "$tmp"
    if command -v unzip >/dev/null; then
      unzip -q "$zip" -d "$tmp"
    else                                       # the JDK's jar tool: no unzip on the machine
      (cd "$tmp" && jar xf "$zip") && chmod +x "$tmp/keycloak-$KC_VERSION"/bin/*.sh
    fi
    [[ -x "$tmp/keycloak-$KC_VERSION/bin/kc.sh" ]] || fail "unexpected zip layout in $zip"
    mv "$tmp/keycloak-$KC_VERSION" "$KC_DIST"   # appears whole or not at all
    rm -rf "$tmp" "$download"                   # the zip stays in ~/.m2
    say "fetched and unpacked in $((SECONDS - started)) s."
  fi
  exec 8>&-
}

# The project's provider jar into the distribution's providers/ (shared by every instance through its
# symlink). Built with Maven when missing; in a reactor build the keycloak-captcha module is packaged
# before test-support starts Keycloak early. A changed jar makes the next start-dev rebuild Keycloak
# (Quarkus re-augments when providers change), so starts take turns again until that build succeeded.
install_providers() {
  exec 8>"$KC_BASE/.fetch.lock"
  command -v flock >/dev/null && flock 8
  if [[ ! -f "$CAPTCHA_JAR" ]]; then
    say "building ${CAPTCHA_JAR#"$ROOT"/} (./mvnw -B -q -pl keycloak-captcha package -DskipTests) ..."
    (cd "$ROOT" && ./mvnw -B -q -pl keycloak-captcha package -DskipTests) \
      || fail "could not build the keycloak-captcha provider (see the Maven output above)."
  fi
  local installed="$KC_DIST/providers/keycloak-captcha.jar"
  if ! cmp -s "$CAPTCHA_JAR" "$installed"; then
    cp "$CAPTCHA_JAR" "$installed.tmp.$$" && mv -f "$installed.tmp.$$" "$installed"
    rm -f "$KC_DIST/.dev-build-done"
    say "installed ${CAPTCHA_JAR#"$ROOT"/} into providers/ (Keycloak rebuilds itself on this start)"
  fi
  exec 8>&-
}

# An instance in its own directory: a real bin/ (kc.sh derives Keycloak's home from its own path
# and resolves symlinks), links to the shared program, a private data/.
prepare_instance() {
  [[ "$INSTANCE" == "$KC_DIST" ]] && return 0
  [[ -d "$INSTANCE/bin" ]] || cp -R "$KC_DIST/bin" "$INSTANCE/bin"
  local d
  for d in conf lib providers themes; do
    [[ -e "$INSTANCE/$d" ]] || ln -s "$KC_DIST/$d" "$INSTANCE/$d"
  done
}

# --- commands -----------------------------------------------------------------------------------
cmd_start() {
  command -v java >/dev/null || fail "java not found on PATH (Keycloak $KC_VERSION needs Java 17 or newer)."
  command -v curl >/dev/null || fail "curl not found on PATH (used to wait for Keycloak)."
  local pid running_port
  if pid="$(running_pid)"; then
    running_port="$(cat "$PORT_FILE" 2>/dev/null || echo '?')"
    if [[ -n "$PORT" && "$PORT" != "$running_port" ]]; then
      fail "Keycloak is already running (pid $pid) on port $running_port, not $PORT; '$0 stop${DATA:+ --data $DATA}' first."
    fi
    say "already running (pid $pid): http://127.0.0.1:$running_port (issuer http://127.0.0.1:$running_port/realms/$REALM)"
    return 0
  fi
  rm -f "$PID_FILE" "$PORT_FILE"
  PORT="${PORT:-8180}"
  if port_in_use "$PORT"; then
    fail "port $PORT on 127.0.0.1 is already in use (another Keycloak? '$0 status'); choose one with --port."
  fi

  local events_key="${KEYCLOAK_BRIDGE_EVENTS_KEY:-}"
  if [[ -n "$BRIDGE_EVENTS" && ${#events_key} -lt 32 ]]; then
    fail "--bridge-events needs KEYCLOAK_BRIDGE_EVENTS_KEY (32 or more characters) in the environment"
  fi
  fetch
  install_providers
  prepare_instance

  # The first start-dev of the distribution rebuilds it for dev mode into the shared lib/quarkus;
  # until one start has succeeded, starts take turns so that two builds never write there at once.
  local serialized=0
  if [[ ! -f "$KC_DIST/.dev-build-done" ]] && command -v flock >/dev/null; then
    exec 9>"$KC_BASE/.build.lock"
    if ! flock -n 9; then
      say "waiting for another start to finish Keycloak's one-off dev-mode build ..."
      flock 9
    fi
    serialized=1
  fi

  local data="$INSTANCE/data"
  if ((FRESH_IF_CHANGED)) && [[ -f "$data/.imported-realm.cksum" ]] \
      && [[ "$(cat "$data/.imported-realm.cksum")" != "$(cksum <"$REALM_FILE")" ]]; then
    say "${REALM_FILE#"$ROOT"/} changed since this instance imported it: re-importing it."
    FRESH=1
  fi
  if ((FRESH)); then
    say "--fresh: deleting ${data#"$ROOT"/} (H2 database, sessions, users created since the import)"
    rm -rf "$data"
  fi
  # Remember which realm file a new database imports, to notice later that the file has changed.
  local realm_sum imported_sum=""
  realm_sum="$(cksum <"$REALM_FILE")"
  if [[ ! -d "$data/h2" ]]; then
    mkdir -p "$data"
    printf '%s\n' "$realm_sum" >"$data/.imported-realm.cksum"
  elif [[ -f "$data/.imported-realm.cksum" ]]; then
    imported_sum="$(cat "$data/.imported-realm.cksum")"
    if [[ "$imported_sum" != "$realm_sum" ]]; then
      say "NOTE: ${REALM_FILE#"$ROOT"/} changed since this instance imported it; Keycloak does not"
      say "      re-import an existing realm. '$0 start --fresh' re-imports it (and drops later changes)."
    fi
  fi
  mkdir -p "$data/import"
  cp "$REALM_FILE" "$data/import/"

  local admin_password="${KEYCLOAK_ADMIN_PASSWORD:-admin-dev}"
  say "starting Keycloak $KC_VERSION on http://127.0.0.1:$PORT (log: ${LOG_FILE#"$ROOT"/}) ..."
  local started=$SECONDS
  : >"$LOG_FILE"
  (
    export KC_BOOTSTRAP_ADMIN_USERNAME=admin
    export KC_BOOTSTRAP_ADMIN_PASSWORD="$admin_password"
    if [[ -n "$BRIDGE_EVENTS" ]]; then
      # The listener's options, in the environment (a key in argv would be in every `ps`).
      export KC_SPI_EVENTS_LISTENER__JIEYANG_BRIDGE_AUDIT__URL="$BRIDGE_EVENTS"
      export KC_SPI_EVENTS_LISTENER__JIEYANG_BRIDGE_AUDIT__KEY="${KEYCLOAK_BRIDGE_EVENTS_KEY:-}"
    fi
    cd "$INSTANCE"
    exec setsid "$INSTANCE/bin/kc.sh" start-dev \
      --http-host=127.0.0.1 --http-port="$PORT" \
      --import-realm \
      --spi-brute-force-protector--default-brute-force-detector--allow-concurrent-requests=true
  ) >>"$LOG_FILE" 2>&1 </dev/null 7>&- 9>&- &
  pid=$!
  printf '%s\n' "$pid" >"$PID_FILE"
  printf '%s\n' "$PORT" >"$PORT_FILE"

  if [[ -n "$PARENT_PID" ]]; then
    # Stops Keycloak when the given process (a test JVM) ends, however it ends.
    setsid "$SCRIPT" _watch --parent-pid "$PARENT_PID" ${DATA:+--data "$INSTANCE"} \
      >/dev/null 2>&1 </dev/null 7>&- 9>&- &
  fi

  local timeout="${KEYCLOAK_START_TIMEOUT:-300}" url status
  url="$(discovery_url "$PORT")"
  while :; do
    status="$(http_status "$url")"
    [[ "$status" == 200 ]] && break
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE" "$PORT_FILE"
      printf '[keycloak] ERROR: Keycloak exited before %s answered 200.\n' "$url" >&2
      show_log_tail
      exit 1
    fi
    if ((SECONDS - started >= timeout)); then
      printf '[keycloak] ERROR: %s did not answer 200 within %s s (last status: %s); stopping it.\n' \
        "$url" "$timeout" "${status:-none}" >&2
      show_log_tail
      cmd_stop >/dev/null 2>&1 || true
      exit 1
    fi
    sleep 1
  done
  touch "$KC_DIST/.dev-build-done"
  if ((serialized)); then exec 9>&-; fi
  say "up in $((SECONDS - started)) s (pid $pid)."
  say "  realm $REALM issuer  http://127.0.0.1:$PORT/realms/$REALM"
  say "  admin console       http://127.0.0.1:$PORT/admin  (admin / \$KEYCLOAK_ADMIN_PASSWORD, default admin-dev)"
  say "  stop with           $0 stop${DATA:+ --data $DATA}"
}

cmd_stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE" "$PORT_FILE"
    say "not running${DATA:+ (instance $INSTANCE)}."
    return 0
  fi
  say "stopping Keycloak (pid $pid) ..."
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  local i
  for ((i = 0; i < 60; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "did not stop within 30 s; killing it."
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE" "$PORT_FILE"
  say "stopped."
}

cmd_status() {
  local pid port
  if pid="$(running_pid)"; then
    port="$(cat "$PORT_FILE" 2>/dev/null || echo '?')"
    local status; status="$(http_status "$(discovery_url "$port")")"
    if [[ "$status" == 200 ]]; then
      say "running (pid $pid) on http://127.0.0.1:$port; realm $REALM is served (issuer http://127.0.0.1:$port/realms/$REALM)."
    else
      say "running (pid $pid) on port $port, but the $REALM discovery document answers ${status:-nothing} (starting?)."
    fi
    return 0
  fi
  say "not running${DATA:+ (instance $INSTANCE)}."
  return 3
}

cmd_watch() { # internal: stop this instance once PARENT_PID is gone
  [[ -n "$PARENT_PID" ]] || fail "_watch needs --parent-pid"
  while kill -0 "$PARENT_PID" 2>/dev/null; do
    running_pid >/dev/null || exit 0        # stopped by someone else
    sleep 2
  done
  cmd_stop
}

# --- the test run's instance -------------------------------------------------------------------
IT_RUNS="$ROOT/target/keycloak-it"

maven_owner() { # the nearest Maven JVM (plexus-classworlds launcher) above this script, else its caller
  local pid="$PPID"
  while [[ "$pid" =~ ^[0-9]+$ ]] && ((pid > 1)); do
    if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'classworlds'; then
      printf '%s' "$pid"; return 0
    fi
    pid="$(awk '/^PPid:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)"
  done
  printf '%s' "$PPID"
}

prune_test_instances() { # instances of builds that have ended (a killed build's watcher may have died too)
  local dir owner
  for dir in "$IT_RUNS"/build-*/; do
    [[ -d "$dir" ]] || continue
    dir="${dir%/}"; owner="${dir##*/build-}"
    [[ "$owner" =~ ^[0-9]+$ ]] || continue
    kill -0 "$owner" 2>/dev/null && continue
    bash "$SCRIPT" stop --data "$dir" >/dev/null 2>&1 || true
    rm -rf "$dir" "$dir.lock" "$dir.start.log"
  done
}

test_instance_healthy() {
  running_pid >/dev/null && [[ -f "$STATE/admin-password" && -f "$STATE/events-port" ]] \
    && [[ "$(http_status "$(discovery_url "$(cat "$PORT_FILE" 2>/dev/null)")")" == 200 ]]
}

cmd_test_instance() {
  local owner="${OWNER:-$(maven_owner)}"
  local dir="$IT_RUNS/build-$owner"
  mkdir -p "$IT_RUNS"
  if ((BACKGROUND)); then
    if ((SKIP)); then
      say "no integration tests in this build: Keycloak is not started early."
      return 0
    fi
    setsid bash "$SCRIPT" test-instance --owner "$owner" </dev/null >"$dir.start.log" 2>&1 &
    say "starting this build's Keycloak in the background (log: ${dir#"$ROOT"/}.start.log)"
    return 0
  fi
  # One caller at a time decides; a caller that finds a start under way waits here until it is done.
  exec 7>"$dir.lock"
  if command -v flock >/dev/null && ! flock -n 7; then
    say "waiting for this build's Keycloak, which is being started ..."
    flock 7
  fi
  prune_test_instances
  DATA="$dir"
  use_instance "$DATA"
  if test_instance_healthy; then
    say "reusing this build's Keycloak on http://127.0.0.1:$(cat "$PORT_FILE") (owner pid $owner)"
    printf 'KEYCLOAK_INSTANCE=%s\n' "$INSTANCE"
    return 0
  fi
  # Never started, failed, or a recycled owner pid: a fresh database, realm and admin password.
  cmd_stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  use_instance "$dir"
  (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=\n' >"$STATE/admin-password")
  KEYCLOAK_ADMIN_PASSWORD="$(cat "$STATE/admin-password")"
  export KEYCLOAK_ADMIN_PASSWORD
  (umask 077 && head -c 33 /dev/urandom | base64 | tr -d '/+=\n' >"$STATE/events-key")
  KEYCLOAK_BRIDGE_EVENTS_KEY="$(cat "$STATE/events-key")"
  export KEYCLOAK_BRIDGE_EVENTS_KEY
  PARENT_PID="$owner"
  local attempt events_port
  for attempt in 1 2 3; do
    # Below the kernel's ephemeral range (32768+), where the tests' own free ports come from.
    PORT=$((20000 + RANDOM % 12000))
    port_in_use "$PORT" && continue
    events_port=$((20000 + RANDOM % 12000))
    { port_in_use "$events_port" || ((events_port == PORT)); } && continue
    printf '%s\n' "$events_port" >"$STATE/events-port"
    BRIDGE_EVENTS="http://127.0.0.1:$events_port/internal/keycloak-events"
    if (cmd_start); then
      printf 'KEYCLOAK_INSTANCE=%s\n' "$INSTANCE"
      return 0
    fi
    grep -qi 'in use' "$LOG_FILE" 2>/dev/null || break   # only a lost race for the port is retried
  done
  fail "could not start this build's Keycloak (log: $LOG_FILE)"
}

case "$CMD" in
  start)  cmd_start ;;
  stop)   cmd_stop ;;
  status) cmd_status ;;
  fetch)  fetch; install_providers; say "distribution ready in ${KC_DIST#"$ROOT"/}" ;;
  test-instance) cmd_test_instance ;;
  _watch) cmd_watch ;;
  -h|--help|help) usage ;;
  *) fail "unknown command '$CMD' (start | stop | status | fetch | test-instance)" ;;
esac
