/**
 * Writes buildings as a 3D Tiles 1.1 implicit quadtree (`--implicit`): one tileset.json whose root names
 * templates (`tiles/{level}/{x}/{y}.glb`, `subtrees/{level}/{x}/{y}.subtree`) instead of listing every tile,
 * so a state-sized tileset.json stays a few hundred bytes and a viewer fetches availability subtree by subtree.
 *
 * What implicit tiling fixes, and how this writer meets it:
 * - Tile volumes are the root box halved in x and y: so the quadtree is built in the root's ENU plane
 *   (each building's model origin seen from the root frame), and every GLB is in the root frame (no per-tile
 *   transform; float32 keeps ~1 mm at 10 km). The box's height spans all content.
 * - Geometric error halves per level: the root's is the smallest that keeps every tile's own measured error
 *   (largest building left out and an eighth of the cell, or the LoD error of parent-lod.ts) at its level.
 * - One content per tile: chunks (crowded cells past the depth limit) fold back into their cell.
 * - Refinement is one for the tileset: ADD, or with `lod` REPLACE, where only leaves hold full buildings
 *   (buildQuadtree's keepWide: false) and parents carry LoD1 blocks of the buildings beneath.
 * The quadtree is loose, so a building may reach past its tile's box by up to half its own size (a few
 * metres at the cell edge); viewers cull by tile boxes, so such a building can vanish a little early at the screen edge.
 */
import { ecefToGeodetic, enuToEcef, invertRigid, transformPoint } from '../../../src/core/geo/index';
import { lod1BlockOf, type Lod1Block } from '../lod/lod1-block';
import { selectParentBlocks } from '../lod/parent-lod';
import { buildQuadtree, postOrder, type QuadtreeItems, type QuadtreeNode } from '../tiling/quadtree';
import type { MetadataSchema } from './metadata-schema';
import { emptyAvailability, encodeSubtree, subtreeBit, type SubtreeAvailability } from './subtree-file';
import { buildTileGeometry } from './tile-geometry';
import { blockSource, featureOf, placeBlocks, type TilesetBuilding, type WriteTilesOptions, type WrittenTileset } from './tileset-writer';
import { packBlocks, unpackBlocks } from '../lod/block-pack';
import { writeTileGlb } from './write-glb';

export const CONTENT_TEMPLATE = 'tiles/{level}/{x}/{y}.glb';
export const SUBTREE_TEMPLATE = 'subtrees/{level}/{x}/{y}.subtree';
/** Levels per subtree file: 85 tiles (a 2 km file is 4–6 levels deep, so one or two subtree fetches). */
export const SUBTREE_LEVELS = 4;

export interface ImplicitOptions extends WriteTilesOptions {
  /** Default 2,000 / 500,000 (quadtree.ts). */
  maxFeatures?: number;
  maxVertices?: number;
  /** Levels per .subtree file; default SUBTREE_LEVELS. */
  subtreeLevels?: number;
  /** Building i's model origin (ECEF): required, the quadtree is built from it before any building is read. */
  origin: (index: number) => ArrayLike<number>;
}

