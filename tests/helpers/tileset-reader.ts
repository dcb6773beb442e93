/**
 * Reads an in-memory tileset back for assertions: every content tile with its world
 * transform (ENU→ECEF, the product of the transforms from the root), the GLB parsed by
 * loaders.gl, its property table columns and per-vertex feature ids.
 */
import { parse } from '@loaders.gl/core';
import { GLTFLoader, postProcessGLTF } from '@loaders.gl/gltf';
import { multiplyMatrices } from '../../src/core/geo/index';

export interface TileJsonNode {
  boundingVolume: { box: number[] };
  geometricError: number;
  refine?: string;
  transform?: number[];
  content?: { uri: string };
  children?: TileJsonNode[];
}

export interface ReadTile {
  uri: string;
  node: TileJsonNode;
  depth: number;
  world: Float64Array;
  gltf: any;
  /** Property table columns by property id (loaders.gl decodes them into `data`). */
  columns: Record<string, unknown[]>;
  count: number;
  featureCount: number;
  /** glTF y-up positions. */
  positions: Float32Array;
  featureIds: Float32Array;
}

export function tilesetJson(files: ReadonlyMap<string, Uint8Array>): { root: TileJsonNode; schema: any; geometricError: number; asset: any } {
  return JSON.parse(new TextDecoder().decode(files.get('tileset.json')!));
}

export function* walkTiles(node: TileJsonNode, parentWorld: ArrayLike<number> = identity(), depth = 0): Generator<{ node: TileJsonNode; world: Float64Array; depth: number; parent?: TileJsonNode }> {
  const world = node.transform ? multiplyMatrices(parentWorld, node.transform) : Float64Array.from(parentWorld);
  yield { node, world, depth };
  for (const child of node.children ?? []) yield* walkTiles(child, world, depth + 1);
}

export async function readTiles(files: ReadonlyMap<string, Uint8Array>): Promise<ReadTile[]> {
  const out: ReadTile[] = [];
  for (const { node, world, depth } of walkTiles(tilesetJson(files).root)) {
    if (!node.content) continue;
    const bytes = files.get(node.content.uri);
    if (!bytes) throw new Error(`missing ${node.content.uri}`);
    out.push({ uri: node.content.uri, node, depth, world, ...(await readGlb(bytes)) });
  }
  return out;
}

/** One GLB's mesh, property table and feature ids (as ReadTile has them). */
export async function readGlb(bytes: Uint8Array): Promise<Omit<ReadTile, 'uri' | 'node' | 'depth' | 'world'>> {
  const gltf: any = await parse(bytes.slice().buffer, GLTFLoader, { worker: false } as never);
  const table = gltf.json.extensions.EXT_structural_metadata.propertyTables[0];
  const columns: Record<string, unknown[]> = {};
  for (const [id, prop] of Object.entries<any>(table.properties)) columns[id] = Array.from(prop.data);
  const primitive = gltf.json.meshes[0].primitives[0];
  const resolved: any = postProcessGLTF(gltf).meshes![0].primitives[0];
  const accessor = (name: string) => resolved.attributes[name];
  return {
    gltf,
    columns,
    count: table.count,
    featureCount: primitive.extensions.EXT_mesh_features.featureIds[0].featureCount,
    positions: accessor('POSITION').value,
    featureIds: accessor('_FEATURE_ID_0').value,
  };
}

function identity(): Float64Array {
  return Float64Array.of(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1);
}
