/**
 * Writes a quadtree of buildings as 3D Tiles 1.1: one GLB per node with content,
 * children before parents so every bounding box is computed from real vertices
 * (content) and the children's boxes. Each tile has its own ENU frame at the centroid
 * of its buildings; `transform` is relative to the parent, as 3D Tiles composes them.
 */
import { ecefToGeodetic, enuToEcef, invertRigid, multiplyMatrices, transformPoint } from '../../../src/core/geo/index';
import type { BuildingMesh } from '../mesh/building-mesh';
import type { QuadtreeNode } from '../tiling/quadtree';
import { postOrder } from '../tiling/quadtree';
import type { MetadataSchema } from './metadata-schema';
import { buildTileGeometry, TileGeometryBuilder, type PlacedBuilding } from './tile-geometry';
import { writeTileGlb } from './write-glb';
import { lod1BlockOf, lod1Mesh, type Lod1Block } from '../lod/lod1-block';
import { packBlocks, unpackBlocks } from '../lod/block-pack';
import { selectParentBlocks } from '../lod/parent-lod';
import type { FeatureRecord } from './metadata-schema';

export interface TilesetBuilding extends PlacedBuilding {
  /** Bounding-box diagonal in metres: what leaving this building out costs. */
  size: number;
}

export interface TileJson {
  boundingVolume: { box: number[] };
  geometricError: number;
  refine?: 'ADD' | 'REPLACE';
  transform?: number[];
  content?: { uri: string };
  children?: TileJson[];
}

export interface WriteTilesOptions {
  write(path: string, bytes: Uint8Array): void | Promise<void>;
  /** Building i's model origin (ECEF), when known without building(i): spares a pass over every building. */
  origin?: (index: number) => ArrayLike<number>;
  /** Called after each tile; may await (to yield, or to honour an abort). */
  onTile?: (tiles: number) => void | Promise<void>;
  /**
   * Levels of detail: parents carry LoD1 blocks of the buildings beneath them (refine REPLACE), and a
   * parent's own full buildings move to a leaf child `<id>-own`. Off: parents hold only their own buildings (ADD).
   */
  lod?: boolean;
  /** Building i's vertex count, when known without building(i) (else it is read twice). */
  vertices?: (index: number) => number;
  /** Building i's feature record and model without its geometry, for parents' LoD1 blocks; else building(i) is read. */
  feature?: (index: number) => BlockSource;
}

/** What a LoD1 block needs of the building it stands for. */
export type BlockSource = FeatureRecord & { model: Float64Array };

interface NodeState {
  world: Float64Array;
  /** The box's 8 corners in ECEF. */
  corners: number[][];
  geometricError: number;
  /** Largest building size in the subtree. */
  maxSize: number;
  json: TileJson;
  /** LoD mode: the blocks this subtree hands up (what its parent may keep), packed (block-pack.ts). */
  blocks?: Float64Array;
}

export interface WrittenTileset {
  tileset: Record<string, unknown>;
  tiles: number;
}

