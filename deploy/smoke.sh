#!/usr/bin/env bash
# The scale-out in one command, for an operator with a container engine (docker or podman, with compose):
# brings up SQL Server, Redis, two instances and nginx (deploy/compose.yaml), ingests a complaint through the proxy,
# reads it back through each instance directly (the wall's summary and the case), and tears everything down.
#   deploy/smoke.sh            (CONTAINER_ENGINE=podman deploy/smoke.sh)
set -euo pipefail
cd "$(dirname "$0")"
engine=${CONTAINER_ENGINE:-docker}
command -v "$engine" >/dev/null || { echo "smoke.sh needs $engine with compose (CONTAINER_ENGINE=podman to use podman)" >&2; exit 2; }

export SA_PASSWORD=${SA_PASSWORD:-"Tablero-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')-A1!"}
key="smoke-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
export TABLERO_INGEST_KEY_SHA256=$(printf %s "$key" | sha256sum | cut -d' ' -f1)
export TABLERO_DEMO_CATALOGUE=true
compose=("$engine" compose -p "tablero-smoke-$$" -f compose.yaml)
trap '"${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true' EXIT

echo "== building and starting (SQL Server, Redis, app1, app2, proxy); waiting until every one is healthy"
"${compose[@]}" up -d --build --wait --wait-timeout 600

# GET inside an instance's container (the instances have no host port; the image has bash but no curl).
inside() { # inside SERVICE PATH
  "${compose[@]}" exec -T "$1" bash -c "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET $2 HTTP/1.0\r\nX-Api-Key: $key\r\n\r\n' >&3 && cat <&3"
}

case_id="QJ-SMOKE-$(date +%s)"
unit=$(inside app1 /api/v1/units | grep -o '"code":"[^"]*"' | head -1 | cut -d'"' -f4)
[ -n "$unit" ] || { echo "FAIL: app1 lists no units" >&2; exit 1; }
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
event="{\"eventId\":\"$(cat /proc/sys/kernel/random/uuid)\",\"type\":\"CaseOpened\",\"caseId\":\"$case_id\",\"occurredAt\":\"$now\",\"data\":{\"unitCode\":\"$unit\",\"kind\":\"Complaint\",\"channel\":\"Module\",\"category\":\"mistreatment\",\"priority\":\"High\",\"complex\":true,\"summary\":\"Prueba de humo del despliegue.\",\"insuredId\":\"12345678903\"}}"

echo "== ingesting $case_id through the proxy"
answer=$(curl -sS -o /dev/stderr -w '%{http_code}' -H "X-Api-Key: $key" -H 'Content-Type: application/json' -d "$event" http://127.0.0.1:8080/api/v1/events 2>/dev/null || true)
[ "$answer" = 200 ] || { echo "FAIL: the proxy answered $answer to the event" >&2; exit 1; }

for app in app1 app2; do
  echo "== reading through $app"
  inside "$app" /health/ready | grep -q '"status":"Healthy"' || { echo "FAIL: $app is not ready" >&2; exit 1; }
  inside "$app" "/api/v1/cases/$case_id" | grep -q "\"caseId\":\"$case_id\"" || { echo "FAIL: $app does not find $case_id" >&2; exit 1; }
  inside "$app" "/api/v1/summary?unit=$unit" | grep -q '"open":[1-9]' || { echo "FAIL: $app's summary of $unit shows no open case" >&2; exit 1; }
done

echo "PASS: one event through the proxy, seen by both instances on one database"
