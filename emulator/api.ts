// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fn = (...args: any[]) => any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type SameArity<A extends unknown[]> = { [I in keyof A]: any };

/**
 * Restricts an emulated class to real Apps Script member names (K must be keys of the official
 * interface) with the official number of parameters. Parameter and return types stay open:
 * emulated objects implement only part of each interface, so they cannot be the official types.
 */
export type Api<T, K extends keyof T> = {
  [P in K]: T[P] extends Fn ? (...args: SameArity<Parameters<T[P]>>) => unknown : unknown;
};
