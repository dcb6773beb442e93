// Parsed buildings as frames between a reading process and the conversion process (tools/convert/building-frames.ts,
// read-job.ts): what comes out is exactly what the reader gave, whatever the buildings hold and however the pipe
// cuts the stream; a stream that breaks or stops early is an error that names the file.
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConvertWarning, ParsedBuilding, SurfaceType } from '../../../../workers/lib/citygml/building';
import { readCityGML } from '../../../../workers/lib/citygml/read-citygml';
import { buildingsFromFrames, decodeFrame, encodeFrame, FrameSplitter, type Frame } from '../../../../tools/convert/building-frames';
import { runReadJob } from '../../../../tools/convert/read-job';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const surfaceTypes: SurfaceType[] = ['RoofSurface', 'WallSurface', 'GroundSurface', 'ClosureSurface', 'OuterCeilingSurface', 'OuterFloorSurface', 'Unclassified'];
// keys a reader may meet in gen:* names, the awkward ones included
const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', ''));
const text = fc.string({ unit: 'binary' }); // lone surrogates too
const number = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(-0), fc.integer());

const warning: fc.Arbitrary<ConvertWarning> = fc.record(
  { file: text, code: fc.string(), message: text, line: fc.nat(), column: fc.nat() },
  { requiredKeys: ['code', 'message'] },
);

const building: fc.Arbitrary<ParsedBuilding> = fc.record(
  {
    id: text,
    attributes: fc.record(
      {
        name: text,
        function: text,
        roofType: text,
        measuredHeight: number,
        measuredHeightUnit: text,
        storeysAboveGround: fc.oneof(fc.integer(), fc.constant(-0)),
        yearOfConstruction: fc.oneof(fc.integer({ min: -9999, max: 9999 }), fc.constant(-0)),
        address: text,
        generic: fc.dictionary(key, fc.oneof(text, number)),
        parts: fc.array(fc.record({ id: text, measuredHeight: number, storeysAboveGround: fc.integer() }, { requiredKeys: ['id'] }), { maxLength: 3 }),
      },
      { requiredKeys: ['generic'] },
    ),
    polygons: fc.array(
      fc.record({
        type: fc.constantFrom(...surfaceTypes),
        rings: fc.array(fc.array(fc.double(), { maxLength: 30 }).map((a) => Float64Array.from(a)), { minLength: 1, maxLength: 3 }),
      }),
      { maxLength: 6 },
    ),
    lod: fc.integer({ min: 0, max: 4 }),
    srsName: text,
    line: fc.nat(),
    column: fc.nat(),
  },
  { requiredKeys: ['id', 'attributes', 'polygons', 'lod', 'line', 'column'] },
);

const frame: fc.Arbitrary<Frame> = fc.record({
  items: fc.array(fc.record({ warnings: fc.array(warning, { maxLength: 2 }), building: fc.option(building, { nil: undefined }) }), { maxLength: 8 }),
  bytes: fc.nat(),
  end: fc.boolean(),
  error: fc.option(fc.record({ name: fc.string(), message: text, code: fc.string(), file: text, line: fc.nat(), column: fc.nat() }, { requiredKeys: ['name', 'message'] }), {
    nil: undefined,
  }),
});

/** Every ring's bytes, so -0, NaN payloads and the rest must survive bit for bit. */
const ringBytes = (f: Frame) => f.items.flatMap((i) => i.building?.polygons.flatMap((p) => p.rings.map((r) => [...new Uint8Array(r.buffer, r.byteOffset, r.byteLength)])) ?? []);
/** The frame with rings as plain arrays and -0 visible, for a deep comparison. */
const plain = (f: Frame) =>
  JSON.parse(
    JSON.stringify(
      f.items.map((i) => [i.warnings, i.building && { ...i.building, polygons: i.building.polygons.map((p) => ({ type: p.type, rings: p.rings.map((r) => [...r]) })) }]),
      (_k, v) => (Object.is(v, -0) ? '-0' : v),
    ),
  );

