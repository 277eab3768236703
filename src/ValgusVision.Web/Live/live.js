// ValgusVision's live session page: the camera's frames go to the server one at a time over a WebSocket, and each
// answer (landmarks, FPPA per knee with its colour band, stance leg, reps, event, trust) is drawn over the frame it
// was computed on. Plain JavaScript, served by the app itself: no build step, nothing fetched from elsewhere.
// The colours and bones come from the server (#live-config), which takes them from the product's overlay rules.
(() => {
  'use strict';
  const script = document.currentScript;
  const clientId = script.dataset.client;
  const config = JSON.parse(document.getElementById('live-config').textContent);
  const $ = (id) => document.getElementById(id);
  const video = $('camera');
  const view = $('view');
  const ctx = view.getContext('2d');
  // The frame sent to the server; it also stays on screen under its overlay, so bones and picture always agree.
  const grab = document.createElement('canvas');
  const grabCtx = grab.getContext('2d', { willReadFrequently: false });
  const FRAME_WIDTH = 640;
  const JPEG_QUALITY = 0.8;

  // Capture → overlay drawn, per frame (ms): the page's own measure, shown and read by the tests.
  const state = { latencies: [], parts: [], frames: 0, running: false, saved: null, clock: null };
  window.valgusLive = state;
  let socket = null;
  let stream = null;
  let frameTimes = [];

  function problem(text) {
    const p = $('problem');
    p.textContent = text || '';
    p.hidden = !text;
  }

  function buttons(running) {
    $('start').disabled = running;
    $('stop').disabled = !running;
    for (const id of ['exercise', 'mode', 'stance', 'screen']) $(id).disabled = running;
  }

  function cameraProblem(e) {
    switch (e && e.name) {
      case 'NotAllowedError':
      case 'SecurityError':
        return 'The browser refused the camera. Allow this page to use the camera (the camera icon in the address bar), then press Start again.';
      case 'NotFoundError':
      case 'OverconstrainedError':
        return 'No camera was found. Connect one, then press Start again.';
      case 'NotReadableError':
      case 'AbortError':
        return 'The camera could not be started: another program may be using it. Close that program, then press Start again.';
      default:
        return 'The camera could not be started (' + ((e && e.name) || 'unknown error') + ').';
    }
  }

  async function start() {
    problem('');
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      problem('This browser offers no camera to this page: open the app on this computer (http://127.0.0.1:…) or over https.');
      return;
    }
    buttons(true);
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false });
    } catch (e) {
      problem(cameraProblem(e));
      buttons(false);
      return;
    }
    video.srcObject = stream;
    await video.play();
    const w = Math.min(FRAME_WIDTH, video.videoWidth);
    grab.width = w - (w % 2);
    grab.height = Math.round((grab.width * video.videoHeight) / video.videoWidth / 2) * 2;
    // Drawn at twice the frame's size, so lines and text stay sharp when the page scales the canvas up.
    view.width = grab.width * 2;
    view.height = grab.height * 2;
    view.parentElement.style.aspectRatio = grab.width + '/' + grab.height;
    $('idle').hidden = true;

    const query = new URLSearchParams({ exercise: $('exercise').value, mode: $('mode').value, stance: $('stance').value, screen: $('screen').checked ? '1' : '0' });
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(scheme + '//' + location.host + '/clients/' + clientId + '/live/socket?' + query);
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => {
      state.running = true;
      watch();
      next();
    };
    socket.onmessage = (e) => answer(JSON.parse(e.data));
    socket.onclose = () => {
      if (state.running) problem('The connection to the server was lost. The session is kept up to the last frame the server received.');
      finish();
    };
  }

  function stop() {
    $('stop').disabled = true;
    state.running = false;
    if (socket && socket.readyState === WebSocket.OPEN) socket.send('stop');
    else finish();
  }

  // The guided protocol lives on the server; "Next" (the button or space) only asks it to move on.
  function advance() {
    if (state.running && socket && socket.readyState === WebSocket.OPEN && !$('next').hidden) socket.send(JSON.stringify({ control: 'next' }));
  }

  // The guided protocol and the drill live on the server; the page shows their state and passes "Next" on.
  function guide(p, d) {
    $('guide').hidden = !p && !d;
    $('next').hidden = !p;
    if (p) {
      state.protocol = p;
      $('step').textContent = 'Set ' + p.step + ' of ' + p.steps + ' · ' + p.phase + (p.phase === 'active' ? ' · ' + p.reps + ' reps' : '');
      $('prompt').textContent = p.prompt;
      $('verdict').textContent = p.verdict || '';
      $('next').textContent = p.phase === 'ready' ? 'Start set' : p.phase === 'active' ? 'End set' : p.phase === 'summary' ? 'Next' : 'Done';
      $('next').disabled = p.phase === 'done';
    } else if (d) {
      // The drill needs no button: it sees the hold in the depth, reveals the angle, and waits for the person to stand.
      state.drill = d;
      $('step').textContent = d.phase === 'finished' ? 'Drill finished · ' + d.done + ' trials'
        : d.side.charAt(0).toUpperCase() + d.side.slice(1) + ' leg · trial ' + d.trial + ' of ' + d.trials + (d.phase === 'holding' ? ' · holding ' + d.hold.toFixed(1) + ' s' : '');
      $('prompt').textContent = d.prompt;
      $('verdict').textContent = d.result.join(' ');
    }
  }

  function finish() {
    state.running = false;
    $('guide').hidden = true;
    if (stream) for (const track of stream.getTracks()) track.stop();
    stream = null;
    buttons(false);
  }

  // Frame pacing: the camera's frames are watched continuously; when an answer comes back, the newest frame goes out
  // at once if one arrived meanwhile, else the first one to arrive. So the server never waits on the page, and the
  // page never sends a frame it already sent.
  let fresh = null; // the newest camera frame not yet sent: its capture time (ms, performance.now's clock)
  let waiting = false; // an answer came back and no newer frame was there to send
  let timing = null; // the frame in flight's times, for the latency's parts

  function watch() {
    if (!('requestVideoFrameCallback' in video)) return;
    video.requestVideoFrameCallback((now, meta) => {
      // The camera's own capture time when the browser knows it, so the latency counts the camera's pipeline too.
      fresh = meta && Number.isFinite(meta.captureTime) && meta.captureTime > 0 ? meta.captureTime : now;
      state.clock = meta && Number.isFinite(meta.captureTime) && meta.captureTime > 0 ? 'camera' : 'frame-callback';
      if (waiting) capture();
      if (stream) watch();
    });
  }

  function next() {
    if (!state.running) return;
    if (!('requestVideoFrameCallback' in video)) {
      requestAnimationFrame(() => {
        fresh = performance.now();
        state.clock = 'animation-frame';
        capture();
      });
      return;
    }
    waiting = true;
    if (fresh !== null) capture();
  }

  function capture() {
    if (!state.running || fresh === null) return;
    const captured = fresh;
    fresh = null;
    waiting = false;
    const grabbed = performance.now();
    grabCtx.drawImage(video, 0, 0, grab.width, grab.height);
    grab.toBlob(async (blob) => {
      if (!state.running || !blob) return;
      const jpeg = new Uint8Array(await blob.arrayBuffer());
      const message = new Uint8Array(8 + jpeg.byteLength);
      new DataView(message.buffer).setFloat64(0, captured, true);
      message.set(jpeg, 8);
      if (state.running && socket.readyState === WebSocket.OPEN) {
        timing = { camera: captured, grabbed, sent: performance.now() };
        socket.send(message);
      }
    }, 'image/jpeg', JPEG_QUALITY);
  }

  function answer(m) {
    if (m.type === 'frame') {
      const answered = performance.now();
      draw(m);
      const now = performance.now();
      const latency = now - m.t;
      state.latencies.push(latency);
      if (timing && timing.camera === m.t) {
        // Where the time goes: camera to grab, JPEG, the network and the server's queue, the server's work, drawing.
        state.parts.push({ wait: timing.grabbed - timing.camera, jpeg: timing.sent - timing.grabbed, transport: answered - timing.sent - m.serverMs, server: m.serverMs, draw: now - answered });
      }
      state.frames++;
      frameTimes.push(now);
      frameTimes = frameTimes.filter((t) => now - t < 2000);
      status(m, latency, frameTimes.length / 2);
      guide(m.protocol, m.drill);
      next();
    } else if (m.type === 'refused' || m.type === 'error') {
      state.running = false;
      problem(m.message);
    } else if (m.type === 'saved') {
      state.saved = m;
      state.running = false;
      const done = document.createElement('p');
      const link = document.createElement('a');
      link.href = m.url;
      link.id = 'saved';
      link.textContent = 'Session saved (' + m.frames + ' frames): open it to see its analysis.';
      done.append(link);
      $('status').after(done);
      // After a stop the clinician goes to the session; after a lost connection the page stays to say why.
      if ($('problem').hidden) location.assign(m.url);
    }
  }

  function degrees(v) {
    return v === null || v === undefined ? '–' : (v > 0 ? '+' : '') + v.toFixed(1) + '°';
  }

  function status(m, latency, fps) {
    $('fppa-left').textContent = m.hidden ? 'hidden (drill)' : degrees(m.left.fppa);
    $('fppa-right').textContent = m.hidden ? 'hidden (drill)' : degrees(m.right.fppa);
    $('stance-leg').textContent = m.stance || 'not known yet';
    // Guided: the reps of the running set, the only ones the protocol counts.
    $('reps').textContent = String(m.protocol ? m.protocol.reps : m.reps);
    $('trust').textContent = m.trusted ? 'known' : 'unknown: ' + m.reason;
    $('latency').textContent = Math.round(latency) + ' ms · ' + Math.round(fps) + ' fps';
  }

  // ---- the overlay: the live window's rules (skeleton, stance leg in its band's colour, grey with the reason when
  // the accuracy is unknown, the red border only for a trusted valgus event) ----

  function draw(m) {
    const s = view.width / grab.width;
    const mirror = $('mirror').checked;
    ctx.save();
    if (mirror) {
      ctx.translate(view.width, 0);
      ctx.scale(-1, 1);
    }
    ctx.drawImage(grab, 0, 0, view.width, view.height);
    ctx.restore();
    // The live window's unit (a 720-line frame), grown on a narrow screen so the numbers stay readable on a phone.
    const unit = (Math.min(view.width, view.height) / 720) * Math.min(1.4, Math.max(1, 700 / (view.clientWidth || 700)));
    const point = (i) => ({ x: (mirror ? grab.width - 1 - m.lm[3 * i] : m.lm[3 * i]) * s, y: m.lm[3 * i + 1] * s });
    const seen = (i) => m.lm[3 * i + 2] >= config.gate;
    const stanceKnee = m.stance ? m[m.stance] : null;
    // Hidden (the drill before its reveal): the leg in the neutral skeleton colour, not grey, which would read as "unknown".
    const colour = m.hidden ? config.colours.skeleton : stanceKnee && m.trusted ? config.colours[stanceKnee.band] : config.colours.undefined;

    if (m.pose && m.lm.length === 3 * config.landmarks) {
      ctx.lineCap = 'round';
      ctx.lineWidth = Math.max(2, 4 * unit);
      for (const [a, b] of config.bones) if (seen(a) && seen(b)) line(point(a), point(b), config.colours.skeleton);
      if (seen(23) && seen(24)) line(point(23), point(24), config.colours.pelvis);
      if (m.stance) {
        const [hip, knee, ankle] = config.legs[m.stance];
        const thick = Math.max(3, 9 * unit);
        for (const [a, b] of [[hip, knee], [knee, ankle]]) {
          ctx.lineWidth = thick + 4;
          line(point(a), point(b), '#000');
          ctx.lineWidth = thick;
          line(point(a), point(b), seen(a) && seen(b) ? colour : config.colours.undefined);
        }
        for (const j of [knee, ankle]) dot(point(j), thick, seen(j) ? colour : config.colours.undefined);
      }
    }

    if (m.trusted && m.event) {
      ctx.lineWidth = Math.max(8, 24 * unit);
      ctx.strokeStyle = config.colours.valgus;
      ctx.strokeRect(0, 0, view.width, view.height);
    }
    fppaBox(stanceKnee ? stanceKnee.fppa : null, colour, m, unit);
    panel(m, unit);
  }

  function line(a, b, colour) {
    ctx.strokeStyle = colour;
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
    ctx.stroke();
  }

  function dot(p, r, colour) {
    ctx.fillStyle = colour;
    ctx.beginPath();
    ctx.arc(p.x, p.y, r, 0, 2 * Math.PI);
    ctx.fill();
  }

  function shade(x, y, w, h) {
    ctx.fillStyle = 'rgba(0,0,0,0.6)';
    ctx.fillRect(x, y, w, h);
  }

  function fppaBox(fppa, colour, m, unit) {
    const margin = 20 * unit;
    const big = Math.round(90 * unit);
    const text = m.hidden ? 'hidden' : fppa === null || fppa === undefined ? '--' : degrees(fppa);
    ctx.font = '700 ' + big + 'px system-ui, sans-serif';
    const width = Math.max(ctx.measureText('+00.0°').width, ctx.measureText(text).width) + 2 * margin;
    const x = view.width - width - margin;
    shade(x, margin, width, big + 3 * margin);
    ctx.fillStyle = config.colours.text;
    ctx.font = Math.round(26 * unit) + 'px system-ui, sans-serif';
    ctx.textBaseline = 'top';
    ctx.fillText('knee FPPA' + (m.stance ? ' (' + m.stance + ')' : ''), x + margin, margin * 1.4);
    ctx.fillStyle = m.hidden ? config.colours.text : fppa === null || fppa === undefined ? config.colours.undefined : colour;
    ctx.font = '700 ' + big + 'px system-ui, sans-serif';
    ctx.fillText(text, x + margin, margin * 1.4 + 34 * unit);
    if (!m.trusted && m.reason && !m.hidden) {
      // The reason under the grey number, as the reports and the live window put it.
      ctx.font = Math.round(22 * unit) + 'px system-ui, sans-serif';
      const reason = 'accuracy unknown: ' + m.reason;
      const w = Math.min(ctx.measureText(reason).width, view.width - 2 * margin);
      const ry = margin * 2 + big + 3 * margin;
      shade(view.width - w - 2 * margin, ry - 6 * unit, w + margin, 36 * unit);
      ctx.fillStyle = config.colours.text;
      ctx.fillText(reason, view.width - w - 1.5 * margin, ry, view.width - 2 * margin);
    }
  }

  function panel(m, unit) {
    const margin = 20 * unit;
    const line = 40 * unit;
    shade(margin / 2, margin / 2, 420 * unit, 3 * line + margin);
    ctx.textBaseline = 'top';
    ctx.fillStyle = config.colours.text;
    ctx.font = '700 ' + Math.round(34 * unit) + 'px system-ui, sans-serif';
    ctx.fillText('reps ' + (m.protocol ? m.protocol.reps : m.reps), margin, margin);
    ctx.font = Math.round(26 * unit) + 'px system-ui, sans-serif';
    ctx.fillText(m.stance ? 'stance: ' + m.stance + ' leg' : 'stance: not known yet', margin, margin + line);
    ctx.fillStyle = config.colours.undefined;
    const last = state.latencies.length ? state.latencies[state.latencies.length - 1] : 0;
    ctx.fillText('latency ' + Math.round(last) + ' ms · server ' + Math.round(m.serverMs) + ' ms', margin, margin + 2 * line);
  }

  $('start').addEventListener('click', start);
  $('stop').addEventListener('click', stop);
  $('next').addEventListener('click', advance);
  document.addEventListener('keydown', (e) => {
    // Space is the live window's key for the same step; not while a form control has the focus (it has its own use).
    if (e.code !== 'Space' || $('guide').hidden || $('next').hidden || /^(INPUT|SELECT|BUTTON|TEXTAREA)$/.test(document.activeElement.tagName)) return;
    e.preventDefault();
    advance();
  });
})();
