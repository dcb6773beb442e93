/**
 * A synthetic base map of the demo town, served as static files: a WMTS (REST) in an EPSG:25832 tile matrix
 * set, written as public/tiles/basemap/WMTSCapabilities.xml plus PNG tiles. Streets follow the town plan
 * (tools/make-demo/town-layout.ts), fields around it, a river to the south. Nothing comes from the internet.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { BLOCK_U, BLOCK_V, STREET_WIDTH, TOWN_ORIGIN } from '../make-demo/town-layout.ts';
import { hash32 } from '../make-demo/random.ts';

const TILE = 256;
/** Metres per pixel, coarse to fine; the finest covers the whole extent too. */
const RESOLUTIONS = [16, 8, 4, 2];
const HALF = 4096; // the map covers 8.2 × 8.2 km around the market square
const GRID_ANGLE = 0.3;
const BEND_AMPLITUDE = 28;
const BEND_LENGTH = 230;
const SET = 'isarbach_25832';
const LAYER = 'isarbach';

type Rgb = [number, number, number];

/** The map's colour at an offset (metres east/north) from the market square. */
export function colourAt(dx: number, dy: number): Rgb {
  // the river: a band meandering west–east 1.3 km south of the square
  const river = dy + 1300 + 120 * Math.sin(dx / 700);
  if (Math.abs(river) < 22) return [110, 160, 210];
  if (Math.abs(river) < 30) return [150, 185, 140];
  // town coordinates: undo the grid's turn and the streets' bend (town-layout.ts place())
  const cos = Math.cos(GRID_ANGLE);
  const sin = Math.sin(GRID_ANGLE);
  const u = dx * cos + dy * sin;
  const v = -dx * sin + dy * cos - BEND_AMPLITUDE * Math.sin(u / BEND_LENGTH);
  const inTown = Math.abs(u) < BLOCK_U * 6.5 && Math.abs(v) < BLOCK_V * 6.5;
  // blocks are centred on multiples of the block size (blockCentre), so streets run half a block off them
  const su = Math.abs(u - (Math.round(u / BLOCK_U - 0.5) + 0.5) * BLOCK_U);
  const sv = Math.abs(v - (Math.round(v / BLOCK_V - 0.5) + 0.5) * BLOCK_V);
  if (inTown && (su < STREET_WIDTH / 2 || sv < STREET_WIDTH / 2)) return [250, 250, 248];
  if (inTown && (su < STREET_WIDTH / 2 + 1.5 || sv < STREET_WIDTH / 2 + 1.5)) return [200, 196, 190];
  if (inTown) return Math.abs(u) < BLOCK_U / 2 - 6 && Math.abs(v) < BLOCK_V / 2 - 6 ? [236, 226, 208] : [226, 232, 214];
  // fields in strips of 60 × 300 m, turned with the valley
  const h = hash32(Math.floor(u / 300), Math.floor(v / 60)) % 4;
  return ([[196, 214, 150], [222, 214, 150], [170, 200, 130], [206, 196, 160]] as Rgb[])[h];
}

function tilePng(res: number, col: number, row: number, originX: number, originY: number): Buffer {
  const png = new PNG({ width: TILE, height: TILE, colorType: 2, inputHasAlpha: false });
  const data = Buffer.alloc(TILE * TILE * 3);
  for (let y = 0; y < TILE; y++) {
    for (let x = 0; x < TILE; x++) {
      const e = originX + (col * TILE + x + 0.5) * res;
      const n = originY - (row * TILE + y + 0.5) * res;
      data.set(colourAt(e - TOWN_ORIGIN[0], n - TOWN_ORIGIN[1]), (y * TILE + x) * 3);
    }
  }
  png.data = data;
  return PNG.sync.write(png, { colorType: 2, inputColorType: 2, inputHasAlpha: false });
}

function capabilities(originX: number, originY: number): string {
  const matrices = RESOLUTIONS.map((res, i) => {
    const n = Math.ceil((2 * HALF) / (res * TILE));
    return `      <TileMatrix><ows:Identifier>${i}</ows:Identifier><ScaleDenominator>${res / 0.00028}</ScaleDenominator>
        <TopLeftCorner>${originX} ${originY}</TopLeftCorner><TileWidth>${TILE}</TileWidth><TileHeight>${TILE}</TileHeight>
        <MatrixWidth>${n}</MatrixWidth><MatrixHeight>${n}</MatrixHeight></TileMatrix>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1" version="1.0.0">
  <ows:ServiceIdentification><ows:Title>Isarbach (synthetic)</ows:Title><ows:ServiceType>OGC WMTS</ows:ServiceType><ows:ServiceTypeVersion>1.0.0</ows:ServiceTypeVersion></ows:ServiceIdentification>
  <Contents>
    <Layer>
      <ows:Title>Isarbach Grundkarte</ows:Title><ows:Identifier>${LAYER}</ows:Identifier>
      <Style isDefault="true"><ows:Identifier>default</ows:Identifier></Style>
      <Format>image/png</Format>
      <TileMatrixSetLink><TileMatrixSet>${SET}</TileMatrixSet></TileMatrixSetLink>
      <ResourceURL format="image/png" resourceType="tile" template="{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png"/>
    </Layer>
    <TileMatrixSet>
      <ows:Identifier>${SET}</ows:Identifier><ows:SupportedCRS>urn:ogc:def:crs:EPSG::25832</ows:SupportedCRS>
${matrices.join('\n')}
    </TileMatrixSet>
  </Contents>
</Capabilities>
`;
}

/** Writes the capabilities and every tile under `dir`; returns the number of tiles. */
export async function writeDemoBasemap(dir: string): Promise<number> {
  const originX = TOWN_ORIGIN[0] - HALF;
  const originY = TOWN_ORIGIN[1] + HALF;
  let count = 0;
  for (let level = 0; level < RESOLUTIONS.length; level++) {
    const res = RESOLUTIONS[level];
    const n = Math.ceil((2 * HALF) / (res * TILE));
    for (let row = 0; row < n; row++) {
      for (let col = 0; col < n; col++) {
        const file = resolve(dir, SET, String(level), String(row), `${col}.png`);
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, tilePng(res, col, row, originX, originY));
        count++;
      }
    }
  }
  await writeFile(resolve(dir, 'WMTSCapabilities.xml'), capabilities(originX, originY));
  return count;
}
