#!/usr/bin/env node
// Draws the app and tray icons as PNGs into build/icons/ (no image tools, no network): a tiny rasteriser with
// 4×4 supersampling and a minimal PNG encoder. Run `npm run icons` after changing a shape or colour; the PNGs
// are committed so packaging never depends on this script.
//
//   build/icons/icon.png               1024×1024  app icon (electron-builder makes .icns/.ico from it)
//   build/icons/512x512.png, 256x256.png          smaller renders (Linux window icon, docs)
//   build/icons/tray/tray-<state>.png (+@2x)      16/32 px coloured tray icons (Windows, Linux)
//   build/icons/tray/tray-<state>Template.png (+@2x)  16/32 px monochrome template images (macOS menu bar)
//   renderer/public/favicon.ico        16, 32 and 48 px app icon for the web build (issue 16: /favicon.ico was 404)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const rootDir = fileURLToPath(new URL('..', import.meta.url));
const iconsDir = join(rootDir, 'build', 'icons');
const trayDir = join(iconsDir, 'tray');
const publicDir = join(rootDir, 'renderer', 'public');

/** The sync states the tray shows (shared/ipc/contract.ts SYNC_STATES). */
export const TRAY_STATES = ['local-only', 'offline', 'syncing', 'synced', 'error'];

// ---------- PNG encoding ----------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** @param {Buffer} bytes */
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * An RGBA PNG (colour type 6, 8 bits per channel, no interlace).
 * @param {number} width @param {number} height @param {Uint8Array} rgba
 */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 6;
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(
      rows,
      y * (width * 4 + 1) + 1,
    );
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------- shapes in unit coordinates (0..1, y down) ----------

/** @typedef {[number, number, number, number]} Rgba  (0–255 each) */
/** @typedef {{ contains: (x: number, y: number) => boolean, color: Rgba | ((x: number, y: number) => Rgba) }} Shape */

const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
/** A ring with an opening centred on `gapAt` radians (0 = right, clockwise because y points down). */
const arc = (cx, cy, outer, inner, gapAt, gapWidth) => (x, y) => {
  const d2 = (x - cx) ** 2 + (y - cy) ** 2;
  if (d2 > outer * outer || d2 < inner * inner) return false;
  const angle = Math.atan2(y - cy, x - cx);
  const delta = Math.abs(Math.atan2(Math.sin(angle - gapAt), Math.cos(angle - gapAt)));
  return delta > gapWidth / 2;
};
/** A line segment with round caps. */
const stroke = (ax, ay, bx, by, width) => (x, y) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - (ax + t * dx)) ** 2 + (y - (ay + t * dy)) ** 2 <= (width / 2) ** 2;
};
const union =
  (...parts) =>
  (x, y) =>
    parts.some((part) => part(x, y));
const minus = (shape, hole) => (x, y) => shape(x, y) && !hole(x, y);

/**
 * Rasterises layered shapes (later ones on top) with n×n supersampling.
 * @param {number} size @param {Shape[]} layers
 */
function render(size, layers, samples = 4) {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let color = null;
          for (const layer of layers) {
            if (layer.contains(x, y))
              color = typeof layer.color === 'function' ? layer.color(x, y) : layer.color;
          }
          if (color) {
            const alpha = color[3] / 255;
            r += color[0] * alpha;
            g += color[1] * alpha;
            b += color[2] * alpha;
            a += alpha;
          }
        }
      }
      const i = (py * size + px) * 4;
      const n = samples * samples;
      // Un-premultiply: PNG stores straight alpha.
      rgba[i] = a > 0 ? Math.round(r / a) : 0;
      rgba[i + 1] = a > 0 ? Math.round(g / a) : 0;
      rgba[i + 2] = a > 0 ? Math.round(b / a) : 0;
      rgba[i + 3] = Math.round((a / n) * 255);
    }
  }
  return rgba;
}

/**
 * An .ico file holding PNG images (the format browsers and Windows read since Vista): a 6-byte header, a
 * 16-byte directory entry per image, then the PNGs.
 * @param {{ size: number, png: Buffer }[]} images
 */
