/**
 * The base map tiles a tour's flights may ask for (basemapTilesForTour): for each <twinby-basemap> on show, its
 * capabilities read again and the grid covered around the stops, coarse to fine, within a tile budget.
 * The capabilities reader and proj4 load only here, when a meeting is prepared.
 */
import type { Viewpoint } from '../../core/council/index.js';
import { basemapTilesForTour } from '../../core/council/index.js';
import type { BasemapLayerConfig } from '../../core/index.js';

interface BasemapLike extends Element {
  current: BasemapLayerConfig | null;
}

export async function basemapFiles(viewer: Element, tour: readonly Viewpoint[], budget = 2000): Promise<{ urls: string[]; issues: Array<{ url: string; message: string }> }> {
  const cameras = tour.flatMap((vp) => (vp.view.camera ? [vp.view.camera] : []));
  const layers = [...viewer.querySelectorAll<BasemapLike>('twinby-basemap')].map((el) => el.current).filter((c): c is BasemapLayerConfig => !!c);
  if (!cameras.length || !layers.length) return { urls: [], issues: [] };
  const [{ resolveBasemap }, { fromWgs84 }] = await Promise.all([import('../../core/basemap/index.js'), import('../../core/geo/index.js')]);
  const urls: string[] = [];
  const issues: Array<{ url: string; message: string }> = [];
  for (const layer of layers) {
    const url = new URL(layer.source.url, document.baseURI).href;
    try {
      const resolved = await resolveBasemap({ ...layer.source, url }, async (u) => {
        const res = await fetch(u, { cache: 'no-store' });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return res.text();
      });
      const project = fromWgs84(resolved.grid.epsg);
      for (const t of basemapTilesForTour(resolved.grid, cameras, (lon, lat) => project(lon, lat), budget)) urls.push(new URL(resolved.tileUrl(t.level, t.col, t.row), document.baseURI).href);
    } catch (err) {
      issues.push({ url, message: (err as Error).message });
    }
  }
  return { urls, issues };
}
