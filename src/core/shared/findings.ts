/** A problem found in what people typed, located precisely enough to click to. */
export type FindingLevel = 'error' | 'warning';

export interface Finding {
  level: FindingLevel;
  sheet: string;
  /** A1 address of the cell, '' when the problem is about the tab as a whole. */
  cell: string;
  message: string;
}

export const errorsOf = (findings: readonly Finding[]): Finding[] => findings.filter((f) => f.level === 'error');
export const warningsOf = (findings: readonly Finding[]): Finding[] => findings.filter((f) => f.level === 'warning');
