// xlink resolution inside a building, LoD choice per (sub)building, orientation of referenced surfaces.
import { describe, expect, it } from 'vitest';
import { cityModel, points, readAll } from './helpers/read-all';

const square = (z: number, id?: string) =>
  `<gml:Polygon${id ? ` gml:id="${id}"` : ''}><gml:exterior><gml:LinearRing><gml:posList>0 0 ${z} 1 0 ${z} 1 1 ${z} 0 1 ${z} 0 0 ${z}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>`;
const member = (inner: string) => `<gml:surfaceMember>${inner}</gml:surfaceMember>`;
const ref = (id: string) => `<gml:surfaceMember xlink:href="#${id}"/>`;
const multi = (lod: number, inner: string, id?: string) =>
  `<bldg:lod${lod}MultiSurface><gml:MultiSurface${id ? ` gml:id="${id}"` : ''}>${inner}</gml:MultiSurface></bldg:lod${lod}MultiSurface>`;
const surface = (kind: string, inner: string) => `<bldg:boundedBy><bldg:${kind}>${inner}</bldg:${kind}></bldg:boundedBy>`;
const building = (id: string, inner: string) => `<core:cityObjectMember><bldg:Building gml:id="${id}">${inner}</bldg:Building></core:cityObjectMember>`;
const solid = (lod: number, inner: string) =>
  `<bldg:lod${lod}Solid><gml:Solid><gml:exterior><gml:CompositeSurface>${inner}</gml:CompositeSurface></gml:exterior></gml:Solid></bldg:lod${lod}Solid>`;

describe('xlinks', () => {
  it('takes the class from thematic surfaces that reference polygons defined in the solid', async () => {
    const xml = cityModel(
      building('B', solid(2, member(square(1, 'p1')) + member(square(2, 'p2'))) + surface('RoofSurface', multi(2, ref('p2'))) + surface('GroundSurface', multi(2, ref('p1')))),
    );
    const { buildings, warnings } = await readAll(xml);
    expect(warnings).toEqual([]);
    expect(buildings[0].polygons.map((p) => [p.type, p.rings[0][2]])).toEqual([
      ['GroundSurface', 1],
      ['RoofSurface', 2],
    ]);
  });

  it('expands a reference to an aggregate (a MultiSurface id) into its polygons', async () => {
    const xml = cityModel(building('B', surface('WallSurface', multi(2, member(square(1)) + member(square(2)), 'ms1')) + solid(2, ref('ms1'))));
    const { buildings } = await readAll(xml);
    expect(buildings[0].polygons.map((p) => p.type)).toEqual(['WallSurface', 'WallSurface']);
  });

  it('warns about an xlink that does not resolve inside its building and keeps the rest', async () => {
    const xml = cityModel(building('A', surface('RoofSurface', multi(2, member(square(1, 'a1'))))) + '\n' + building('B', solid(2, ref('a1') + member(square(5)))));
    const { buildings, warnings } = await readAll(xml, { file: 'x.gml' });
    expect(buildings.map((b) => [b.id, b.polygons.length])).toEqual([
      ['A', 1],
      ['B', 1],
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'unresolved-xlink', buildingId: 'B', file: 'x.gml', line: 4 });
    expect(warnings[0].column).toBeGreaterThan(0);
  });

  it('reverses a polygon used through OrientableSurface orientation="-"', async () => {
    const room = `<bldg:interiorRoom><bldg:Room>${surface('InteriorWallSurface', multi(2, member(square(3, 'inner'))))}</bldg:Room></bldg:interiorRoom>`;
    const flipped = `<gml:surfaceMember><gml:OrientableSurface orientation="-"><gml:baseSurface xlink:href="#inner"/></gml:OrientableSurface></gml:surfaceMember>`;
    const xml = cityModel(building('B', room + surface('WallSurface', multi(2, flipped))));
    const { buildings, warnings } = await readAll(xml);
    expect(warnings).toEqual([]);
    expect(buildings[0].polygons).toHaveLength(1);
    expect(buildings[0].polygons[0].type).toBe('WallSurface');
    expect(points(buildings[0].polygons[0].rings[0])).toEqual([
      [0, 1, 3],
      [1, 1, 3],
      [1, 0, 3],
      [0, 0, 3],
    ]);
  });

  it('survives reference cycles', async () => {
    const xml = cityModel(building('B', multi(2, ref('m2'), 'm1') + multi(2, ref('m1'), 'm2') + multi(2, member(square(1)))));
    const { buildings, error } = await readAll(xml);
    expect(error).toBeUndefined();
    expect(buildings[0].polygons).toHaveLength(1);
  });
});

describe('level of detail', () => {
  it('keeps the highest LoD of each part separately and reports the highest overall', async () => {
    const part = (id: string, inner: string) => `<bldg:consistsOfBuildingPart><bldg:BuildingPart gml:id="${id}">${inner}</bldg:BuildingPart></bldg:consistsOfBuildingPart>`;
    const xml = cityModel(
      building(
        'B',
        solid(1, member(square(1))) + multi(3, member(square(3)) + member(square(3.5))) + part('P1', solid(1, member(square(11))) + surface('RoofSurface', multi(2, member(square(12))))) + part('P2', multi(0, member(square(20)))),
      ),
    );
    const { buildings } = await readAll(xml);
    const b = buildings[0];
    expect(b.lod).toBe(3);
    expect(b.polygons.map((p) => p.rings[0][2])).toEqual([3, 3.5, 12, 20]);
  });

  it('treats lod0 footprints as ground and roof edges as roof', async () => {
    const xml = cityModel(building('B', `<bldg:lod0FootPrint><gml:MultiSurface>${member(square(0))}</gml:MultiSurface></bldg:lod0FootPrint><bldg:lod0RoofEdge><gml:MultiSurface>${member(square(9))}</gml:MultiSurface></bldg:lod0RoofEdge>`));
    const { buildings } = await readAll(xml);
    expect(buildings[0].lod).toBe(0);
    expect(buildings[0].polygons.map((p) => p.type)).toEqual(['GroundSurface', 'RoofSurface']);
  });

  it('ignores curves, terrain intersections and implicit geometry', async () => {
    const xml = cityModel(
      building(
        'B',
        `<bldg:lod2MultiCurve><gml:MultiCurve><gml:curveMember><gml:LineString><gml:posList>0 0 0 1 1 1</gml:posList></gml:LineString></gml:curveMember></gml:MultiCurve></bldg:lod2MultiCurve><bldg:lod1TerrainIntersection><gml:MultiCurve/></bldg:lod1TerrainIntersection>` +
          multi(1, member(square(4))),
      ),
    );
    const { buildings, warnings } = await readAll(xml);
    expect(warnings).toEqual([]);
    expect(buildings[0].lod).toBe(1);
    expect(buildings[0].polygons).toHaveLength(1);
  });

  it('leaves out a building whose only geometry is interior, with a warning', async () => {
    const room = `<bldg:interiorRoom><bldg:Room>${surface('FloorSurface', multi(4, member(square(1))))}</bldg:Room></bldg:interiorRoom>`;
    const { buildings, warnings } = await readAll(cityModel(building('R', room) + building('S', multi(2, member(square(2))))));
    expect(buildings.map((b) => b.id)).toEqual(['S']);
    expect(warnings.map((w) => [w.code, w.buildingId])).toEqual([['no-geometry', 'R']]);
  });
});
