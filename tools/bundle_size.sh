#!/usr/bin/env bash
# tools/bundle_size.sh DIST — prints the raw and gzipped size of the built wasm and JS:
# the first-paint bundle (the app's module; its budget is checked) and, apart, the PDF
# reader module that workers fetch only when a PDF comes.
set -euo pipefail
dist=${1:-dist}
raw=0; gz=0
# The module's snippets (JavaScript inlined in the Rust source) are imported by its glue.
for f in "$dist"/*.wasm "$dist"/*.js "$dist"/snippets/*/*.js; do
  [ -f "$f" ] || continue
  r=$(wc -c <"$f"); g=$(gzip -9c "$f" | wc -c)
  case "$(basename "$f")" in
    dossier-pdf*)
      printf 'bundle: %-40s %8d bytes raw %8d bytes gzipped (on the first PDF only)\n' "$(basename "$f")" "$r" "$g"
      continue ;;
  esac
  printf 'bundle: %-40s %8d bytes raw %8d bytes gzipped\n' "$(basename "$f")" "$r" "$g"
  raw=$((raw + r)); gz=$((gz + g))
done
printf 'bundle: %-40s %8d bytes raw %8d bytes gzipped (budget 1572864)\n' "first paint wasm+js" "$raw" "$gz"
[ "$gz" -le 1572864 ] || { echo "bundle: over the 1.5 MB gzipped budget" >&2; exit 1; }
