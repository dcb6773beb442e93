/** What a scenario's variant reports: the protocol's types, implemented in workers/lib/scenario. */
import type { BlockHeights } from '../../src/core/scenario/index';
import type { ComplianceFinding } from './spatial';
import type { FindingPhrase } from '../../src/core/plan/finding-phrase';

export interface PlannedBlockInfo {
  id: string;
  heights: BlockHeights;
  base: number;
  footprint: [number, number][];
}

export interface VariantFinding {
  buildingId: string | null;
  planned: boolean;
  zoneLabel: string;
  check: ComplianceFinding['check'] | 'gfz';
  status: ComplianceFinding['status'];
  margin: number | null;
  /** What it says, for the element to word in its language. */
  phrase: FindingPhrase;
  /** German, e.g. "Oberkante 18,0 m > 15,0 m zulässig". */
  text: string;
}

export interface VariantReport {
  variantId: string;
  /** Over the Baugebiete of the plan: footprint area inside / zone area. */
  grz: number | null;
  gfz: number | null;
  /** Gross floor area (storeys × footprint area) inside the Baugebiete, m². */
  grossFloorArea: number;
  /** Gross floor area of the planned buildings alone, m². */
  plannedFloorArea: number;
  /** Highest top of a planned building above its base, m (null without planned blocks). */
  maxPlannedHeight: number | null;
  violations: number;
  /** Violations and unknowns of the planned buildings and of the zones they stand in, then GFZ/GRZ of every zone. */
  findings: VariantFinding[];
}
