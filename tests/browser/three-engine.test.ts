import { afterEach, describe, expect, it } from 'vitest';
import { ThreeEngine } from '../../src/engines/three/index.js';
import { describeEngineContract } from './engine-contract.js';
import { building, closeView, frames, townUrl } from './helpers.js';

describeEngineContract('three', () => new ThreeEngine());

describe('three engine specifics', () => {
  let engine: ThreeEngine;
  let container: HTMLDivElement;

  async function start(): Promise<void> {
    container = document.createElement('div');
    container.style.cssText = 'width:400px;height:300px;';
    document.body.appendChild(container);
    engine = new ThreeEngine();
    await engine.mount(container, { preserveDrawingBuffer: true, view: closeView });
    const ready = engine.events.next('ready');
    await engine.addTileset('town', townUrl);
    await ready;
    await frames(2);
  }

  afterEach(() => {
    engine?.dispose();
    container?.remove();
  });

  it('restyles, hides and selects without uploading any geometry buffer', async () => {
    await start();
    const gl = engine.renderer.getContext() as WebGL2RenderingContext;
    const calls = { bufferData: 0, bufferSubData: 0, texImage2D: 0, texSubImage2D: 0 };
    const spied = Object.keys(calls) as Array<keyof typeof calls>;
    const originals = spied.map((name) => [name, (gl as any)[name]] as const);
    for (const [name, fn] of originals) {
      (gl as any)[name] = (...args: unknown[]) => {
        calls[name]++;
        return fn.apply(gl, args);
      };
    }
    try {
      engine.setStyle({ kind: 'preset', name: 'roof-type' });
      await frames(2);
      engine.setHidden([(await building(1)).id]);
      await frames(2);
      engine.setSelected((await building(2)).id);
      await frames(2);
    } finally {
      for (const [name, fn] of originals) (gl as any)[name] = fn;
    }
    expect(calls.bufferData + calls.bufferSubData).toBe(0);
    // the feature textures (one per tile) were re-uploaded instead
    expect(calls.texImage2D + calls.texSubImage2D).toBeGreaterThanOrEqual(2);
  });

  it('draws each tile in one call per material, never one per building', async () => {
    await start();
    let tiles = 0;
    let materials = 0;
    for (const layer of (engine as any).layers.values()) {
      layer.tiles.forEachLoadedModel((scene: any) => {
        tiles++;
        const set = new Set<unknown>();
        scene.traverse((o: any) => o.material && set.add(o.material));
        materials += set.size;
      });
    }
    expect(tiles).toBe(2);
    // + 1 for the ground plane
    expect(engine.getStats().drawCalls).toBeLessThanOrEqual(materials + 1);
    expect(engine.getStats().drawCalls).toBeLessThan(8);
  });

  it('places the tileset level and north-up: a building north of another is further up the screen at heading 0', async () => {
    await start();
    const south = await building(5); // east 20, north -15
    const north = await building(6); // east 20, north +15
    const ps = engine.projectToScreen(south.lon, south.lat, south.ground)!;
    const pn = engine.projectToScreen(north.lon, north.lat, north.ground)!;
    expect(pn.y).toBeLessThan(ps.y);
    expect(Math.abs(pn.x - ps.x)).toBeLessThan(25);
    // the ground plane sits under the buildings' bases
    expect(Math.abs(engine.ground.planeHeight() - engine.frame.toWorld(south.lon, south.lat, south.ground, engine.camera.position.clone()).y)).toBeLessThan(0.01);
  });
});