/** `building(i)` gives item i of the quadtree (its mesh, model and size); it may build views on demand. */
export async function writeTiles(
  root: QuadtreeNode,
  building: (index: number) => TilesetBuilding,
  schema: MetadataSchema,
  options: WriteTilesOptions,
): Promise<WrittenTileset> {
  const states = new Map<QuadtreeNode, NodeState>();
  const centroids = subtreeCentroids(root, options.origin ?? ((i) => building(i).model));
  const source = blockSource(building, options.feature);
  const vertices = options.vertices ?? ((i: number) => building(i).mesh.positions.length / 3);
  let tiles = 0;
  for (const node of postOrder(root)) {
    const [cx, cy, cz] = centroids.get(node)!;
    const geo = ecefToGeodetic(cx, cy, cz);
    const world = enuToEcef(geo[0], geo[1], geo[2]);
    const toTile = invertRigid(world);
    const min = [Infinity, Infinity, Infinity];
    const max = [-Infinity, -Infinity, -Infinity];
    const json: TileJson = { boundingVolume: { box: [] }, geometricError: 0 };

    let maxSize = 0;
    const lod = options.lod === true;
    const blocks: Lod1Block[] | undefined = lod ? [] : undefined;
    // In LoD mode a parent's own buildings go to a leaf child: its content is the LoD1 blocks.
    const ownLeaf = lod && node.children.length > 0 ? ({ boundingVolume: { box: [] }, geometricError: 0 } as TileJson) : undefined;
    if (node.items.length) {
      // one building at a time: read, merged, dropped (tile-geometry.ts); only its feature row and block stay
      const geometryBuilder = new TileGeometryBuilder(toTile, node.items.reduce((sum, i) => sum + vertices(i), 0));
      const features: FeatureRecord[] = [];
      for (const i of node.items) {
        const b = building(i);
        geometryBuilder.add(b);
        features.push(featureOf(b));
        maxSize = Math.max(maxSize, b.size);
        blocks?.push(lod1BlockOf(b.mesh, i, b.size));
      }
      const { geometry, bounds } = geometryBuilder.finish();
      const glb = writeTileGlb(geometry, features, schema);
      const uri = `tiles/${node.id}${ownLeaf ? '-own' : ''}.glb`;
      await options.write(uri, glb);
      (ownLeaf ?? json).content = { uri };
      if (ownLeaf) ownLeaf.boundingVolume.box = boxOf(bounds);
      for (let k = 0; k < 3; k++) {
        min[k] = bounds[k];
        max[k] = bounds[k + 3];
      }
      if (ownLeaf) await options.onTile?.(++tiles);
    }

    let childError = 0;
    let omitted = 0;
    const p = [0, 0, 0];
    if (node.children.length) json.children = ownLeaf?.content ? [ownLeaf] : [];
    for (const child of node.children) {
      const c = states.get(child)!;
      for (const corner of c.corners) {
        transformPoint(toTile, corner[0], corner[1], corner[2], p);
        for (let k = 0; k < 3; k++) {
          min[k] = Math.min(min[k], p[k]);
          max[k] = Math.max(max[k], p[k]);
        }
      }
      c.json.transform = Array.from(multiplyMatrices(toTile, c.world));
      json.children!.push(c.json);
      childError = Math.max(childError, c.geometricError);
      omitted = Math.max(omitted, c.maxSize);
      maxSize = Math.max(maxSize, c.maxSize);
      if (c.blocks) unpackBlocks(c.blocks, blocks!);
      states.delete(child);
    }

    let lodError = 0;
    // a leaf hands up all its blocks; a parent what it kept
    let handUp = blocks && !node.children.length ? packBlocks(blocks) : undefined;
    if (lod && node.children.length) {
      const selection = selectParentBlocks(blocks!, node.size);
      handUp = packBlocks(selection.kept);
      lodError = selection.error;
      json.refine = 'REPLACE';
      if (selection.kept.length) {
        const { placed, features } = placeBlocks(selection.kept, selection.tolerance, source);
        const { geometry, bounds } = buildTileGeometry(placed, toTile);
        const uri = `tiles/${node.id}.glb`;
        await options.write(uri, writeTileGlb(geometry, features, schema));
        json.content = { uri };
        for (let k = 0; k < 3; k++) {
          min[k] = Math.min(min[k], bounds[k]);
          max[k] = Math.max(max[k], bounds[k + 3]);
        }
      }
    }

    const center = [0, 1, 2].map((k) => (min[k] + max[k]) / 2);
    // A flat tile still needs a box with volume.
    const half = [0, 1, 2].map((k) => Math.max((max[k] - min[k]) / 2, 0.005));
    json.boundingVolume.box = [center[0], center[1], center[2], half[0], 0, 0, 0, half[1], 0, 0, 0, half[2]];
    const diagonal = 2 * Math.hypot(half[0], half[1], half[2]);
    json.geometricError = !node.children.length ? 0 : lod ? aboveChildren(lodError, childError) : parentError(omitted, diagonal, childError);

    const corners: number[][] = [];
    for (let k = 0; k < 8; k++) {
      const local = [center[0] + (k & 1 ? half[0] : -half[0]), center[1] + (k & 2 ? half[1] : -half[1]), center[2] + (k & 4 ? half[2] : -half[2])];
      corners.push(transformPoint(world, local[0], local[1], local[2]) as number[]);
    }
    states.set(node, { world, corners, geometricError: json.geometricError, maxSize, json, blocks: handUp });
    if (json.content) await options.onTile?.(++tiles);
  }

  const rootState = states.get(root)!;
  rootState.json.transform = Array.from(rootState.world);
  rootState.json.refine = rootState.json.refine ?? 'ADD';
  const box = rootState.json.boundingVolume.box;
  const rootDiagonal = 2 * Math.hypot(box[3], box[7], box[11]);
  return {
    tiles,
    tileset: {
      asset: { version: '1.1', generator: 'TwinBy CityGML converter' },
      schema: schema.json,
      geometricError: Math.max(rootState.geometricError * 2, rootDiagonal),
      root: rootState.json,
    },
  };
}

