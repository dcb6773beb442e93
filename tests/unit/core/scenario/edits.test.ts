import { describe, expect, it } from 'vitest';
import { addBuilding, centroid, EditHistory, freshBuildingId, moveBuilding, readScenario, rotateBuilding, toggleReplaced, updateBlock, type BlockBuilding, type Scenario } from '../../../../src/core/scenario/index.js';

const start = (): Scenario => readScenario({ version: 1, name: 'S', variants: [{ id: 'a', title: 'A', buildings: [] }] }).scenario!;
const square: BlockBuilding = { kind: 'block', id: 'q', footprint: [[0, 0], [10, 0], [10, 10], [0, 10]], storeys: 2 };

describe('scenario edits with undo and redo', () => {
  it('applies, undoes and redoes a sequence of edits', () => {
    const history = new EditHistory({ label: 'open', state: start() });
    history.apply('Block zeichnen', (s) => addBuilding(s, 'a', square));
    history.apply('Höhe', (s) => updateBlock(s, 'a', 'q', { storeys: 5 }));
    history.apply('Verschieben', (s) => moveBuilding(s, 'a', 'q', 3, -2));
    history.apply('Ausblenden', (s) => toggleReplaced(s, 'a', 'DEBY_1'));
    const b = () => history.current.variants[0].buildings[0] as BlockBuilding | undefined;
    expect(b()!.footprint[0]).toEqual([3, -2]);
    expect(b()!.storeys).toBe(5);
    expect(history.current.variants[0].replaces).toEqual(['DEBY_1']);
    expect(history.undoLabel).toBe('Ausblenden');
    history.undo();
    history.undo();
    expect(b()!.footprint[0]).toEqual([0, 0]);
    expect(history.current.variants[0].replaces).toEqual([]);
    history.redo();
    expect(b()!.footprint[0]).toEqual([3, -2]);
    // a new edit drops the redo branch
    history.apply('Drehen', (s) => rotateBuilding(s, 'a', 'q', 90));
    expect(history.canRedo).toBe(false);
    history.undo();
    history.undo();
    history.undo();
    history.undo();
    expect(history.current.variants[0].buildings).toEqual([]);
    expect(history.canUndo).toBe(false);
    expect(history.undo()).toBe(history.current);
  });

  it('rotates clockwise about the centroid and turns the ridge with it', () => {
    const s = addBuilding(start(), 'a', { ...square, roof: { form: 'gable', ridgeDirection: 10 } });
    const turned = rotateBuilding(s, 'a', 'q', 90).variants[0].buildings[0] as BlockBuilding;
    // (0,0) → turning clockwise by 90° about (5,5) gives (0,10)
    expect(turned.footprint[0][0]).toBeCloseTo(0, 9);
    expect(turned.footprint[0][1]).toBeCloseTo(10, 9);
    expect(centroid(turned.footprint)).toEqual([expect.closeTo(5, 9), expect.closeTo(5, 9)]);
    expect(turned.roof!.ridgeDirection).toBe(100);
  });

  it('refuses a self-intersecting footprint and unknown targets; no-op edits keep the state', () => {
    const s = addBuilding(start(), 'a', square);
    expect(() => updateBlock(s, 'a', 'q', { footprint: [[0, 0], [10, 10], [10, 0], [0, 10]] })).toThrow(/intersects itself/);
    expect(() => moveBuilding(s, 'x', 'q', 1, 1)).toThrow(/no variant "x"/);
    expect(moveBuilding(s, 'a', 'q', 0, 0)).toBe(s);
    const history = new EditHistory({ label: '', state: s });
    history.apply('nothing', (x) => moveBuilding(x, 'a', 'q', 0, 0));
    expect(history.canUndo).toBe(false);
    expect(freshBuildingId(s, 'q')).toBe('q-1');
  });
});
