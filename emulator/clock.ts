/** The emulator's only source of "now": tests move time explicitly instead of waiting. */
export class Clock {
  private ms: number;

  constructor(start: Date) {
    this.ms = start.getTime();
  }

  now(): Date {
    return new Date(this.ms);
  }

  nowMs(): number {
    return this.ms;
  }

  set(d: Date): void {
    this.ms = d.getTime();
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}
