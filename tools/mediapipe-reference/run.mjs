#!/usr/bin/env node
// Runs MediaPipe's own Pose solution (npm @mediapipe/pose, WASM) over a video frame by frame in
// headless Chromium and writes its landmarks as a reference CSV plus a provenance JSON.
// Usage: node tools/mediapipe-reference/run.mjs VIDEO [--model lite|full|heavy] [--no-smooth]
//        [--float32-textures] [--cpu-inference] [--dump-stages] [--max-frames N] [--min-detection-confidence C] [--min-tracking-confidence C] [--out DIR]
// On demand only (about 1–2 s per frame on this machine); never part of CI.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { probeVideo } from './lib/video-probe.mjs';
import { RawFrameReader } from './lib/frame-reader.mjs';
import { ReferenceServer } from './lib/reference-server.mjs';
import { MediaPipeBrowser, CHROMIUM_PATH, CHROMIUM_FLAGS } from './lib/mediapipe-browser.mjs';
import { csvHeader, csvRow } from './lib/reference-csv.mjs';
import { exposeStages, stagesHeader, stagesRow } from './lib/stage-dump.mjs';

const toolDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(toolDir, '..', '..');
const packageDir = path.join(toolDir, 'node_modules', '@mediapipe', 'pose');
const MODELS = { lite: 0, full: 1, heavy: 2 };

// MediaPipe's One-Euro filter treats a timestamp <= the previous one (its state starts at 0) as
// "not newer" and passes landmarks through unsmoothed, so frame 0 must not be sent at 0 ms.
// Rounded to whole microseconds because MediaPipe's packets carry integer microseconds.
const TIMESTAMP_RULE = 'timestamp_ms = (frame + 1) * 1000 / fps, frame 0-based, rounded to whole microseconds; ' +
  'strictly positive and increasing so MediaPipe smooths from the first frame (a first frame at 0 ms disables its One-Euro filters)';

function timestampUs(frameIndex, fps) {
  return Math.round(((frameIndex + 1) * 1e6 * fps.den) / fps.num);
}

function fail(message) {
  process.stderr.write(`mediapipe-reference: ${message}\n`);
  process.exit(1);
}

function parseConfidence(text, name) {
  const value = Number(text);
  if (!(value >= 0 && value <= 1)) fail(`--${name} must be a number in [0, 1], got '${text}'`);
  return value;
}

function parseCommandLine() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        model: { type: 'string', default: 'full' },
        'no-smooth': { type: 'boolean', default: false },
        'float32-textures': { type: 'boolean', default: false },
        'cpu-inference': { type: 'boolean', default: false },
        'dump-stages': { type: 'boolean', default: false },
        'max-frames': { type: 'string' },
        'min-detection-confidence': { type: 'string', default: '0.5' },
        'min-tracking-confidence': { type: 'string', default: '0.5' },
        out: { type: 'string', default: path.join(repoRoot, 'tests', 'data', 'mediapipe-reference') },
      },
    });
  } catch (error) {
    fail(error.message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) fail('give exactly one VIDEO path');
  if (!(values.model in MODELS)) fail(`--model must be lite, full or heavy, got '${values.model}'`);
  let maxFrames = Infinity;
  if (values['max-frames'] !== undefined) {
    maxFrames = Number(values['max-frames']);
    if (!Number.isInteger(maxFrames) || maxFrames < 1) fail(`--max-frames must be a positive integer, got '${values['max-frames']}'`);
  }
  const videoPath = path.resolve(positionals[0]);
  if (!fs.existsSync(videoPath)) fail(`${videoPath}: no such file`);
  return {
    videoPath,
    model: values.model,
    smooth: !values['no-smooth'],
    float32Textures: values['float32-textures'],
    cpuInference: values['cpu-inference'],
    dumpStages: values['dump-stages'],
    maxFrames,
    minDetectionConfidence: parseConfidence(values['min-detection-confidence'], 'min-detection-confidence'),
    minTrackingConfidence: parseConfidence(values['min-tracking-confidence'], 'min-tracking-confidence'),
    outDir: path.resolve(values.out),
  };
}

function sha256File(filePath) {
  return crypto.createHash('sha256').update(fs.readFileSync(filePath)).digest('hex');
}

function lockedPackage(name) {
  const lock = JSON.parse(fs.readFileSync(path.join(toolDir, 'package-lock.json'), 'utf8'));
  const entry = lock.packages?.[`node_modules/${name}`] ?? {};
  return { version: entry.version ?? null, integrity: entry.integrity ?? null };
}

function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round(value, digits) {
  return value === null ? null : Number(value.toFixed(digits));
}

