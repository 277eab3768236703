// Reads what the reference run needs to know about a video before decoding it: the frame size as
// ffmpeg will decode it (after its default auto-rotation), the frame rate as an exact fraction, and
// the stream's own frame count where the container states one.
import { execFileSync } from 'node:child_process';

function parseRational(text) {
  const match = /^(\d+)\/(\d+)$/.exec(text ?? '');
  if (!match) return null;
  const num = Number(match[1]);
  const den = Number(match[2]);
  return num > 0 && den > 0 ? { num, den } : null;
}

// Rotation can sit in a display matrix (current ffmpeg) or in the legacy "rotate" tag.
function rotationDegrees(stream) {
  for (const side of stream.side_data_list ?? []) {
    if (typeof side.rotation === 'number') return side.rotation;
  }
  const tag = Number(stream.tags?.rotate);
  return Number.isFinite(tag) ? -tag : 0;
}

export function probeVideo(videoPath) {
  let json;
  try {
    json = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_streams', '-of', 'json', videoPath],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`${videoPath}: ffprobe could not read it (${String(error.stderr ?? error.message).trim()})`);
  }
  const stream = JSON.parse(json).streams?.[0];
  if (!stream) throw new Error(`${videoPath}: has no video stream`);
  const fps = parseRational(stream.avg_frame_rate) ?? parseRational(stream.r_frame_rate);
  if (!fps) {
    throw new Error(`${videoPath}: no usable frame rate (avg_frame_rate=${stream.avg_frame_rate}, r_frame_rate=${stream.r_frame_rate})`);
  }
  const rotation = rotationDegrees(stream);
  // ffmpeg auto-rotates by default, so a quarter turn swaps the decoded width and height.
  const quarterTurn = Math.abs(Math.round(rotation / 90)) % 2 === 1;
  const codedWidth = Number(stream.width);
  const codedHeight = Number(stream.height);
  if (!(codedWidth > 0 && codedHeight > 0)) throw new Error(`${videoPath}: no frame size in the video stream`);
  return {
    codec: stream.codec_name,
    pixelFormat: stream.pix_fmt,
    codedWidth,
    codedHeight,
    rotationDegrees: rotation,
    width: quarterTurn ? codedHeight : codedWidth,
    height: quarterTurn ? codedWidth : codedHeight,
    fps,
    declaredFrameCount: stream.nb_frames !== undefined ? Number(stream.nb_frames) : null,
  };
}
