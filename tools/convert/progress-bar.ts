/**
 * Conversion progress on stderr: one redrawn bar on a terminal, plain lines (one per finished file)
 * when stderr is a pipe or a file, so logs stay readable.
 */
import type { ConvertProgress } from '../../workers/lib/convert/convert-citygml';
import type { ConvertJob } from './convert-job';
import type { JobResult } from './convert-pool';
import { thousands } from './summary';

export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const REDRAW_MS = 100;
/** Without a terminal, a long file still shows life: one totals line at most this often. */
const PLAIN_LINE_MS = 5000;
const BAR_WIDTH = 24;

export class ProgressBar {
  private readonly live = new Map<number, ConvertProgress>();
  private readonly done: JobResult[] = [];
  private lastDraw = 0;
  private lastPlainLine = performance.now();
  private readonly started = performance.now();

  constructor(
    private readonly out: ProgressOutput,
    private readonly totalBytes: number,
    private readonly totalFiles: number,
    private readonly plainLineMs = PLAIN_LINE_MS,
  ) {}

  update(job: ConvertJob, progress: ConvertProgress): void {
    this.live.set(job.id, progress);
    const now = performance.now();
    if (this.out.isTTY && now - this.lastDraw >= REDRAW_MS) this.draw();
    if (!this.out.isTTY && now - this.lastPlainLine >= this.plainLineMs) {
      this.lastPlainLine = now;
      this.out.write(`… ${this.status()}\n`);
    }
  }

  fileDone(result: JobResult): void {
    this.live.delete(result.job.id);
    this.done.push(result);
    if (this.out.isTTY) {
      if (result.summary.error) this.printAbove(`✗ ${result.job.file}: ${result.summary.error.message}`);
      this.draw();
    } else {
      const s = result.summary;
      const status = s.error ? `FAILED: ${s.error.message}` : `${s.buildings} buildings, ${s.tiles} tiles`;
      this.out.write(`[${this.done.length}/${this.totalFiles}] ${result.job.file}: ${status} (${result.seconds.toFixed(1)} s)\n`);
    }
  }

  /** Clears the bar so the summary starts on a clean line. */
  finish(): void {
    if (this.out.isTTY) this.out.write('\r\x1b[2K');
  }

  private printAbove(line: string): void {
    this.out.write(`\r\x1b[2K${line}\n`);
  }

  private draw(): void {
    this.lastDraw = performance.now();
    const width = this.out.columns || 100; // 0 when the terminal reports no size
    this.out.write(`\r\x1b[2K${this.status(true).slice(0, Math.max(10, width - 1))}`);
  }

  /** Totals so far: finished files plus what the running ones reported. */
  private status(bar = false): string {
    let bytes = 0;
    let buildings = 0;
    let tiles = 0;
    for (const r of this.done) {
      bytes += r.job.bytes;
      buildings += r.summary.buildings;
      tiles += r.summary.tiles;
    }
    for (const p of this.live.values()) {
      bytes += p.bytesRead;
      buildings += p.buildings;
      tiles += p.tiles;
    }
    const fraction = this.totalBytes > 0 ? Math.min(1, bytes / this.totalBytes) : 0;
    const filled = Math.round(fraction * BAR_WIDTH);
    const seconds = (performance.now() - this.started) / 1000;
    const rate = seconds > 0 ? bytes / 1e6 / seconds : 0;
    return (
      `${bar ? `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ` : ''}${(fraction * 100).toFixed(0).padStart(3)}% ` +
      `${this.done.length}/${this.totalFiles} files · ${thousands(buildings)} buildings · ${tiles} tiles · ${rate.toFixed(1)} MB/s`
    );
  }
}
