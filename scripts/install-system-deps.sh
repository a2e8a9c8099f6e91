#!/usr/bin/env bash
# Installs the Debian packages FaceGuard needs, once; a no-op when they are already there.
#   runtime: libgtk-3-0, which OpenCV's native runtime links against (no window is ever opened).
#   jupyter: jupyter-nbconvert (notebook → HTML, and executing notebooks in a Jupyter kernel), jupyter-client
#            (kernelspecs) and python3-nbclient (nbconvert --execute).
#   test:    runtime + jupyter + chromium (upload page and rendered notebooks, headless), prometheus (rule tests,
#            scrape test), python3-locust (bench --engine locust and its test), python3-pandas (the test that pandas
#            reads a Locust-driven log), wrk (the engines benchmark).
set -euo pipefail

runtime=(libgtk-3-0)
jupyter=(jupyter-nbconvert jupyter-client python3-nbclient)
test=(chromium prometheus python3-locust python3-pandas wrk "${jupyter[@]}")

case "${1:-runtime}" in
  runtime) wanted=("${runtime[@]}") ;;
  jupyter) wanted=("${jupyter[@]}") ;;
  test) wanted=("${runtime[@]}" "${test[@]}") ;;
  *) echo "usage: $0 [runtime|jupyter|test]" >&2; exit 2 ;;
esac

missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing Debian packages: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
$sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >&2
