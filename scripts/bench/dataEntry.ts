/**
 * Service calls made by data entry: one submission through the edit trigger, and Kiểm tra số liệu
 * on 16 and 100 villages. Figures are printed, never asserted on time.
 */
import type * as vm from 'node:vm';
import { AppsScriptEmulator } from '../../emulator';
import { callEntry, loadBundle } from '../../emulator/loadBundle';
import { REGISTRY_COLUMNS } from '../../src/core/registry';

const OFFICE = 'office@example.gov.vn';
const NOW = new Date('2026-05-10T01:00:00Z');
const head = (n: number) => `thon${n}@example.com`;

/** bach-ngoc (16 villages), plus registry rows up to `villages`, then setup creates their tabs. */
function workbookWith(villages: number): { emu: AppsScriptEmulator; ctx: vm.Context } {
  const emu = new AppsScriptEmulator({ now: NOW, owner: OFFICE, editors: Array.from({ length: villages }, (_, i) => head(i + 1)) });
  const ctx = loadBundle(emu);
  callEntry(emu, ctx, 'applyPreset', ['bach-ngoc'], { activeUser: OFFICE });
  if (villages > 16) {
    const firstFree = emu.rawGrid('Danh sách').length + 1;
    const rows = Array.from({ length: villages - 16 }, (_, i) => {
      const n = 17 + i;
      return REGISTRY_COLUMNS.map((c) => {
        switch (c.code) {
          case 'TEN_DIA_BAN': return `Thôn ${n}`;
          case 'EMAIL': return head(n);
          case 'TRUONG_THON': case 'TO_TRUONG': return 'Nguyễn Văn An';
          case 'DIEN_THOAI': return '0912345678';
          default: return 150 + n;
        }
      });
    });
    emu.rawSet('Danh sách', `A${firstFree}:${String.fromCharCode(64 + REGISTRY_COLUMNS.length)}${firstFree + rows.length - 1}`, rows);
    callEntry(emu, ctx, 'setupWorkbook', [], { activeUser: OFFICE });
  }
  // Months 1–4 filled and half of them submitted in every tab, with one typing error each.
  for (let n = 1; n <= villages; n++) {
    emu.rawSet(`Thôn ${n}`, 'D5:G18', Array.from({ length: 14 }, () => [4, 4, 4, 4]));
    emu.rawSet(`Thôn ${n}`, 'D19:E19', [[true, true]]);
    emu.rawSet(`Thôn ${n}`, 'G14', 'bốn');
  }
  return { emu, ctx };
}

function measure(emu: AppsScriptEmulator, run: () => void): { calls: number; reads: number; writes: number; ms: number } {
  emu.calls.reset();
  const started = performance.now();
  run();
  const ms = performance.now() - started;
  const reads = emu.calls.get('Range.getValues') + emu.calls.get('Range.getNotes') + emu.calls.get('Range.getBackgrounds') + emu.calls.get('Range.getNote');
  const writes = emu.calls.total((name) => /^Range\.set/.test(name));
  return { calls: emu.calls.total(), reads, writes, ms };
}

export async function benchDataEntry(): Promise<string[]> {
  const lines: string[] = ['Data entry (service calls; time is the emulator on this machine, not Apps Script):'];
  for (const villages of [16, 100]) {
    const { emu, ctx } = workbookWith(villages);
    emu.rawSet('Thôn 1', 'H5:H18', Array.from({ length: 14 }, () => [4]));
    const edit = measure(emu, () => emu.userEdit(ctx, { user: head(1), sheet: 'Thôn 1', a1: 'H19', value: true }));
    const failed = emu.executions.filter((x) => x.error !== undefined).length;
    lines.push(`  ${villages} villages, one tick (submission): ${edit.calls} calls, ${edit.reads} reads, ${edit.writes} writes, ${edit.ms.toFixed(0)} ms${failed ? ` — ${failed} FAILED` : ''}`);
    const first = measure(emu, () => callEntry(emu, ctx, 'checkReports', [], { activeUser: OFFICE }));
    lines.push(`  ${villages} villages, Kiểm tra số liệu (marks every tab): ${first.calls} calls, ${first.reads} reads, ${first.writes} writes, ${first.ms.toFixed(0)} ms`);
    const again = measure(emu, () => callEntry(emu, ctx, 'checkReports', [], { activeUser: OFFICE }));
    lines.push(`  ${villages} villages, Kiểm tra số liệu again (nothing changed): ${again.calls} calls, ${again.reads} reads, ${again.writes} writes, ${again.ms.toFixed(0)} ms`);
  }
  return lines;
}

if (require.main === module) {
  benchDataEntry().then((lines) => console.log(lines.join('\n')));
}
