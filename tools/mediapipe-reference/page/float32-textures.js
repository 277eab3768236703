// Opt-in diagnostic (--float32-textures): MediaPipe's web Pose runs its networks on WebGL (ML Drift)
// and keeps every activation in RGBA16F textures, i.e. rounds it to half precision between layers.
// This wrapper allocates those textures as RGBA32F instead and widens half-float uploads (the
// models' weights are fp16 already, so they convert exactly). Everything else is unchanged, so the
// difference from a normal run is the effect of fp16 activations alone. Not MediaPipe as shipped.
(function () {
  const RGBA16F = 0x881a;
  const RGBA32F = 0x8814;
  const HALF_FLOAT = 0x140b;
  const FLOAT = 0x1406;
  const stats = { storage2d: 0, storage3d: 0, uploads: 0 };
  window.float32TextureStats = stats;

  function halfToFloat(h) {
    const sign = h & 0x8000 ? -1 : 1;
    const exponent = (h >> 10) & 0x1f;
    const mantissa = h & 0x3ff;
    if (exponent === 0) return sign * mantissa * 2 ** -24;
    if (exponent === 31) return mantissa ? NaN : sign * Infinity;
    return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
  }

  // Emscripten passes its whole heap plus an element offset: convert only the texels uploaded.
  const CHANNELS = { 0x1903: 1, 0x8227: 2, 0x1907: 3, 0x1908: 4 }; // RED, RG, RGB, RGBA

  function channels(format) {
    const n = CHANNELS[format];
    if (!n) throw new Error(`float32-textures: half-float upload with unexpected format 0x${format.toString(16)}`);
    return n;
  }

  function widen(data, offset, count) {
    if (offset !== undefined) data = data.subarray(offset, offset + count);
    const out = new Float32Array(data.length);
    for (let i = 0; i < data.length; i++) out[i] = halfToFloat(data[i]);
    return out;
  }

  const proto = WebGL2RenderingContext.prototype;
  const texStorage2D = proto.texStorage2D;
  proto.texStorage2D = function (target, levels, internalFormat, width, height) {
    if (internalFormat === RGBA16F) { internalFormat = RGBA32F; stats.storage2d++; }
    return texStorage2D.call(this, target, levels, internalFormat, width, height);
  };
  const texStorage3D = proto.texStorage3D;
  proto.texStorage3D = function (target, levels, internalFormat, width, height, depth) {
    if (internalFormat === RGBA16F) { internalFormat = RGBA32F; stats.storage3d++; }
    return texStorage3D.call(this, target, levels, internalFormat, width, height, depth);
  };
  const texImage2D = proto.texImage2D;
  proto.texImage2D = function (...args) {
    if (args.length >= 9 && args[2] === RGBA16F) {
      args[2] = RGBA32F;
      if (args[7] === HALF_FLOAT) {
        args[7] = FLOAT;
        if (args[8]) args[8] = widen(args[8], args[9], args[3] * args[4] * channels(args[6]));
        args.length = 9;
      }
    }
    return texImage2D.apply(this, args);
  };
  const texSubImage2D = proto.texSubImage2D;
  proto.texSubImage2D = function (...args) {
    if (args.length >= 9 && args[7] === HALF_FLOAT && args[8] instanceof Uint16Array) {
      args[7] = FLOAT; args[8] = widen(args[8], args[9], args[4] * args[5] * channels(args[6])); args.length = 9; stats.uploads++;
    }
    return texSubImage2D.apply(this, args);
  };
  const texSubImage3D = proto.texSubImage3D;
  proto.texSubImage3D = function (...args) {
    if (args.length >= 11 && args[9] === HALF_FLOAT && args[10] instanceof Uint16Array) {
      args[9] = FLOAT; args[10] = widen(args[10], args[11], args[5] * args[6] * args[7] * channels(args[8])); args.length = 11; stats.uploads++;
    }
    return texSubImage3D.apply(this, args);
  };
})();
