// Browser side of the reference run. Node drives it through two functions:
//   await window.poseRunner.start(options, width, height)
//   await window.poseRunner.processFrame(index, timestampMs) -> { landmarks | null, sendMs }
// Frames arrive as raw RGBA from the local server and are put on a canvas unchanged.
(function () {
  let pose = null;
  let canvas = null;
  let context = null;
  let latest = null;

  async function start(options, width, height) {
    canvas = document.getElementById('frame');
    canvas.width = width;
    canvas.height = height;
    context = canvas.getContext('2d', { willReadFrequently: false });
    pose = new Pose({ locateFile: (file) => `/mp/${file}` });
    pose.setOptions(options);
    pose.onResults((results) => { latest = results; });
    const t0 = performance.now();
    await pose.initialize();
    return { initializeMs: performance.now() - t0, version: typeof VERSION !== 'undefined' ? VERSION : null };
  }

  async function processFrame(index, timestampMs) {
    const response = await fetch(`/frame?index=${index}`, { cache: 'no-store' });
    if (!response.ok) throw new Error(`frame ${index}: ${response.status} ${await response.text()}`);
    const bytes = new Uint8ClampedArray(await response.arrayBuffer());
    context.putImageData(new ImageData(bytes, canvas.width, canvas.height), 0, 0);
    latest = null;
    const t0 = performance.now();
    await pose.send({ image: canvas }, timestampMs);
    const sendMs = performance.now() - t0;
    const list = latest && latest.poseLandmarks;
    let landmarks = null;
    if (list && list.length > 0) {
      landmarks = new Array(list.length * 4);
      for (let i = 0; i < list.length; i++) {
        const lm = list[i];
        landmarks[4 * i] = lm.x;
        landmarks[4 * i + 1] = lm.y;
        landmarks[4 * i + 2] = lm.z;
        landmarks[4 * i + 3] = lm.visibility === undefined ? null : lm.visibility;
      }
    }
    // --dump-stages only: the graph's internal streams as serialized protos (node decodes them).
    const stages = {};
    for (const key of ['poseDetection', 'poseRectFromDetection', 'poseRectFromLandmarks']) {
      const value = latest && latest[key];
      if (value !== undefined && value !== null) stages[key] = value instanceof Uint8Array ? Array.from(value) : `unexpected ${Object.prototype.toString.call(value)}`;
    }
    return { landmarks, sendMs, resultsCalled: latest !== null, stages };
  }

  window.poseRunner = { start, processFrame };
})();
