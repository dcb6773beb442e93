// twinby-convert never removes what it did not write, and file-system trouble is one line with the path and exit 2.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packedCli } from '../../../helpers/packed-cli';

const root = resolve(import.meta.dirname, '../../../..');
// the CLI as the package ships it (the checkout's bin is tested in cli.test.ts): no TypeScript compile per run
let bin: string;
let disposeCli: () => void = () => {};
const fixture = resolve(root, 'tests/fixtures/citygml/adv-lod2-citygml1.gml');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function convert(args: string[], cwd: string): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args, '--jobs', '1'], { cwd, timeout: 300_000 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

/** One line, naming the path, no stack trace. */
function expectOneLine(run: Run, path: RegExp): void {
  expect(run.code, run.stderr).toBe(2);
  const lines = run.stderr.trim().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^twinby-convert: /);
  expect(lines[0]).toMatch(path);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

let work: string;

beforeAll(async () => {
  ({ bin, dispose: disposeCli } = await packedCli());
  work = await mkdtemp(join(tmpdir(), 'twinby-cli-safe-'));
  await mkdir(join(work, 'good'));
  await cp(fixture, join(work, 'good/adv.gml'));
  await mkdir(join(work, 'bad'));
  // same output name, but no CRS anywhere: this conversion fails with nothing written
  await writeFile(join(work, 'bad/adv.gml'), (await readFile(fixture, 'utf8')).replace(/ srsName="[^"]*"/g, ''));
});

afterAll(async () => {
  disposeCli();
  await rm(work, { recursive: true, force: true });
});

async function staging(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n.includes('twinby-tmp'));
}

describe('twinby-convert output folder', () => {
  it('refuses a folder holding foreign files, names them, and leaves them as they were', async () => {
    const mine = join(work, 'mine');
    await mkdir(join(mine, 'adv'), { recursive: true });
    await writeFile(join(mine, 'thesis.txt'), 'my own work');
    await writeFile(join(mine, 'adv/notes.txt'), 'my notes');
    const run = await convert([join(work, 'good/adv.gml'), '--out', '.'], mine);
    expectOneLine(run, /did not write \(adv\/notes\.txt, thesis\.txt\).*--force/);
    expect(await readFile(join(mine, 'thesis.txt'), 'utf8')).toBe('my own work');
    expect(await readFile(join(mine, 'adv/notes.txt'), 'utf8')).toBe('my notes');
    expect(await readdir(mine)).toEqual(['adv', 'thesis.txt']);
    expect(await staging(work)).toEqual([]);

    // --force writes beside foreign files but still never replaces one
    const forced = await convert([join(work, 'good/adv.gml'), '--out', '.', '--force'], mine);
    expectOneLine(forced, /adv\/notes\.txt/);
    expect(forced.stderr).toMatch(/adv\/notes\.txt would be overwritten/);
    expect(await readFile(join(mine, 'adv/notes.txt'), 'utf8')).toBe('my notes');
  }, 300_000);

  it('with --force, converts beside foreign files and keeps them', async () => {
    const shared = join(work, 'shared');
    await mkdir(shared);
    await writeFile(join(shared, 'readme.md'), 'keep me');
    const run = await convert([join(work, 'good/adv.gml'), '--out', shared, '--force'], work);
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(join(shared, 'readme.md'), 'utf8')).toBe('keep me');
    expect(existsSync(join(shared, 'adv/tileset.json'))).toBe(true);
    // and the next run recognises its own files: no --force needed, the foreign one still kept
    const again = await convert([join(work, 'good/adv.gml'), '--out', shared], work);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/readme\.md/);
    const forced = await convert([join(work, 'good/adv.gml'), '--out', shared, '--force'], work);
    expect(forced.code, forced.stderr).toBe(0);
    expect(await readFile(join(shared, 'readme.md'), 'utf8')).toBe('keep me');
  }, 300_000);

  it('replaces its own earlier output only when the new conversion succeeds', async () => {
    const out = join(work, 'out');
    const first = await convert([join(work, 'good/adv.gml'), '--out', out], work);
    expect(first.code, first.stderr).toBe(0);
    const before = await readFile(join(out, 'adv/tileset.json'), 'utf8');
    const files = (await readdir(join(out, 'adv'), { recursive: true })).sort();

    const failed = await convert([join(work, 'bad/adv.gml'), '--out', out], work);
    expect(failed.code).toBe(1);
    expect(await readFile(join(out, 'adv/tileset.json'), 'utf8')).toBe(before);
    expect((await readdir(join(out, 'adv'), { recursive: true })).sort()).toEqual(files);
    expect(existsSync(join(out, 'tileset.json'))).toBe(true);
    expect(await staging(work)).toEqual([]);

    const second = await convert([join(work, 'good/adv.gml'), '--out', out], work);
    expect(second.code, second.stderr).toBe(0);
    expect(existsSync(join(out, 'adv/tileset.json'))).toBe(true);
    expect(await staging(work)).toEqual([]);
  }, 300_000);

  it('answers an --out under a regular file, an --out that is a file, and an unwritable --out with one line and exit 2', async () => {
    await writeFile(join(work, 'plain.txt'), 'a file');
    expectOneLine(await convert([join(work, 'good/adv.gml'), '--out', 'plain.txt/out'], work), /plain\.txt.*not a folder/);
    expectOneLine(await convert([join(work, 'good/adv.gml'), '--out', 'plain.txt'], work), /plain\.txt: it is a file/);
    expect(await readFile(join(work, 'plain.txt'), 'utf8')).toBe('a file');
    // /sys refuses new folders for every user, root included
    expectOneLine(await convert([join(work, 'good/adv.gml'), '--out', '/sys/twinby-test-out'], work), /\/sys\/twinby-test-out.*(not permitted|denied|read-only)/);
  }, 300_000);
});
