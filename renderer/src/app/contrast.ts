// WCAG 2.1 contrast arithmetic for the theme (theme.ts): the relative luminance and contrast ratio of sRGB
// colors, and the nearest shade of a color that reaches a ratio against a background.

/** Text of normal size needs 4.5:1 (WCAG 2.1 AA, 1.4.3); large text and UI parts 3:1. */
export const AA_TEXT = 4.5;

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  const value = hex.replace('#', '');
  const full =
    value.length === 3
      ? value
          .split('')
          .map((c) => c + c)
          .join('')
      : value;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`not a hex color: ${hex}`);
  const n = parseInt(full, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

/** Relative luminance (WCAG 2.1 definition). */
export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio between two colors, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * `color` itself when it reaches `ratio` against `background`; otherwise the least step towards black (on a
 * light background) or white (on a dark one) that does, so the hue stays recognizably the same.
 */
export function readableOn(color: string, background: string, ratio = AA_TEXT): string {
  if (contrastRatio(color, background) >= ratio) return color.toLowerCase();
  const source = parseHex(color);
  const towards = luminance(background) > 0.18 ? 0 : 255;
  for (let step = 1; step <= 100; step++) {
    const t = step / 100;
    const mixed = toHex(source.map((v) => v + (towards - v) * t) as Rgb);
    if (contrastRatio(mixed, background) >= ratio) return mixed;
  }
  return towards === 0 ? '#000000' : '#ffffff';
}

/** The color mixed `amount` (0–1) of the way towards black: hover shades of filled backgrounds. */
export function darker(color: string, amount: number): string {
  return toHex(parseHex(color).map((v) => v * (1 - amount)) as Rgb);
}
