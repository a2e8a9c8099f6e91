#!/usr/bin/env bash
# Runs the reliability tests — soak, overload, concurrency, graceful shutdown, bad-input corpus, fuzzing — against the
# real service on loopback, then prints their figures (artifacts/reliability.md, written by the tests themselves).
#
#   scripts/reliability.sh                                   # what CI runs: about 4 minutes on 2 cores
#   FACEGUARD_SOAK_REQUESTS=50000 scripts/reliability.sh     # a longer soak
#   FACEGUARD_FUZZ_ITERATIONS=50000 FACEGUARD_FUZZ_SEED=7 scripts/reliability.sh   # a longer fuzz run, another seed
#   scripts/reliability.sh --filter "FullyQualifiedName~Fuzz"   # extra arguments go to dotnet test
#
# Run logs go to artifacts/reliability/ (soak.csv for notebooks and `faceguard report`; fuzz/ holds any failing input).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

project=tests/FaceGuard.Reliability.Tests
rm -f artifacts/reliability.md artifacts/reliability.json
rm -rf artifacts/reliability/fuzz

dotnet build "$project" -c Release --nologo -clp:ErrorsOnly
status=0
dotnet test "$project" -c Release --no-build --nologo --logger "console;verbosity=normal" "$@" || status=$?

echo
if [ -f artifacts/reliability.md ]; then
  cat artifacts/reliability.md
else
  echo "No figures were written (artifacts/reliability.md is missing): see the test output above." >&2
fi
exit "$status"