/** `items` are the buildings' boxes in the dataset plane (their sizes, not their places, are used). */
export async function writeImplicitTiles(
  items: QuadtreeItems,
  building: (index: number) => TilesetBuilding,
  schema: MetadataSchema,
  options: ImplicitOptions,
): Promise<WrittenTileset> {
  const lod = options.lod === true;
  const world = rootFrame(items.length, options.origin);
  const toRoot = invertRigid(world);
  const root = buildQuadtree(enuItems(items, options.origin, toRoot), { maxFeatures: options.maxFeatures, maxVertices: options.maxVertices, keepWide: !lod });
  foldChunks(root);

  const placeOf = new Map<QuadtreeNode, [number, number, number]>();
  const hasContent = new Set<string>();
  let zMin = Infinity;
  let zMax = -Infinity;
  let rootError = 0;
  let maxLevel = 0;
  let tiles = 0;
  const source = blockSource(building, options.feature);
  // blocks waiting for their parent, packed (block-pack.ts)
  const handed = new Map<QuadtreeNode, { blocks?: Float64Array; maxSize: number }>();
  const write = async (node: QuadtreeNode, placed: { mesh: TilesetBuilding['mesh']; model: Float64Array }[], features: ReturnType<typeof featureOf>[]) => {
    const [level, x, y] = placeOf.get(node)!;
    const { geometry, bounds } = buildTileGeometry(placed, toRoot);
    await options.write(`tiles/${level}/${x}/${y}.glb`, writeTileGlb(geometry, features, schema));
    hasContent.add(`${level}/${x}/${y}`);
    zMin = Math.min(zMin, bounds[2]);
    zMax = Math.max(zMax, bounds[5]);
    await options.onTile?.(++tiles);
  };

  for (const node of postOrder(root)) {
    const place = cellOf(node);
    placeOf.set(node, place);
    maxLevel = Math.max(maxLevel, place[0]);
    let maxSize = 0;
    let childMax = 0;
    const blocks: Lod1Block[] | undefined = lod ? [] : undefined;
    if (node.items.length) {
      const placed = node.items.map(building);
      await write(node, placed, placed.map(featureOf));
      placed.forEach((b, k) => {
        maxSize = Math.max(maxSize, b.size);
        blocks?.push(lod1BlockOf(b.mesh, node.items[k], b.size));
      });
    }
    for (const child of node.children) {
      const c = handed.get(child)!;
      childMax = Math.max(childMax, c.maxSize);
      if (c.blocks) unpackBlocks(c.blocks, blocks!);
      handed.delete(child);
    }
    maxSize = Math.max(maxSize, childMax);
    let handUp = blocks && !node.children.length ? packBlocks(blocks) : undefined;
    let error = 0;
    if (node.children.length) {
      if (lod) {
        const selection = selectParentBlocks(blocks!, node.size);
        handUp = packBlocks(selection.kept);
        error = selection.error;
        if (selection.kept.length) {
          const { placed, features } = placeBlocks(selection.kept, selection.tolerance, source);
          await write(node, placed, features);
        }
      } else {
        // as tileset-writer.ts: the largest building left out, at least an eighth of the cell's diagonal
        error = Math.max(childMax, (node.size * Math.SQRT2) / 8, 0.01);
      }
    }
    rootError = Math.max(rootError, error * 2 ** place[0]);
    handed.set(node, { blocks: handUp, maxSize });
  }

  const levels = maxLevel + 1;
  const subtreeLevels = Math.min(options.subtreeLevels ?? SUBTREE_LEVELS, levels);
  for (const [path, bytes] of subtrees(root, placeOf, hasContent, subtreeLevels)) await options.write(path, bytes);

  // a single leaf still needs an error above zero to be a valid root; ADD leaves keep half their parent's
  rootError = Math.max(rootError, 0.01);
  const half = root.size / 2;
  const zHalf = Math.max((zMax - zMin) / 2, 0.005);
  const box = [root.x + half, root.y + half, (zMin + zMax) / 2, half, 0, 0, 0, half, 0, 0, 0, zHalf];
  return {
    tiles,
    tileset: {
      asset: { version: '1.1', generator: 'TwinBy CityGML converter' },
      schema: schema.json,
      geometricError: Math.max(rootError * 2, 2 * Math.hypot(half, half, zHalf)),
      root: {
        transform: Array.from(world),
        boundingVolume: { box },
        geometricError: rootError,
        refine: lod ? 'REPLACE' : 'ADD',
        content: { uri: CONTENT_TEMPLATE },
        implicitTiling: { subdivisionScheme: 'QUADTREE', subtreeLevels, availableLevels: levels, subtrees: { uri: SUBTREE_TEMPLATE } },
      },
    },
  };
}

