// A tileset converted by the CityGML worker loads in CesiumJS and in 3d-tiles-renderer (three) with no errors,
// and every building comes back as a feature with its gml:id.
import { Cesium3DTileset, HeadingPitchRange, type Cesium3DTile, type Cesium3DTileContent } from '@cesium/engine';
import { TilesRenderer } from '3d-tiles-renderer';
import { GLTFExtensionsPlugin } from '3d-tiles-renderer/plugins';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PerspectiveCamera, Scene, WebGLRenderer, type Mesh, type Object3D } from 'three';
import { CityGMLClient } from '../../src/worker-clients/citygml-client';
import { aimAbove } from './aim-camera.js';
import { generateTown } from '../../tools/make-demo/generate-town';
import { createOfflineWidget, waitForTileset } from '../helpers/cesium-offline';
import { tilesetBlobUrls, type BlobTileset } from '../helpers/tileset-blob-urls';

const BUILDINGS = 20;
let files: Map<string, Uint8Array>;
let ids: string[];
let tiles: number;

beforeAll(async () => {
  let text = '';
  for await (const chunk of generateTown({ buildings: BUILDINGS, seed: 11 })) text += chunk;
  ids = [...text.matchAll(/<bldg:Building gml:id="([^"]+)"/g)].map((m) => m[1]).sort();
  const client = new CityGMLClient();
  try {
    // Small tiles, so both engines have a tree to walk rather than a single tile.
    const result = await client.convert(new Blob([text]), { file: 'town.gml', maxFeaturesPerTile: 6 });
    expect(result.summary.error).toBeUndefined();
    files = result.files;
    tiles = result.summary.tiles;
  } finally {
    client.dispose();
  }
  expect(ids).toHaveLength(BUILDINGS);
  expect(tiles).toBeGreaterThan(1);
}, 60_000);

function container(): HTMLDivElement {
  const div = document.createElement('div');
  div.style.cssText = 'width: 480px; height: 320px;';
  document.body.append(div);
  return div;
}

describe('a converted tileset', () => {
  let served: BlobTileset;
  beforeAll(() => {
    served = tilesetBlobUrls(files);
  });
  afterAll(() => served.revoke());

  it('loads in CesiumJS with every building as a feature carrying its id', async () => {
    const div = container();
    const widget = createOfflineWidget(div);
    try {
      // Screen-space error 0: refine everything in view, so every tile loads.
      const tileset = await Cesium3DTileset.fromUrl(served.url, { maximumScreenSpaceError: 0 });
      const found: string[] = [];
      let contents = 0;
      tileset.tileLoad.addEventListener((tile: Cesium3DTile) => {
        const content: Cesium3DTileContent = tile.content;
        contents++;
        for (let i = 0; i < content.featuresLength; i++) found.push(String(content.getFeature(i).getProperty('id')));
      });
      widget.scene.primitives.add(tileset);
      // From straight above, far enough that the whole town is in view.
      const sphere = tileset.boundingSphere;
      widget.camera.viewBoundingSphere(sphere, new HeadingPitchRange(0, -Math.PI / 2, sphere.radius * 4));
      await waitForTileset(widget.scene, tileset, { until: () => contents >= tiles, timeoutMs: 45_000 });

      expect(contents).toBe(tiles);
      expect(found.sort()).toEqual(ids);
      // A property beyond the id: the AdV function code survives as text.
      const first = (tileset.root.children[0] ?? tileset.root).content;
      expect(String(first?.getFeature(0)?.getProperty('function') ?? '')).toMatch(/^\d{5}_\d{4}$/);
    } finally {
      widget.destroy();
      div.remove();
    }
  }, 60_000);

  it('loads in 3d-tiles-renderer (three) with no load error and the mesh features and metadata attached', async () => {
    const div = container();
    const renderer = new WebGLRenderer();
    renderer.setSize(480, 320);
    div.append(renderer.domElement);
    const camera = new PerspectiveCamera(60, 480 / 320, 1, 1e8);
    const scene = new Scene();
    const tilesRenderer = new TilesRenderer(served.url);
    tilesRenderer.registerPlugin(new GLTFExtensionsPlugin({ metadata: true }));
    tilesRenderer.errorTarget = 0;
    tilesRenderer.setCamera(camera);
    tilesRenderer.setResolutionFromRenderer(camera, renderer);
    scene.add(tilesRenderer.group);

    const errors: string[] = [];
    const models: Object3D[] = [];
    tilesRenderer.addEventListener('load-error', (e: { url?: string; error?: Error }) => errors.push(`${e.url}: ${e.error?.message}`));
    tilesRenderer.addEventListener('load-model', (e: { scene: Object3D }) => models.push(e.scene));
    try {
      const started = performance.now();
      let aimed = false;
      while (models.length < tiles && errors.length === 0 && performance.now() - started < 30_000) {
        if (!aimed) aimed = aimAbove(camera, tilesRenderer);
        camera.updateMatrixWorld();
        tilesRenderer.update();
        renderer.render(scene, camera);
        await new Promise((r) => setTimeout(r, 30));
      }
      expect(errors).toEqual([]);
      expect(models).toHaveLength(tiles);

      const found = new Set<string>();
      for (const model of models) {
        const metadata = model.userData.structuralMetadata as
          | { getPropertyTableData(tables: number[], ids: number[]): Record<string, unknown>[] }
          | undefined;
        expect(metadata).toBeDefined();
        model.traverse((o) => {
          const mesh = o as Mesh;
          const features = mesh.userData?.meshFeatures as { getFeatureInfo(): { propertyTable: number | null }[] } | undefined;
          if (!mesh.isMesh || !features) return;
          const table = features.getFeatureInfo()[0].propertyTable ?? 0;
          const featureIds = mesh.geometry.getAttribute('_feature_id_0');
          expect(featureIds).toBeDefined();
          for (let i = 0; i < featureIds.count; i++) {
            const row = metadata!.getPropertyTableData([table], [featureIds.getX(i)])[0];
            found.add(String(row.id));
          }
        });
      }
      expect([...found].sort()).toEqual(ids);
    } finally {
      tilesRenderer.dispose();
      renderer.dispose();
      div.remove();
    }
  }, 60_000);
});
