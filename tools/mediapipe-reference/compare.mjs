#!/usr/bin/env node
// Compares two landmark CSVs in the reference format (e.g. shipped vs --float32-textures, or full vs
// lite): for hips, knees and ankles, the pixel distance per frame where both found a pose; prints
// median, 95th percentile and maximum per joint, and the frames where only one found a pose.
// Usage: node tools/mediapipe-reference/compare.mjs A.csv B.csv
import fs from 'node:fs';

const JOINTS = { left_hip: 23, right_hip: 24, left_knee: 25, right_knee: 26, left_ankle: 27, right_ankle: 28 };

function load(file) {
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  const column = (name) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`${file}: no column '${name}'`);
    return index;
  };
  const rows = new Map();
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const frame = Number(cells[column('frame')]);
    const hasPose = cells[column('has_pose')] === '1';
    const points = {};
    if (hasPose) {
      for (const [name, i] of Object.entries(JOINTS)) {
        points[name] = [Number(cells[column(`lm${i}_x`)]), Number(cells[column(`lm${i}_y`)])];
      }
    }
    rows.set(frame, { hasPose, points });
  }
  return rows;
}

// Nearest-rank percentile, the same rule a reader can redo by hand on a short list.
function percentile(sorted, p) {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

const [fileA, fileB] = process.argv.slice(2);
if (!fileA || !fileB) {
  process.stderr.write('usage: node compare.mjs A.csv B.csv\n');
  process.exit(2);
}
const a = load(fileA);
const b = load(fileB);
const distances = Object.fromEntries(Object.keys(JOINTS).map((name) => [name, []]));
const onlyOne = [];
for (const [frame, rowA] of a) {
  const rowB = b.get(frame);
  if (!rowB) continue;
  if (rowA.hasPose !== rowB.hasPose) onlyOne.push(frame);
  if (!rowA.hasPose || !rowB.hasPose) continue;
  for (const name of Object.keys(JOINTS)) {
    const [xa, ya] = rowA.points[name];
    const [xb, yb] = rowB.points[name];
    distances[name].push(Math.hypot(xa - xb, ya - yb));
  }
}
const all = [];
process.stdout.write('joint          n   median_px   p95_px   max_px\n');
for (const [name, list] of Object.entries(distances)) {
  const sorted = [...list].sort((x, y) => x - y);
  all.push(...list);
  if (sorted.length === 0) continue;
  process.stdout.write(`${name.padEnd(12)} ${String(sorted.length).padStart(3)} ${percentile(sorted, 50).toFixed(2).padStart(11)} ` +
    `${percentile(sorted, 95).toFixed(2).padStart(8)} ${sorted[sorted.length - 1].toFixed(2).padStart(8)}\n`);
}
const sortedAll = all.sort((x, y) => x - y);
if (sortedAll.length > 0) {
  process.stdout.write(`${'all'.padEnd(12)} ${String(sortedAll.length).padStart(3)} ${percentile(sortedAll, 50).toFixed(2).padStart(11)} ` +
    `${percentile(sortedAll, 95).toFixed(2).padStart(8)} ${sortedAll[sortedAll.length - 1].toFixed(2).padStart(8)}\n`);
}
process.stdout.write(`frames where only one found a pose: ${onlyOne.length ? onlyOne.join(' ') : 'none'}\n`);
