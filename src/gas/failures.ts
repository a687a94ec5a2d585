/** How the Apps Script layer handles a failure it does not let end a command. */

/** What a failure says: the platform's message. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs a step whose failure must not decide how a command ends: a courtesy (a toast, opening a tab),
 * or one of several independent steps of reporting a failure already caught.
 */
export function bestEffort(step: () => unknown): void {
  try {
    step();
  } catch {
    // Nothing depends on it.
  }
}
