/** A problem that did not stop the conversion. */
/** What a conversion reports: the protocol's types, implemented in workers/lib/convert. */
import type { CrsInfo } from '../../src/core/geo/index';

export interface ConvertWarning {
  /** Source file name or URL. */
  file?: string;
  line?: number;
  column?: number;
  buildingId?: string;
  code: string;
  message: string;
}

export interface ConvertProgress {
  bytesRead: number;
  buildings: number;
  tiles: number;
  phase: 'reading' | 'writing' | 'done';
  /** Bytes of building data the converter holds in memory (see BuildingStore.heldBytes). */
  heldBytes?: number;
}

export interface ConvertSummary {
  buildings: number;
  triangles: number;
  tiles: number;
  bytesRead: number;
  bytesWritten: number;
  /** At most MAX_SUMMARY_WARNINGS; onWarning sees them all. */
  warnings: ConvertWarning[];
  error?: { name: string; message: string; code?: string; file?: string; line?: number; column?: number };
  crs?: CrsInfo;
  /** Degrees and ellipsoidal metres. */
  bounds?: { west: number; south: number; east: number; north: number; minHeight: number; maxHeight: number };
  /** How heights became ellipsoidal, e.g. "EGM96 geoid". */
  heights?: string;
}
