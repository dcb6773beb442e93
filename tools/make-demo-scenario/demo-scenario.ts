/**
 * The demo scenario "Neubau am Mühlbach": Bestand and two variants for the Baufenster UGF_TURM of the
 * demo plan "Am Mühlbach" (Zmax IV, Oberkante ≤ 15 m over ground). Both replace the planned
 * "Wohnturm" of the base model. Variante A (4 storeys, 20° gable roof, 14.5 m) complies; Variante B
 * (6 storeys, flat, 18 m) breaks the height limit and Zmax.
 */
import type { Scenario } from '../../src/core/scenario/index.ts';
import { blockCentre, PLANNED_BLOCK, place, plannedArea, TOWN_ORIGIN } from '../make-demo/town-layout.ts';

const r3 = (v: number) => Math.round(v * 1000) / 1000;

export function demoScenario(origin: readonly [number, number] = TOWN_ORIGIN): Scenario {
  const [bu, bv] = blockCentre(PLANNED_BLOCK.i, PLANNED_BLOCK.j);
  const at = (u: number, v: number): [number, number] => {
    const p = place(bu + u, bv + v, origin);
    return [r3(p.x), r3(p.y)];
  };
  // inside UGF_TURM (du −13…13, dv 4…25), where the tower stands
  const footprint = [at(-10, 7), at(10, 7), at(10, 21), at(-10, 21)];
  const ground = Math.round(place(bu, bv + 14, origin).ground * 100) / 100;
  const tower = plannedArea(origin).buildings.find((b) => b.name === 'Planung Wohnturm')!;
  const ridge = Math.round(((Math.atan2(footprint[1][0] - footprint[0][0], footprint[1][1] - footprint[0][1]) * 180) / Math.PI) * 10) / 10;
  return {
    version: 1,
    name: 'Neubau am Mühlbach',
    description: 'Zwei Varianten für das Baufenster des Wohnturms im Bebauungsplan „Am Mühlbach“ (höchstens IV Vollgeschosse, Oberkante höchstens 15 m über Gelände).',
    base: { tilesets: ['../tiles/tileset.json'], plan: '../plan/am-muehlbach.xplan.gml', footprints: '../tiles/footprints.bin' },
    variants: [
      {
        id: 'a',
        title: 'Variante A',
        description: 'Vier Geschosse mit Satteldach (20°): hält die Festsetzungen ein.',
        replaces: [tower.id],
        buildings: [{ kind: 'block', id: 'A-Wohnhaus', name: 'Wohnhaus Mühlbach (A)', function: '31001_1000', footprint, base: ground, storeys: 4, storeyHeight: 3, roof: { form: 'gable', pitch: 20, ridgeDirection: ridge } }],
      },
      {
        id: 'b',
        title: 'Variante B',
        description: 'Sechs Geschosse mit Flachdach: 18 m, über der zulässigen Oberkante von 15 m.',
        replaces: [tower.id],
        buildings: [{ kind: 'block', id: 'B-Wohnhaus', name: 'Wohnhaus Mühlbach (B)', function: '31001_1000', footprint, base: ground, storeys: 6, storeyHeight: 3, roof: { form: 'flat' } }],
      },
    ],
  };
}
