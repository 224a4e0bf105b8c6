#!/usr/bin/env bash
# Runs a command inside a private network namespace: `lo` plus a veth pair whose both ends live in the namespace
# (10.231.0.1/24 and 10.231.0.2/24, default route via the first). Nothing inside can reach the machine's interfaces or
# the outside; Chromium's WebRTC, which ignores loopback for ICE, gets a host candidate on the veth. Needs root (or
# unprivileged user namespaces, tried second). Usage: scripts/sandbox.sh <command> [args…]
set -euo pipefail
if [[ $# -eq 0 ]]; then
  echo "usage: $0 <command> [args…]" >&2
  exit 2
fi
if [[ "${WEBTENSOR_SANDBOX:-}" == "1" ]]; then exec "$@"; fi

inner='
set -euo pipefail
ip link set lo up
ip link add wt0 type veth peer name wt1
ip addr add 10.231.0.1/24 dev wt0
ip addr add 10.231.0.2/24 dev wt1
ip link set wt0 up
ip link set wt1 up
ip route add default via 10.231.0.1 dev wt0
export WEBTENSOR_SANDBOX=1 WEBTENSOR_SANDBOX_ADDR=10.231.0.1
exec "$@"
'
if [[ "$(id -u)" == "0" ]]; then
  exec unshare --net -- bash -c "$inner" sandbox "$@"
fi
exec unshare --user --map-root-user --net -- bash -c "$inner" sandbox "$@"
