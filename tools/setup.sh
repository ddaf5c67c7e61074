#!/usr/bin/env bash
# tools/setup.sh — installs, idempotently, every tool Dossier's build and tests need.
#
# Everything comes from the registries this project may reach (crates.io, npm,
# PyPI, Debian's packages); nothing downloads a prebuilt binary. Each step checks the
# pinned version first and skips what is already there, so a second run takes
# seconds. Where apt or root is missing it prints what to install and stops.
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen pin in Cargo.toml
NEED_BROWSER=${NEED_BROWSER:-1} # `make serve` and `make build` skip the browser

here=$(cd "$(dirname "$0")" && pwd)
say() { printf 'setup: %s\n' "$*"; }

command -v cargo >/dev/null || { say "cargo is missing: install Rust with rustup (https://rustup.rs) and re-run."; exit 1; }
command -v npm >/dev/null || { say "npm is missing: install Node.js 20+ and npm (Debian: apt-get install nodejs npm) and re-run."; exit 1; }
command -v python3 >/dev/null || { say "python3 is missing: apt-get install python3"; exit 1; }

# 1. The wasm target of the one Rust toolchain.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. Trunk, built from crates.io (its own tool downloads are switched off in Trunk.toml).
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "building trunk $TRUNK_VERSION from crates.io (about 15 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# 3. wasm-bindgen-cli, the exact version of the crate. Its lock file pins a
#    webpki-roots release the registry lacks, so on failure we build it from
#    its unpacked source with that one dependency moved back.
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "building wasm-bindgen-cli $WASM_BINDGEN_VERSION from crates.io (about 4 minutes)"
  if ! cargo install --locked wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"; then
    src=$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/wasm-bindgen-cli-"$WASM_BINDGEN_VERSION" 2>/dev/null | head -n 1)
    [ -n "$src" ] || { say "wasm-bindgen-cli source not found after the failed install"; exit 1; }
    tmp=$(mktemp -d)
    cp -r "$src"/. "$tmp"
    (cd "$tmp" && cargo update -p webpki-roots --precise 1.0.10 && cargo install --locked --path .)
    rm -rf "$tmp"
  fi
fi

# 4. npm tools, pinned by tools/package-lock.json: binaryen (wasm-opt) and playwright-core.
if [ ! -x "$here/node_modules/.bin/wasm-opt" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  say "installing pinned npm tools (binaryen, playwright-core)"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

# 5. Debian's Chromium and ChromeDriver for the browser tests.
if [ "$NEED_BROWSER" = 1 ] && { ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; }; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null && command -v apt-get >/dev/null; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    say "the browser tests need Chromium and ChromeDriver at /usr/bin/chromium and /usr/bin/chromedriver."
    say "Install them as root, then re-run:  apt-get install chromium chromium-driver"
    exit 1
  fi
fi
# 5b. Debian's nginx: the static server (with byte ranges) the pack tests and benchmarks
#     serve packs from. nginx-light is enough; nothing is enabled as a service.
if [ "$NEED_BROWSER" = 1 ] && ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian's nginx-light"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null && command -v apt-get >/dev/null; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null
  else
    say "the pack tests need Debian's nginx at /usr/sbin/nginx. Install it as root, then re-run:  apt-get install nginx-light"
    exit 1
  fi
fi
# 6. Python packages for the tests (ReportLab writes the PDF fixtures), pinned by
#    tools/requirements.txt, in a virtual environment of their own.
if [ ! -x "$here/.venv/bin/python" ] || [ "$here/requirements.txt" -nt "$here/.venv/.installed" ]; then
  say "installing pinned Python packages for the tests in tools/.venv (ReportLab, Pillow)"
  python3 -m venv "$here/.venv" || { say "python3 cannot make a virtual environment: apt-get install python3-venv, then re-run"; exit 1; }
  "$here/.venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
  touch "$here/.venv/.installed"
fi
say "all tools present"
