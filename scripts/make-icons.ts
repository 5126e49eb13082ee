/**
 * Draws the Teams app icons: `manifest/color.png` (192×192, full colour) and `manifest/outline.png`
 * (32×32, white on transparent). Both show a speech bubble with a headset in it.
 *
 * The PNGs are committed; run this again only to change the drawing:
 *   npx tsx scripts/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

/** The accent colour of the app; the manifest template's `accentColor` uses the same value. */
export const ACCENT_COLOR = '#4B53BC';

type Rgb = readonly [number, number, number];
type Point = readonly [number, number];

const WHITE: Rgb = [255, 255, 255];

function hexToRgb(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(match[1], 16), parseInt(match[2], 16), parseInt(match[3], 16)];
}

// Signed distance functions in unit coordinates (x right, y down): negative inside.

function roundedBox(x: number, y: number, cx: number, cy: number, hw: number, hh: number, r: number): number {
  const qx = Math.abs(x - cx) - (hw - r);
  const qy = Math.abs(y - cy) - (hh - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

function segment(x: number, y: number, ax: number, ay: number, bx: number, by: number, halfWidth: number): number {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t) - halfWidth;
}

/** Signed distance to the triangle a-b-c. */
function triangle(x: number, y: number, a: Point, b: Point, c: Point): number {
  const edges: Array<[Point, Point]> = [
    [a, b],
    [b, c],
    [c, a],
  ];
  const distance = Math.min(...edges.map(([p, q]) => segment(x, y, p[0], p[1], q[0], q[1], 0)));
  const side = (p: Point, q: Point) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const sides = edges.map(([p, q]) => side(p, q));
  const inside = sides.every((v) => v >= 0) || sides.every((v) => v <= 0);
  return inside ? -distance : distance;
}

/** The speech bubble, as a signed distance: a rounded rectangle with a tail at the bottom left. */
function bubble(x: number, y: number): number {
  const body = roundedBox(x, y, 0.5, 0.44, 0.32, 0.24, 0.12);
  // the tail only matters near its bounding box
  if (x < 0.16 || x > 0.57 || y < 0.5 || y > 0.93) return body;
  return Math.min(body, triangle(x, y, [0.3, 0.6], [0.47, 0.6], [0.26, 0.83]));
}

/**
 * The headset inside the bubble: head band, two ear cups, microphone boom. `weight` thickens the
 * strokes, so the headset stays readable at 32×32.
 */
function inHeadset(x: number, y: number, weight: number): boolean {
  const cx = 0.5;
  const cy = 0.45;
  const stroke = 0.026 * weight;
  // head band: the upper half of a ring
  const ring = Math.abs(Math.hypot(x - cx, y - cy) - 0.14) - stroke;
  if (ring <= 0 && y <= cy + 0.01) return true;
  // ear cups
  const cupHalfWidth = 0.04 * Math.sqrt(weight);
  if (roundedBox(x, y, cx - 0.14, cy + 0.035, cupHalfWidth, 0.07, 0.03) <= 0) return true;
  if (roundedBox(x, y, cx + 0.14, cy + 0.035, cupHalfWidth, 0.07, 0.03) <= 0) return true;
  // microphone boom from the right cup towards the mouth, and the microphone
  const boom = 0.018 * weight;
  if (segment(x, y, cx + 0.14, cy + 0.1, cx + 0.08, cy + 0.16, boom) <= 0) return true;
  if (segment(x, y, cx + 0.08, cy + 0.16, cx + 0.01, cy + 0.16, boom) <= 0) return true;
  return roundedBox(x, y, cx - 0.005, cy + 0.16, 0.04, 0.028 * weight, 0.028 * weight) <= 0;
}

/** What a point of the picture shows. */
type Layer = 'background' | 'bubble' | 'headset';

interface Drawing {
  /** size of the drawing relative to the default, about the centre of the square */
  readonly scale: number;
  /** stroke weight of the headset */
  readonly weight: number;
  /** size of the headset inside the bubble, about the bubble's centre */
  readonly headsetScale: number;
  /** when set, the bubble is only a border this thick (in unit coordinates), not filled */
  readonly border?: number;
}

function layerAt(x: number, y: number, drawing: Drawing): Layer {
  const ux = 0.5 + (x - 0.5) / drawing.scale;
  const uy = 0.5 + (y - 0.5) / drawing.scale;
  const d = bubble(ux, uy);
  if (d > 0) return 'background';
  const hx = 0.5 + (ux - 0.5) / drawing.headsetScale;
  const hy = 0.47 + (uy - 0.47) / drawing.headsetScale;
  if (inHeadset(hx, hy, drawing.weight / drawing.headsetScale)) return 'headset';
  if (drawing.border !== undefined && d < -drawing.border) return 'background';
  return 'bubble';
}

/** Renders size×size RGBA pixels, averaging 4×4 samples a pixel for smooth edges. */
function render(size: number, drawing: Drawing, paint: (layer: Layer) => readonly [number, number, number, number]): PNG {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const rgba = paint(layerAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, drawing));
          // premultiplied, so transparent samples do not darken the edges
          sum[0] += rgba[0] * rgba[3];
          sum[1] += rgba[1] * rgba[3];
          sum[2] += rgba[2] * rgba[3];
          sum[3] += rgba[3];
        }
      }
      const offset = (py * size + px) * 4;
      const alpha = sum[3] / (samples * samples);
      for (let c = 0; c < 3; c++) png.data[offset + c] = sum[3] === 0 ? 255 : Math.round(sum[c] / sum[3]);
      png.data[offset + 3] = Math.round(alpha);
    }
  }
  return png;
}

/** 192×192 full-colour icon: white bubble and accent-coloured headset on an accent background. */
export function drawColorIcon(): Buffer {
  const accent = hexToRgb(ACCENT_COLOR);
  const png = render(192, { scale: 1, weight: 1, headsetScale: 1 }, (layer) => (layer === 'bubble' ? [...WHITE, 255] : [...accent, 255]));
  return PNG.sync.write(png, { colorType: 6 });
}

/** 32×32 outline icon: the bubble's border and the headset in white, on a transparent background. */
export function drawOutlineIcon(): Buffer {
  const png = render(32, { scale: 1.3, weight: 1.4, headsetScale: 0.85, border: 0.065 }, (layer) =>
    layer === 'background' ? [...WHITE, 0] : [...WHITE, 255],
  );
  return PNG.sync.write(png, { colorType: 6 });
}

if (require.main === module) {
  const dir = path.resolve(__dirname, '..', 'manifest');
  writeFileSync(path.join(dir, 'color.png'), drawColorIcon());
  writeFileSync(path.join(dir, 'outline.png'), drawOutlineIcon());
  console.log(`wrote ${path.join(dir, 'color.png')} and ${path.join(dir, 'outline.png')}`);
}
