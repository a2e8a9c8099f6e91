#!/usr/bin/env bash
# Executes a notebook headlessly and renders it to ONE self-contained HTML file that opens offline: plotly.js inline
# once, thumbnails as data: URLs, no CDN script or stylesheet.
#
# usage: scripts/render-notebook.sh notebooks/02-analyze.ipynb -o report.html [options]
#   --log PATH          02-analyze: the request log to analyse (sets FACEGUARD_LOG)
#   --baseline PATH     03-compare: the run before the change (sets FACEGUARD_BASELINE)
#   --current PATH      03-compare: the run after it (sets FACEGUARD_CURRENT)
#   --set NAME=VALUE    any other setting the notebook's Settings cell reads, e.g. --set FACEGUARD_REQUESTS=100
#   --jupyter           execute in the Jupyter kernel (scripts/install-jupyter-kernel.sh) instead of dotnet-repl
#   --pack              rebuild the notebook feed first (scripts/pack-notebook-feed.sh); done anyway when it is empty
#   --no-code           leave the code cells out of the report
# Settings are passed as environment variables; the notebook itself is not changed. A setting the notebook does not
# read is refused. The executed notebook is kept as notebooks/out/<name>.ipynb. Exit code 2 when a cell failed (the
# report is still written, showing the error), 1 on other errors.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
usage() { sed -n '5,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; }
fail() { echo "render-notebook.sh: $*" >&2; exit 1; }

notebook="" output="" pack=0 jupyter=0 nbconvert_flags=() settings=()
absolute() { [ -e "$1" ] || fail "no file at $1"; realpath "$1"; }
while [ $# -gt 0 ]; do
  case "$1" in
    -o|--output) [ $# -ge 2 ] || fail "$1 needs a value"; output="$2"; shift 2 ;;
    --log) [ $# -ge 2 ] || fail "$1 needs a path"; settings+=("FACEGUARD_LOG=$(absolute "$2")"); shift 2 ;;
    --baseline) [ $# -ge 2 ] || fail "$1 needs a path"; settings+=("FACEGUARD_BASELINE=$(absolute "$2")"); shift 2 ;;
    --current) [ $# -ge 2 ] || fail "$1 needs a path"; settings+=("FACEGUARD_CURRENT=$(absolute "$2")"); shift 2 ;;
    --set)
      [ $# -ge 2 ] && [[ "$2" == FACEGUARD_*=* ]] || fail "--set takes NAME=VALUE with a FACEGUARD_ name, e.g. --set FACEGUARD_REQUESTS=100"
      settings+=("$2"); shift 2 ;;
    --jupyter) jupyter=1; shift ;;
    --pack) pack=1; shift ;;
    --no-code) nbconvert_flags+=(--no-input); shift ;;
    -h|--help) usage; exit 0 ;;
    -*) usage; fail "unknown option $1" ;;
    *) [ -z "$notebook" ] || fail "one notebook at a time (got $notebook and $1)"; notebook="$1"; shift ;;
  esac
done
[ -n "$notebook" ] && [ -n "$output" ] || { usage; fail "give a notebook and -o <report.html>"; }
[ -f "$notebook" ] || fail "no notebook at $notebook"
[ -x /usr/bin/jupyter-nbconvert ] || fail "jupyter-nbconvert is missing: scripts/install-system-deps.sh jupyter"

notebook="$(realpath "$notebook")"
mkdir -p "$(dirname "$output")"
output="$(realpath "$output")"
folder="$(dirname "$notebook")" name="$(basename "$notebook" .ipynb)"

# A setting the notebook does not read would be silently ignored: refuse it, naming the ones it reads.
known="$(/usr/bin/python3 -c '
import json, re, sys
cells = json.load(open(sys.argv[1]))["cells"]
code = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
print(" ".join(sorted(set(re.findall(r"(?:Setting|Number)\(\"(FACEGUARD_[A-Z_]+)\"", code)))))' "$notebook")"
for setting in "${settings[@]}"; do
  variable="${setting%%=*}"
  [[ " $known " == *" $variable "* ]] || fail "$name.ipynb has no setting $variable; it reads: ${known:-none}"
done

if [ "$pack" = 1 ] || ! ls "$root"/.feed/FaceGuard.Analysis.*.nupkg >/dev/null 2>&1; then
  echo "Packing the notebook feed…" >&2
  "$root/scripts/pack-notebook-feed.sh" >&2
fi

# Both runners resolve nuget.config and the notebook's relative paths from the notebook's folder; dotnet-repl also
# crashes when the output folder does not exist.
mkdir -p "$folder/out"
executed="$folder/out/$name.ipynb"
rm -f "$executed"
rc=0
if [ "$jupyter" = 1 ]; then
  /usr/bin/jupyter kernelspec list 2>/dev/null | grep -qF ".net-csharp" || fail "no .net-csharp Jupyter kernel: scripts/install-jupyter-kernel.sh"
  (cd "$folder" && env "${settings[@]}" /usr/bin/jupyter nbconvert --to notebook --execute --allow-errors \
    --ExecutePreprocessor.kernel_name=.net-csharp --ExecutePreprocessor.timeout=600 \
    --output-dir "$folder/out" --output "$name" "$notebook") >&2 || rc=$?
  # --allow-errors keeps executing and saving after a failed cell; the failure is read from the saved outputs.
  if [ "$rc" = 0 ] && /usr/bin/python3 -c 'import json, sys; sys.exit(any(o.get("output_type") == "error" for c in json.load(open(sys.argv[1]))["cells"] for o in c.get("outputs", [])))' "$executed"; then :; else rc=2; fi
else
  (cd "$root" && dotnet tool restore >/dev/null)
  (cd "$folder" && env "${settings[@]}" dotnet tool run dotnet-repl --run "$notebook" --exit-after-run --output-path "$executed") >&2 || rc=$?
fi
[ -f "$executed" ] || fail "the notebook was not executed (exit code $rc)"

/usr/bin/jupyter-nbconvert --to html --template-file "$root/notebooks/nbconvert/offline.html.j2" "${nbconvert_flags[@]}" \
  --output-dir "$(dirname "$output")" --output "$(basename "$output" .html)" "$executed" 2>/dev/null \
  || fail "nbconvert could not render $executed"

if [ "$rc" != 0 ]; then
  echo "$name: a cell failed (exit code $rc); the report shows the error: $output" >&2
  exit 2
fi
echo "$output"
