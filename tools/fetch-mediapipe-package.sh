#!/usr/bin/env bash
# Obtains @mediapipe/pose (Apache-2.0) with `npm pack`, checks its pinned integrity hash, and unpacks it
# into the cache. Prints the folder that holds the .tflite files. Re-runs are free once cached.
set -euo pipefail
version="0.5.1675469404"
integrity="sha512-DFZsNWTsSphRIZppnUCuunzBiHP2FdJXR9ehc7mMi4KG+oPaOH0Em3d6kr7Py+TSyTXC1doH88KcF28k2sBxsQ=="
cache="${VALGUS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/valgusvision}"
tgz="$cache/mediapipe-pose-$version.tgz"
dir="$cache/mediapipe-pose-$version"
mkdir -p "$cache"
if [ ! -f "$dir/pose_landmark_full.tflite" ]; then
  if [ ! -f "$tgz" ]; then
    tmp="$(mktemp -d "$cache/pack.XXXXXX")"
    (cd "$tmp" && npm pack "@mediapipe/pose@$version" --silent >/dev/null)
    mv "$tmp/mediapipe-pose-$version.tgz" "$tgz"
    rmdir "$tmp"
  fi
  actual="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
  if [ "$actual" != "$integrity" ]; then
    echo "fetch-mediapipe-package: $tgz has integrity $actual, expected $integrity" >&2
    rm -f "$tgz"; exit 1
  fi
  tmp="$(mktemp -d "$cache/unpack.XXXXXX")"
  tar -xzf "$tgz" -C "$tmp"
  cp "$tmp/package/pose_solution_packed_assets.data" "$tmp/package/pose_detection.tflite"
  rm -rf "$dir"; mv "$tmp/package" "$dir"; rmdir "$tmp"
fi
echo "$dir"