function writeAtomically(filePath, text) {
  const temp = `${filePath}.tmp-${process.pid}`;
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, filePath);
}

async function main() {
  const args = parseCommandLine();
  if (!fs.existsSync(path.join(packageDir, 'pose.js'))) fail(`${packageDir}: missing; run 'npm ci' in ${toolDir}`);
  const packageJson = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  const video = probeVideo(args.videoPath);
  const videoName = path.basename(args.videoPath);
  const stem = videoName.replace(/\.[^.]+$/, '');
  if (args.cpuInference && args.float32Textures) fail('--cpu-inference and --float32-textures exclude each other (the CPU path has no activation textures)');
  const baseName = `${stem}.${args.model}${args.smooth ? '' : '.nosmooth'}${args.float32Textures ? '.fp32' : ''}${args.cpuInference ? '.cpu' : ''}`;
  fs.mkdirSync(args.outDir, { recursive: true });

  const options = {
    modelComplexity: MODELS[args.model],
    smoothLandmarks: args.smooth,
    enableSegmentation: false,
    smoothSegmentation: false,
    minDetectionConfidence: args.minDetectionConfidence,
    minTrackingConfidence: args.minTrackingConfidence,
    selfieMode: false,
  };
  // The package's own option (InferenceCalculator.use_cpu_inference): both networks on TFLite's CPU
  // path in WASM (float32) instead of WebGL; the crops stay on the GPU (ImageToTensor, GL).
  if (args.cpuInference) options.useCpuInference = true;

  const server = new ReferenceServer(path.join(toolDir, 'page'), packageDir, args.dumpStages ? exposeStages : null);
  const stageRows = [stagesHeader()];
  const browser = new MediaPipeBrowser();
  const reader = new RawFrameReader(args.videoPath, video.width, video.height);
  const started = Date.now();
  const rows = [csvHeader()];
  const sendMs = [];
  let framesWithPose = 0;
  let framesSent = 0;
  let framesDecoded = 0;
  let firstTimestampUs = null;
  let lastTimestampUs = null;
  let chromiumVersion;
  let initializeMs;
  let float32Stats = null;
  try {
    const baseUrl = await server.start();
    const preludes = args.float32Textures ? [fs.readFileSync(path.join(toolDir, 'page', 'float32-textures.js'), 'utf8')] : [];
    await browser.open(`${baseUrl}/`, preludes);
    chromiumVersion = await browser.version();
    ({ initializeMs } = await browser.start(options, video.width, video.height));
    for (;;) {
      const frame = await reader.next();
      if (!frame) break;
      const index = framesDecoded++;
      // Past --max-frames keep decoding (cheap) only to count the video's frames for the provenance.
      if (index >= args.maxFrames) continue;
      const tsUs = timestampUs(index, video.fps);
      firstTimestampUs ??= tsUs;
      lastTimestampUs = tsUs;
      server.setFrame(index, frame);
      const result = await browser.processFrame(index, tsUs / 1000);
      sendMs.push(result.sendMs);
      if (result.landmarks) framesWithPose++;
      rows.push(csvRow(index, tsUs, result.landmarks, video.width, video.height, videoName));
      if (args.dumpStages) stageRows.push(stagesRow(index, tsUs, result.stages));
      framesSent++;
      if (framesSent % 10 === 0) {
        process.stderr.write(`${videoName}: ${framesSent} frames, ${framesWithPose} with a pose, median ${median(sendMs).toFixed(0)} ms/frame\n`);
      }
    }
    if (args.float32Textures) float32Stats = await browser.evaluate('window.float32TextureStats');
  } finally {
    reader.close();
    await browser.close();
    await server.close();
  }
  if (browser.pageErrors.length > 0) fail(`${videoName}: the page reported errors: ${browser.pageErrors.join(' | ')}`);
  if (framesSent === 0) fail(`${videoName}: ffmpeg decoded no frames`);
  const consoleMessages = browser.consoleMessages();
  const stale = consoleMessages.find((m) => /timestamp is equal or less/i.test(m.text));
  if (stale) fail(`${videoName}: MediaPipe rejected timestamps (${stale.text}); smoothing would be off, no files written`);

  const csvName = `${baseName}.csv`;
  const csvText = `${rows.join('\n')}\n`;
  writeAtomically(path.join(args.outDir, csvName), csvText);
  if (args.dumpStages) writeAtomically(path.join(args.outDir, `${baseName}.stages.csv`), `${stageRows.join('\n')}\n`);
  const truncated = framesSent < framesDecoded;
  const provenance = {
    description: 'Landmarks from MediaPipe\'s own Pose solution (legacy JS/WASM) for one video, as reference for the C# engine.',
    tool: 'tools/mediapipe-reference/run.mjs',
    created_utc: new Date().toISOString(),
    package: {
      name: packageJson.name,
      version: packageJson.version,
      integrity: lockedPackage(packageJson.name).integrity,
      files_loaded: [...server.packageFilesServed].sort(),
    },
    browser: {
      executable: CHROMIUM_PATH,
      version: chromiumVersion,
      flags: CHROMIUM_FLAGS,
      driver: `puppeteer-core ${lockedPackage('puppeteer-core').version}`,
      node: process.version,
    },
    options: { model: args.model, ...options },
    // Found by instrumenting WebGL (2026-11-26): this package runs detector and landmark networks on
    // WebGL (InferenceCalculatorMlDriftWebGl, mediump shaders) with activations stored in RGBA16F
    // textures, so its outputs carry half-precision rounding that an fp32 CPU engine does not have.
    inference: args.float32Textures
      ? { activations: 'float32 (diagnostic: RGBA16F textures replaced by RGBA32F, page/float32-textures.js) - not MediaPipe as shipped', textures_widened: float32Stats }
      : args.cpuInference
        ? { activations: 'float32 (the package\'s own option useCpuInference: TFLite CPU inference in WASM; crops still on WebGL)' }
        : { activations: 'float16 (MediaPipe as shipped: ML Drift WebGL, RGBA16F textures)' },
    stages_dumped: args.dumpStages ? `${baseName}.stages.csv: pose_detection, pose_rect_from_detection, pose_rect_from_landmarks per frame (normalised)` : null,
    video: {
      file: videoName,
      sha256: sha256File(args.videoPath),
      codec: video.codec,
      pixel_format: video.pixelFormat,
      fps: video.fps.num / video.fps.den,
      fps_rational: `${video.fps.num}/${video.fps.den}`,
      frame_count: framesDecoded,
      frame_count_declared: video.declaredFrameCount,
      width: video.width,
      height: video.height,
      coded_width: video.codedWidth,
      coded_height: video.codedHeight,
      rotation_degrees: video.rotationDegrees,
    },
    decoding: {
      command: reader.commandLine,
      ffmpeg_version: execFileSync('ffmpeg', ['-version'], { encoding: 'utf8' }).split('\n')[0],
      note: 'ffmpeg applies the rotation metadata by default; the RGBA frame is put on a canvas unchanged and sent as the image',
    },
    timestamps: {
      rule: TIMESTAMP_RULE,
      first_ms: firstTimestampUs / 1000,
      last_ms: lastTimestampUs / 1000,
    },
    frames_processed: framesSent,
    truncated,
    truncation_note: truncated ? `only the first ${framesSent} of ${framesDecoded} frames were sent to MediaPipe (--max-frames)` : null,
    results: { frames_with_pose: framesWithPose, frames_without_pose: framesSent - framesWithPose },
    csv: {
      file: csvName,
      sha256: crypto.createHash('sha256').update(csvText).digest('hex'),
      columns: 'frame,timestamp_ms,has_pose, then lmI_x,lmI_y,lmI_z,lmI_visibility for I = 0..32 (BlazePose landmark order)',
      units: 'x, y: pixels of the decoded frame (normalised x * width, y * height), 3 decimals; z: MediaPipe\'s normalised z ' +
        '(same scale as x, smaller is nearer the camera), 6 decimals; visibility: 0..1 after MediaPipe\'s own low-pass, 6 decimals; ' +
        'landmark cells empty when has_pose = 0; \'.\' decimal separator',
    },
    timing: {
      initialize_ms: round(initializeMs, 1),
      send_ms_median: round(median(sendMs), 1),
      send_ms_mean: round(sendMs.reduce((a, b) => a + b, 0) / sendMs.length, 1),
      send_ms_max: round(Math.max(...sendMs), 1),
      wall_seconds: round((Date.now() - started) / 1000, 1),
      note: 'software WebGL (SwiftShader) on a shared 2-core machine; not a measure of MediaPipe\'s native speed',
    },
    console_messages: consoleMessages,
  };
  writeAtomically(path.join(args.outDir, `${baseName}.json`), `${JSON.stringify(provenance, null, 2)}\n`);
  process.stderr.write(`${videoName}: wrote ${path.join(args.outDir, csvName)} (${framesSent} frames, ${framesWithPose} with a pose, median ${provenance.timing.send_ms_median} ms/frame)\n`);
}

main().catch((error) => fail(error.stack ?? String(error)));
