#!/usr/bin/env bash
# Registers .NET Interactive as the Jupyter kernel ".net-csharp", so that JupyterLab, VS Code's Jupyter extension and
# `jupyter nbconvert --execute` run the notebooks in notebooks/ without the Polyglot Notebooks extension (deprecated by
# Microsoft in March 2026, like .NET Interactive itself in April 2026; both keep working as installed).
#
#   installs   Debian's jupyter-nbconvert, jupyter-client and python3-nbclient (scripts/install-system-deps.sh jupyter)
#              and the kernel, Microsoft.dotnet-interactive, at the version pinned in .config/dotnet-tools.json
#   registers  the kernelspec .net-csharp in $JUPYTER_DATA_DIR/kernels (default ~/.local/share/jupyter/kernels); it
#              runs the pinned kernel by its full path, so it works from any folder
#
# usage: scripts/install-jupyter-kernel.sh
#   then: cd notebooks && jupyter nbconvert --to html --execute --ExecutePreprocessor.kernel_name=.net-csharp 02-analyze.ipynb
# Safe to run again: it replaces the kernelspec.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

"$root/scripts/install-system-deps.sh" jupyter
(cd "$root" && dotnet tool restore >/dev/null)

version="$(/usr/bin/python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["tools"]["microsoft.dotnet-interactive"]["version"])' \
  "$root/.config/dotnet-tools.json")"
packages="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
kernel="$(ls "${packages%/}"/microsoft.dotnet-interactive/"$version"/tools/net*/any/Microsoft.DotNet.Interactive.App.dll 2>/dev/null | sort | tail -1)"
[ -n "$kernel" ] || { echo "Microsoft.dotnet-interactive $version is not in $packages after 'dotnet tool restore'." >&2; exit 1; }

# The tool writes Microsoft's kernelspecs (C#, F#, PowerShell); the C# one is taken, pointed at the pinned kernel, and
# told to serve its HTTP API (used by notebook front ends' JavaScript) on loopback only: by default it listens on every
# network interface.
specs="$(mktemp -d)"
trap 'rm -rf "$specs"' EXIT
(cd "$root" && dotnet tool run dotnet-interactive jupyter install --path "$specs" >/dev/null)
/usr/bin/python3 - "$specs/.net-csharp/kernel.json" "$kernel" <<'PY'
import json, sys
path, kernel = sys.argv[1:]
spec = json.load(open(path))
argv = spec["argv"]
assert argv[:2] == ["dotnet", "interactive"], argv
spec["argv"] = ["dotnet", kernel] + argv[2:] + ["--http-local-only"]
json.dump(spec, open(path, "w"), indent=2)
PY
/usr/bin/jupyter kernelspec install --user --replace --name .net-csharp "$specs/.net-csharp" >/dev/null 2>&1
/usr/bin/jupyter kernelspec list 2>/dev/null | grep -F ".net-csharp"
