/**
 * <twinby-terrain>: a synthetic DGM GeoTIFF with a known hill (tools/make-terrain), read in the real terrain
 * worker, under a building converted by the real CityGML worker at the hill's height. The building stands on
 * the terrain within 0.5 m (ray cast down on the terrain at its footprint); a draped overlay and a base map
 * follow the slope; broken, unknown-CRS, huge and missing files give a twinby-error naming the file, and the
 * viewer goes on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Mesh, Raycaster, Vector3, type BufferGeometry, type Intersection, type Object3D } from 'three';
import '../../src/index.js';
import { defineTerrainElement, type TwinbyTerrain } from '../../src/element/terrain/index.js';
import type { TwinbyCityGML, TwinbyViewer } from '../../src/index.js';
import type { ErrorDetail } from '../../src/core/index.js';
import { webMercatorGrid } from '../../src/core/index.js';
import { fromWgs84, toWgs84 } from '../../src/core/geo/index.js';
import type { ThreeEngine } from '../../src/engines/three/three-engine.js';
import { dgmGeoTiff, hill } from '../../tools/make-terrain/dgm-geotiff.js';
import { createHouse } from '../helpers/create-building.js';
import { toCityGML } from '../helpers/citygml-text.js';
import { frames, waitFor } from './helpers.js';

defineTerrainElement();

// the hill: 30 m high, 1σ = 60 m, on a valley floor at 480 m (DHHN2016)
const E0 = 691_200;
const N0 = 5_334_200;
const height = hill(E0, N0, 480, 30, 60);
const dgm = () => dgmGeoTiff({ west: E0 - 300, north: N0 + 300, step: 2, columns: 301, rows: 301, height });
// a house on the hill's south-east slope, 60–70 m from the top, its base at the terrain under its centre
const HX = E0 + 40;
const HY = N0 - 50;
const house = createHouse({ id: 'hang', x: HX, y: HY, width: 10, depth: 8, z: height(HX + 5, HY + 4) });

const viewers: TwinbyViewer[] = [];
afterEach(() => {
  for (const v of viewers.splice(0)) v.remove();
});

function once<T = Event>(el: EventTarget, type: string): Promise<T> {
  return new Promise((resolve) => el.addEventListener(type, (e) => resolve(e as T), { once: true }));
}

/** A viewer showing the converted house, and a <twinby-terrain> child (not yet loading). */
async function scene(): Promise<{ viewer: TwinbyViewer; engine: ThreeEngine; terrain: TwinbyTerrain }> {
  const viewer = document.createElement('twinby-viewer');
  viewer.style.cssText = 'width:480px;height:360px;';
  const city = document.createElement('twinby-citygml') as TwinbyCityGML;
  const terrain = document.createElement('twinby-terrain');
  terrain.id = 'dgm';
  viewer.append(city, terrain);
  viewers.push(viewer);
  const ready = once(viewer, 'twinby-ready');
  document.body.appendChild(viewer);
  await ready;
  const summary = await city.load(new File([toCityGML([house])], 'hang.gml'));
  expect(summary.error).toBeUndefined();
  const engine = viewer.activeEngine as ThreeEngine;
  await waitFor(() => buildingVertices(engine).length > 0, 'the converted house is drawn', 30_000);
  return { viewer, engine, terrain };
}

async function loadTerrain(terrain: TwinbyTerrain, bytes: ArrayBuffer, name = 'dgm1-hill.tif') {
  const loaded = once<CustomEvent>(terrain, 'twinby-terrain-load');
  await terrain.load(new File([bytes], name));
  return (await loaded).detail;
}

/** World positions of every vertex of the building meshes (those with feature ids). */
function buildingVertices(engine: ThreeEngine): Vector3[] {
  const out: Vector3[] = [];
  engine.pickables.traverse((o: Object3D) => {
    const g = (o as Mesh).geometry as BufferGeometry | undefined;
    if (!(o as Mesh).isMesh || !g?.getAttribute('_feature_id_0')) return;
    const p = g.getAttribute('position');
    o.updateMatrixWorld(true);
    for (let i = 0; i < p.count; i++) out.push(new Vector3(p.getX(i), p.getY(i), p.getZ(i)).applyMatrix4(o.matrixWorld));
  });
  return out;
}

