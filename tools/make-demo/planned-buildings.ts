/** The planned buildings of the planning area "Am Mühlbach" as demo buildings (seed-independent). */
import { buildBody } from './building-shapes';
import type { DemoBuilding } from './demo-building';
import { plannedArea, TOWN_MUNICIPALITY_KEY } from './town-layout';

const MONO_PITCH = 10;

export function plannedBuildings(origin: readonly [number, number]): DemoBuilding[] {
  const area = plannedArea(origin);
  return area.buildings.map((p, k): DemoBuilding => {
    const top = p.ground + p.height;
    const eave = p.roofType === '2100' ? top - p.width * Math.tan((MONO_PITCH * Math.PI) / 180) : top;
    return {
      id: p.id,
      name: p.name,
      function: p.function,
      roofType: p.roofType,
      measuredHeight: p.height,
      storeys: p.storeys,
      street: area.name,
      houseNumber: 2 * k + 1,
      generic: [
        ['planungsstatus', 'geplant'],
        ['Planungsgebiet', area.name],
        ['Gemeindeschluessel', TOWN_MUNICIPALITY_KEY],
      ],
      parts: [
        {
          function: p.function,
          roofType: p.roofType,
          storeys: p.storeys,
          measuredHeight: p.height,
          surfaces: buildBody({ x: p.centre[0], y: p.centre[1], angle: p.angle, length: p.length, width: p.width, base: p.ground, eave, ridge: top, roofType: p.roofType }),
        },
      ],
    };
  });
}
