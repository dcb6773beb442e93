/**
 * Where the ground is without a terrain model: building bases grouped into sites (bases within touching 10 km cells),
 * each site's ground level at its lowest base. An engine draws a ground per site, so a town loaded far from the first
 * (or far lower) stands on ground of its own instead of floating over, or sinking into, the first town's ground.
 * Lon/lat in degrees, heights in metres (ellipsoidal); a local equirectangular metric, exact enough at 10 km scale.
 */
import { METRES_PER_DEGREE } from '../view/frame-target.js';

/** A building base (or the lowest point of a tile's buildings). */
export interface GroundPoint {
  lon: number;
  lat: number;
  height: number;
}

export interface GroundSite {
  /** Centroid of the site's bases. */
  lon: number;
  lat: number;
  /** The lowest base. */
  lowest: number;
  /** Metres from the centroid to the farthest base. */
  radius: number;
  /** Metres of ground around the centroid: past the buildings, short of other sites' grounds. */
  reach: number;
}

/** Bases in cells of this many metres that touch form one site. */
export const SITE_CELL = 10_000;
/** Bounds of a site's ground radius (metres): a few times the buildings' spread, at least 2 km, at most 30 km. */
const MIN_REACH = 2_000;
const MAX_REACH = 30_000;

/** Metres between two lon/lat points (equirectangular). */
export function groundDistance(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const dx = (a.lon - b.lon) * METRES_PER_DEGREE * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  const dy = (a.lat - b.lat) * METRES_PER_DEGREE;
  return Math.hypot(dx, dy);
}

/** Groups bases into sites: clusters of 10 km cells that touch (8-neighbourhood). Bases with a NaN are skipped. */
export function groundSites(points: Iterable<GroundPoint>): GroundSite[] {
  const cells = new Map<string, GroundPoint[]>();
  for (const p of points) {
    if (!Number.isFinite(p.lon) || !Number.isFinite(p.lat) || !Number.isFinite(p.height)) continue;
    const key = cellOf(p).join(',');
    let list = cells.get(key);
    if (!list) cells.set(key, (list = []));
    list.push(p);
  }
  const sites = clusterCells(cells).map((lists) => siteOf(lists.flat()));
  for (const site of sites) {
    let room = Infinity;
    for (const other of sites) if (other !== site) room = Math.min(room, groundDistance(site, other));
    site.reach = siteReach(site.radius, room);
  }
  return sites;
}

/**
 * The clustering both engines' grounds use: `cells` maps integer cell keys ("x,y") to what lies in each; cells that
 * touch (8-neighbourhood) form one cluster, returned as the list of its cells' values. Engines key cells their own
 * way (lon/lat here, the three engine's world x/z) at SITE_CELL metres.
 */
export function clusterCells<T>(cells: ReadonlyMap<string, T>): T[][] {
  const clusters: T[][] = [];
  const seen = new Set<string>();
  for (const start of cells.keys()) {
    if (seen.has(start)) continue;
    const members: T[] = [];
    const queue = [start];
    seen.add(start);
    while (queue.length) {
      const key = queue.pop()!;
      members.push(cells.get(key)!);
      const [cx, cy] = key.split(',').map(Number);
      for (let i = -1; i <= 1; i++) {
        for (let j = -1; j <= 1; j++) {
          const k = `${cx + i},${cy + j}`;
          if (cells.has(k) && !seen.has(k)) {
            seen.add(k);
            queue.push(k);
          }
        }
      }
    }
    clusters.push(members);
  }
  return clusters;
}

/** Metres of ground around a site: past its buildings (`radius`), short of the nearest other site (`room` metres off). */
export function siteReach(radius: number, room: number): number {
  return Math.min(Math.max(MIN_REACH, radius * 3), 0.45 * room, MAX_REACH);
}

/** The site whose ground covers a point (the nearest of those that do), or null. */
export function siteAt(sites: readonly GroundSite[], lon: number, lat: number): GroundSite | null {
  let best: GroundSite | null = null;
  let bestD = Infinity;
  for (const s of sites) {
    const d = groundDistance(s, { lon, lat });
    if (d <= s.reach && d < bestD) {
      best = s;
      bestD = d;
    }
  }
  return best;
}

/** A key that changes when a site comes, goes, moves by a metre or its ground by a centimetre (to skip rebuilds). */
export function sitesKey(sites: readonly GroundSite[]): string {
  return sites.map((s) => `${s.lon.toFixed(5)},${s.lat.toFixed(5)},${s.lowest.toFixed(2)},${Math.round(s.reach)}`).join(';');
}

/** 10 km cells in a metric grid (longitude scaled at the point's latitude). */
function cellOf(p: GroundPoint): [number, number] {
  const x = p.lon * METRES_PER_DEGREE * Math.cos(p.lat * (Math.PI / 180));
  return [Math.floor(x / SITE_CELL), Math.floor((p.lat * METRES_PER_DEGREE) / SITE_CELL)];
}

function siteOf(points: GroundPoint[]): GroundSite {
  let lon = 0;
  let lat = 0;
  let lowest = Infinity;
  for (const p of points) {
    lon += p.lon;
    lat += p.lat;
    lowest = Math.min(lowest, p.height);
  }
  const centre = { lon: lon / points.length, lat: lat / points.length };
  let radius = 0;
  for (const p of points) radius = Math.max(radius, groundDistance(centre, p));
  return { ...centre, lowest, radius, reach: 0 };
}
