/** How the Apps Script layer handles a failure it does not let end a command. */
import { explainPlatformError, platformErrorKind, type PlatformErrorKind } from '../core/shared/platformErrors';

function rawMessageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What a failure says to a person: Google's refusals in Vietnamese with what to do, the add-on's own messages as they are. */
export function messageOf(error: unknown): string {
  return explainPlatformError(rawMessageOf(error));
}

/** Which platform refusal a failure is, null for any other. */
export function failureKindOf(error: unknown): PlatformErrorKind | null {
  return platformErrorKind(rawMessageOf(error));
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
