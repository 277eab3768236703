// Headless Debian Chromium driven by puppeteer-core, holding one page that runs MediaPipe's Pose
// solution. WebGL comes from SwiftShader (software), which is why a frame takes a second or two.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless=new', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];

// A frame normally takes 1–5 s and the first up to ~90 s on a loaded machine; past this the run is stuck.
const FRAME_TIMEOUT_MS = 600_000;

export class MediaPipeBrowser {
  constructor() {
    // Rejected when Chromium goes away, so that a crashed browser ends the run instead of hanging it.
    this.disconnected = null;
    this.browser = null;
    this.page = null;
    this.userDataDir = null;
    // Every console line the page prints, counted, so warnings end up in the provenance file.
    this.consoleCounts = new Map();
    this.pageErrors = [];
  }

  // preludeScripts: page scripts run before any of the page's own (see page/float32-textures.js).
  async open(url, preludeScripts = []) {
    this.userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediapipe-reference-chromium-'));
    // headless: false because the flag list above already says --headless=new, exactly as measured.
    this.browser = await puppeteer.launch({
      executablePath: CHROMIUM_PATH,
      headless: false,
      userDataDir: this.userDataDir,
      args: CHROMIUM_FLAGS,
      protocolTimeout: 600_000,
    });
    this.disconnected = new Promise((_, reject) => {
      this.browser.once('disconnected', () => reject(new Error('Chromium exited or lost its connection')));
    });
    this.disconnected.catch(() => {});
    this.page = await this.browser.newPage();
    this.page.on('console', (message) => {
      const key = `${message.type()}: ${message.text()}`;
      this.consoleCounts.set(key, (this.consoleCounts.get(key) ?? 0) + 1);
      if (process.env.MPREF_VERBOSE) process.stderr.write(`[page] ${key}\n`);
    });
    for (const source of preludeScripts) await this.page.evaluateOnNewDocument(source);
    this.page.on('pageerror', (error) => this.pageErrors.push(String(error)));
    await this.page.goto(url, { waitUntil: 'load' });
  }

  version() {
    return this.browser.version();
  }

  start(options, width, height) {
    return this.guard('initialising MediaPipe', this.page.evaluate((o, w, h) => window.poseRunner.start(o, w, h), options, width, height));
  }

  processFrame(index, timestampMs) {
    return this.guard(`frame ${index}`, this.page.evaluate((i, t) => window.poseRunner.processFrame(i, t), index, timestampMs));
  }

  async guard(what, work) {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer from the page within ${FRAME_TIMEOUT_MS / 1000} s`)), FRAME_TIMEOUT_MS);
    });
    try {
      return await Promise.race([work, this.disconnected, timeout]);
    } catch (error) {
      throw new Error(`${what}: ${error.message}`);
    } finally {
      clearTimeout(timer);
    }
  }

  evaluate(expression) {
    return this.guard('reading page state', this.page.evaluate(expression));
  }

  consoleMessages() {
    return [...this.consoleCounts.entries()].map(([text, count]) => ({ text, count }));
  }

  async close() {
    if (this.browser) {
      this.browser.removeAllListeners('disconnected');
      await this.browser.close().catch(() => {});
    }
    this.browser = null;
    if (this.userDataDir) fs.rmSync(this.userDataDir, { recursive: true, force: true });
    this.userDataDir = null;
  }
}
