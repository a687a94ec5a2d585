import { flushMs, latencyOf, type Latency } from './latency';

/** What the meter needs of a called object: a Range's rectangle, to count the cells a write touches. */
interface Target {
  rect?: { numRows: number; numCols: number };
}

/**
 * The cost model: accumulates the estimated Apps Script milliseconds of every counted call (see
 * latency.ts). Spreadsheet writes are queued; the first read after them, SpreadsheetApp.flush,
 * Lock.releaseLock or the end of the execution pays one flush of 30 ms + 0.13 ms per cell written
 * since the last flush (at most 600 ms). With `advance` set (EmulatorOptions.advanceClockByLatency)
 * the emulator's clock moves by each charge, so the script's Date sees time pass.
 */
export class CostMeter {
  private total = 0;
  private flushes = 0;
  private pending = false;
  private pendingCells = 0;
  private readonly byCall = new Map<string, number>();
  /** Moves the emulator's clock by each charge; unset keeps the clock still. */
  advance?: (ms: number) => void;

  /** Charges one call made on `target` with `args` (raw, unwrapped). */
  charge(call: string, target: unknown, args: readonly unknown[]): void {
    const latency: Latency = latencyOf(call);
    switch (latency.kind) {
      case 'read':
      case 'flush':
        this.flush();
        break;
      case 'write':
        this.pending = true;
        this.pendingCells += cellsWritten(call, target, args);
        break;
      case 'sleep':
        // Utilities.sleep moves the clock itself: counted, not advanced again.
        this.add(call, Math.max(0, Number(args[0]) || 0), false);
        return;
      default:
    }
    if (latency.ms > 0) this.add(call, latency.ms, true);
  }

  /** The end of an execution commits what is still queued. */
  endExecution(): void {
    this.flush();
  }

  /** Estimated milliseconds since the last reset. */
  get ms(): number {
    return this.total;
  }

  /** Flushes charged since the last reset. */
  get flushCount(): number {
    return this.flushes;
  }

  /** Estimated ms per 'Class.method' (flushes under 'flush'), largest first. */
  breakdown(): Record<string, number> {
    return Object.fromEntries([...this.byCall].sort(([, a], [, b]) => b - a));
  }

  reset(): void {
    this.total = 0;
    this.flushes = 0;
    this.pending = false;
    this.pendingCells = 0;
    this.byCall.clear();
  }

  private flush(): void {
    if (!this.pending) return;
    const ms = flushMs(this.pendingCells);
    this.pending = false;
    this.pendingCells = 0;
    this.flushes++;
    this.add('flush', ms, true);
  }

  private add(name: string, ms: number, advanceClock: boolean): void {
    this.total += ms;
    this.byCall.set(name, (this.byCall.get(name) ?? 0) + ms);
    if (advanceClock) this.advance?.(ms);
  }
}

/** Cells a write touches: the Range's rectangle, an appended row's length; 0 for sheet-level changes. */
function cellsWritten(call: string, target: unknown, args: readonly unknown[]): number {
  const rect = (target as Target | null)?.rect;
  if (rect) return rect.numRows * rect.numCols;
  if (call === 'Sheet.appendRow' && Array.isArray(args[0])) return args[0].length;
  return 0;
}
