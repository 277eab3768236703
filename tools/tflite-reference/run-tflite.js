#!/usr/bin/env node
// Runs a .tflite model in the real TFLite runtime (tfjs-tflite: TFLite compiled to WASM, XNNPACK) inside
// headless Chromium and writes every output as raw little-endian float32.
//
//   node run-tflite.js MODEL.tflite INPUT.f32 OUT_DIR
//
// INPUT.f32 is the model's single input as raw little-endian float32 in the model's own (NHWC) shape.
// OUT_DIR receives <output name>.f32 per output and outputs.json (names, shapes, versions).
// This is a check run on demand (docs/reference-check.md), not part of CI.
'use strict';
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const puppeteer = require('puppeteer-core');

const [modelPath, inputPath, outDir] = process.argv.slice(2);
if (!modelPath || !inputPath || !outDir) {
  console.error('usage: node run-tflite.js MODEL.tflite INPUT.f32 OUT_DIR');
  process.exit(2);
}
for (const [what, p] of [['model', modelPath], ['input', inputPath]]) {
  if (!fs.existsSync(p)) {
    console.error(`run-tflite: ${what} ${p} does not exist`);
    process.exit(2);
  }
}

const modules = path.join(__dirname, 'node_modules', '@tensorflow');
const files = {
  '/tf-core.js': path.join(modules, 'tfjs-core', 'dist', 'tf-core.min.js'),
  '/tf-backend-cpu.js': path.join(modules, 'tfjs-backend-cpu', 'dist', 'tf-backend-cpu.min.js'),
  '/tf-tflite.js': path.join(modules, 'tfjs-tflite', 'dist', 'tf-tflite.min.js'),
  '/model.tflite': path.resolve(modelPath),
  '/input.f32': path.resolve(inputPath),
};
const wasmDir = path.join(modules, 'tfjs-tflite', 'wasm');
const page = `<!doctype html><meta charset="utf-8">
<script src="/tf-core.js"></script><script src="/tf-backend-cpu.js"></script><script src="/tf-tflite.js"></script>`;
const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };

const results = new Map();

function serve(req, res) {
  const url = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
  if (req.method === 'POST' && url.startsWith('/result/')) {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      results.set(url.slice('/result/'.length), Buffer.concat(chunks));
      res.writeHead(204);
      res.end();
    });
    return;
  }
  let file = files[url];
  // The tflite script probes for its WASM loader next to itself before setWasmPath applies.
  if (!file && (url.startsWith('/wasm/') || path.basename(url).startsWith('tflite_web_api_'))) {
    const name = path.basename(url);
    file = path.join(wasmDir, name);
  }
  if (url === '/favicon.ico') {
    res.writeHead(204);
    res.end();
    return;
  }
  if (url === '/' || url === '/index.html') {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(page);
    return;
  }
  if (!file || !fs.existsSync(file)) {
    if (process.env.TFLITE_REFERENCE_DEBUG) console.error(`404 ${url}`);
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
}

async function main() {
  const server = http.createServer(serve);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tflite-reference-'));
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    protocolTimeout: 60000,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`],
  });
  try {
    const tab = await browser.newPage();
    tab.on('console', (m) => console.error(`[page] ${m.text()}`));
    tab.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    await tab.goto(`${origin}/index.html`);
    const result = await tab.evaluate(async () => {
      /* global tf, tflite */
      await tf.setBackend('cpu');
      tflite.setWasmPath('/wasm/');
      console.log('loading model');
      const model = await tflite.loadTFLiteModel('/model.tflite', { numThreads: 1 });
      const input = new Float32Array(await (await fetch('/input.f32')).arrayBuffer());
      const spec = model.inputs[0];
      const x = tf.tensor(input, spec.shape, 'float32');
      console.log('predicting');
      let raw = model.predict(x);
      console.log('predicted');
      const byName = {};
      if (raw instanceof tf.Tensor) {
        byName[model.outputs[0].name] = raw;
      } else if (Array.isArray(raw)) {
        raw.forEach((t, i) => { byName[model.outputs[i].name] = t; });
      } else {
        Object.assign(byName, raw);
      }
      const outputs = [];
      for (const spec of model.outputs) {
        const t = byName[spec.name];
        if (!t) throw new Error(`no output named ${spec.name} (got ${Object.keys(byName).join(', ')})`);
        // Posted back as raw bytes: large results returned through evaluate() stall the DevTools channel.
        const values = Float32Array.from(t.dataSync());
        const reply = await fetch(`/result/${encodeURIComponent(spec.name)}`, { method: 'POST', body: values.buffer });
        if (!reply.ok) throw new Error(`posting ${spec.name} failed: ${reply.status}`);
        outputs.push({ name: spec.name, shape: t.shape });
      }
      return { input: { name: spec.name, shape: spec.shape }, outputs, tfjsCore: tf.version_core, tflite: tflite.version_tflite };
    });
    fs.mkdirSync(outDir, { recursive: true });
    const summary = { model: path.basename(modelPath), input: result.input, versions: versions(), outputs: [] };
    for (const o of result.outputs) {
      fs.writeFileSync(path.join(outDir, `${o.name}.f32`), results.get(o.name));
      summary.outputs.push({ name: o.name, shape: o.shape });
    }
    fs.writeFileSync(path.join(outDir, 'outputs.json'), JSON.stringify(summary, null, 2) + '\n');
    console.log(`${summary.model}: ${summary.outputs.map((o) => `${o.name} [${o.shape}]`).join(', ')}`);
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

function versions() {
  const v = (p) => JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules', p, 'package.json'), 'utf8')).version;
  return {
    '@tensorflow/tfjs-tflite': v('@tensorflow/tfjs-tflite'),
    '@tensorflow/tfjs-core': v('@tensorflow/tfjs-core'),
    '@tensorflow/tfjs-backend-cpu': v('@tensorflow/tfjs-backend-cpu'),
    'puppeteer-core': v('puppeteer-core'),
  };
}

main().catch((e) => {
  console.error(`run-tflite: ${e.stack || e}`);
  process.exit(1);
});
