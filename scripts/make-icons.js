#!/usr/bin/env node
// Writes the app's icon set under build/ (committed): a rounded square with a
// hook-like mark, drawn pixel by pixel into PNGs with zlib, no image library.
// electron-builder makes the .icns and .ico from build/icon.png (512 px or more).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGBA PNG of size×size from pixel(x, y) → [r, g, b, a], coordinates in 0..1. */
export function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel((x + 0.5) / size, (y + 0.5) / size);
      row.set([r, g, b, a], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Indigo rounded square; a white ring open at the top-right with a dot: a delivery arriving. */
function icon(x, y) {
  const inset = 0.06;
  const radius = 0.2;
  const cx = Math.min(Math.max(x, inset + radius), 1 - inset - radius);
  const cy = Math.min(Math.max(y, inset + radius), 1 - inset - radius);
  if (Math.hypot(x - cx, y - cy) > radius) return [0, 0, 0, 0];
  const d = Math.hypot(x - 0.5, y - 0.53);
  const angle = Math.atan2(y - 0.53, x - 0.5);
  const ring = d > 0.2 && d < 0.28 && !(angle > -Math.PI / 2 && angle < -Math.PI / 8);
  const dot = Math.hypot(x - 0.7, y - 0.3) < 0.06;
  if (ring || dot) return [255, 255, 255, 255];
  return [79, 70, 229, 255];
}

const SIZES = [16, 32, 48, 64, 128, 256, 512];
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(join(root, 'build/icons'), { recursive: true });
  writeFileSync(join(root, 'build/icon.png'), png(1024, icon));
  for (const size of SIZES) writeFileSync(join(root, `build/icons/${size}x${size}.png`), png(size, icon));
  console.log(`Wrote build/icon.png and ${SIZES.length} sizes under build/icons/.`);
}
