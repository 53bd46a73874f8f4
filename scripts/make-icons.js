#!/usr/bin/env node
/*
 * Generates the Teams app icons with nothing but Node's zlib:
 *   manifests/teams/color.png    192x192, full colour (rounded square in the accent colour,
 *                                white "network" of three linked dots)
 *   manifests/teams/outline.png   32x32, white on transparent (the same three linked dots)
 *
 * Usage: node scripts/make-icons.js [outDir]   (default: manifests/teams)
 * The PNGs are committed; re-run this only when the design changes.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

// Keep in step with "accentColor" in manifests/teams/manifest.template.json.
const ACCENT = [0x2e, 0x5a, 0x88];

// ---------------------------------------------------------------- PNG encoding
// zlib.crc32 is built into Node from 20.15.
const crc32 = (buf) => zlib.crc32(buf);

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length, 0);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData), 0);
  return Buffer.concat([len, typeAndData, crc]);
}

/** rgba: Uint8Array of width*height*4 bytes. Returns an 8-bit RGBA PNG. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- shapes
function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function inCircle(x, y, c) {
  return (x - c.x) ** 2 + (y - c.y) ** 2 <= c.r * c.r;
}

function inSegment(x, y, a, b, halfWidth) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / (dx * dx + dy * dy)));
  const px = a.x + t * dx;
  const py = a.y + t * dy;
  return (x - px) ** 2 + (y - py) ** 2 <= halfWidth * halfWidth;
}

/** Three dots in a triangle, each linked to the others: a small "network". */
function networkSymbol(size, scale) {
  const s = size / 32; // designed on a 32-unit grid
  const dots = [
    { x: 16 * s, y: 8.5 * s, r: 4.2 * s * scale },
    { x: 7.5 * s, y: 23 * s, r: 4.2 * s * scale },
    { x: 24.5 * s, y: 23 * s, r: 4.2 * s * scale },
  ];
  const half = 1.1 * s * scale;
  return (x, y) =>
    dots.some((d) => inCircle(x, y, d)) ||
    inSegment(x, y, dots[0], dots[1], half) ||
    inSegment(x, y, dots[1], dots[2], half) ||
    inSegment(x, y, dots[2], dots[0], half);
}

/**
 * Renders with 4x4 supersampling. background(x, y) and foreground(x, y) say whether a
 * point is inside; the foreground is white, the background is bgColour.
 */
function render(size, background, bgColour, foreground) {
  const n = 4;
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = px + (sx + 0.5) / n;
          const y = py + (sy + 0.5) / n;
          if (foreground(x, y)) fg++;
          else if (background && background(x, y)) bg++;
        }
      }
      const fgA = fg / (n * n);
      const bgA = bg / (n * n);
      const a = fgA + bgA;
      const i = (py * size + px) * 4;
      if (a === 0) {
        // Fully transparent: white, so the outline icon never holds a non-white pixel.
        out.set([255, 255, 255, 0], i);
        continue;
      }
      for (let c = 0; c < 3; c++) {
        out[i + c] = Math.round((255 * fgA + bgColour[c] * bgA) / a);
      }
      out[i + 3] = Math.round(a * 255);
    }
  }
  return out;
}

function makeColour() {
  const size = 192;
  // The symbol is drawn on a grid three quarters of the tile wide, centred.
  const symbol = networkSymbol(size * 0.75, 1);
  const offset = size * 0.125;
  const fg = (x, y) => symbol(x - offset, y - offset);
  const bg = (x, y) => inRoundedRect(x, y, 0, 0, size, size, 36);
  return encodePng(size, size, render(size, bg, ACCENT, fg));
}

function makeOutline() {
  const size = 32;
  return encodePng(size, size, render(size, null, [255, 255, 255], networkSymbol(size, 0.95)));
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, '..', 'manifests', 'teams'));
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'color.png'), makeColour());
  fs.writeFileSync(path.join(outDir, 'outline.png'), makeOutline());
  console.log(`Wrote ${path.join(outDir, 'color.png')} (192x192) and ${path.join(outDir, 'outline.png')} (32x32)`);
}

if (require.main === module) main();

module.exports = { encodePng, crc32 };
