/**
 * The view as a PNG at 1×, 2× or a given size (at most 3840×2160): the engine draws one frame into a drawing
 * buffer of that size (the canvas keeps its CSS size, so the page does not jump), the frame is copied in the
 * same task as it was drawn (no preserveDrawingBuffer needed), then attribution, north arrow, scale bar,
 * sun time and title are drawn on top. The buffer goes back to the screen's size afterwards, also on failure.
 */
import { METRES_PER_DEGREE } from '../../core/index.js';
import type { Engine } from '../../engines/engine.js';

export const MAX_PNG_WIDTH = 3840;
export const MAX_PNG_HEIGHT = 2160;

export interface PngOptions {
  /** Multiple of the view's CSS size (default 1); ignored when width and height are given. */
  scale?: number;
  width?: number;
  height?: number;
  title?: string;
  /** Used when the tileset's asset.copyright is empty. */
  attribution?: string;
}

export interface PngResult {
  blob: Blob;
  width: number;
  height: number;
  /** The attribution lines drawn (bottom right). */
  attribution: string[];
  /** The composed image (for checks and previews). */
  canvas: HTMLCanvasElement;
}

interface ViewerLike extends HTMLElement {
  src?: string | null;
}

export async function exportPng(engine: Engine, stage: HTMLElement, viewer: ViewerLike, options: PngOptions): Promise<PngResult> {
  const cssW = stage.clientWidth || 300;
  const cssH = stage.clientHeight || 150;
  const scale = options.scale ?? 1;
  const width = Math.round(options.width ?? cssW * scale);
  const height = Math.round(options.height ?? cssH * scale);
  if (!(width >= 1 && height >= 1 && width <= MAX_PNG_WIDTH && height <= MAX_PNG_HEIGHT)) {
    throw new RangeError(`PNG size ${width}×${height} is outside 1×1 … ${MAX_PNG_WIDTH}×${MAX_PNG_HEIGHT}`);
  }
  const source = stage.querySelector('canvas');
  if (!source) throw new Error('the viewer has no canvas yet');
  const view = engine.getView();
  const metresPerCssPixel = await groundScale(engine, stage);
  const attribution = await attributionLines(viewer, options.attribution);

  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const ctx = out.getContext('2d')!;
  try {
    await new Promise<void>((resolve) => {
      const off = engine.events.on('render', () => {
        off();
        ctx.drawImage(source, 0, 0, source.width, source.height, 0, 0, width, height);
        resolve();
      });
      engine.resize(width, height, 1);
      engine.requestRender();
    });
  } finally {
    engine.resize(cssW, cssH, globalThis.devicePixelRatio || 1);
  }

  const unit = Math.max(1, Math.min(width, height) / 720);
  drawNorthArrow(ctx, width - 40 * unit, 44 * unit, 22 * unit, view.heading);
  // the export shows as much ground as the screen across its width: metres per output pixel scale with it
  if (metresPerCssPixel) drawScaleBar(ctx, 16 * unit, height - 18 * unit, (metresPerCssPixel * cssW) / width, width / 5, unit);
  const sun = viewer.querySelector<HTMLElement & { date: string; time: string; noShadows: boolean }>('twinby-sun');
  const top: string[] = [];
  if (options.title) top.push(options.title);
  if (sun && !sun.noShadows) top.push(`Sonne ${formatDate(sun.date)} ${sun.time} (MEZ/MESZ)`);
  drawTextBlock(ctx, top, 16 * unit, 16 * unit, unit, 'left', 'top');
  drawTextBlock(ctx, attribution, width - 12 * unit, height - 10 * unit, unit * 0.8, 'right', 'bottom');

  const blob = await new Promise<Blob>((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png'));
  return { blob, width, height, attribution, canvas: out };
}

/** Lines of attribution: the tileset's asset.copyright (or the given text) and the plan's source file. */
async function attributionLines(viewer: ViewerLike, fallback?: string): Promise<string[]> {
  const lines: string[] = [];
  let copyright = '';
  if (viewer.src) {
    try {
      const json = (await (await fetch(new URL(viewer.src, document.baseURI), { cache: 'force-cache' })).json()) as { asset?: { copyright?: unknown } };
      if (typeof json.asset?.copyright === 'string') copyright = json.asset.copyright;
    } catch {
      // the attribution then comes from the page's text
    }
  }
  if (copyright) lines.push(`3D: ${copyright}`);
  else if (fallback) lines.push(fallback);
  for (const plan of viewer.querySelectorAll<HTMLElement & { visible?: boolean }>('twinby-plan, twinby-wfs')) {
    const src = plan.getAttribute('src') ?? plan.getAttribute('url');
    if (src && plan.visible !== false) lines.push(`Plan: ${src.split(/[?#]/)[0].split('/').pop()}`);
  }
  lines.push('TwinBy');
  return lines;
}

/** Metres per CSS pixel on the ground at the screen centre (east–west), or null when the centre is sky. */
async function groundScale(engine: Engine, stage: HTMLElement): Promise<number | null> {
  const r = stage.getBoundingClientRect();
  const p = await engine.pickPosition(r.left + r.width / 2, r.top + r.height / 2);
  if (!p) return null;
  const dLon = 50 / (METRES_PER_DEGREE * Math.cos((p.lat * Math.PI) / 180));
  const a = engine.projectToScreen(p.lon - dLon, p.lat, p.height);
  const b = engine.projectToScreen(p.lon + dLon, p.lat, p.height);
  if (!a || !b) return null;
  const px = Math.hypot(b.x - a.x, b.y - a.y);
  return px > 0.5 ? 100 / px : null;
}

function drawNorthArrow(ctx: CanvasRenderingContext2D, x: number, y: number, size: number, heading: number): void {
  ctx.save();
  ctx.translate(x, y);
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.beginPath();
  ctx.arc(0, 0, size * 1.3, 0, Math.PI * 2);
  ctx.fill();
  ctx.rotate((-heading * Math.PI) / 180);
  ctx.fillStyle = '#1d2733';
  ctx.beginPath();
  ctx.moveTo(0, -size);
  ctx.lineTo(size * 0.5, size * 0.8);
  ctx.lineTo(0, size * 0.45);
  ctx.lineTo(-size * 0.5, size * 0.8);
  ctx.closePath();
  ctx.fill();
  ctx.font = `bold ${Math.round(size * 0.7)}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.fillStyle = '#fff';
  ctx.fillText('N', 0, size * 0.35);
  ctx.restore();
}

function drawScaleBar(ctx: CanvasRenderingContext2D, x: number, y: number, metresPerPixel: number, maxPixels: number, unit: number): void {
  const raw = metresPerPixel * maxPixels;
  const step = 10 ** Math.floor(Math.log10(raw));
  const metres = [5, 2, 1].map((k) => k * step).find((m) => m <= raw) ?? step;
  const length = metres / metresPerPixel;
  ctx.save();
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(x - 6 * unit, y - 26 * unit, length + 12 * unit, 32 * unit);
  ctx.fillStyle = '#1d2733';
  ctx.fillRect(x, y - 4 * unit, length, 4 * unit);
  ctx.font = `${Math.round(13 * unit)}px system-ui, sans-serif`;
  ctx.textBaseline = 'bottom';
  ctx.fillText(metres >= 1000 ? `${metres / 1000} km` : `${metres} m`, x, y - 7 * unit);
  ctx.restore();
}

function drawTextBlock(ctx: CanvasRenderingContext2D, lines: string[], x: number, y: number, unit: number, align: 'left' | 'right', from: 'top' | 'bottom'): void {
  if (!lines.length) return;
  const size = Math.round(16 * unit);
  const lineHeight = size * 1.3;
  ctx.save();
  ctx.font = `${size}px system-ui, sans-serif`;
  const w = Math.max(...lines.map((l) => ctx.measureText(l).width));
  const h = lines.length * lineHeight;
  const left = align === 'left' ? x : x - w;
  const top = from === 'top' ? y : y - h;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(left - 6 * unit, top - 4 * unit, w + 12 * unit, h + 8 * unit);
  ctx.fillStyle = '#1d2733';
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  lines.forEach((line, i) => ctx.fillText(line, left, top + i * lineHeight + (lineHeight - size) / 2));
  ctx.restore();
}

function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