/** The terrain's height under world x/z by ray casting straight down: the terrain's fast ray march and its plain triangles. */
function terrainY(engine: ThreeEngine, x: number, z: number): { fast: number; triangles: number } {
  const mesh = engine.grounds.terrainMesh('dgm') as Mesh;
  const ray = new Raycaster(new Vector3(x, 20_000, z), new Vector3(0, -1, 0), 0, 40_000);
  const fast = ray.intersectObject(mesh)[0];
  const plain: Intersection[] = [];
  Mesh.prototype.raycast.call(mesh, ray, plain);
  plain.sort((a, b) => a.distance - b.distance);
  expect(fast, `terrain under ${x.toFixed(1)}, ${z.toFixed(1)}`).toBeDefined();
  return { fast: fast.point.y, triangles: plain[0].point.y };
}

describe('<twinby-terrain>', () => {
  it('draws the DGM at absolute heights: a converted building stands on it within 0.5 m', async () => {
    const { engine, terrain } = await scene();
    const detail = await loadTerrain(terrain, dgm());
    expect(detail).toMatchObject({ layerId: 'dgm', columns: 301, rows: 301 });
    // ellipsoidal: DHHN2016 plus ~47 m of geoid in Bavaria
    expect(detail.max - detail.min).toBeCloseTo(30, 0);
    expect(detail.min).toBeGreaterThan(480 + 40);

    const vertices = buildingVertices(engine);
    const base = Math.min(...vertices.map((v) => v.y));
    const bottom = vertices.filter((v) => v.y < base + 0.01);
    const cx = bottom.reduce((s, v) => s + v.x, 0) / bottom.length;
    const cz = bottom.reduce((s, v) => s + v.z, 0) / bottom.length;
    const under = terrainY(engine, cx, cz);
    expect(Math.abs(under.fast - under.triangles)).toBeLessThan(0.01);
    expect(Math.abs(base - under.fast)).toBeLessThan(0.5);
    // the slope is real: 10 m further up the hill the terrain is metres higher
    const up = terrainY(engine, cx - 5, cz - 8); // west and north (north is -z), towards the top
    expect(up.fast - under.fast).toBeGreaterThan(1.5);
    // pickPosition and the ground model see the terrain too
    expect(engine.ground.heightAt(cx - 5, cz - 8)).toBeCloseTo(up.fast, 2);
  });

  it('drapes a plan overlay and a base map on the slope', async () => {
    const { engine, terrain } = await scene();
    await loadTerrain(terrain, dgm());
    // a 200 × 200 m area over the hill's top: its four corners alone would make it flat
    const ll = toWgs84(25832);
    const ring = Float64Array.from([[-100, -100], [100, -100], [100, 100], [-100, 100], [-100, -100]].flatMap(([de, dn]) => ll(E0 + de, N0 + dn)));
    engine.addOverlay({ id: 'plan', features: [{ kind: 'draped-polygon', id: 'a', rings: [ring], style: { fill: '#ff0000' }, properties: {} }] });
    engine.requestRender();
    await frames(2);
    const overlay = engine.pickables.getObjectByName('twinby-overlay-plan')!;
    const ys: number[] = [];
    let worst = 0;
    overlay.traverse((o) => {
      if (!(o as Mesh).isMesh) return;
      const p = (o as Mesh).geometry.getAttribute('position');
      for (let i = 0; i < p.count; i++) ys.push(p.getY(i));
      // against the drawn triangles (a plain ray cast tests each of them: a sample of vertices)
      for (let i = 0; i < p.count; i += Math.ceil(p.count / 40)) {
        const t = terrainY(engine, p.getX(i), p.getZ(i)).triangles;
        worst = Math.max(worst, Math.abs(p.getY(i) - t - 0.12));
      }
    });
    expect(ys.length).toBeGreaterThan(100);
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(15);
    expect(worst).toBeLessThan(0.05);

    // a base map (one-pixel PNG tiles from data: URLs, no server needed) gets vertices on the terrain
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    await engine.addBasemap({ id: 'bm', grid: webMercatorGrid(), tileUrl: () => png, toLonLat: toWgs84(3857), fromLonLat: fromWgs84(3857) });
    const [lon, lat] = ll(E0, N0 - 500);
    await engine.flyTo({ lon, lat, height: 1000, heading: 0, pitch: -40 }, { duration: 0 });
    const group = await waitFor(() => {
      engine.requestRender();
      const g = engine.scene.getObjectByName('twinby-basemap-bm');
      return g && g.children.some((t) => ((t as Mesh).material as { visible: boolean }).visible) ? g : null;
    }, 'base map tiles arrive', 30_000);
    let onTerrain = 0;
    let drift = 0;
    for (const tile of group.children) {
      const p = (tile as Mesh).geometry.getAttribute('position');
      for (let i = 0; i < p.count; i++) {
        const t = engine.ground.terrainAt(p.getX(i), p.getZ(i));
        if (Number.isNaN(t)) continue;
        onTerrain++;
        drift = Math.max(drift, Math.abs(p.getY(i) + group.position.y - t - 0.03));
      }
    }
    expect(onTerrain).toBeGreaterThan(50);
    expect(drift).toBeLessThan(0.01);
  });

  it('names the file of a broken, unknown-CRS, huge or missing DGM in twinby-error, and the viewer goes on', async () => {
    const { viewer, engine, terrain } = await scene();
    const errors: ErrorDetail[] = [];
    viewer.addEventListener('twinby-error', (e) => errors.push((e as CustomEvent<ErrorDetail>).detail));
    const huge = new Uint8Array(dgmGeoTiff({ west: E0, north: N0, step: 2, columns: 4, rows: 3, height }));
    setImageWidth(huge, 150_000);
    const cases: Array<[string, BlobPart, RegExp]> = [
      ['kaputt.tif', '<html>404</html>', /kaputt\.tif: not a readable GeoTIFF/],
      ['schweiz.tif', dgmGeoTiff({ west: 2_600_000, north: 1_200_000, step: 2, columns: 4, rows: 4, height, epsg: 2056 }), /schweiz\.tif: is in EPSG:2056/],
      ['riesig.tif', huge, /riesig\.tif: the raster is 150000 × 3 pixels/],
    ];
    for (const [name, bytes, message] of cases) {
      const before = errors.length;
      void terrain.load(new File([bytes], name));
      const error = await waitFor(() => errors[before], `an error for ${name}`, 30_000);
      expect(error).toMatchObject({ kind: 'terrain', layerId: 'dgm' });
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/^Geländemodell /);
    }
    const missing = document.createElement('twinby-terrain');
    missing.setAttribute('src', '/tests/fixtures/terrain/fehlt.tif');
    const before = errors.length;
    viewer.appendChild(missing);
    const error = await waitFor(() => errors[before], 'an error for the missing file', 30_000);
    expect(error.message).toMatch(/fehlt\.tif: HTTP 404/);
    expect(error.url).toBe('/tests/fixtures/terrain/fehlt.tif');

    // the viewer keeps rendering, and a good file afterwards is shown
    const frame = engine.getStats().frame;
    engine.requestRender();
    await waitFor(() => engine.getStats().frame > frame, 'another frame');
    await loadTerrain(terrain, dgm());
    expect(engine.grounds.terrainMesh('dgm')).not.toBeNull();
  });
});

/** Rewrites ImageWidth (tag 256) in the first IFD, so the header claims a raster that was never written. */
function setImageWidth(bytes: Uint8Array, value: number): void {
  const view = new DataView(bytes.buffer);
  const little = bytes[0] === 0x49;
  const ifd = view.getUint32(4, little);
  for (let k = 0; k < view.getUint16(ifd, little); k++) {
    const at = ifd + 2 + k * 12;
    if (view.getUint16(at, little) !== 256) continue;
    view.setUint16(at + 2, 4, little);
    view.setUint32(at + 8, value, little);
    return;
  }
  throw new Error('no ImageWidth');
}