/**
 * A parent's error is what stopping at it leaves out: the largest building in its children,
 * but at least an eighth of its box (so a district starts loading before its biggest house
 * would fill 16 px), and always more than its children's (errors strictly decrease downwards).
 */
function parentError(omitted: number, diagonal: number, childError: number): number {
  return aboveChildren(Math.max(omitted, diagonal / 8, 0.01), childError);
}

/** Errors strictly decrease downwards: a parent coarsens what its children already coarsened. */
function aboveChildren(error: number, childError: number): number {
  return error > childError ? error : childError * 1.5 + 0.01;
}

function boxOf(bounds: Float64Array): number[] {
  const c = [0, 1, 2].map((k) => (bounds[k] + bounds[k + 3]) / 2);
  const h = [0, 1, 2].map((k) => Math.max((bounds[k + 3] - bounds[k]) / 2, 0.005));
  return [c[0], c[1], c[2], h[0], 0, 0, 0, h[1], 0, 0, 0, h[2]];
}

/** Blocks as meshes in their buildings' frames, with the feature rows of the buildings they stand for (read back). */
export function placeBlocks(blocks: readonly Lod1Block[], tolerance: number, source: (index: number) => BlockSource) {
  const placed: PlacedBuilding[] = [];
  const features: FeatureRecord[] = [];
  for (const b of blocks) {
    const { id, lod, attributes, model } = source(b.index);
    const feature = { id, lod, attributes };
    placed.push({ mesh: lod1Mesh(b, tolerance, feature), model });
    features.push(feature);
  }
  return { placed, features };
}

/** The feature reader, or building(i) (its geometry read and dropped) when there is none. */
export function blockSource(building: (index: number) => TilesetBuilding, feature?: (index: number) => BlockSource): (index: number) => BlockSource {
  return (
    feature ??
    ((i) => {
      const b = building(i);
      return { ...featureOf(b), model: b.model };
    })
  );
}

export function featureOf(b: PlacedBuilding): { id: string; lod: number; attributes: BuildingMesh['attributes'] } {
  return { id: b.mesh.id, lod: b.mesh.lod, attributes: b.mesh.attributes };
}

/** ECEF centroid of each node's buildings (own and descendants'), from the models' anchors. */
function subtreeCentroids(root: QuadtreeNode, origin: (index: number) => ArrayLike<number>): Map<QuadtreeNode, number[]> {
  const sums = new Map<QuadtreeNode, number[]>();
  for (const node of postOrder(root)) {
    const s = [0, 0, 0, 0];
    for (const i of node.items) {
      const m = origin(i);
      s[0] += m[0];
      s[1] += m[1];
      s[2] += m[2];
      s[3]++;
    }
    for (const child of node.children) {
      const c = sums.get(child)!;
      for (let k = 0; k < 4; k++) s[k] += c[k];
    }
    sums.set(node, s);
  }
  const out = new Map<QuadtreeNode, number[]>();
  for (const [node, s] of sums) out.set(node, s[3] ? [s[0] / s[3], s[1] / s[3], s[2] / s[3]] : [0, 0, 6378137]);
  return out;
}
