#!/usr/bin/env bash
# Issue 18 item 3: one 3840x2160 render of body B with a 15 mm lens (the person, 1.65 m, about 34 % of the
# frame's height), then exact zooms of it - centre crops scaled down with ffmpeg - at 640x360, 640x480, 1280x720
# and 1920x1080 with the person 34-90 % of the frame height (the pNN in each name), each with its truth transformed by the same crop and
# scale (vv_zoom.py). A crop is the same camera with a smaller sensor, so the clips differ only in resolution
# and framing. Writes to OUT_DIR (default out/samples-resolution, git-ignored); nothing here is committed.
# Usage: samples/generator/make_resolution_set.sh [OUT_DIR]   (the master render: ~30-60 min on 2 loaded cores)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../../out/samples-resolution}"
mkdir -p "$out"
master=res-master-bodyb
if [ ! -f "$out/$master.mp4" ]; then
  nice -n 10 blender -b --factory-startup --python "$here/make_sample.py" -- --name "$master" --out-dir "$out" \
    --work-dir "$out/work-$master" --samples 5 --crf 14 --stance left --valgus-deg 10 --body b --build female \
    --mass light --clothes leggings --skin medium --room closed --resolution 3840x2160 --lens-mm 15
fi
# name | crop width | crop height | output width | output height   (crops centred on the frame's centre)
variants=(
  "res-1920x1080-p34|3840|2160|1920|1080"
  "res-1280x720-p34|3840|2160|1280|720"
  "res-640x360-p34|3840|2160|640|360"
  "res-640x480-p34|2880|2160|640|480"
  "res-1920x1080-p51|2560|1440|1920|1080"
  "res-1280x720-p51|2560|1440|1280|720"
  "res-640x360-p51|2560|1440|640|360"
  "res-640x480-p51|1920|1440|640|480"
  "res-1920x1080-p68|1920|1080|1920|1080"
  "res-1280x720-p68|1920|1080|1280|720"
  "res-640x360-p68|1920|1080|640|360"
  "res-640x480-p68|1440|1080|640|480"
  "res-1280x720-p90|1440|810|1280|720"
  "res-640x360-p90|1440|810|640|360"
  "res-640x480-p90|1080|810|640|480"
)
# One decode of the master feeds every variant (split), each cropped, scaled and encoded on its own.
filter="[0:v]split=${#variants[@]}"
for i in "${!variants[@]}"; do filter+="[s$i]"; done
outputs=()
for i in "${!variants[@]}"; do
  IFS='|' read -r name cw ch ow oh <<<"${variants[$i]}"
  x0=$(( (3840 - cw) / 2 )); y0=$(( (2160 - ch) / 2 ))
  filter+=";[s$i]crop=$cw:$ch:$x0:$y0,scale=$ow:$oh:flags=area,format=yuv420p[o$i]"
  outputs+=(-map "[o$i]" -c:v libx264 -preset fast -crf 20 -r 30 "$out/$name.mp4")
  python3 "$here/vv_zoom.py" "$out/$master.truth.csv" "$out/$name.truth.csv" "$x0" "$y0" "$(python3 -c "print($ow / $cw)")"
  echo "$name: crop ${cw}x${ch}+${x0}+${y0} of the master, scaled to ${ow}x${oh}"
done
nice -n 10 ffmpeg -y -loglevel error -i "$out/$master.mp4" -filter_complex "$filter" "${outputs[@]}"
