/**
 * The buildings of one town block, seeded per block: terraced houses with
 * gabled roofs in the old town, the church (nave + tower as BuildingParts) and
 * the town hall on the market square, detached houses with gabled, hipped,
 * pyramid or flat roofs (some with an attached garage part) in the
 * residential blocks, and halls (some with an office part) in the industrial
 * quarter.
 */
import { buildBody, type RoofType } from './building-shapes';
import type { DemoBuilding, DemoPart } from './demo-building';
import { houseNumber, streetName } from './addresses';
import { between, createRandom, integer, weighted, type Random } from './random';
import { BLOCK_U, BLOCK_V, blockCentre, place, STREET_WIDTH, TOWN_MUNICIPALITY_KEY, type Block } from './town-layout';

const HALF_U = (BLOCK_U - STREET_WIDTH) / 2;
const HALF_V = (BLOCK_V - STREET_WIDTH) / 2;
const STOREY = 2.9;

export interface BlockContext {
  seed: number;
  origin: readonly [number, number];
  nextId: () => string;
}

/** Something to place: a body in town coordinates (centre du/dv within the block, along or across the street). */
interface Body {
  du: number;
  dv: number;
  across: boolean;
  length: number;
  width: number;
  storeys: number;
  roofType: RoofType;
  pitch: number;
  function: string;
}

export function blockBuildings(block: Block, ctx: BlockContext): DemoBuilding[] {
  const random = createRandom(ctx.seed, block.i, block.j);
  switch (block.kind) {
    case 'market':
      return market(block, random, ctx);
    case 'oldtown':
      return [...row(block, random, ctx, -1, oldTownLot), ...row(block, random, ctx, 1, oldTownLot)];
    case 'industrial':
      return industrial(block, random, ctx);
    case 'residential':
      if (random() < 0.04) return []; // a park
      return [...row(block, random, ctx, -1, houseLot), ...row(block, random, ctx, 1, houseLot)];
    case 'planned':
      return [];
  }
}

type LotMaker = (random: Random, du: number, side: number, lotWidth: number) => { width: number; bodies: Body[] };

/** A row of lots along the south (side -1) or north (side 1) street of the block. */
function row(block: Block, random: Random, ctx: BlockContext, side: number, lot: LotMaker): DemoBuilding[] {
  const out: DemoBuilding[] = [];
  const [bu] = blockCentre(block.i, block.j);
  let u = -HALF_U;
  for (;;) {
    const width = lot === oldTownLot ? between(random, 9, 14) : between(random, 17, 24);
    if (u + width > HALF_U) break;
    const made = lot(random, u + width / 2, side, width);
    const centreU = bu + u + width / 2;
    const line = side < 0 ? block.j : block.j + 1;
    const building = assemble(block, ctx, made.bodies, random);
    building.street = streetName(line, centreU >= 0);
    building.houseNumber = houseNumber(centreU, side < 0);
    out.push(building);
    u += width;
  }
  return out;
}

function oldTownLot(random: Random, du: number, side: number, lotWidth: number): { width: number; bodies: Body[] } {
  const depth = between(random, 11, 15);
  const gableToStreet = random() < 0.3;
  const storeys = integer(random, 2, 4);
  const roofType = weighted<RoofType>(random, [
    ['3100', 75],
    ['3200', 12],
    ['1000', 13],
  ]);
  const fn = weighted(random, [
    ['31001_1123', 50],
    ['31001_1000', 30],
    ['31001_2050', 10],
    ['31001_1120', 10],
  ]);
  const length = gableToStreet ? depth : lotWidth - 0.1;
  const width = gableToStreet ? lotWidth - 0.1 : depth;
  const dv = side * (HALF_V - depth / 2 - 0.5);
  return { width: lotWidth, bodies: [{ du, dv, across: gableToStreet, length, width, storeys, roofType, pitch: between(random, 38, 50), function: fn }] };
}

function houseLot(random: Random, du: number, side: number, lotWidth: number): { width: number; bodies: Body[] } {
  let length = between(random, 10, 14);
  const width = between(random, 8, 11);
  const roofType = weighted<RoofType>(random, [
    ['3100', 58],
    ['3200', 22],
    ['3500', 6],
    ['1000', 9],
    ['2100', 5],
  ]);
  if (roofType === '3500') length = width;
  const storeys = integer(random, 1, 2);
  const setback = between(random, 5, 8);
  const dv = side * (HALF_V - setback - width / 2);
  const fn = weighted(random, [
    ['31001_1010', 55],
    ['31001_1000', 40],
    ['31001_1100', 5],
  ]);
  const bodies: Body[] = [{ du, dv, across: false, length, width, storeys, roofType, pitch: between(random, 25, 42), function: fn }];
  if (random() < 0.3 && lotWidth > length + 6) {
    // An attached garage beside the house, flush with its front.
    const gWidth = 3.5;
    const gLength = 6.5;
    const dir = random() < 0.5 ? -1 : 1;
    bodies.push({
      du: du + dir * (length / 2 + gWidth / 2),
      dv: side * (HALF_V - setback - gLength / 2),
      across: true,
      length: gLength,
      width: gWidth,
      storeys: 1,
      roofType: random() < 0.7 ? '1000' : '2100',
      pitch: 8,
      function: '31001_2463',
    });
  }
  return { width: lotWidth, bodies };
}

