// The reference CSV format the C# comparison test reads:
//   frame,timestamp_ms,has_pose,lm0_x,lm0_y,lm0_z,lm0_visibility,…,lm32_visibility
// x, y in pixels of the decoded frame (3 decimals); z and visibility as MediaPipe gives them
// (6 decimals); every landmark cell empty when has_pose is 0. Numbers use '.' and no grouping.
export const LANDMARK_COUNT = 33;

export function csvHeader() {
  const columns = ['frame', 'timestamp_ms', 'has_pose'];
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    columns.push(`lm${i}_x`, `lm${i}_y`, `lm${i}_z`, `lm${i}_visibility`);
  }
  return columns.join(',');
}

// toFixed can print "-0.000" for tiny negatives; a reader must not care, but keep files tidy.
function fixed(value, digits) {
  const text = value.toFixed(digits);
  return /^-0\.0*$/.test(text) ? text.slice(1) : text;
}

export function csvRow(frameIndex, timestampUs, landmarks, width, height, videoName) {
  const cells = [String(frameIndex), fixed(timestampUs / 1000, 3), landmarks ? '1' : '0'];
  if (!landmarks) {
    for (let i = 0; i < LANDMARK_COUNT * 4; i++) cells.push('');
    return cells.join(',');
  }
  if (landmarks.length !== LANDMARK_COUNT * 4) {
    throw new Error(`${videoName} frame ${frameIndex}: MediaPipe returned ${landmarks.length / 4} landmarks, expected ${LANDMARK_COUNT}`);
  }
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    const [x, y, z, visibility] = landmarks.slice(4 * i, 4 * i + 4);
    if (![x, y, z, visibility].every((v) => typeof v === 'number' && Number.isFinite(v))) {
      throw new Error(`${videoName} frame ${frameIndex}: landmark ${i} has a missing or non-finite value`);
    }
    cells.push(fixed(x * width, 3), fixed(y * height, 3), fixed(z, 6), fixed(visibility, 6));
  }
  return cells.join(',');
}
