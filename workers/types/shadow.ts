/** The shadow worker's API and frame: the protocol's types, implemented in workers/lib/shadow. */
import type { ShadowProgress, SunHoursParams, SunHoursResult } from './shadow-api';
export type { LocalFrame } from './shadow-api';

export interface ShadowWorkerApi {
  sunHours(params: SunHoursParams, onProgress?: (p: ShadowProgress) => void): Promise<SunHoursResult>;
  cancel(cancelId: number): void;
  /** Forgets cached tilesets (all, or one URL), e.g. when a blob: URL is revoked. */
  forget(url?: string): void;
}
