#!/usr/bin/env bash
# Runs every test from a fresh clone: system packages, .NET tools, build, test. This is what CI runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/install-system-deps.sh test
dotnet tool restore
dotnet build FaceGuardAnalysis.sln -c Release --nologo -clp:ErrorsOnly
dotnet test FaceGuardAnalysis.sln -c Release --no-build --nologo --logger "console;verbosity=normal" -- RunConfiguration.TestSessionTimeout=3600000
