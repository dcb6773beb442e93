import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../../../src/core/scenario/index.js';

const root = resolve(import.meta.dirname, '../../../..');
const goodText = readFileSync(resolve(root, 'tests/fixtures/scenario/good.json'), 'utf8');
const good = () => JSON.parse(goodText);
const schema = JSON.parse(readFileSync(resolve(root, 'docs/scenario.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

describe('readScenario', () => {
  it('reads a good file whole, and the JSON Schema accepts it', () => {
    const { scenario, issues } = readScenario(goodText);
    expect(issues).toEqual([]);
    expect(validate(good())).toBe(true);
    expect(scenario!.name).toBe('Test scenario');
    expect(scenario!.variants.map((v) => v.id)).toEqual(['a', 'b']);
    expect(scenario!.variants[0].replaces).toEqual(['DEBY_LOD2_0001']);
    expect(scenario!.variants[0].buildings.map((b) => b.kind)).toEqual(['block', 'model']);
    expect(scenario!.variants[1].buildings.map((b) => b.kind)).toEqual(['block', 'citygml']);
    // a round trip through JSON gives the same scenario
    expect(readScenario(JSON.stringify(scenario)).scenario).toEqual(scenario);
  });

  it('keeps viewpoints for a meeting with the scenario (schema and reader agree), naming a bad one by path', () => {
    const view = { camera: { lon: 12.15, lat: 48.53, height: 500, heading: 0, pitch: -40 }, variant: 'a', sun: { date: '2025-03-21', time: '15:00', shadows: true } };
    const doc = { ...good(), viewpoints: [{ id: 'p1', title: 'Markt', caption: 'Blick nach Norden', view }] };
    expect(validate(doc)).toBe(true);
    const { scenario, issues } = readScenario(doc);
    expect(issues).toEqual([]);
    expect(scenario!.viewpoints).toEqual([{ id: 'p1', title: 'Markt', caption: 'Blick nach Norden', view }]);
    expect(readScenario(JSON.stringify(scenario)).scenario).toEqual(scenario);
    const bad = { ...good(), viewpoints: [{ caption: 'no title', view }] };
    expect(validate(bad)).toBe(false);
    const read = readScenario(bad);
    expect(read.scenario!.viewpoints).toEqual([]);
    expect(read.issues.map((i) => i.path)).toEqual(['$.viewpoints[0]']);
  });

  it('names line and column of malformed JSON and reads nothing', () => {
    const { scenario, issues } = readScenario('{\n  "version": 1,\n  "name": "x",,\n}');
    expect(scenario).toBeNull();
    expect(issues).toEqual([{ path: '$', severity: 'error', message: 'not valid JSON: syntax error at line 3, column 15' }]);
  });

  it('refuses an unknown version, naming it', () => {
    const doc = { ...good(), version: 2 };
    const { scenario, issues } = readScenario(doc);
    expect(scenario).toBeNull();
    expect(issues[0].path).toBe('$.version');
    expect(issues[0].message).toMatch(/version 1, the file has version 2/);
    expect(validate(doc)).toBe(false);
  });

  it('leaves out a self-intersecting block with the JSON path of the crossing, and keeps the rest', () => {
    const doc = good();
    doc.variants[0].buildings[0].footprint = [[0, 0], [10, 10], [10, 0], [0, 10]];
    const { scenario, issues } = readScenario(doc);
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('$.variants[0].buildings[0].footprint[0]');
    expect(issues[0].message).toMatch(/intersects itself: edge 0–1 crosses edge 2–3; the building is left out/);
    expect(scenario!.variants[0].buildings.map((b) => b.id)).toEqual(['A-2']);
    expect(scenario!.variants[1].buildings).toHaveLength(2);
  });

  it('leaves out a variant with a duplicate id and a building of unknown kind, each located', () => {
    const doc = good();
    doc.variants[1].id = 'a';
    doc.variants[0].buildings[1].kind = 'tower';
    const { scenario, issues } = readScenario(doc);
    expect(issues.map((i) => i.path)).toEqual(['$.variants[0].buildings[1].kind', '$.variants[1].id']);
    expect(scenario!.variants.map((v) => v.id)).toEqual(['a']);
    expect(scenario!.variants[0].buildings.map((b) => b.id)).toEqual(['A-1']);
    expect(validate(doc)).toBe(false);
  });

  it('reports each kind of bad building field with its path', () => {
    const doc = good();
    const [block, model] = doc.variants[0].buildings;
    delete block.storeys;
    model.position.easting = 'x';
    doc.variants[1].buildings[0].roof = { form: 'dome' };
    doc.variants[1].buildings[1].src = '';
    doc.variants[1].replaces = ['ok', 7];
    const { scenario, issues } = readScenario(doc);
    expect(issues.map((i) => i.path)).toEqual([
      '$.variants[0].buildings[0]',
      '$.variants[0].buildings[1].position.easting',
      '$.variants[1].replaces[1]',
      '$.variants[1].buildings[0].roof.form',
      '$.variants[1].buildings[1].src',
    ]);
    expect(scenario!.variants.map((v) => v.buildings.length)).toEqual([0, 0]);
    expect(scenario!.variants[1].replaces).toEqual(['ok']);
    expect(validate(doc)).toBe(false);
  });

  it('refuses a hip roof on a concave footprint at the roof', () => {
    const doc = good();
    doc.variants[1].buildings[0].footprint = [[0, 0], [20, 0], [20, 20], [10, 5], [0, 20]];
    const { issues } = readScenario(doc);
    expect(issues[0].path).toBe('$.variants[1].buildings[0].roof');
    expect(issues[0].message).toMatch(/convex/);
  });

  it('bounds the lists a file controls', () => {
    const doc = good();
    doc.variants = Array.from({ length: 150 }, (_, i) => ({ id: `v${i}`, title: `V ${i}` }));
    const { scenario, issues } = readScenario(doc);
    expect(scenario!.variants).toHaveLength(100);
    expect(issues[0].path).toBe('$.variants');
  });
});
