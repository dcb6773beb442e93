/** Messages between a conversion thread and the thread that reads its file (read-thread.ts, threaded-read.ts). */
import type { ConvertWarning, ParsedBuilding } from '../../workers/lib/citygml/building';

/** Buildings per message. */
export const READ_BATCH = 32;
/** Messages the reader may send before the consumer asks for more: bounds what waits in memory. */
export const READ_AHEAD = 4;

export interface ReadRequest {
  path: string;
  file?: string;
  defaultSrsName?: string;
}

/** A building with the reader warnings that came before it; the last item may have warnings only. */
export interface ReadItem {
  warnings: ConvertWarning[];
  building?: ParsedBuilding;
}

/** A reader error with its place (CityGMLError's fields). */
export interface ReadError {
  name: string;
  code?: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface ReadMessage {
  items: ReadItem[];
  /** Bytes of the file read so far. */
  bytes: number;
  end: boolean;
  error?: ReadError;
}