export function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // width (0 = 256)
    entry.writeUInt8(size >= 256 ? 0 : size, 1); // height
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => png)]);
}

// ---------- the designs ----------

const WHITE = [255, 255, 255, 255];
const BLACK = [0, 0, 0, 255];
const ACCENT = [249, 115, 22, 255]; // orange: "in the field"
const STATE_COLORS = {
  'local-only': [107, 114, 128, 255],
  offline: [107, 114, 128, 255],
  syncing: [37, 99, 235, 255],
  synced: [22, 163, 74, 255],
  error: [220, 38, 38, 255],
};

/** Blue rounded square, a white open ring (the "C" of CRM, a circle of customers) and an orange map-pin dot. */
function appIconLayers() {
  const mix = (top, bottom, t) =>
    top.map((value, i) => Math.round(value + (bottom[i] - value) * t));
  return [
    {
      contains: roundedRect(0.06, 0.06, 0.94, 0.94, 0.2),
      color: (_x, y) => [...mix([59, 130, 246], [30, 64, 175], y).slice(0, 3), 255],
    },
    { contains: arc(0.47, 0.5, 0.3, 0.19, 0, Math.PI / 2.4), color: WHITE },
    { contains: circle(0.72, 0.5, 0.085), color: ACCENT },
  ];
}

/** The tray mark: the ring alone (legible at 16 px), plus a badge in the bottom-right corner per state. */
function trayLayers(state, template) {
  const ink = template ? BLACK : [30, 64, 175, 255];
  const badgeColor = template ? BLACK : STATE_COLORS[state];
  const clear = [0, 0, 0, 0];
  const ring = arc(0.42, 0.45, 0.36, 0.22, 0, Math.PI / 2.6);
  const badgeArea = circle(0.76, 0.76, 0.26);
  const layers = [
    { contains: minus(ring, state === 'local-only' ? () => false : badgeArea), color: ink },
  ];
  switch (state) {
    case 'synced':
      layers.push({ contains: circle(0.76, 0.76, 0.2), color: badgeColor });
      layers.push({
        contains: union(stroke(0.66, 0.77, 0.73, 0.84, 0.07), stroke(0.73, 0.84, 0.86, 0.68, 0.07)),
        color: template ? clear : WHITE,
      });
      break;
    case 'syncing':
      layers.push({
        contains: arc(0.76, 0.76, 0.2, 0.12, -Math.PI / 4, Math.PI / 2.5),
        color: badgeColor,
      });
      break;
    case 'offline':
      layers.push({ contains: stroke(0.62, 0.92, 0.92, 0.6, 0.1), color: badgeColor });
      break;
    case 'error':
      layers.push({ contains: circle(0.76, 0.76, 0.2), color: badgeColor });
      layers.push({
        contains: union(stroke(0.76, 0.65, 0.76, 0.78, 0.08), circle(0.76, 0.87, 0.045)),
        color: template ? clear : WHITE,
      });
      break;
    default:
      break;
  }
  return layers;
}

function write(path, size, layers) {
  writeFileSync(path, encodePng(size, size, render(size, layers)));
}

export function generateIcons() {
  mkdirSync(trayDir, { recursive: true });
  write(join(iconsDir, 'icon.png'), 1024, appIconLayers());
  for (const size of [512, 256])
    write(join(iconsDir, `${size}x${size}.png`), size, appIconLayers());
  for (const state of TRAY_STATES) {
    for (const template of [false, true]) {
      const name = `tray-${state}${template ? 'Template' : ''}`;
      write(join(trayDir, `${name}.png`), 16, trayLayers(state, template));
      write(join(trayDir, `${name}@2x.png`), 32, trayLayers(state, template));
    }
  }
  mkdirSync(publicDir, { recursive: true });
  const favicon = [16, 32, 48].map((size) => ({
    size,
    png: encodePng(size, size, render(size, appIconLayers())),
  }));
  writeFileSync(join(publicDir, 'favicon.ico'), encodeIco(favicon));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  generateIcons();
  console.log(`icons written to ${iconsDir}`);
}
