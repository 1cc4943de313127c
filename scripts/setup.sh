#!/usr/bin/env bash
# One-time setup of a clone: pnpm, the workspace's npm packages, and the tools the tests need
# that npm does not bring. Safe to run again: whatever is already present is left alone.
#
#   Chromium at /usr/bin/chromium   the docs page is tested in a real browser (Debian's `chromium`)
#   Go 1.26 or newer                builds oasdiff, the spec diff engine, and the Go client check
#   Python 3 with venv              the Python client check (`pnpm polyglot`)
#   git, ca-certificates            the spec diff reads the last release from git; Go downloads over TLS
#
# Installing them needs root (or sudo) and apt (Debian/Ubuntu). Without either, the script stops
# with one line naming what is missing and the command that installs it.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=10.34.9
GO_VERSION=1.26.8 # when Go is missing or older than GO_MIN
GO_MIN=1.26
GO_ROOT=/usr/local/go

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: %s\n' "$*" >&2; exit 1; }

# -- Node: the only thing setup does not install -------------------------------------------------
command -v node >/dev/null 2>&1 || die "needs Node.js 20.19+, 22 or 24 on PATH (https://nodejs.org/en/download)"
node -e '
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`setup: needs Node.js 20.19+, 22 or 24; this is ${process.version}`);
    process.exit(1);
  }' || exit 1

# -- system tools ------------------------------------------------------------------------------
version_at_least() { # version_at_least 1.26.8 1.26
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}
go_version() { go env GOVERSION 2>/dev/null | sed 's/^go//'; }
have_go() { command -v go >/dev/null 2>&1 && version_at_least "$(go_version)" "$GO_MIN"; }
have_chromium() { [ -x /usr/bin/chromium ]; }
have_python_venv() { command -v python3 >/dev/null 2>&1 && python3 -c 'import ensurepip, venv' 2>/dev/null; }
have_git() { command -v git >/dev/null 2>&1; }

missing=()
packages=()
have_chromium || { missing+=("Chromium (/usr/bin/chromium)"); packages+=(chromium); }
have_python_venv || { missing+=("Python 3 with venv"); packages+=(python3 python3-venv); }
have_git || { missing+=("git"); packages+=(git); }
# Debian's and Ubuntu's golang-go are older than 1.26; they only serve to fetch the Go
# toolchain, which the Go module proxy publishes as the module golang.org/toolchain.
if ! have_go; then
  missing+=("Go $GO_MIN+ ($(command -v go >/dev/null 2>&1 && echo "found $(go_version)" || echo "not found"))")
  packages+=(ca-certificates)
  command -v go >/dev/null 2>&1 || packages+=(golang-go)
fi

as_root=()
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && { sudo -n true 2>/dev/null || [ -t 0 ]; }; then
      as_root=(sudo)
    else
      die "missing $(IFS=,; echo "${missing[*]}" | sed 's/,/, /g') and no root or sudo to install them: run \`bash scripts/setup.sh\` as root (it uses apt-get)"
    fi
  fi
  command -v apt-get >/dev/null 2>&1 || die "missing $(IFS=,; echo "${missing[*]}" | sed 's/,/, /g'); this script installs them with apt-get, which this system does not have: install them, then run it again"
  say "installing with apt-get: ${packages[*]}"
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

if ! have_go; then
  case "$(uname -m)" in
    x86_64) arch=amd64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) die "no Go $GO_MIN+ on PATH and no toolchain for $(uname -m) here: install Go $GO_MIN+ from https://go.dev/dl/" ;;
  esac
  module="golang.org/toolchain@v0.0.1-go$GO_VERSION.linux-$arch"
  say "installing Go $GO_VERSION into $GO_ROOT (the module $module)"
  scratch=$(mktemp -d)
  trap 'chmod -R u+w "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT
  # The old go only downloads; GOTOOLCHAIN=local keeps a newer one from switching by itself.
  json=$(cd "$scratch" && GOPATH="$scratch/gopath" GOFLAGS=-modcacherw GOTOOLCHAIN=local go mod download -json "$module") || true
  field() { printf '%s\n' "$json" | sed -n "s/^[[:space:]]*\"$1\": \"\(.*\)\",\{0,1\}\$/\1/p"; }
  [ -z "$(field Error)" ] || die "could not download Go $GO_VERSION: $(field Error)"
  dir=$(field Dir)
  [ -f "$dir/bin/go" ] || die "downloading $module gave no bin/go (looked in '$dir')"
  "${as_root[@]}" rm -rf "$GO_ROOT.new"
  "${as_root[@]}" cp -r "$dir" "$GO_ROOT.new"
  # Module zips keep no file modes: make the toolchain's programs executable again.
  "${as_root[@]}" chmod -R a+rX,u+w "$GO_ROOT.new"
  "${as_root[@]}" find "$GO_ROOT.new/bin" "$GO_ROOT.new/pkg/tool" -type f -exec chmod a+x {} +
  "${as_root[@]}" rm -rf "$GO_ROOT"
  "${as_root[@]}" mv "$GO_ROOT.new" "$GO_ROOT"
  for tool in go gofmt; do "${as_root[@]}" ln -sf "$GO_ROOT/bin/$tool" "/usr/local/bin/$tool"; done
  hash -r
  have_go || die "installed Go $GO_VERSION in $GO_ROOT but \`go\` on PATH is $(command -v go) ($(go_version)): put /usr/local/bin first in PATH"
fi
say "Chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'), Go $(go_version), $(python3 --version), $(git --version)"

# -- pnpm and the workspace ----------------------------------------------------------------------
if [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  say "installing pnpm $PNPM_VERSION"
  prefix=$(npm prefix -g)
  if [ -w "$prefix/lib" ] || [ -w "$prefix" ]; then
    npm install -g --no-fund --no-audit --loglevel=error "pnpm@$PNPM_VERSION"
  elif [ ${#as_root[@]} -gt 0 ] || { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; }; then
    sudo npm install -g --no-fund --no-audit --loglevel=error "pnpm@$PNPM_VERSION"
  else
    die "missing pnpm $PNPM_VERSION and $prefix is not writable: run \`npm install -g pnpm@$PNPM_VERSION\` as root, or with an npm prefix you own"
  fi
  hash -r
fi

say "pnpm install --frozen-lockfile"
pnpm install --frozen-lockfile
say "done: next, \`pnpm build\` and \`pnpm test\`"
