// Draws images/icon.png (128×128): a dark tile, three text lines, the last one underlined with a
// wavy warning line and a check mark on a cited line. No dependencies: raw PNG via zlib.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const N = 128, S = 4; // supersampling
const img = new Float32Array(N * N * 4);
const bg = [29, 43, 58], fg = [236, 240, 244], warn = [242, 180, 65], ok = [96, 200, 140];
const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r), cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
};
const segDist = (px, py, ax, ay, bx, by) => {
  const dx = bx - ax, dy = by - ay, t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
};
function shade(x, y) {
  if (!inRoundRect(x, y, 4, 4, 124, 124, 22)) return null;
  // check mark next to the first line
  if (segDist(x, y, 24, 36, 31, 43) < 3.2 || segDist(x, y, 31, 43, 44, 28) < 3.2) return ok;
  // text lines
  if (inRoundRect(x, y, 52, 31, 104, 41, 5)) return fg;
  if (inRoundRect(x, y, 24, 56, 104, 66, 5)) return fg;
  if (inRoundRect(x, y, 24, 81, 84, 91, 5)) return fg;
  // wavy underline under the last line
  const wave = 101 + 3.2 * Math.sin((x - 24) / 4.2);
  if (x >= 22 && x <= 88 && Math.abs(y - wave) < 2.2) return warn;
  return bg;
}
for (let py = 0; py < N; py++) for (let px = 0; px < N; px++) {
  let r = 0, g = 0, b = 0, a = 0;
  for (let sy = 0; sy < S; sy++) for (let sx = 0; sx < S; sx++) {
    const c = shade(px + (sx + 0.5) / S, py + (sy + 0.5) / S);
    if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
  }
  const i = (py * N + px) * 4, k = S * S;
  img[i] = a ? r / a : 0; img[i + 1] = a ? g / a : 0; img[i + 2] = a ? b / a : 0; img[i + 3] = (a / k) * 255;
}
const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0;
  for (let x = 0; x < N * 4; x++) raw[y * (N * 4 + 1) + 1 + x] = Math.round(img[y * N * 4 + x]);
}
const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const c = Buffer.alloc(4); c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(N, 0); ihdr.writeUInt32BE(N, 4); ihdr[8] = 8; ihdr[9] = 6;
writeFileSync(new URL('../images/icon.png', import.meta.url), Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
]));
