/** Short indicator names for messages and narrow columns: the catalogue labels are whole sentences. */
import { catalogueEntry } from './catalogue';
import type { IndicatorSetting } from './settings';
import { tidyText } from '../shared/text';

/** Validation names an indicator in every message of every month of every tab: tidy each label once. */
const SHORT_LABEL_CACHE = new Map<string, { label: string; short: string }>();

/**
 * The catalogue's short form while the office keeps the catalogue label; a label the office
 * rewrote is theirs, so it is used as written.
 */
export function shortLabel(ind: Pick<IndicatorSetting, 'code' | 'label'>): string {
  const known = SHORT_LABEL_CACHE.get(ind.code);
  if (known && known.label === ind.label) return known.short;
  const short = shortLabelOf(ind);
  SHORT_LABEL_CACHE.set(ind.code, { label: ind.label, short });
  return short;
}

function shortLabelOf(ind: Pick<IndicatorSetting, 'code' | 'label'>): string {
  const label = tidyText(ind.label);
  const entry = catalogueEntry(ind.code);
  if (entry && (label === '' || label === entry.label)) return entry.short;
  return label || ind.code;
}
