import type { InfoRow, Lang } from '../core/index.js';
import type { Engine, PickResult } from '../engines/engine.js';

/** A viewer plugin: a plain object with a name, a priority and optional hooks. */
export interface ViewerPlugin {
  name: string;
  priority?: number;
  /** Info panel rows for a pick; the first plugin that returns rows wins over the default. */
  describePick?(pick: PickResult, lang: Lang): InfoRow[] | undefined;
  /** Called for every plugin when an engine starts or stops. */
  engineStarted?(engine: Engine): void;
  engineStopped?(engine: Engine): void;
}
