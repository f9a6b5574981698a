#!/usr/bin/env bash
# Compiles better-sqlite3 for Electron's ABI into its own file ($2), leaving
# node_modules' Node build for tests and web mode. Needs Electron's headers,
# so it only runs where Electron's runtime could be downloaded too.
set -euo pipefail
version="$1"; target="$2"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$root/node_modules/better-sqlite3/." "$work/"
rm -rf "$work/build"
(cd "$work" && npx --yes node-gyp rebuild --release --runtime=electron --target="$version" \
  --dist-url=https://electronjs.org/headers >/dev/null)
mkdir -p "$(dirname "$target")"
cp "$work/build/Release/better_sqlite3.node" "$target"
