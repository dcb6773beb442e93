/**
 * The ground lies under whatever is loaded, wherever it is: a CityGML file 300 km from the town the viewer
 * opened with gets a ground disc of its own, level with its local vertical and just under its base, while the
 * home plane stays under the home town. (Before, the home plane dropped to the far town's lowest base, kilometres
 * down the earth's curve, or the far town floated over nothing.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Raycaster, Vector3, type BufferGeometry, type Mesh, type Object3D } from 'three';
import '../../src/index.js';
import type { TwinbyCityGML, TwinbyViewer } from '../../src/index.js';
import type { ThreeEngine } from '../../src/engines/three/three-engine.js';
import { createHouse } from '../helpers/create-building.js';
import { toCityGML } from '../helpers/citygml-text.js';
import { fromWgs84 } from '../../src/core/geo/index.js';
import { offset, townUrl, waitFor } from './helpers.js';

const viewers: TwinbyViewer[] = [];
afterEach(() => {
  for (const v of viewers.splice(0)) v.remove();
});

/** World positions of the building vertices more than `beyond` metres from the world origin. */
function farVertices(engine: ThreeEngine, beyond: number): Vector3[] {
  const out: Vector3[] = [];
  engine.pickables.traverse((o: Object3D) => {
    const g = (o as Mesh).geometry as BufferGeometry | undefined;
    if (!(o as Mesh).isMesh || !g?.getAttribute('_feature_id_0')) return;
    const p = g.getAttribute('position');
    for (let i = 0; i < p.count; i++) {
      const v = new Vector3(p.getX(i), p.getY(i), p.getZ(i)).applyMatrix4(o.matrixWorld);
      if (v.length() > beyond) out.push(v);
    }
  });
  return out;
}

const cases = [
  // 300 km north, on higher ground: down the earth's curve the home plane would lie ~7 km above it
  { what: '300 km away', at: async () => [691_000, 5_634_000, 610] },
  // 24 km west and far lower than the town: inside the home plane's 30 km, which would cover it
  { what: '24 km away and lower than the home plane', at: async () => [...fromWgs84(25832)(...(Object.values(await offset(-24_000, 0)) as [number, number])), 250] },
];

describe('ground under every loaded site', () => {
  it.each(cases)('a town loaded $what stands on a ground disc of its own; the home plane stays home', async ({ at }) => {
    const viewer = document.createElement('twinby-viewer');
    viewer.setAttribute('src', townUrl);
    viewer.style.cssText = 'width:480px;height:360px;';
    const city = document.createElement('twinby-citygml') as TwinbyCityGML;
    viewer.append(city);
    viewers.push(viewer);
    const ready = new Promise((r) => viewer.addEventListener('twinby-ready', r, { once: true }));
    document.body.append(viewer);
    await ready;
    const engine = viewer.activeEngine as ThreeEngine;
    await waitFor(() => !Number.isNaN(engine.ground.planeHeight()) && engine.ground.version > 0, 'the home town’s bases');
    const home = engine.ground.planeHeight();

    const [x, y, z] = await at();
    const far = createHouse({ id: 'fern', x, y, z });
    const summary = await city.load(new File([toCityGML([far])], 'fern.gml'));
    expect(summary.error).toBeUndefined();
    const vertices = await waitFor(() => {
      engine.requestRender();
      const v = farVertices(engine, 15_000);
      return v.length ? v : null;
    }, 'the far house is drawn', 30_000);

    // the home plane did not follow the far town down
    expect(engine.ground.planeHeight()).toBeCloseTo(home, 2);
    // straight down (along the local vertical) from above the far house's base, the ground is right under it
    const up = new Vector3(vertices[0].x, vertices[0].y + 6_371_000, vertices[0].z).normalize();
    const base = vertices.reduce((lo, v) => (v.dot(up) < lo.dot(up) ? v : lo));
    const ray = new Raycaster(base.clone().addScaledVector(up, 500), up.clone().negate(), 0, 2_000);
    const hit = ray.intersectObject(engine.pickables, true).find((h) => h.object.userData.ground || h.object === engine.ground.plane);
    expect(hit, 'a ground under the far house').toBeDefined();
    const gap = base.clone().sub(hit!.point).dot(up);
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThan(0.2);
    // and the ground model answers there too (overlays and the camera's clip planes use it)
    expect(engine.ground.planeHeightAt(base.x, base.z)).toBeCloseTo(hit!.point.y, 0);
  });
});
