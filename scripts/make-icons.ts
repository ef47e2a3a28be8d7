// Draws the toolbar icons (a lens over a page) as PNGs with zlib alone, so no image tool is needed.
// Run: npx tsx scripts/make-icons.ts — the PNGs under public/icons are committed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(rows, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

type Rgba = [number, number, number, number];
const BLUE: Rgba = [37, 99, 235, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** The colour at a point of the unit square: rounded blue tile, white lens ring and handle. */
function colourAt(x: number, y: number): Rgba {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if (Math.hypot(x - cx, y - cy) > r) return CLEAR;
  const d = Math.hypot(x - 0.43, y - 0.43);
  if (d > 0.19 && d < 0.28) return WHITE;
  // Handle: a thick segment from the ring towards the lower right corner.
  const t = Math.max(0, Math.min(1, (x - 0.62 + (y - 0.62)) / (2 * 0.18)));
  const px = 0.62 + t * 0.18;
  if (Math.hypot(x - px, y - px) < 0.065) return WHITE;
  // Three text lines inside the lens: the digest.
  if (x > 0.32 && x < 0.54 && [0.37, 0.43, 0.49].some((ly) => Math.abs(y - ly) < 0.015)) return WHITE;
  return BLUE;
}

function draw(size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const ss = 4; // supersampling per axis, for smooth edges
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = colourAt((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          // Premultiply so transparent samples do not darken edges.
          for (let i = 0; i < 3; i++) acc[i]! += (c[i]! * c[3]) / 255;
          acc[3]! += c[3];
        }
      }
      const a = acc[3]! / (ss * ss);
      const o = (y * size + x) * 4;
      for (let i = 0; i < 3; i++) out[o + i] = a > 0 ? Math.round(((acc[i]! / (ss * ss)) * 255) / a) : 0;
      out[o + 3] = Math.round(a);
    }
  }
  return out;
}

const dir = join(import.meta.dirname, '../public/icons');
for (const size of [16, 32, 48, 128]) writeFileSync(join(dir, `icon-${size}.png`), png(size, draw(size)));
console.log(`wrote ${dir}/icon-{16,32,48,128}.png`);
