/**
 * The add-on's protections carry a description starting with OWN_PROTECTION_PREFIX, so the
 * interpreter finds and updates its own instead of stacking a new one on every run, and never
 * touches protections the office made by hand.
 */
import type { Block } from './sheetModel';
import type { ProtectionSpec } from './tabSpec';

export const OWN_PROTECTION_PREFIX = 'Tổ CNSCĐ: ';

/** `block` null: the whole tab. */
export function ownProtection(block: Block | null, what: string, editors: readonly string[]): ProtectionSpec {
  return { block, description: OWN_PROTECTION_PREFIX + what, editors: [...editors] };
}

/** One of the add-on's own tabs: the office alone edits it. */
export function ownTabProtection(name: string, editors: readonly string[]): ProtectionSpec {
  return ownProtection(null, `chỉ phòng VH-XH sửa tab ${name}`, editors);
}
