/**
 * The root tileset that ties one external tileset per input file together: each child tile encloses
 * its tileset's root volume, and the root encloses them all.
 */
import { regionDiagonal, unionRegions, volumeToRegion, type BoundingVolume, type Mat4, type Region } from './bounding-region';

export interface ChildTileset {
  /** URI relative to the root tileset, e.g. "TUM_Munich/tileset.json". */
  uri: string;
  /** The child's parsed tileset.json. */
  tileset: {
    geometricError: number;
    root: { boundingVolume: BoundingVolume; transform?: Mat4; geometricError: number };
  };
}

export interface RootTileset {
  asset: { version: '1.1'; generator: string };
  geometricError: number;
  root: {
    boundingVolume: { region: Region };
    geometricError: number;
    refine: 'ADD';
    children: { boundingVolume: { region: Region }; geometricError: number; content: { uri: string } }[];
  };
}

export function buildRootTileset(children: ChildTileset[], generator = 'twinby-convert'): RootTileset {
  if (children.length === 0) throw new Error('a root tileset needs at least one child tileset');
  const tiles = children.map(({ uri, tileset }) => ({
    boundingVolume: { region: volumeToRegion(tileset.root.boundingVolume, tileset.root.transform) },
    // The tile stands for its whole tileset: its error is the one the tileset declares for not drawing it.
    geometricError: Math.max(tileset.geometricError, tileset.root.geometricError),
    content: { uri },
  }));
  const region = unionRegions(tiles.map((t) => t.boundingVolume.region));
  const geometricError = Math.max(regionDiagonal(region), ...tiles.map((t) => t.geometricError));
  return {
    asset: { version: '1.1', generator },
    geometricError,
    root: { boundingVolume: { region }, geometricError, refine: 'ADD', children: tiles },
  };
}
