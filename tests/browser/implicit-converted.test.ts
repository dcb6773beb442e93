// A tileset the converter wrote with --implicit --lod (tile and subtree templates, REPLACE parents with
// LoD1 blocks) loads in CesiumJS and in 3d-tiles-renderer with the ImplicitTilingPlugin the three engine
// registers: no load error, tiles below the root subtree reached, every building found by its gml:id.
import { Cesium3DTileset, HeadingPitchRange, type Cesium3DTile } from '@cesium/engine';
import { TilesRenderer } from '3d-tiles-renderer';
import { GLTFExtensionsPlugin, ImplicitTilingPlugin } from '3d-tiles-renderer/plugins';
import { PerspectiveCamera, Scene, WebGLRenderer, type Mesh, type Object3D } from 'three';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../src/index.js';
import type { TwinbyViewer } from '../../src/index.js';
import { decodeFootprints, footprintPolygons } from '../../workers/lib/footprints';
import { formatView, type ErrorDetail } from '../../src/core/index.js';
import { toWgs84 } from '../../src/core/geo/index.js';
import { frames, waitFor } from './helpers.js';
import { aimAbove } from './aim-camera.js';
import { commands } from 'vitest/browser';
import { generateTown } from '../../tools/make-demo/generate-town';
import { createOfflineWidget, waitForTileset } from '../helpers/cesium-offline';
import { IMPLICIT_TOWN } from './fixtures/kinds/converted-implicit-set.js';

let url: string;
let ids: string[];

beforeAll(async () => {
  performance.setResourceTimingBufferSize(100_000);
  url = await commands.writeTileFixture('converted-implicit');
  let text = '';
  for await (const chunk of generateTown(IMPLICIT_TOWN)) text += chunk;
  ids = [...text.matchAll(/<bldg:Building gml:id="([^"]+)"/g)].map((m) => m[1]).sort();
  expect(ids).toHaveLength(IMPLICIT_TOWN.buildings);
}, 120_000);

function container(): HTMLDivElement {
  const div = document.createElement('div');
  div.style.cssText = 'width: 480px; height: 320px;';
  document.body.append(div);
  return div;
}