describe('building frames', () => {
  it('give back exactly the buildings, warnings, progress and error they were made of', () => {
    fc.assert(
      fc.property(frame, (f) => {
        const back = decodeFrame(encodeFrame(f));
        expect(plain(back)).toEqual(plain(f));
        expect(ringBytes(back)).toEqual(ringBytes(f));
        expect(back.bytes).toBe(f.bytes);
        expect(back.end).toBe(f.end);
        expect(back.error).toEqual(f.error);
        for (const item of back.items) {
          if (!item.building) continue;
          // odd keys stay plain data, and the prototype is untouched
          expect(Object.getPrototypeOf(item.building.attributes.generic)).toBe(Object.prototype);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('are cut back into whole frames wherever the pipe splits the stream', () => {
    fc.assert(
      fc.property(fc.array(frame, { minLength: 1, maxLength: 4 }), fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1 }), (frames, cuts) => {
        const encoded = frames.map((f) => encodeFrame(f));
        const stream = new Uint8Array(encoded.reduce((n, e) => n + e.length, 0));
        let at = 0;
        for (const e of encoded) {
          stream.set(e, at);
          at += e.length;
        }
        const splitter = new FrameSplitter('town.gml');
        const out: Uint8Array[] = [];
        for (let i = 0, c = 0; i < stream.length; c++) {
          const n = cuts[c % cuts.length];
          out.push(...splitter.push(stream.subarray(i, i + n)));
          i += n;
        }
        expect(splitter.partial).toBe(false);
        expect(out.map((b) => [...b])).toEqual(encoded.map((b) => [...b]));
      }),
      { numRuns: 100 },
    );
  });

  it('say when the stream is broken or stops before its last frame, naming the file', async () => {
    const one = encodeFrame({ items: [], bytes: 10, end: false });
    const drain = async (chunks: Uint8Array[]) => {
      const hooks = { file: 'town.gml', onWarning: () => {}, onBytes: () => {} };
      for await (const b of buildingsFromFrames(toStream(chunks), hooks)) void b;
    };
    await expect(drain([one])).rejects.toMatchObject({ code: 'reader-lost', message: 'town.gml: the reading process stopped before the end of the file' });
    await expect(drain([one.subarray(0, 30)])).rejects.toMatchObject({ code: 'reader-lost', message: 'town.gml: the reading process stopped in the middle of a batch' });
    await expect(drain([new Uint8Array(64).fill(7)])).rejects.toMatchObject({ code: 'reader-broken', message: expect.stringMatching(/^town\.gml: the reading process sent a broken batch/) });
  });
});

async function* toStream(chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* chunks;
}

describe('a file read in another process', () => {
  const town = (members: string, end = '</core:CityModel>\n') =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:bldg="http://www.opengis.net/citygml/building/2.0" ` +
    `xmlns:gml="http://www.opengis.net/gml" xmlns:gen="http://www.opengis.net/citygml/generics/2.0">\n` +
    `<gml:boundedBy><gml:Envelope srsName="EPSG:25832" srsDimension="3"><gml:lowerCorner>0 0 0</gml:lowerCorner><gml:upperCorner>1 1 1</gml:upperCorner></gml:Envelope></gml:boundedBy>\n` +
    members +
    end;
  const house = (id: string, x: number, extra = '') =>
    `<core:cityObjectMember><bldg:Building gml:id="${id}">${extra}<bldg:measuredHeight uom="m">-0</bldg:measuredHeight>` +
    `<gen:stringAttribute name="__proto__"><gen:value>&lt;b&gt;x</gen:value></gen:stringAttribute>` +
    `<bldg:lod1Solid><gml:Solid><gml:exterior><gml:CompositeSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing>` +
    `<gml:posList>${x} 0 0 ${x + 10} 0 0 ${x + 10} 10 0 ${x} 10 0 ${x} 0 0</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>` +
    `</gml:CompositeSurface></gml:exterior></gml:Solid></bldg:lod1Solid></bldg:Building></core:cityObjectMember>\n`;

  /** What readCityGML gives in this process, and what comes out of the frames of a read job on the same file. */
  async function bothWays(xml: string) {
    const dir = await mkdtemp(join(tmpdir(), 'twinby-frames-'));
    try {
      const path = join(dir, 'town.gml');
      await writeFile(path, xml);
      const direct = await collect((hooks) => readCityGML(toStream([new TextEncoder().encode(xml)]), { file: 'town.gml', ...hooks }));
      const pipe = new PassThrough();
      const reading = runReadJob({ type: 'read', id: 0, input: path, file: 'town.gml' }, pipe);
      const framed = await collect((hooks) => buildingsFromFrames(pipe, { file: 'town.gml', ...hooks }));
      await reading;
      return { direct, framed };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('gives the buildings, warnings, progress and errors of reading it here, in the same order', async () => {
    const members = Array.from({ length: 150 }, (_, i) => house(`b${i}`, i * 20, i % 7 === 0 ? '<bldg:storeysAboveGround>two</bldg:storeysAboveGround>' : '')).join('');
    for (const xml of [town(members), town(members, '<core:cityObjectMember><bldg:Building gml:id="cut">')]) {
      const { direct, framed } = await bothWays(xml);
      expect(framed.events.length).toBeGreaterThan(150);
      expect(plainEvents(framed.events)).toEqual(plainEvents(direct.events));
      expect(framed.bytes).toBe(direct.bytes);
      expect(framed.error).toEqual(direct.error);
    }
    const cut = await bothWays(town(members, '<core:cityObjectMember><bldg:Building gml:id="cut">'));
    expect(cut.framed.error).toMatchObject({ name: 'CityGMLError', code: 'truncated' });
    expect(Object.is(cut.framed.events.find((e) => e.building)?.building?.attributes.measuredHeight, -0)).toBe(true);
  });
});

type Hooks = { onWarning: (w: ConvertWarning) => void; onBytes: (n: number) => void };
type Event = { warning?: ConvertWarning; building?: ParsedBuilding };

async function collect(read: (hooks: Hooks) => AsyncIterable<ParsedBuilding>) {
  const events: Event[] = [];
  let bytes = 0;
  let error: Record<string, unknown> | undefined;
  try {
    for await (const building of read({ onWarning: (warning) => events.push({ warning }), onBytes: (n) => (bytes = n) })) events.push({ building });
  } catch (err) {
    const e = err as Error & Record<string, unknown>;
    error = { name: e.name, message: e.message, code: e.code, line: e.line, column: e.column, file: e.file, isError: e instanceof Error };
  }
  return { events, bytes, error };
}

const plainEvents = (events: Event[]) =>
  JSON.parse(
    JSON.stringify(
      events.map((e) => e.warning ?? { ...e.building, polygons: e.building!.polygons.map((p) => ({ type: p.type, rings: p.rings.map((r) => [...r]) })) }),
      (_k, v) => (Object.is(v, -0) ? '-0' : v),
    ),
  );
