// Draws the app icon (a white bridge arch on blue) into PNG files without any image library.
// Run once when the icon changes: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function png(size, scale) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      // Coordinates in the icon's own unit square, shrunk for the maskable safe zone.
      const u = (x - c) / (size * scale) + 0.5;
      const v = (y - c) / (size * scale) + 0.5;
      let color = [0x1f, 0x4e, 0x79];
      const dx = u - 0.5;
      const arch = Math.hypot(dx / 0.36, (v - 0.7) / 0.34);
      const onArch = arch > 0.85 && arch < 1 && v < 0.7;
      const onDeck = v > 0.52 && v < 0.58 && u > 0.1 && u < 0.9;
      const onPier = (Math.abs(u - 0.2) < 0.03 || Math.abs(u - 0.8) < 0.03) && v > 0.52 && v < 0.8;
      const onHanger =
        v > 0.36 && v < 0.52 && [0.35, 0.5, 0.65].some((p) => Math.abs(u - p) < 0.012) && arch < 1;
      if (onArch || onDeck || onPier || onHanger) color = [0xff, 0xff, 0xff];
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = color[0];
      raw[o + 1] = color[1];
      raw[o + 2] = color[2];
      raw[o + 3] = 255;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

writeFileSync('public/icon-192.png', png(192, 1));
writeFileSync('public/icon-512.png', png(512, 1));
writeFileSync('public/icon-maskable-512.png', png(512, 1.35));
writeFileSync('public/apple-touch-icon.png', png(180, 1));
