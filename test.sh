#!/usr/bin/env bash
# Runs every test. The parity tests need MediaPipe's original TFLite files: fetched once with npm and cached.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$root/tools/fetch-mediapipe-package.sh" >/dev/null
dotnet test "$root/ValgusVision.sln" -c Release --nologo "$@"
