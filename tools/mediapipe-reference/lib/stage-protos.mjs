// Decodes the two MediaPipe protos that --dump-stages reads from the graph's internal streams:
// NormalizedRect (mediapipe/framework/formats/rect.proto) and Detection (detection.proto,
// location_data.proto). A minimal wire-format reader: the solution hands over serialized bytes.

function readFields(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fields = [];
  let at = 0;
  const varint = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[at++];
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
      shift += 7;
    }
  };
  while (at < bytes.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wire = key & 7;
    if (wire === 0) fields.push({ field, value: varint() });
    else if (wire === 5) { fields.push({ field, float: view.getFloat32(at, true) }); at += 4; }
    else if (wire === 1) { fields.push({ field, double: view.getFloat64(at, true) }); at += 8; }
    else if (wire === 2) { const n = varint(); fields.push({ field, bytes: bytes.subarray(at, at + n) }); at += n; }
    else throw new Error(`unsupported wire type ${wire}`);
  }
  return fields;
}

function floatOf(fields, number) {
  const f = fields.find((x) => x.field === number);
  if (!f) return 0;
  if (f.float !== undefined) return f.float;
  if (f.bytes) return new DataView(f.bytes.buffer, f.bytes.byteOffset, 4).getFloat32(0, true); // packed
  return 0;
}

/** NormalizedRect: x_center 1, y_center 2, height 3, width 4, rotation 5 (all float). */
export function decodeNormalizedRect(bytes) {
  const f = readFields(bytes);
  return { xCenter: floatOf(f, 1), yCenter: floatOf(f, 2), height: floatOf(f, 3), width: floatOf(f, 4), rotation: floatOf(f, 5) };
}

/** Detection: score 3; location_data 4 → relative_bounding_box 3 {xmin 1, ymin 2, width 3, height 4}, relative_keypoints 5 {x 1, y 2}. */
export function decodeDetection(bytes) {
  const f = readFields(bytes);
  const location = readFields(f.find((x) => x.field === 4)?.bytes ?? new Uint8Array());
  const box = readFields(location.find((x) => x.field === 3)?.bytes ?? new Uint8Array());
  const keypoints = location.filter((x) => x.field === 5).map((k) => {
    const kf = readFields(k.bytes);
    return { x: floatOf(kf, 1), y: floatOf(kf, 2) };
  });
  return {
    score: floatOf(f, 3),
    box: { xmin: floatOf(box, 1), ymin: floatOf(box, 2), width: floatOf(box, 3), height: floatOf(box, 4) },
    keypoints,
  };
}
