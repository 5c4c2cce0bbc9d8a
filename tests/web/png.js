// PNG reading for the browser tests (no package needed): 8-bit greyscale,
// RGB, grey+alpha or RGBA, not interlaced (what chromium and optiviz
// write), into RGBA; and the frame comparison of tests/test_render_golden.c.
"use strict";
const zlib = require("zlib");

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function crc32(buf) {
  let c = ~0;
  for (let i = 0; i < buf.length; i++) {
    c ^= buf[i];
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

// Checks signature, chunk CRCs, IHDR and IEND; returns {width, height,
// data (RGBA rows top-down)}. Throws on anything malformed.
function decode(buf) {
  if (buf.length < 8 || !buf.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG (signature)");
  let off = 8, ihdr = null, idat = [], ended = false;
  while (off + 12 <= buf.length) {
    const len = buf.readUInt32BE(off), type = buf.toString("latin1", off + 4, off + 8);
    if (off + 12 + len > buf.length) throw new Error("truncated chunk " + type);
    const body = buf.subarray(off + 8, off + 8 + len);
    if (crc32(buf.subarray(off + 4, off + 8 + len)) !== buf.readUInt32BE(off + 8 + len))
      throw new Error("bad CRC in " + type);
    if (type === "IHDR") ihdr = body;
    else if (type === "IDAT") idat.push(body);
    else if (type === "IEND") { ended = true; break; }
    off += 12 + len;
  }
  if (!ihdr || !ended) throw new Error("no IHDR or IEND");
  const width = ihdr.readUInt32BE(0), height = ihdr.readUInt32BE(4);
  const depth = ihdr[8], ctype = ihdr[9], interlace = ihdr[12];
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[ctype];
  if (depth !== 8 || !channels || interlace !== 0)
    throw new Error(`unsupported PNG: depth ${depth}, colour type ${ctype}, interlace ${interlace}`);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length !== height * (stride + 1)) throw new Error("image data of the wrong size");
  const cur = Buffer.alloc(stride), prev = Buffer.alloc(stride);
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? cur[i - channels] : 0, b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      let v = row[i];
      if (f === 1) v += a;
      else if (f === 2) v += b;
      else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (f !== 0) throw new Error("bad filter " + f);
      cur[i] = v & 255;
    }
    for (let x = 0; x < width; x++) {
      const s = x * channels, d = (y * width + x) * 4;
      if (channels >= 3) { data[d] = cur[s]; data[d + 1] = cur[s + 1]; data[d + 2] = cur[s + 2]; }
      else { data[d] = data[d + 1] = data[d + 2] = cur[s]; }
      data[d + 3] = channels === 4 ? cur[s + 3] : channels === 2 ? cur[s + 1] : 255;
    }
    cur.copy(prev);
  }
  return { width, height, data };
}

// The golden test's measure: a pixel is off when one of its channels lies
// more than tol outside the range of the reference's 3 x 3 neighbourhood
// (anti-aliased edges that move by under a pixel pass). Returns the count
// of pixels off and the worst excess.
function compare(img, ref, tol) {
  if (img.width !== ref.width || img.height !== ref.height)
    return { off: img.width * img.height, worst: 255, sizes: false };
  const W = img.width, H = img.height;
  let off = 0, worst = 0;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      let excess = 0;
      for (let k = 0; k < 3; k++) {
        let lo = 255, hi = 0;
        for (let j = Math.max(0, y - 1); j <= Math.min(H - 1, y + 1); j++)
          for (let i = Math.max(0, x - 1); i <= Math.min(W - 1, x + 1); i++) {
            const g = ref.data[(j * W + i) * 4 + k];
            if (g < lo) lo = g;
            if (g > hi) hi = g;
          }
        const p = img.data[(y * W + x) * 4 + k];
        const e = p < lo ? lo - p : p > hi ? p - hi : 0;
        if (e > excess) excess = e;
      }
      if (excess > worst) worst = excess;
      if (excess > tol) off++;
    }
  return { off, worst, sizes: true };
}

// Pixels whose colour differs at all between two images of one size.
function changed(a, b) {
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4)
    if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) n++;
  return n;
}

module.exports = { decode, compare, changed, crc32 };
