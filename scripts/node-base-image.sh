#!/usr/bin/env bash
# Prints the name of an image that bot/Dockerfile can build on (its NODE_IMAGE argument).
#
# The Dockerfile's own base (node:<version>-trixie-slim) is used wherever it is present or can
# be pulled. Where no registry is reachable, the same thing is assembled locally from the
# sources this machine does reach: a Debian trixie root filesystem from debootstrap, the Node
# binary of the Dockerfile's exact version and npm 11 from the npm registry, and a `node` user
# with uid 1000 as in the official image. Needs root, debootstrap and a running engine; the
# result is cached as an image, so later runs take no time.
set -euo pipefail
cd "$(dirname "$0")/.."

official=$(sed -n 's/^ARG NODE_IMAGE=//p' bot/Dockerfile)
node_version=${official#node:}
node_version=${node_version%%-*}
local_image="roboshpee-local/node:${node_version}-trixie-debootstrap"

log() { echo "[node-base-image] $*" >&2; }

if docker image inspect "$official" >/dev/null 2>&1; then echo "$official"; exit 0; fi
if docker pull -q "$official" >/dev/null 2>&1; then echo "$official"; exit 0; fi
if docker image inspect "$local_image" >/dev/null 2>&1; then echo "$local_image"; exit 0; fi

log "$official cannot be pulled: assembling $local_image from Debian packages and npm"
if ! command -v debootstrap >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
# The Debian mirror apt already uses here (a proxy or a local mirror works the same way); on
# a host whose apt points elsewhere (Ubuntu), Debian's own.
mirror=$({ cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null || true; } \
  | awk '/^(URIs:|deb) +https?:\/\// && /debian/ && !/security/ { print $2; exit }')
debootstrap --variant=minbase trixie "$rootfs" "${mirror:-http://deb.debian.org/debian}" >"$work/debootstrap.log" 2>&1 \
  || { tail -n 20 "$work/debootstrap.log" >&2; exit 1; }
# minbase has no CA bundle; npm inside the build needs one to reach the registry.
chroot "$rootfs" /bin/sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ca-certificates >/dev/null && apt-get clean && rm -rf /var/lib/apt/lists/*'

# The Node binary of the Dockerfile's version for this machine, and npm 11, both from npm.
case "$(dpkg --print-architecture)" in
  amd64) node_arch=x64 ;;
  arm64) node_arch=arm64 ;;
  *) log "no Node binary package for $(dpkg --print-architecture) on npm"; exit 1 ;;
esac
(cd "$work" && npm pack -q "node-linux-${node_arch}@${node_version}" "npm@11" >/dev/null)
tar -xzf "$work"/node-linux-"${node_arch}"-*.tgz -C "$work"
install -m 0755 "$work/package/bin/node" "$rootfs/usr/local/bin/node"
mkdir -p "$rootfs/usr/local/lib/node_modules/npm"
tar -xzf "$work"/npm-1*.tgz -C "$rootfs/usr/local/lib/node_modules/npm" --strip-components=1
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
chroot "$rootfs" /usr/sbin/groupadd --gid 1000 node
chroot "$rootfs" /usr/sbin/useradd --uid 1000 --gid node --shell /bin/bash --create-home node

tar -C "$rootfs" -c . | docker import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'CMD ["node"]' - "$local_image" >/dev/null
log "built $local_image (node $(chroot "$rootfs" /usr/local/bin/node --version))"
echo "$local_image"
