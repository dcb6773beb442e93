/**
 * The council's side of offline preparation: which tilesets and files the page's elements name, flying the
 * tour stop by stop until the network is quiet, progress as German/English status text, and errors as
 * twinby-error with a clear message (the viewer goes on).
 */
import type { Lang } from '../../core/index.js';
import type { ViewSnapshot, Viewpoint } from '../../core/council/index.js';
import { ct, formatBytes, type CouncilText } from './council-texts.js';
import { basemapFiles } from './offline-basemap.js';
import { networkQuiet, type OfflineProgress } from './offline-files.js';
import { OfflineError, prepareOffline, type PrepareResult } from './offline-prepare.js';

/** Attributes of the viewer's children that name files the elements fetch themselves. */
const FILE_ATTRIBUTES = ['src', 'url', 'footprints', 'plan-src'];
const TILESET_TAGS = new Set(['TWINBY-TILESET']);

export interface CouncilOfflineHost {
  viewer: HTMLElement & { src?: string };
  lang: Lang;
  tour: readonly Viewpoint[];
  title: string;
  swUrl?: string;
  swScope?: string;
  captureView(): ViewSnapshot;
  applyView(view: ViewSnapshot, options?: { duration?: number }): Promise<void>;
  status(text: string, progress: OfflineProgress | null): void;
  error(message: string): void;
}

/** Tilesets (walked whole) and further files the page's elements load. */
export function pageFiles(viewer: HTMLElement & { src?: string }): { tilesets: string[]; files: string[] } {
  const tilesets: string[] = [];
  const files: string[] = [];
  const src = viewer.getAttribute('src');
  if (src) tilesets.push(new URL(src, document.baseURI).href);
  for (const el of viewer.querySelectorAll('*')) {
    for (const name of FILE_ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (!value || /^(?:data|blob):/.test(value)) continue;
      const url = new URL(value, document.baseURI).href;
      (TILESET_TAGS.has(el.tagName) && name === 'src' ? tilesets : files).push(url);
    }
  }
  return { tilesets, files };
}

function progressText(lang: Lang, p: OfflineProgress): string {
  const key = `phase_${p.phase}` as CouncilText;
  if (p.phase === 'done') return '';
  return ct(lang, key, { files: p.files, total: p.totalFiles, bytes: formatBytes(lang, p.bytes), totalBytes: formatBytes(lang, p.totalBytes) });
}

export function offlineErrorText(lang: Lang, err: unknown): string {
  const e = err instanceof OfflineError ? err : null;
  const message = (err as Error)?.message ?? String(err);
  if (e?.reason === 'quota') return ct(lang, 'offlineQuota', { needed: formatBytes(lang, Number(e.detail.needed)), free: formatBytes(lang, Number(e.detail.free)) });
  if (e?.reason === 'unsupported') return ct(lang, 'offlineUnsupported', { message });
  if (e?.reason === 'insecure') return ct(lang, 'offlineInsecure', { message });
  if (e?.reason === 'scope') return ct(lang, 'offlineScope', { message });
  return ct(lang, 'offlineNetwork', { message });
}

/** Runs the preparation; resolves with its result, or null after reporting why it could not. */
export async function prepareCouncilOffline(host: CouncilOfflineHost): Promise<PrepareResult | null> {
  const { tilesets, files } = pageFiles(host.viewer);
  const start = host.captureView();
  try {
    const result = await prepareOffline({
      swUrl: host.swUrl,
      swScope: host.swScope,
      tour: host.tour,
      title: host.title,
      tilesets,
      files,
      moreFiles: () => basemapFiles(host.viewer, host.tour),
      onProgress: (p) => host.status(progressText(host.lang, p), p),
      // the same flights as the presentation (same duration and motion setting), so the same tiles are asked for
      flyTour: async () => {
        for (const vp of host.tour) {
          await host.applyView(vp.view);
          await networkQuiet();
        }
        await host.applyView(start, { duration: 0 });
        await networkQuiet();
      },
    });
    let text = ct(host.lang, 'prepared', { files: result.files, bytes: formatBytes(host.lang, result.bytes) });
    if (result.issues.length) {
      const missing = ct(host.lang, 'preparedMissing', { n: result.issues.length, first: `${result.issues[0].url} (${result.issues[0].message})` });
      host.error(missing);
      text += `. ${missing}`;
    }
    host.status(text, null);
    return result;
  } catch (err) {
    const text = offlineErrorText(host.lang, err);
    host.status(text, null);
    host.error(text);
    return null;
  }
}
