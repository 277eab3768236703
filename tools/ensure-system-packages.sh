#!/usr/bin/env bash
# Makes sure the Debian packages a command needs are installed, so that the README's two commands are all the set-up.
#   tools/ensure-system-packages.sh run    what `./valgus` needs (OpenCV's GTK 3, ffmpeg, a font for the reports)
#   tools/ensure-system-packages.sh test   what `./test.sh` needs on top (PDF/HTML rendering checks, parity tests)
# Missing packages are installed with apt-get — directly as root, through sudo otherwise (sudo may ask for a
# password in a terminal) — after saying which and why. Where that cannot be done it stops with one line that names
# the exact command to type. VALGUS_SKIP_SYSTEM_CHECK=1 skips the check (for machines set up another way).
set -uo pipefail
[ "${VALGUS_SKIP_SYSTEM_CHECK:-0}" = 1 ] && exit 0
purpose="${1:-run}"

# package | how we know it is there | why the tool needs it
checks_run=(
  "libgtk-3-0|lib:libgtk-3.so.0|OpenCV's native library links against GTK 3"
  "ffmpeg|cmd:ffmpeg|the overlay video is encoded as H.264 by ffmpeg"
  "fonts-dejavu-core|file:/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf|the reports' text"
)
checks_test=(
  "poppler-utils|cmd:pdftoppm|the tests render the PDF report to images"
  "chromium|cmd:chromium|the tests render the HTML report and drive the web app in a real browser"
  "xvfb|cmd:Xvfb|the live window tests run under a virtual display"
  "npm|cmd:npm|the parity tests fetch MediaPipe's original TFLite models once"
  "python3|cmd:python3|the sample generator's truth maths is tested in Python"
  "git|cmd:git|the tests check a fresh clone of the repository"
)

present() {
  local how="$1"
  case "$how" in
    cmd:*) command -v "${how#cmd:}" >/dev/null 2>&1 ;;
    file:*) [ -e "${how#file:}" ] ;;
    # Read the whole list before searching it: piped into `grep -q`, which stops at the first match, ldconfig died of
    # SIGPIPE now and then, and under pipefail a library that was there read as missing.
    lib:*) local libs
           libs="$(ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null)"
           grep -qF "${how#lib:}" <<<"$libs" ;;
  esac
}

wanted=("${checks_run[@]}")
[ "$purpose" = test ] && wanted+=("${checks_test[@]}")
missing=() reasons=()
for entry in "${wanted[@]}"; do
  IFS='|' read -r pkg how why <<<"$entry"
  if ! present "$how"; then
    missing+=("$pkg")
    reasons+=("$pkg: $why")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

command_line="sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "valgus: missing system packages (${missing[*]}); this is not a Debian system, install their equivalents" >&2
  exit 1
fi

if [ "$(id -u)" = 0 ]; then
  runner=()
elif command -v sudo >/dev/null 2>&1 && { sudo -n true 2>/dev/null || [ -t 0 ]; }; then
  runner=(sudo)
else
  echo "valgus: missing system packages; run: $command_line" >&2
  exit 1
fi

echo "valgus: installing the system packages this needs:" >&2
printf '  %s\n' "${reasons[@]}" >&2
if ! { "${runner[@]}" apt-get update -qq && "${runner[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"${TMPDIR:-/tmp}/valgus-apt.log" 2>&1; then
  echo "valgus: installing ${missing[*]} failed (log: ${TMPDIR:-/tmp}/valgus-apt.log); run: $command_line" >&2
  exit 1
fi
