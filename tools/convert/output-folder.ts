/**
 * The CLI's output folder, handled so that nothing it did not write is ever removed:
 * - a conversion writes into a staging folder beside the target (same file system, so renames are atomic);
 * - only entries that converted are swapped in, replacing the same-named entry of an earlier run;
 * - a manifest (.twinby-convert.json) lists every file the CLI wrote, so a later run can tell its own
 *   files from foreign ones and refuse a target that holds the user's work (unless --force).
 */
import { lstat, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';

export const MANIFEST = '.twinby-convert.json';
const FOREIGN_SHOWN = 5;

/** A file-system problem the user must fix: printed as one line, exit code 2. */
export class OutputError extends Error {}

const REASONS: Record<string, string> = {
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a file of that name is in the way',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
};

/** One line naming the path and the reason, for any error from node:fs. */
export function describeFsError(err: unknown, fallbackPath: string): string {
  const e = err as NodeJS.ErrnoException;
  const path = e?.path ?? fallbackPath;
  const reason = (e?.code && REASONS[e.code]) ?? e?.code ?? (err instanceof Error ? err.message : String(err));
  return `cannot write ${path}: ${reason}`;
}

interface Manifest {
  tool: 'twinby-convert';
  files: string[];
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return false;
      throw err;
    },
  );
}

async function listFiles(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path, base)));
    else out.push(relative(base, path).split(sep).join('/'));
  }
  return out;
}

async function readManifest(target: string): Promise<Set<string>> {
  try {
    const m = JSON.parse(await readFile(join(target, MANIFEST), 'utf8')) as Manifest;
    if (m?.tool === 'twinby-convert' && Array.isArray(m.files)) return new Set(m.files.filter((f) => typeof f === 'string'));
  } catch {
    // no manifest, or not ours: every file counts as foreign
  }
  return new Set();
}

export class OutputFolder {
  private constructor(
    readonly target: string,
    /** Where this run writes; swapped into the target by commit(). */
    readonly staging: string,
    private readonly ours: Set<string>,
  ) {}

  /**
   * Checks the target and makes a staging folder beside it. Throws OutputError when the target is a file,
   * cannot be written, or holds files the CLI did not write (unless force). Even with force, a foreign file
   * where one of `entries` (the top-level names this run will write) goes is refused: it is never replaced.
   */
  static async open(target: string, force: boolean, entries: string[]): Promise<OutputFolder> {
    let ours = new Set<string>();
    try {
      const info = await lstat(target).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return undefined;
        throw err;
      });
      if (info && !info.isDirectory()) throw new OutputError(`cannot write ${target}: it is a file, not a folder`);
      if (info) {
        ours = await readManifest(target);
        const foreign = (await listFiles(target)).filter((f) => f !== MANIFEST && !ours.has(f));
        if (foreign.length > 0 && !force) {
          const shown = foreign.slice(0, FOREIGN_SHOWN).join(', ') + (foreign.length > FOREIGN_SHOWN ? `, … (${foreign.length} in all)` : '');
          throw new OutputError(
            `${target} holds files twinby-convert did not write (${shown}); choose an empty or new folder, or pass --force to write beside them`,
          );
        }
        const clash = foreign.filter((f) => entries.some((e) => f === e || f.startsWith(`${e}/`)));
        if (clash.length > 0) {
          throw new OutputError(`${target}: ${clash.slice(0, FOREIGN_SHOWN).join(', ')} would be overwritten and twinby-convert did not write it; move it away first`);
        }
      }
      await mkdir(dirname(target), { recursive: true });
      // the staging folder is an implementation detail: a failure to make it names the target
      const staging = await mkdtemp(join(dirname(target), `.${basename(target)}.twinby-tmp-`)).catch((err: NodeJS.ErrnoException) => {
        throw new OutputError(describeFsError({ ...err, path: target }, target));
      });
      return new OutputFolder(target, staging, ours);
    } catch (err) {
      if (err instanceof OutputError) throw err;
      throw new OutputError(describeFsError(err, target));
    }
  }

  /**
   * Moves the given top-level entries of the staging folder into the target, replacing same-named entries
   * (open() made sure those are the CLI's own), then updates the manifest.
   */
  async commit(entries: string[]): Promise<void> {
    try {
      await mkdir(this.target, { recursive: true });
      const trash = join(this.staging, '.replaced');
      await mkdir(trash);
      const written = new Set([...this.ours]);
      for (const entry of entries) {
        const from = join(this.staging, entry);
        const to = join(this.target, entry);
        for (const f of written) if (f === entry || f.startsWith(`${entry}/`)) written.delete(f);
        if (await exists(to)) await rename(to, join(trash, entry));
        await rename(from, to);
        const info = await lstat(to);
        if (info.isDirectory()) for (const f of await listFiles(to)) written.add(`${entry}/${f}`);
        else written.add(entry);
      }
      // files of an earlier run that are gone (replaced entries) drop out of the manifest
      const present = [];
      for (const f of written) if (await exists(join(this.target, f))) present.push(f);
      const manifest: Manifest = { tool: 'twinby-convert', files: present.sort() };
      await writeFile(join(this.target, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
    } catch (err) {
      throw new OutputError(describeFsError(err, this.target));
    }
  }

  /** Removes the staging folder: only ever things this run wrote, or replaced under the rules above. */
  async discard(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
  }
}
