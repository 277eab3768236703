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

export class MediaPipeBrowser {
  constructor() {
    this.browser = null;
    this.page = null;
    this.userDataDir = null;
    // Every console line the page prints, counted, so warnings end up in the provenance file.
    this.consoleCounts = new Map();
    this.pageErrors = [];
  }

  async open(url) {
    this.userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediapipe-reference-chromium-'));
    // headless: false because the flag list above already says --headless=new, exactly as measured.
    this.browser = await puppeteer.launch({
      executablePath: CHROMIUM_PATH,
      headless: false,
      userDataDir: this.userDataDir,
      args: CHROMIUM_FLAGS,
      protocolTimeout: 600_000,
    });
    this.page = await this.browser.newPage();
    this.page.on('console', (message) => {
      const key = `${message.type()}: ${message.text()}`;
      this.consoleCounts.set(key, (this.consoleCounts.get(key) ?? 0) + 1);
    });
    this.page.on('pageerror', (error) => this.pageErrors.push(String(error)));
    await this.page.goto(url, { waitUntil: 'load' });
  }

  version() {
    return this.browser.version();
  }

  start(options, width, height) {
    return this.page.evaluate((o, w, h) => window.poseRunner.start(o, w, h), options, width, height);
  }

  processFrame(index, timestampMs) {
    return this.page.evaluate((i, t) => window.poseRunner.processFrame(i, t), index, timestampMs);
  }

  consoleMessages() {
    return [...this.consoleCounts.entries()].map(([text, count]) => ({ text, count }));
  }

  async close() {
    if (this.browser) await this.browser.close().catch(() => {});
    this.browser = null;
    if (this.userDataDir) fs.rmSync(this.userDataDir, { recursive: true, force: true });
    this.userDataDir = null;
  }
}
