/** The CLI's closing summary: totals over all files, the first warnings and every failure, with file:line:column. */
import type { ConvertWarning } from '../../workers/lib/convert/convert-citygml';
import type { JobResult } from './convert-pool';

export interface Failure {
  file: string;
  name: string;
  code?: string;
  message: string;
  line?: number;
  column?: number;
}

export interface RunSummary {
  files: number;
  failed: number;
  buildings: number;
  triangles: number;
  tiles: number;
  bytesRead: number;
  bytesWritten: number;
  warningCount: number;
  /** The first warnings, in file order. */
  warnings: ConvertWarning[];
  failures: Failure[];
  seconds: number;
  megabytesPerSecond: number;
  /** The largest peak RSS of the command's processes: this one and each conversion process. */
  peakRssBytes: number;
  /** Files read by a process of their own while another built their tiles (a core to spare, convert-pipeline.ts). */
  filesReadAside: number;
  /** Root tileset written, relative to the working directory; absent when nothing converted. */
  tileset?: string;
}

export const WARNINGS_SHOWN = 5;

export function summarize(results: JobResult[], seconds: number, inputBytes: number): RunSummary {
  const s: RunSummary = {
    files: results.length,
    failed: 0,
    buildings: 0,
    triangles: 0,
    tiles: 0,
    bytesRead: inputBytes,
    bytesWritten: 0,
    warningCount: 0,
    warnings: [],
    failures: [],
    seconds,
    megabytesPerSecond: seconds > 0 ? inputBytes / 1e6 / seconds : 0,
    peakRssBytes: results.reduce((peak, r) => Math.max(peak, r.peakRssBytes), process.resourceUsage().maxRSS * 1024),
    filesReadAside: results.filter((r) => r.readAside).length,
  };
  for (const { job, summary } of results) {
    s.buildings += summary.buildings;
    s.triangles += summary.triangles;
    s.tiles += summary.tiles;
    s.bytesWritten += summary.bytesWritten;
    s.warningCount += summary.warnings.length;
    for (const w of summary.warnings) {
      if (s.warnings.length >= WARNINGS_SHOWN) break;
      s.warnings.push({ ...w, file: w.file ?? job.file });
    }
    if (summary.error) {
      s.failed++;
      const e = summary.error;
      s.failures.push({ file: e.file ?? job.file, name: e.name, code: e.code, message: e.message, line: e.line, column: e.column });
    }
  }
  return s;
}

/** 1234567 → "1,234,567". Not toLocaleString: its first call loads ICU's number formats, ~25 ms of every run. */
export function thousands(x: number): string {
  return String(Math.round(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatSummary(s: RunSummary): string {
  const n = thousands;
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  const lines = [
    `Converted ${s.files - s.failed}/${s.files} files in ${s.seconds.toFixed(2)} s: ` +
      `${n(s.buildings)} buildings, ${n(s.triangles)} triangles, ${n(s.tiles)} tiles`,
    `  input ${mb(s.bytesRead)} at ${s.megabytesPerSecond.toFixed(1)} MB/s, output ${mb(s.bytesWritten)}, peak RSS ${(s.peakRssBytes / 1048576).toFixed(0)} MB`,
    `  ${n(s.warningCount)} warning${s.warningCount === 1 ? '' : 's'}${s.warningCount ? ':' : ''}`,
  ];
  for (const w of s.warnings) lines.push(`    ${place(w.file ?? '?', w.line, w.column)} ${w.code}: ${w.message}`);
  if (s.warningCount > s.warnings.length) lines.push(`    … and ${n(s.warningCount - s.warnings.length)} more`);
  if (s.failed) {
    lines.push(`  ${s.failed} file${s.failed === 1 ? '' : 's'} failed:`);
    for (const f of s.failures) {
      const where = place(f.file, f.line, f.column);
      // Errors from the reader already start with their place; say it once.
      const message = f.message.startsWith(where) ? f.message.slice(where.length).trimStart() : f.message;
      lines.push(`    ${where} ${message} [${f.code ?? f.name}]`);
    }
  }
  lines.push(s.tileset ? `Tileset: ${s.tileset}` : 'No tileset written: nothing converted.');
  return lines.join('\n');
}

function place(file: string, line?: number, column?: number): string {
  return line === undefined ? `${file}:` : `${file}:${line}:${column ?? 1}:`;
}
