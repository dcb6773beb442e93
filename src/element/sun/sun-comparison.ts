/**
 * What the panel does with a sun-hours result: the ground heatmap of hours lost as a draped overlay (cells
 * merged into runs along each row, so a town is a few hundred polygons), and the per-building CSV.
 */
import type { Lang, OverlayData, OverlayFeature } from '../../core/index.js';
import { ecefToGeodetic, enuToEcef, transformPoint } from '../../core/geo/enu.js';
import type { BuildingSunRow, SunHoursResult } from '../../worker-clients/shadow-client.js';
import { st } from './sun-strings.js';

export const HEATMAP_OVERLAY_ID = 'twinby-sun-lost';

/** Classes of hours lost and their colours (pale yellow to deep red). */
export const lostClasses = [
  { from: 0.25, to: 0.5, colour: '#fde68a' },
  { from: 0.5, to: 1, colour: '#fbbf24' },
  { from: 1, to: 2, colour: '#f97316' },
  { from: 2, to: 3, colour: '#dc2626' },
  { from: 3, to: Infinity, colour: '#7f1d1d' },
];

function classOf(hours: number): number {
  for (let k = lostClasses.length - 1; k >= 0; k--) if (hours >= lostClasses[k].from) return k;
  return -1;
}

export function classLabel(lang: Lang, k: number): string {
  const c = lostClasses[k];
  const f = (n: number) => n.toLocaleString(lang === 'en' ? 'en' : 'de');
  return c.to === Infinity ? st(lang, 'lostMore', { from: f(c.from) }) : st(lang, 'lostClass', { from: f(c.from), to: f(c.to) });
}

/**
 * The ground heatmap of hours lost: cells of one class merged into rectangles (runs along a row, joined with
 * the same run in the rows above), so the overlay stays a few hundred polygons.
 */
export function heatmapOverlay(result: SunHoursResult, lang: Lang): OverlayData {
  const g = result.grid;
  const features: OverlayFeature[] = [];
  if (!g.lost) return { id: HEATMAP_OVERLAY_ID, features };
  const m = enuToEcef(result.frame.lon, result.frame.lat, result.frame.height);
  const labels = lostClasses.map((_, k) => ({ [st(lang, 'heatmap')]: classLabel(lang, k) }));
  const ecef = [0, 0, 0];
  const geo = [0, 0, 0];
  const toLonLat = (x: number, y: number, out: number[]) => {
    transformPoint(m, x, y, 0, ecef);
    ecefToGeodetic(ecef[0], ecef[1], ecef[2], geo);
    out.push(geo[0], geo[1]);
  };
  const push = (i: number, end: number, j0: number, j1: number, k: number) => {
    const x0 = g.minX + i * g.cellSize, x1 = g.minX + end * g.cellSize;
    const y0 = g.minY + j0 * g.cellSize, y1 = g.minY + j1 * g.cellSize;
    const ring: number[] = [];
    for (const [x, y] of [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]) toLonLat(x, y, ring);
    features.push({
      kind: 'draped-polygon',
      id: `lost-${j0}-${i}`,
      rings: [new Float64Array(ring)],
      zIndex: 50,
      style: { fill: lostClasses[k].colour, fillOpacity: 0.75 },
      properties: labels[k],
    });
  };
  // runs of one class along each row; a run identical to one in the row below extends that rectangle
  let open = new Map<string, number>(); // "i,end,k" → first row
  for (let j = 0; j <= g.ny; j++) {
    const next = new Map<string, number>();
    for (let i = 0; j < g.ny && i < g.nx; ) {
      const k = classOf(g.lost[j * g.nx + i]);
      let end = i + 1;
      while (end < g.nx && classOf(g.lost[j * g.nx + end]) === k) end++;
      if (k >= 0) {
        const key = `${i},${end},${k}`;
        next.set(key, open.get(key) ?? j);
        open.delete(key);
      }
      i = end;
    }
    for (const [key, j0] of open) {
      const [i, end, k] = key.split(',').map(Number);
      push(i, end, j0, j, k);
    }
    open = next;
  }
  return { id: HEATMAP_OVERLAY_ID, features };
}

/** Share of facade points with at least 1.5 h (DIN EN 17037 minimum) before and after. */
export function minimumShare(row: BuildingSunRow, which: 'baseLevels' | 'variantLevels'): number {
  const l = row[which];
  const total = l.none + l.minimum + l.medium + l.high;
  return total ? (l.minimum + l.medium + l.high) / total : 0;
}

const csvCell = (v: string | number) => {
  const s = String(v);
  // text from data stays text: quote it, and defuse spreadsheet formulas
  return /^[=+\-@]/.test(s) || /[";\n]/.test(s) ? `"${s.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : s;
};

/** The per-building table as CSV (semicolon-separated, decimal point), one line per building. */
export function comparisonCsv(result: SunHoursResult, labels: { base: string; variant: string }): string {
  const head = [
    'id',
    'facade_m2',
    'points',
    `hours_${labels.base}`,
    `hours_${labels.variant}`,
    'hours_lost',
    'max_hours_lost',
    `din_min_share_${labels.base}`,
    `din_min_share_${labels.variant}`,
    'din_high_points_before',
    'din_high_points_after',
  ];
  const lines = [head.map(csvCell).join(';')];
  for (const r of result.buildings) {
    lines.push(
      [
        r.id,
        r.facadeArea.toFixed(1),
        r.points,
        r.baseHours.toFixed(2),
        r.variantHours.toFixed(2),
        r.lostHours.toFixed(2),
        r.maxLostHours.toFixed(2),
        minimumShare(r, 'baseLevels').toFixed(3),
        minimumShare(r, 'variantLevels').toFixed(3),
        r.baseLevels.high,
        r.variantLevels.high,
      ]
        .map(csvCell)
        .join(';'),
    );
  }
  return `${lines.join('\n')}\n`;
}