function market(block: Block, random: Random, ctx: BlockContext): DemoBuilding[] {
  const church = assemble(block, ctx, [
    { du: -25, dv: 8, across: false, length: 32, width: 14, storeys: 1, roofType: '3100', pitch: 52, function: '31001_3041' },
    { du: -45, dv: 8, across: false, length: 7.5, width: 7.5, storeys: 1, roofType: '3500', pitch: 72, function: '31001_3041' },
  ], random, { eave: [11, 30] });
  church.name = 'Pfarrkirche St. Martin';
  church.street = 'Marktplatz';
  church.houseNumber = 1;
  const hall = assemble(block, ctx, [{ du: 25, dv: 10, across: false, length: 24, width: 15, storeys: 3, roofType: '3200', pitch: 40, function: '31001_3012' }], random);
  hall.name = 'Rathaus';
  hall.street = 'Marktplatz';
  hall.houseNumber = 2;
  return [church, hall, ...row(block, random, ctx, -1, oldTownLot)];
}

function industrial(block: Block, random: Random, ctx: BlockContext): DemoBuilding[] {
  const out: DemoBuilding[] = [];
  let u = -HALF_U + 4;
  while (u < HALF_U - 30) {
    const length = between(random, 30, Math.min(60, HALF_U - u - 2));
    const width = between(random, 18, 34);
    const roofType = weighted<RoofType>(random, [
      ['1000', 60],
      ['2100', 25],
      ['3100', 15],
    ]);
    const hallHeightStoreys = integer(random, 2, 3);
    const bodies: Body[] = [
      { du: u + length / 2, dv: -HALF_V + 6 + width / 2, across: false, length, width, storeys: hallHeightStoreys, roofType, pitch: roofType === '3100' ? 12 : 6, function: weighted(random, [['31001_2100', 70], ['31001_2000', 30]]) },
    ];
    if (random() < 0.4) {
      bodies.push({ du: u + 8, dv: -HALF_V + 6 + width + 5, across: false, length: 16, width: 10, storeys: integer(random, 2, 3), roofType: '1000', pitch: 0, function: '31001_2020' });
    }
    const building = assemble(block, ctx, bodies, random);
    const [bu] = blockCentre(block.i, block.j);
    building.street = streetName(block.j, bu + u >= 0);
    building.houseNumber = houseNumber(bu + u + length / 2, true);
    out.push(building);
    u += length + between(random, 8, 16);
  }
  return out;
}

/** Bodies → one building; several bodies become BuildingParts. `eave` overrides eave heights above ground per body. */
function assemble(block: Block, ctx: BlockContext, bodies: Body[], random: Random, override?: { eave: number[] }): DemoBuilding {
  const [bu, bv] = blockCentre(block.i, block.j);
  // One ground height for the whole building, taken at its first body.
  const ground = round(place(bu + bodies[0].du, bv + bodies[0].dv, ctx.origin).ground);
  const parts: DemoPart[] = bodies.map((b, k) => {
    const at = place(bu + b.du, bv + b.dv, ctx.origin);
    const eave = ground + (override?.eave[k] ?? b.storeys * STOREY + 0.4);
    const span = b.roofType === '2100' ? b.width : Math.min(b.length, b.width) / 2;
    const rise = b.roofType === '1000' ? 0 : span * Math.tan((b.pitch * Math.PI) / 180);
    const ridge = eave + rise;
    return {
      function: b.function,
      roofType: b.roofType,
      storeys: b.storeys,
      measuredHeight: round(ridge - ground),
      surfaces: buildBody({ x: at.x, y: at.y, angle: at.angle + (b.across ? Math.PI / 2 : 0), length: b.length, width: b.width, base: ground, eave, ridge, roofType: b.roofType }),
    };
  });
  const main = parts[0];
  return {
    id: ctx.nextId(),
    function: main.function,
    roofType: main.roofType,
    storeys: main.storeys,
    measuredHeight: Math.max(...parts.map((p) => p.measuredHeight)),
    generic: [
      ['DatenquelleDachhoehe', '1000'],
      ['DatenquelleLage', '1000'],
      ['DatenquelleBodenhoehe', random() < 0.9 ? '1100' : '1000'],
      ['Gemeindeschluessel', TOWN_MUNICIPALITY_KEY],
    ],
    parts,
  };
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
