/** An sRGB colour as 0–255 channels. */
export type Rgb = readonly [number, number, number];

/**
 * Reads "#rgb", "#rrggbb" or "rgb(r, g, b)". Throws with the offending text when it cannot:
 * style rules come from pages, so a typo must say what is wrong.
 */
export function parseColour(text: string): Rgb {
  const s = text.trim().toLowerCase();
  let m = /^#([0-9a-f]{3})$/.exec(s);
  if (m) {
    const [r, g, b] = m[1].split('').map((c) => parseInt(c + c, 16));
    return [r, g, b];
  }
  m = /^#([0-9a-f]{6})$/.exec(s);
  if (m) {
    const n = parseInt(m[1], 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  m = /^rgb\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)$/.exec(s);
  if (m) {
    const rgb = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (rgb.every((c) => c <= 255)) return rgb as unknown as Rgb;
  }
  throw new Error(`"${text}" is not a colour (expected #rgb, #rrggbb or rgb(r, g, b))`);
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** Linear blend in sRGB, t in [0, 1]. */
export function mixColour(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t].map(Math.round) as unknown as Rgb;
}
