#!/usr/bin/env bash
# Runs before Grafana's own entrypoint (compose.yaml: entrypoint) so that no Grafana of this
# stack, on loopback or opened to the LAN, has the well-known admin/admin login. Grafana sets
# the admin password only when it creates its database, from GF_SECURITY_ADMIN_PASSWORD:
# - GRAFANA_ADMIN_PASSWORD in .env: that one;
# - otherwise, on the first start, a random one, kept in the data volume beside the database
#   and read with `docker compose exec grafana cat /var/lib/grafana/admin-password`.
# The password itself is never printed: Grafana's log goes to Loki.
set -euo pipefail

file="$GF_PATHS_DATA/admin-password"
read_with="docker compose exec grafana cat $file"

if [[ -z "${GF_SECURITY_ADMIN_PASSWORD:-}" ]]; then
  unset GF_SECURITY_ADMIN_PASSWORD
  if [[ -s "$file" ]]; then
    GF_SECURITY_ADMIN_PASSWORD="$(<"$file")"
    export GF_SECURITY_ADMIN_PASSWORD
  elif [[ -e "$GF_PATHS_DATA/grafana.db" ]]; then
    echo "admin-password.sh: Grafana's database predates the generated admin password, so the admin login is still the one it was created with (admin/admin unless GRAFANA_ADMIN_PASSWORD was set then); change it with: docker compose exec grafana grafana cli admin reset-admin-password NEW" >&2
  else
    # 18 random bytes: 24 characters, URL-safe.
    (umask 077 && head -c 18 /dev/urandom | base64 | tr '+/' '-_' >"$file")
    GF_SECURITY_ADMIN_PASSWORD="$(<"$file")"
    export GF_SECURITY_ADMIN_PASSWORD
    echo "admin-password.sh: generated the password of Grafana's user admin; read it with: $read_with" >&2
  fi
fi

exec "$@"
