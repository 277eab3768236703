#!/usr/bin/env node
// Compares one model's outputs from the real TFLite runtime with the C# reference interpreter and with
// ONNX Runtime on our converted .onnx, as dumped by the parity tests (VALGUS_PARITY_DUMP):
//
//   node compare.js DUMP_DIR/<model>       (expects tflite/, reference/ and optionally onnx/ inside)
//
// Prints one Markdown table row per output: the worst absolute difference divided by the range
// (max − min) of the real TFLite output. Exit code 1 if any output is missing.
'use strict';
const fs = require('fs');
const path = require('path');

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node compare.js DUMP_DIR/<model>');
  process.exit(2);
}
const summary = JSON.parse(fs.readFileSync(path.join(dir, 'tflite', 'outputs.json'), 'utf8'));

function read(file, bytesPer) {
  if (!fs.existsSync(file)) return null;
  const b = fs.readFileSync(file);
  const n = b.length / bytesPer;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = bytesPer === 8 ? b.readDoubleLE(i * 8) : b.readFloatLE(i * 4);
  return out;
}

function worst(truth, other) {
  if (!other) return null;
  if (other.length !== truth.length) throw new Error(`length ${other.length} vs ${truth.length}`);
  let m = 0;
  for (let i = 0; i < truth.length; i++) {
    const d = Math.abs(truth[i] - other[i]);
    m = Number.isNaN(d) ? Infinity : Math.max(m, d);
  }
  return m;
}

const fmt = (abs, range) => (abs === null ? '–' : `${(range > 0 ? abs / range : abs).toExponential(2)} (${abs.toPrecision(3)})`);
let missing = false;
for (const o of summary.outputs) {
  const truth = read(path.join(dir, 'tflite', `${o.name}.f32`), 4);
  const reference = read(path.join(dir, 'reference', `${o.name}.f64`), 8);
  const onnx = read(path.join(dir, 'onnx', `${o.name}.f32`), 4);
  if (!truth || !reference) {
    console.error(`compare: ${dir}: output ${o.name} missing`);
    missing = true;
    continue;
  }
  let lo = Infinity, hi = -Infinity;
  for (const v of truth) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  const range = hi - lo;
  console.log(`| ${summary.model.replace('.tflite', '')} | ${o.name} [${o.shape}] | ${range.toPrecision(5)} | ${fmt(worst(truth, reference), range)} | ${fmt(worst(truth, onnx), range)} |`);
}
process.exit(missing ? 1 : 0);