describe('an implicit tileset written by the converter', () => {
  afterEach(() => document.querySelectorAll('twinby-viewer').forEach((v) => v.remove()));

  it('shows in <twinby-viewer>: buildings are picked by their id where their footprints are', async () => {
    const set = decodeFootprints(new Uint8Array(await (await fetch(url.replace('tileset.json', 'footprints.bin'))).arrayBuffer()));
    const toLonLat = toWgs84(set.epsg);
    const places = [0, Math.floor(set.ids.length / 2), set.ids.length - 1].map((i) => {
      const ring = footprintPolygons(set, i)[0][0];
      const x = ring.reduce((s, p) => s + p[0], 0) / ring.length;
      const y = ring.reduce((s, p) => s + p[1], 0) / ring.length;
      const [lon, lat] = toLonLat(x, y);
      return { id: set.ids[i], lon, lat, height: set.groundHeights[i] + Math.min(2, set.heights[i] / 2) };
    });
    const centre = { lon: places.reduce((s, p) => s + p.lon, 0) / 3, lat: places.reduce((s, p) => s + p.lat, 0) / 3 };
    const el = document.createElement('twinby-viewer') as TwinbyViewer;
    // from high above, looking almost straight down, so no building hides another
    el.setAttribute('view', formatView({ lon: centre.lon, lat: centre.lat - 0.0005, height: places[0].height + 900, heading: 0, pitch: -85 }));
    el.setAttribute('src', url);
    el.style.cssText = 'width:480px;height:360px;';
    const errors: ErrorDetail[] = [];
    el.addEventListener('twinby-error', (e) => errors.push((e as CustomEvent<ErrorDetail>).detail));
    const ready = new Promise((resolve) => el.addEventListener('twinby-ready', resolve, { once: true }));
    document.body.appendChild(el);
    await ready;
    for (const p of places) {
      const at = el.activeEngine!.projectToScreen(p.lon, p.lat, p.height);
      expect(at, p.id).not.toBeNull();
      await waitFor(async () => {
        el.activeEngine!.requestRender();
        await frames(1);
        return (await el.activeEngine!.pick(at!.x, at!.y))?.id === p.id;
      }, `a pick of ${p.id}`, 45_000);
    }
    expect(errors).toEqual([]);
  }, 90_000);

  it('loads in CesiumJS down to tiles of level 2 and beyond, every building a feature with its id', async () => {
    const div = container();
    const widget = createOfflineWidget(div);
    try {
      const tileset = await Cesium3DTileset.fromUrl(url, { maximumScreenSpaceError: 0 });
      const found = new Set<string>();
      let deepest = 0;
      const failed: string[] = [];
      tileset.tileFailed.addEventListener((e: { url: string; message: string }) => failed.push(`${e.url}: ${e.message}`));
      tileset.tileLoad.addEventListener((tile: Cesium3DTile) => {
        const content = tile.content;
        deepest = Math.max(deepest, (tile as unknown as { implicitCoordinates?: { level: number } }).implicitCoordinates?.level ?? 0);
        for (let i = 0; i < content.featuresLength; i++) found.add(String(content.getFeature(i).getProperty('id')));
      });
      widget.scene.primitives.add(tileset);
      const sphere = tileset.boundingSphere;
      widget.camera.viewBoundingSphere(sphere, new HeadingPitchRange(0, -Math.PI / 2, sphere.radius * 3));
      await waitForTileset(widget.scene, tileset, { until: () => found.size >= ids.length || failed.length > 0, timeoutMs: 60_000 });
      expect(failed).toEqual([]);
      expect([...found].sort()).toEqual(ids);
      expect(deepest).toBeGreaterThanOrEqual(2);
    } finally {
      widget.destroy();
      div.remove();
    }
  }, 90_000);

  it('loads in 3d-tiles-renderer with the ImplicitTilingPlugin, every building a feature with its id', async () => {
    const div = container();
    const renderer = new WebGLRenderer();
    renderer.setSize(480, 320);
    div.append(renderer.domElement);
    const camera = new PerspectiveCamera(60, 480 / 320, 1, 1e8);
    const scene = new Scene();
    const tiles = new TilesRenderer(url);
    tiles.registerPlugin(new ImplicitTilingPlugin());
    tiles.registerPlugin(new GLTFExtensionsPlugin({ metadata: true }));
    tiles.errorTarget = 0;
    tiles.setCamera(camera);
    tiles.setResolutionFromRenderer(camera, renderer);
    scene.add(tiles.group);
    const errors: string[] = [];
    const found = new Set<string>();
    const subtrees = new Set<string>();
    tiles.addEventListener('load-error', (e: { url?: string; error?: Error }) => errors.push(`${e.url}: ${e.error?.message}`));
    tiles.addEventListener('load-model', (e: { scene: Object3D }) => collectIds(e.scene, found));
    const seen = () => performance.getEntriesByType('resource').forEach((r) => r.name.endsWith('.subtree') && subtrees.add(r.name));
    try {
      const started = performance.now();
      let aimed = false;
      while (found.size < ids.length && errors.length === 0 && performance.now() - started < 60_000) {
        if (!aimed) aimed = aimAbove(camera, tiles);
        camera.updateMatrixWorld();
        tiles.update();
        renderer.render(scene, camera);
        await new Promise((r) => setTimeout(r, 30));
      }
      seen();
      expect(errors).toEqual([]);
      expect([...found].sort()).toEqual(ids);
      // the root subtree and at least one child subtree (level 2)
      expect([...subtrees].some((u) => u.includes('/subtrees/2/'))).toBe(true);
    } finally {
      tiles.dispose();
      renderer.dispose();
      div.remove();
    }
  }, 90_000);
});

function collectIds(model: Object3D, found: Set<string>): void {
  const metadata = model.userData.structuralMetadata as { getPropertyTableData(tables: number[], ids: number[]): Record<string, unknown>[] } | undefined;
  if (!metadata) return;
  model.traverse((o) => {
    const mesh = o as Mesh;
    const features = mesh.userData?.meshFeatures as { getFeatureInfo(): { propertyTable: number | null }[] } | undefined;
    if (!mesh.isMesh || !features) return;
    const table = features.getFeatureInfo()[0].propertyTable ?? 0;
    const featureIds = mesh.geometry.getAttribute('_feature_id_0');
    for (let i = 0; i < featureIds.count; i++) found.add(String(metadata.getPropertyTableData([table], [featureIds.getX(i)])[0].id));
  });
}
