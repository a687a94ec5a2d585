import { CostMeter } from './costMeter';

/**
 * Counts public method calls per 'Class.method' so benchmarks can measure service round-trips, and
 * meters their estimated Apps Script time (costMeter.ts); reset() clears both.
 */
export class CallCounter {
  private readonly counts = new Map<string, number>();
  readonly meter = new CostMeter();

  increment(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  total(filter?: (name: string) => boolean): number {
    let sum = 0;
    for (const [name, n] of this.counts) if (!filter || filter(name)) sum += n;
    return sum;
  }

  /** Estimated Apps Script milliseconds of the calls since the last reset (see latency.ts). */
  estimatedMs(): number {
    return this.meter.ms;
  }

  reset(): void {
    this.counts.clear();
    this.meter.reset();
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }
}
