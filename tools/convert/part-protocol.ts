/** Messages between a conversion thread and its part reader (part-reader.ts, split-read.ts). */
import type { ConvertWarning, ParsedBuilding } from '../../workers/lib/citygml/building';

/** Buildings per message. */
export const PART_BATCH = 32;
/** Messages the reader may send before the consumer asks for more: bounds what waits in memory. */
export const PART_AHEAD = 4;

export interface PartRequest {
  path: string;
  header: Uint8Array;
  at: number;
  file?: string;
  defaultSrsName?: string;
}

/** A building with the reader warnings that came before it; the last item of a part may have warnings only. */
export interface PartItem {
  warnings: ConvertWarning[];
  building?: ParsedBuilding;
}

/** A reader error, its place as the part saw it. */
export interface PartError {
  name: string;
  code?: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface PartMessage {
  items: PartItem[];
  /** Bytes of the file read so far, after the split. */
  bytes: number;
  end: boolean;
  error?: PartError;
}
