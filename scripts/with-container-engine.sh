#!/usr/bin/env bash
# Runs a command (by default the container suites) with a Docker engine reachable:
#   scripts/with-container-engine.sh [command ...]     # default: npm run test:integration
# - An engine that already answers (`docker info`) is used as it is.
# - Otherwise, as root on Debian or Ubuntu, Debian's docker.io is installed where dockerd is
#   missing and dockerd is started for this run, then stopped when the command ends.
# - ROBOSHPEE_NODE_IMAGE is set to a Node base image the bot's image can build on:
#   bot/Dockerfile's own where it can be pulled, else one scripts/node-base-image.sh
#   assembles from Debian packages and npm.
# - Where no registry answers, testcontainers' Ryuk (a helper image) is switched off; the
#   suites stop what they start themselves.
# - With an engine it started, the suites reach containers on 127.0.0.1.
# Without an engine it still runs the command, whose suites then say why they skip.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$#" -gt 0 ] || set -- npm run test:integration

log() { echo "[container-engine] $*" >&2; }
started_pid=""
stop_engine() {
  [ -n "$started_pid" ] || return 0
  log "stopping the dockerd this script started (pid $started_pid)"
  kill "$started_pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$started_pid" 2>/dev/null || return 0; sleep 1; done
  kill -9 "$started_pid" 2>/dev/null || true
}
trap stop_engine EXIT

engine_answers() { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }

start_engine() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    log "no engine answers, and starting one needs root and apt-get: the suites will skip"
    return 0
  fi
  if ! command -v dockerd >/dev/null 2>&1; then
    log "installing Debian's docker.io"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
  fi
  local logfile
  logfile=$(mktemp -t dockerd.XXXXXX.log)
  dockerd >"$logfile" 2>&1 &
  started_pid=$!
  for _ in $(seq 1 60); do
    if engine_answers; then
      log "dockerd started (pid $started_pid, log $logfile)"
      # This engine shares our network namespace: its published ports are on our loopback.
      # (Inside a container, testcontainers would otherwise pick the bridge's gateway.)
      export TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1
      return 0
    fi
    kill -0 "$started_pid" 2>/dev/null || break
    sleep 1
  done
  log "dockerd did not come up; its last lines:"; tail -n 20 "$logfile" >&2
  started_pid=""
}

engine_answers || start_engine

if engine_answers; then
  if [ -z "${ROBOSHPEE_NODE_IMAGE:-}" ]; then
    ROBOSHPEE_NODE_IMAGE=$(scripts/node-base-image.sh)
    export ROBOSHPEE_NODE_IMAGE
  fi
  log "Node base image for the bot's image: $ROBOSHPEE_NODE_IMAGE"
  official=$(sed -n 's/^ARG NODE_IMAGE=//p' bot/Dockerfile)
  if [ "$ROBOSHPEE_NODE_IMAGE" != "$official" ] && [ -z "${TESTCONTAINERS_RYUK_DISABLED:-}" ]; then
    log "no registry answers: testcontainers' Ryuk image cannot be had, so it is switched off"
    export TESTCONTAINERS_RYUK_DISABLED=true
  fi
fi

status=0
"$@" || status=$?
exit "$status"
