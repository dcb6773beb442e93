// The lint layer's import rules, checked against code that breaks them: each case must be reported.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('import boundaries', () => {
  it.each([
    ['src/core/x.ts', "import { Mesh } from 'three'; export const m = Mesh;"],
    ['src/core/x.ts', "import { LitElement } from 'lit'; export const l = LitElement;"],
    ['src/core/x.ts', "import { Viewer } from 'cesium'; export const v = Viewer;"],
    ['src/core/x.ts', "import { e } from '../engines/three/index.ts'; export const x = e;"],
    ['src/engines/three/x.ts', "import { c } from '../cesium/index.ts'; export const x = c;"],
    ['src/engines/three/x.ts', "import { Cartesian3 } from '@cesium/engine'; export const x = Cartesian3;"],
    ['src/engines/cesium/x.ts', "import { t } from '../three/index.ts'; export const x = t;"],
    ['src/engines/cesium/x.ts', "import { Mesh } from 'three'; export const x = Mesh;"],
    ['src/engines/three/x.ts', "import { p } from '../../core/geo/enu.ts'; export const x = p;"],
    ['workers/lib/x.ts', "import { Mesh } from 'three'; export const m = Mesh;"],
    ['workers/lib/x.ts', "import { html } from 'lit'; export const h = html;"],
    ['src/element/x.ts', "import type { PlanInput } from '../../workers/lib/spatial'; export type P = PlanInput;"],
    ['src/element/spatial/x.ts', "import type { PlanBuildResult } from '../../../workers/protocol.js'; export type P = PlanBuildResult;"],
    ['workers/protocol.ts', "import type { ConvertSummary } from './lib/convert/convert-citygml'; export type S = ConvertSummary;"],
    ['workers/scenario-protocol.ts', "import type { PlanInput } from './lib/spatial/plan/plan-types'; export type P = PlanInput;"],
    ['workers/types/x.ts', "import type { FootprintIndex } from '../lib/spatial/footprint-index'; export type F = FootprintIndex;"],
    ['src/worker-clients/x.ts', "import type { FootprintSet } from '../../workers/lib/footprints/footprint-set'; export type F = FootprintSet;"],
    ['src/core/x.ts', "import type { PlanInput } from '../../workers/types/plan'; export type P = PlanInput;"],
  ])('%s: %s is refused', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['src/core/x.ts', 'export const w = window.innerWidth;'],
    ['workers/lib/x.ts', "export const d = document.createElement('div');"],
  ])('%s: DOM global in %s is refused', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('no-restricted-globals');
  });

  it('allowed imports pass', async () => {
    expect(await ruleIds('src/engines/three/x.ts', "import { Mesh } from 'three'; import * as core from '../../core/index.ts'; export const x = [Mesh, core];")).toEqual([]);
    expect(await ruleIds('workers/lib/x.ts', "import proj4 from 'proj4'; export const p = proj4;")).toEqual([]);
    expect(await ruleIds('src/element/x.ts', "import { SpatialClient } from '../worker-clients/spatial-client.js'; export const c = SpatialClient;")).toEqual([]);
    expect(await ruleIds('src/worker-clients/x.ts', "import type { SpatialProtocol } from '../../workers/protocol'; import type { FootprintSet } from '../../workers/types/footprints'; export type X = [SpatialProtocol, FootprintSet];")).toEqual([]);
    expect(await ruleIds('workers/protocol.ts', "import type { ConvertSummary } from './types/convert'; export type S = ConvertSummary;")).toEqual([]);
  });
});
