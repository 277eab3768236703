#!/usr/bin/env bash
# Runs every test. The parity tests need MediaPipe's original TFLite files: fetched once with npm and cached.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$root/tools/ensure-system-packages.sh" test
"$root/tools/fetch-mediapipe-package.sh" >/dev/null
# The sample generator's truth maths (plain Python, no Blender needed).
if command -v python3 >/dev/null; then
  (cd "$root/samples/generator" && python3 -m unittest discover -q . 2>&1 | tail -n 1)
fi
dotnet test "$root/ValgusVision.sln" -c Release --nologo "$@"
