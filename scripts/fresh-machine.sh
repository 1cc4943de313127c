#!/usr/bin/env bash
# Proves the README's quick start on a machine that has nothing but Node: builds a minimal
# Debian root with mmdebstrap, copies this machine's Node (and npm) into it, clones this
# repository there and runs the README's setup command and test command in a chroot, as root.
# Before that, it runs the setup command as an unprivileged user, which must stop with one
# line naming what is missing.
#
#   sudo bash scripts/fresh-machine.sh [--suite bookworm] [--repo <git url or path>] [--ref <ref>] [--keep]
#
# Needs root and mmdebstrap (`apt-get install -y mmdebstrap`). Prints each command with its exit
# code and wall time. Not part of CI: it downloads a Debian system and takes tens of minutes.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
suite=bookworm
repo="$here"
ref=HEAD
keep=false
while [ $# -gt 0 ]; do
  case "$1" in
    --suite) suite="$2"; shift 2 ;;
    --repo) repo="$2"; shift 2 ;;
    --ref) ref="$2"; shift 2 ;;
    --keep) keep=true; shift ;;
    *) echo "usage: $0 [--suite bookworm] [--repo <git url or path>] [--ref <ref>] [--keep]" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" -eq 0 ] || { echo "fresh-machine: needs root (mmdebstrap and chroot)" >&2; exit 1; }
command -v mmdebstrap >/dev/null 2>&1 || { echo "fresh-machine: needs mmdebstrap: apt-get install -y mmdebstrap" >&2; exit 1; }

# The README's two commands: the first two ```sh blocks under "## Quick start".
mapfile -t commands < <(awk '
  /^## / { in_section = ($0 == "## Quick start") }
  in_section && /^```sh$/ { in_block = 1; next }
  in_block && /^```$/ { in_block = 0; next }
  in_block { print }
' "$here/README.md" | head -n 2)
[ ${#commands[@]} -eq 2 ] || { echo "fresh-machine: README.md's Quick start has no two sh blocks" >&2; exit 1; }

root="$(mktemp -d /tmp/fresh-machine.XXXXXX)"
mounted=()
cleanup() {
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done
  if [ "$keep" = true ]; then echo "fresh-machine: kept $root"; else rm -rf "$root"; fi
}
trap cleanup EXIT

elapsed() { echo "$(($(date +%s) - $1)) s"; }
step() { # step <label> <command...>: runs it, prints exit code and time
  local label="$1" started status
  shift
  echo "== $label"
  started=$(date +%s)
  set +e
  "$@"
  status=$?
  set -e
  echo "-- $label: exit $status in $(elapsed "$started")"
  return $status
}

# Debian's own sources as this machine has them; `minbase` is the smallest system apt runs on.
sources=/etc/apt/sources.list.d/debian.sources
[ -f "$sources" ] || sources=/etc/apt/sources.list
step "mmdebstrap --variant=minbase $suite" \
  mmdebstrap --quiet --variant=minbase "$suite" "$root" "$sources"

node_bin="$(readlink -f "$(command -v node)")"
node_modules="$(cd "$(dirname "$(readlink -f "$(command -v npm)")")/../.." && pwd)"
echo "== copy Node $(node --version) ($node_bin) and npm $(npm --version) into /usr/local"
install -D -m 755 "$node_bin" "$root/usr/local/bin/node"
mkdir -p "$root/usr/local/lib/node_modules"
cp -a "$node_modules/npm" "$root/usr/local/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# CA certificates this machine's admin added (e.g. for a TLS-inspecting egress proxy) belong to the
# network, not to this machine: the fresh root gets them too. The system store picks them up once
# ca-certificates is installed; Node reads them from NODE_EXTRA_CA_CERTS.
extra_ca=()
mkdir -p "$root/etc/ssl"
for crt in /usr/local/share/ca-certificates/*.crt; do
  [ -f "$crt" ] || continue
  install -D -m 644 "$crt" "$root/usr/local/share/ca-certificates/$(basename "$crt")"
  cat "$crt" >> "$root/etc/ssl/local-ca.pem"
  extra_ca=(NODE_EXTRA_CA_CERTS=/etc/ssl/local-ca.pem)
done
[ ${#extra_ca[@]} -eq 0 ] || echo "== carried over the network's CA certificates: $(cd /usr/local/share/ca-certificates && echo *.crt)"

for fs in proc sys dev dev/pts; do
  mount --rbind "/$fs" "$root/$fs" && mounted+=("$root/$fs")
done
mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm" && mounted+=("$root/dev/shm")
mount -t tmpfs -o mode=1777 tmpfs "$root/tmp" && mounted+=("$root/tmp")

echo "== git clone $repo ($ref) to /root/clicksend-kit"
git clone -q "$repo" "$root/root/clicksend-kit"
git -C "$root/root/clicksend-kit" checkout -q "$(git -C "$repo" rev-parse "$ref")"
chroot "$root" useradd --create-home --shell /bin/bash newcomer
cp -a "$root/root/clicksend-kit" "$root/home/newcomer/clicksend-kit"
chroot "$root" chown -R newcomer: /home/newcomer/clicksend-kit

in_root() { # in_root <user> <dir> <command line>: a login-like shell with a clean environment
  chroot "$root" /usr/bin/env -i HOME="$([ "$1" = root ] && echo /root || echo "/home/$1")" \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 TERM=dumb "${extra_ca[@]}" \
    /usr/bin/setpriv --reuid="$1" --regid="$1" --init-groups /bin/bash -c "cd '$2' && $3"
}

echo "== the system has: $(in_root root / 'node --version; command -v pnpm go chromium python3 git || true' | tr '\n' ' ')"

# Without root: the setup command must stop at once with one line naming what is missing.
echo "== as an unprivileged user without sudo rights: ${commands[0]}"
set +e
output="$(in_root newcomer /home/newcomer/clicksend-kit "${commands[0]}" 2>&1)"
status=$?
set -e
printf '%s\n' "$output" | sed 's/^/   | /'
lines=$(printf '%s\n' "$output" | grep -c .)
echo "-- without root: exit $status, $lines line(s)"
if [ "$status" -eq 0 ] || [ "$lines" -ne 1 ]; then
  echo "fresh-machine: FAILED: without root the setup command should stop with one line" >&2
  exit 1
fi

failed=0
for cmd in "${commands[@]}"; do
  step "$cmd" in_root root /root/clicksend-kit "$cmd" || { failed=1; break; }
done
echo "== the system now has: $(in_root root / 'node --version; pnpm --version; go version; /usr/bin/chromium --version 2>/dev/null; python3 --version; git --version' 2>&1 | tr '\n' ' ')"
if [ "$failed" -ne 0 ]; then echo "fresh-machine: FAILED"; exit 1; fi
echo "fresh-machine: OK (README quick start passes on a fresh Debian $suite with Node $(node --version))"
