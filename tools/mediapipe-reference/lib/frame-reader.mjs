// Decodes a video with ffmpeg into raw RGBA frames, one at a time, so that a long clip never sits in
// memory whole. RGBA (not PNG) keeps the browser from colour-managing or re-decoding the pixels: what
// MediaPipe sees is exactly ffmpeg's decoded frame.
import { spawn } from 'node:child_process';

export class RawFrameReader {
  constructor(videoPath, width, height) {
    this.videoPath = videoPath;
    this.frameBytes = width * height * 4;
    // -fps_mode passthrough: every decoded frame once, none duplicated or dropped to fit a rate.
    this.args = ['-v', 'error', '-nostdin', '-i', videoPath, '-map', '0:v:0', '-fps_mode', 'passthrough',
      '-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1'];
    this.process = spawn('ffmpeg', this.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.chunks = [];
    this.buffered = 0;
    this.ended = false;
    this.stderr = '';
    this.waiter = null;
    this.exitCode = null;
    this.process.stdout.on('data', (chunk) => {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
      // Back-pressure: stop ffmpeg once a couple of frames are waiting.
      if (this.buffered >= 2 * this.frameBytes) this.process.stdout.pause();
      this.wake();
    });
    this.process.stderr.on('data', (chunk) => { this.stderr += chunk.toString(); });
    this.process.on('close', (code) => { this.ended = true; this.exitCode = code; this.wake(); });
    this.process.on('error', (error) => { this.ended = true; this.stderr += String(error); this.wake(); });
  }

  get commandLine() {
    return ['ffmpeg', ...this.args.map((a) => (a === this.videoPath ? 'VIDEO' : a))].join(' ');
  }

  wake() {
    const waiter = this.waiter;
    this.waiter = null;
    if (waiter) waiter();
  }

  // Returns the next frame's RGBA bytes, or null after the last frame.
  async next() {
    while (this.buffered < this.frameBytes && !this.ended) {
      this.process.stdout.resume();
      await new Promise((resolve) => { this.waiter = resolve; });
    }
    if (this.buffered < this.frameBytes) {
      if (this.exitCode !== 0) {
        throw new Error(`${this.videoPath}: ffmpeg failed (exit ${this.exitCode}): ${this.stderr.trim()}`);
      }
      if (this.buffered !== 0) {
        throw new Error(`${this.videoPath}: decoding ended with ${this.buffered} stray bytes; expected whole ${this.frameBytes}-byte frames`);
      }
      return null;
    }
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.buffered);
    const frame = Buffer.from(all.subarray(0, this.frameBytes));
    const rest = all.subarray(this.frameBytes);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    if (this.buffered < 2 * this.frameBytes) this.process.stdout.resume();
    return frame;
  }

  close() {
    if (!this.ended) this.process.kill('SIGTERM');
  }
}
