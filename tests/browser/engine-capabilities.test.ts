// Engines declare their optional features; the scenario panel leaves out the comparison an engine cannot draw.
import { render } from 'lit';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/core/scenario/index.js';
import { CesiumEngine } from '../../src/engines/cesium/index.js';
import { engineHas, type Engine } from '../../src/engines/engine.js';
import { ThreeEngine } from '../../src/engines/three/index.js';
import { renderScenarioPanel, type PanelActions, type PanelModel } from '../../src/element/scenario/scenario-panel.js';

const scenario = { version: 1, name: 'Test', base: { tilesets: [] }, variants: [{ id: 'v1', title: 'Variante 1', buildings: [], hide: [] }] } as unknown as Scenario;

function panel(canCompare: boolean, compare: PanelModel['compare'] = 'single', splitShadows = true): HTMLElement {
  const model: PanelModel = {
    lang: 'de', scenario, variants: new Map(), variant: 'v1', compare, compareWith: 'bestand', status: '', message: '', hasPlan: false,
    editing: 'none', selectedBlock: null, canUndo: false, canRedo: false, open: true, canCompare, splitShadows,
  };
  const noop = () => {};
  const actions = new Proxy({}, { get: () => noop }) as PanelActions;
  const div = document.createElement('div');
  document.body.append(div);
  render(renderScenarioPanel(model, actions), div);
  return div;
}

describe('engine capabilities', () => {
  it('both engines have every optional feature, split views with per-side hidden buildings too', () => {
    const three = new ThreeEngine();
    const cesium: Engine = new CesiumEngine();
    for (const c of ['sun', 'split', 'basemap', 'terrain', 'overlays'] as const) expect(engineHas(three, c), c).toBe(true);
    for (const c of ['sun', 'overlays', 'basemap', 'terrain', 'split', 'split-swipe'] as const) expect(engineHas(cesium, c), c).toBe(true);
    // one shadow map a frame: Cesium cannot give each side of a split its own shadows, three draws each side's
    expect(engineHas(three, 'split-shadows')).toBe(true);
    expect(engineHas(cesium, 'split-shadows')).toBe(false);
    // what a capability promises, the engine has as a method
    expect(typeof cesium.setSun).toBe('function');
    expect(typeof cesium.addBasemap).toBe('function');
    expect(typeof cesium.addTerrain).toBe('function');
    expect(engineHas(null, 'sun')).toBe(false);
  });

  it('the scenario panel shows the compare controls only when the engine can split', () => {
    const can = panel(true, 'swipe');
    expect(can.querySelector<HTMLSelectElement>('select.compare')!.closest('.row')!.hasAttribute('hidden')).toBe(false);
    expect(can.querySelector('select.compare-with')).not.toBeNull();
    const cannot = panel(false, 'swipe');
    expect(cannot.querySelector<HTMLSelectElement>('select.compare')!.closest('.row')!.hasAttribute('hidden')).toBe(true);
    expect(cannot.querySelector('select.compare-with')).toBeNull();
  });

  it('the scenario panel says so while comparing on an engine without per-side shadows', () => {
    expect(panel(true, 'swipe', false).querySelector('.split-shadows')?.textContent).toContain('keine Schatten');
    expect(panel(true, 'swipe', true).querySelector('.split-shadows')).toBeNull();
    expect(panel(true, 'single', false).querySelector('.split-shadows')).toBeNull();
  });
});
