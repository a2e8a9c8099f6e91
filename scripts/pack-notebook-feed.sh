#!/usr/bin/env bash
# Packs FaceGuard.Engine and FaceGuard.Analysis (with its notebook extension) into the repo-local feed .feed/ that
# notebooks/nuget.config points at, and prints the version.
#
# Every pack gets a new version, 0.1.0-dev.<UTC yyyyMMddHHmmss>: NuGet's package cache and the notebook kernel's
# resolution cache never re-read a version they already hold, so re-packing one version would silently keep the old
# build. Notebooks ask for "0.1.0-dev.*", the newest in the feed, and show the version they loaded.
#
# The build goes to .feed/build (not the projects' bin/obj), so packing never disturbs a normal build or a test run.
# usage: scripts/pack-notebook-feed.sh            (then restart the notebook's kernel)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

feed=.feed
keep=5   # older builds are deleted from the feed (not from ~/.nuget/packages)
mkdir -p "$feed"

version="0.1.0-dev.$(date -u +%Y%m%d%H%M%S)"
while [ -e "$feed/FaceGuard.Analysis.$version.nupkg" ]; do sleep 1; version="0.1.0-dev.$(date -u +%Y%m%d%H%M%S)"; done

for project in src/FaceGuard.Engine/FaceGuard.Engine.csproj src/FaceGuard.Analysis/FaceGuard.Analysis.csproj; do
  dotnet pack "$project" -c Release -o "$feed" --artifacts-path "$feed/build" -p:Version="$version" \
    --nologo -v q -clp:ErrorsOnly >&2
done

for id in FaceGuard.Engine FaceGuard.Analysis; do
  ls -1 "$feed/$id".0.*.nupkg | sort -r | tail -n +$((keep + 1)) | xargs -r rm -f
done

echo "$version"
