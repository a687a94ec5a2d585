/**
 * Fault injection over every service call of a command (emulator `failCall`): the command runs once
 * cleanly to count its calls, then once per call k on a fresh workbook with the k-th call failing.
 */
import type { AppsScriptEmulator } from '../../emulator';

export interface FaultSweep {
  /** Service calls of the clean run: one failing run per call. */
  points: number;
  /** How each failing run ended, as `judge` labelled it, with how many runs ended so. */
  outcomes: Record<string, number>;
}

/**
 * `act` performs the command (and nothing else that calls services); `judge` runs after each failing
 * run — it may run follow-ups (a retry, the next day's run) — asserts what must always hold, and
 * returns a short label of the outcome.
 */
export function sweepFaults<W extends { emu: AppsScriptEmulator }>(fresh: () => W, act: (w: W) => void, judge: (w: W, k: number) => string): FaultSweep {
  const clean = fresh();
  clean.emu.calls.reset();
  act(clean);
  const points = clean.emu.calls.total();
  const outcomes: Record<string, number> = {};
  for (let k = 1; k <= points; k++) {
    const w = fresh();
    w.emu.failCall(k);
    try {
      act(w);
    } catch {
      // A command may report its failure by throwing; what it left behind is what is judged.
    }
    const label = judge(w, k);
    outcomes[label] = (outcomes[label] ?? 0) + 1;
  }
  return { points, outcomes };
}
