#!/usr/bin/env bash
# Executes a notebook headlessly in the same kernel VS Code uses (dotnet-repl) and renders it to ONE self-contained
# HTML file that opens offline: plotly.js inline once, thumbnails as data: URLs, no CDN script or stylesheet.
#
# usage: scripts/render-notebook.sh notebooks/02-analyze.ipynb -o report.html [--pack] [--no-code]
#   --pack     rebuild the notebook feed first (scripts/pack-notebook-feed.sh); done anyway when the feed is empty
#   --no-code  leave the code cells out of the report
# The executed notebook is kept as notebooks/out/<name>.ipynb. Exit code 2 when a cell failed (the report is still
# written, showing the error), 1 on other errors.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

notebook="" output="" pack=0 nbconvert_flags=()
while [ $# -gt 0 ]; do
  case "$1" in
    -o|--output) output="$2"; shift 2 ;;
    --pack) pack=1; shift ;;
    --no-code) nbconvert_flags+=(--no-input); shift ;;
    -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 1 ;;
    *) notebook="$1"; shift ;;
  esac
done
[ -n "$notebook" ] && [ -n "$output" ] || { echo "usage: $0 <notebook.ipynb> -o <report.html> [--pack] [--no-code]" >&2; exit 1; }
[ -f "$notebook" ] || { echo "no notebook at $notebook" >&2; exit 1; }
command -v jupyter-nbconvert >/dev/null || { echo "jupyter-nbconvert is missing: scripts/install-system-deps.sh test" >&2; exit 1; }

notebook="$(realpath "$notebook")"
mkdir -p "$(dirname "$output")"
output="$(realpath "$output")"
folder="$(dirname "$notebook")" name="$(basename "$notebook" .ipynb)"

if [ "$pack" = 1 ] || ! ls "$root"/.feed/FaceGuard.Analysis.*.nupkg >/dev/null 2>&1; then
  echo "Packing the notebook feed…" >&2
  "$root/scripts/pack-notebook-feed.sh" >&2
fi
(cd "$root" && dotnet tool restore >/dev/null)

# dotnet-repl resolves nuget.config and the notebook's relative paths from the current folder, and crashes when the
# output folder does not exist.
mkdir -p "$folder/out"
executed="$folder/out/$name.ipynb"
rc=0
(cd "$folder" && dotnet tool run dotnet-repl --run "$notebook" --exit-after-run --output-path "$executed") >&2 || rc=$?

jupyter-nbconvert --to html --template-file "$root/notebooks/nbconvert/offline.html.j2" "${nbconvert_flags[@]}" \
  --output-dir "$(dirname "$output")" --output "$(basename "$output" .html)" "$executed" 2>/dev/null \
  || { echo "nbconvert could not render $executed" >&2; exit 1; }

if [ "$rc" != 0 ]; then
  echo "$name: a cell failed (dotnet-repl exit code $rc); the report shows the error: $output" >&2
  exit 2
fi
echo "$output"