/** ENU frame at the centroid of the buildings' model origins. */
function rootFrame(count: number, origin: (i: number) => ArrayLike<number>): Float64Array {
  const s = [0, 0, 0];
  for (let i = 0; i < count; i++) {
    const m = origin(i);
    for (let k = 0; k < 3; k++) s[k] += m[k];
  }
  const geo = ecefToGeodetic(s[0] / count, s[1] / count, s[2] / count);
  return enuToEcef(geo[0], geo[1], geo[2]);
}

/**
 * Each building's box in the root's east/north plane: centred on its model origin, as wide as its box in the
 * dataset plane plus 6 % (grid convergence turns a projected box by up to ~3° in a UTM zone; scale is ~1).
 */
function enuItems(items: QuadtreeItems, origin: (i: number) => ArrayLike<number>, toRoot: Float64Array): QuadtreeItems {
  const boxes = new Float64Array(4 * items.length);
  const p = [0, 0, 0];
  for (let i = 0; i < items.length; i++) {
    const m = origin(i);
    transformPoint(toRoot, m[0], m[1], m[2], p);
    const hx = ((items.boxes[4 * i + 2] - items.boxes[4 * i]) / 2) * 1.06;
    const hy = ((items.boxes[4 * i + 3] - items.boxes[4 * i + 1]) / 2) * 1.06;
    boxes.set([p[0] - hx, p[1] - hy, p[0] + hx, p[1] + hy], 4 * i);
  }
  return { length: items.length, boxes, vertices: items.vertices };
}

/** Implicit tiles hold one content each: chunk children (ids "…-cN") give their buildings back to their cell. */
function foldChunks(root: QuadtreeNode): void {
  for (const node of postOrder(root)) {
    const chunks = node.children.filter((c) => /-c\d+$/.test(c.id));
    if (!chunks.length) continue;
    node.items = [...node.items, ...chunks.flatMap((c) => c.items)];
    node.children = node.children.filter((c) => !chunks.includes(c));
  }
}

/** Level, x (east), y (north) of a cell: quadtree ids are "level-column-row" from the root's south-west. */
function cellOf(node: QuadtreeNode): [number, number, number] {
  const [level, x, y] = node.id.split('-').map(Number);
  return [level, x, y];
}

/** The .subtree files: one for every available tile at a level that is a multiple of `levels`. */
function subtrees(root: QuadtreeNode, placeOf: Map<QuadtreeNode, [number, number, number]>, hasContent: Set<string>, levels: number): Map<string, Uint8Array> {
  const all = new Map<string, SubtreeAvailability>();
  const out = new Map<string, Uint8Array>();
  for (const node of postOrder(root)) {
    const [level, x, y] = placeOf.get(node)!;
    const rootLevel = level - (level % levels);
    const local = level - rootLevel;
    const rx = x >> local;
    const ry = y >> local;
    const key = `${rootLevel}/${rx}/${ry}`;
    let a = all.get(key);
    if (!a) all.set(key, (a = emptyAvailability(levels)));
    const bit = subtreeBit(local, x - (rx << local), y - (ry << local));
    a.tiles[bit] = 1;
    if (hasContent.has(`${level}/${x}/${y}`)) a.content[bit] = 1;
    if (local === 0 && rootLevel > 0) {
      // this subtree's root is a child subtree of the one above
      const parentRoot = rootLevel - levels;
      const px = x >> levels;
      const py = y >> levels;
      let p = all.get(`${parentRoot}/${px}/${py}`);
      if (!p) all.set(`${parentRoot}/${px}/${py}`, (p = emptyAvailability(levels)));
      p.childSubtrees[subtreeBit(0, x - (px << levels), y - (py << levels))] = 1;
    }
  }
  for (const [key, a] of [...all].sort(([a], [b]) => (a < b ? -1 : 1))) out.set(`subtrees/${key}.subtree`, encodeSubtree(a));
  return out;
}
