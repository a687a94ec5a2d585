/**
 * google.script.run as a promise. The real bridge rejects with an Error whose message is the
 * server's; anything else thrown is turned into one so callers handle a single shape.
 */
import { explainPlatformError } from '../../core/shared/platformErrors';

interface ScriptRunner {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRunner;
  withFailureHandler(fn: (error: unknown) => void): ScriptRunner;
  [serverFunction: string]: unknown;
}

declare const google: { script: { run: ScriptRunner } };

export function callServer<T>(fn: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as T))
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
    (runner[fn] as (...a: unknown[]) => void)(...args);
  });
}

/**
 * The message to show for a failed call: the server's own message, or Google's refusal in
 * Vietnamese with what to do (a time-out, a lock, a missing permission…).
 */
export function errorText(error: unknown): string {
  return explainPlatformError(error instanceof Error ? error.message : String(error));
}

/** What a server command reported: its text, or its `message`/`summary`, else `fallback`. */
export function resultText(result: unknown, fallback: string): string {
  if (typeof result === 'string' && result.trim() !== '') return result;
  if (typeof result === 'object' && result !== null) {
    for (const key of ['message', 'summary']) {
      const value = (result as Record<string, unknown>)[key];
      if (typeof value === 'string' && value.trim() !== '') return value;
    }
  }
  return fallback;
}
