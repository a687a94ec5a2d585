/** The add-on's two triggers as people see them: who runs each and when it last worked. */
import { formatVnDateTime } from '../shared/calendar';

export type AutomationKind = 'edit' | 'reminders';

/** What the document properties record of a trigger (see gas/triggers.ts). */
export interface AutomationFact {
  kind: AutomationKind;
  /** '' when not installed. */
  owner: string;
  /** ISO instant of the last run that finished its work; '' when none yet. */
  lastRun: string;
  /** Whether the person looking holds it. */
  mine: boolean;
}

export const AUTOMATION_TITLES: Record<AutomationKind, string> = {
  edit: 'Xử lý khi tích "Đã nộp"',
  reminders: 'Gửi nhắc việc hằng ngày',
};

/** JSON-safe, for the dashboard. */
export interface AutomationLine {
  kind: AutomationKind;
  title: string;
  installed: boolean;
  owner: string;
  mine: boolean;
  /** `dd/MM/yyyy HH:mm` (Vietnam time), or a sentence saying it has not run yet. */
  lastRunText: string;
}

export function automationLines(facts: readonly AutomationFact[]): AutomationLine[] {
  return facts.map((f) => ({
    kind: f.kind,
    title: AUTOMATION_TITLES[f.kind],
    installed: f.owner !== '',
    owner: f.owner,
    mine: f.mine,
    lastRunText: lastRunText(f),
  }));
}

export function lastRunText(f: Pick<AutomationFact, 'owner' | 'lastRun'>): string {
  if (!f.owner) return 'chưa cài';
  const at = f.lastRun ? new Date(f.lastRun) : null;
  return at && !Number.isNaN(at.getTime()) ? formatVnDateTime(at) : 'chưa chạy lần nào';
}
