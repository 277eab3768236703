// A local HTTP server for the headless browser: the runner page, the @mediapipe/pose package files,
// and the frame currently being processed. Bound to 127.0.0.1 on a free port; nothing else is served.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.data': 'application/octet-stream',
  '.binarypb': 'application/octet-stream',
  '.tflite': 'application/octet-stream',
};

export class ReferenceServer {
  // rewritePoseJs: optional text → text for the package's pose.js (the --dump-stages diagnostic).
  constructor(pageDir, packageDir, rewritePoseJs = null) {
    this.pageDir = pageDir;
    this.rewritePoseJs = rewritePoseJs;
    this.packageDir = packageDir;
    this.currentFrame = null;
    this.currentFrameIndex = -1;
    // Which package files the page actually loaded (e.g. the SIMD or the plain WASM): provenance.
    this.packageFilesServed = new Set();
    this.server = http.createServer((request, response) => this.handle(request, response));
  }

  async start() {
    await new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', resolve);
    });
    return `http://127.0.0.1:${this.server.address().port}`;
  }

  setFrame(index, rgbaBytes) {
    this.currentFrameIndex = index;
    this.currentFrame = rgbaBytes;
  }

  handle(request, response) {
    const url = new URL(request.url, 'http://127.0.0.1');
    if (url.pathname === '/frame') {
      const index = Number(url.searchParams.get('index'));
      if (index !== this.currentFrameIndex || !this.currentFrame) {
        response.writeHead(409).end(`frame ${index} is not the current frame (${this.currentFrameIndex})`);
        return;
      }
      response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Cache-Control': 'no-store' });
      response.end(this.currentFrame);
      return;
    }
    if (url.pathname === '/favicon.ico') {
      // Chromium asks for one on its own; answer so the console carries no spurious 404.
      response.writeHead(204).end();
      return;
    }
    let filePath;
    if (url.pathname.startsWith('/mp/')) {
      const name = path.basename(url.pathname);
      filePath = path.join(this.packageDir, name);
      this.packageFilesServed.add(name);
    } else {
      const name = url.pathname === '/' ? 'index.html' : path.basename(url.pathname);
      filePath = path.join(this.pageDir, name);
    }
    fs.readFile(filePath, (error, bytes) => {
      if (error) {
        response.writeHead(404).end(`not found: ${url.pathname}`);
        return;
      }
      const type = contentTypes[path.extname(filePath)] ?? 'application/octet-stream';
      response.writeHead(200, { 'Content-Type': type });
      if (this.rewritePoseJs && url.pathname === '/mp/pose.js') {
        response.end(this.rewritePoseJs(bytes.toString('utf8')));
        return;
      }
      response.end(bytes);
    });
  }

  close() {
    return new Promise((resolve) => this.server.close(resolve));
  }
}
