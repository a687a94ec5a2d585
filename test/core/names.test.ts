/**
 * Names are stable (docs/tabs.md, "Danh sách"): one normalisation for every name and count people
 * type, and the hidden column of tab ids that keeps each village with its tab.
 */
import { readRegistryGrid, registryLayout, registryRow, tabIdColumn, villageOfTab, type Village } from '../../src/core/config/registry';
import { isTicked, readCount } from '../../src/core/shared/cellValues';
import { normalizeName, revealInvisible, sameName, tidyText } from '../../src/core/shared/text';
import { holdsVillageReport } from '../../src/core/workbook/orphanTabs';
import { planRegistryTabIds } from '../../src/core/workbook/registryTabSpec';
import { newProgress, recordOrphans, recordRename, setupLogDetail, setupSteps, setupSummary, titleNamesVillage, type SetupReport } from '../../src/core/workbook/setupPlan';
import { isOwnTab } from '../../src/core/workbook/tabNames';
import { baseGrid, layout, preset } from './villageFixture';

const ZWSP = '\u200b';

describe('normalizeName', () => {
  it('folds compatibility forms: fullwidth letters, digits and spaces are the plain ones', () => {
    expect(normalizeName('ＴＨÔＮ　１２')).toBe('thôn 12');
    expect(sameName('Ｔhôn 1', 'Thôn 1')).toBe(true);
  });

  it('drops the characters that show as nothing', () => {
    for (const invisible of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad']) {
      expect(normalizeName(`Th${invisible}ôn 1${invisible}`)).toBe('thôn 1');
    }
    expect(sameName(`Thôn 1${ZWSP}`, 'Thôn 1')).toBe(true);
    // Removed before the spaces are collapsed: a hidden character between two spaces leaves one space.
    expect(normalizeName(`Thôn ${ZWSP} 1`)).toBe('thôn 1');
  });

  it('still tells different names apart', () => {
    expect(sameName('Thôn 1', 'Thôn 12')).toBe(false);
    expect(sameName('Thôn 1', 'Thốn 1')).toBe(false);
  });

  it('leaves the display form alone: tidyText keeps what was typed, revealInvisible shows it', () => {
    expect(tidyText(`Thôn 1${ZWSP}`)).toBe(`Thôn 1${ZWSP}`);
    expect(revealInvisible(`Thôn 1${ZWSP}`)).toBe('Thôn 1⟨ký tự ẩn U+200B⟩');
    expect(revealInvisible('Thôn\u00ad1')).toBe('Thôn⟨ký tự ẩn U+00AD⟩1');
    expect(revealInvisible('Thôn 1')).toBe('Thôn 1');
  });

  it('recognises the own tabs however they were retyped', () => {
    expect(isOwnTab(' danh  SÁCH')).toBe(true);
    expect(isOwnTab(`Nhật ký${ZWSP}`)).toBe(true);
    expect(isOwnTab('Thôn 1')).toBe(false);
  });
});

describe('readCount with characters nobody sees', () => {
  it('reads what the cell shows', () => {
    expect(readCount(`12${ZWSP}`)).toEqual({ kind: 'count', value: 12 });
    expect(readCount('１２')).toEqual({ kind: 'count', value: 12 });
    expect(readCount('１.２３４')).toEqual({ kind: 'count', value: 1234 });
    expect(readCount(`1\u00ad2`)).toEqual({ kind: 'count', value: 12 });
    expect(readCount(`\ufeff 7 `)).toEqual({ kind: 'count', value: 7 });
    expect(readCount(ZWSP)).toEqual({ kind: 'blank' });
  });

  it('quotes what was typed, hidden characters written out, when it is not a count', () => {
    expect(readCount(`abc${ZWSP}`)).toEqual({ kind: 'invalid', reason: 'text', shown: 'abc⟨ký tự ẩn U+200B⟩' });
    expect(readCount('－５')).toEqual({ kind: 'invalid', reason: 'negative', shown: '－５' });
    expect(readCount(`12,5${ZWSP}`)).toEqual({ kind: 'invalid', reason: 'decimal', shown: '12,5⟨ký tự ẩn U+200B⟩' });
  });

  it('a tick typed with a hidden character is a tick', () => {
    expect(isTicked(`x${ZWSP}`)).toBe(true);
    expect(isTicked('ｘ')).toBe(true);
  });
});

describe('Danh sách', () => {
  const word = 'Thôn';
  const fresh = registryLayout(word);
  /** As the cells hold it: the apostrophe that keeps typed text text is not part of the value. */
  const row = (name: string, tabId?: number): unknown[] =>
    registryRow({ name, head: '', email: '', phone: '', teamLeader: '', denominators: {}, tabId }).map((cell) => (typeof cell === 'string' ? cell.replace(/^'/, '') : cell));

  it('refuses a name that differs from a row above only by a hidden character, naming that row and showing the character', () => {
    const { villages, findings } = readRegistryGrid([...fresh.rows, row('Thôn 1'), row('Thôn 2'), row(`Thôn 1${ZWSP}`), row('ＴＨÔＮ　２')]);
    expect(villages.map((v) => v.name)).toEqual(['Thôn 1', 'Thôn 2']);
    expect(findings.map((f) => `${f.cell} ${f.message}`)).toEqual([
      'A7 Dòng 7: "Thôn 1⟨ký tự ẩn U+200B⟩" trùng tên với dòng 5; bỏ qua dòng này.',
      'A8 Dòng 8: "ＴＨÔＮ ２" trùng tên với dòng 6; bỏ qua dòng này.',
    ]);
  });

  it('reads each village\'s tab id from the hidden column; a row copied with another\'s id keeps none', () => {
    const { villages } = readRegistryGrid([...fresh.rows, row('Thôn 1', 101), row('Thôn 2', 0), row('Thôn 3', 101), row('Thôn 4'), row('Thôn 5', 'abc' as unknown as number)]);
    expect(villages.map((v) => [v.name, v.tabId])).toEqual([['Thôn 1', undefined], ['Thôn 2', 0], ['Thôn 3', undefined], ['Thôn 4', undefined], ['Thôn 5', undefined]]);
    expect(fresh.rows[2][fresh.tabIdColumn - 1]).toBe('MA_TAB');
  });

  it('finds where the ids go: their column, or the first blank one in a registry made before it', () => {
    const rows = [...fresh.rows, row('Thôn 1', 101)];
    expect(tabIdColumn(rows)).toBe(11);
    const old = rows.map((r) => r.slice(0, 10));
    expect(tabIdColumn(old)).toBe(11);
    // The office added a column of its own where the ids would go.
    const withNotes = old.map((r, i) => [...r, i === 4 ? 'ghi chú' : '']);
    expect(tabIdColumn(withNotes)).toBe(12);
    // The code row deleted: no ids, tabs are found by name.
    expect(tabIdColumn([fresh.rows[0], fresh.rows[1], fresh.rows[3], row('Thôn 1')])).toBeNull();
  });

  it('writes only the id cells', () => {
    const spec = planRegistryTabIds(11, new Map([[5, 101], [7, 103]]));
    const claimed = spec.values.flatMap((r, i) => r.flatMap((v, j) => (v === undefined ? [] : [[i + 1, j + 1, v]])));
    expect(claimed).toEqual([[5, 11, 101], [7, 11, 103]]);
    expect(spec.formats).toEqual({});
    expect(spec.protections).toEqual([]);
  });
});

describe('whose tab it is', () => {
  const villages: Pick<Village, 'name' | 'tabId'>[] = [{ name: 'Thôn 1', tabId: 101 }, { name: 'Thôn 2', tabId: 102 }, { name: 'Thôn 3' }];

  it('the village that recorded the tab id, whatever the tab is called now', () => {
    expect(villageOfTab(villages, { sheetId: 101, name: 'Nhóm của tôi' })?.name).toBe('Thôn 1');
    expect(villageOfTab(villages, { sheetId: 101, name: 'Thôn 2 ' })?.name).toBe('Thôn 1');
  });

  it('by name only for a village whose id is not recorded yet', () => {
    expect(villageOfTab(villages, { sheetId: 103, name: `thôn 3${ZWSP}` })?.name).toBe('Thôn 3');
    expect(villageOfTab(villages, { sheetId: 104, name: 'Thôn 2' })).toBeUndefined();
  });
});

describe('tabs setup renames or cannot place', () => {
  it('a report table with anything in a month column holds a report; a blank layout or another table does not', () => {
    expect(holdsVillageReport(baseGrid())).toBe(true);
    expect(holdsVillageReport(layout.rows)).toBe(false);
    expect(holdsVillageReport([['Ghi chú của phòng'], ['12']])).toBe(false);
  });

  it('the title tells a tab renamed by hand (it still names the village) from a village renamed in Danh sách', () => {
    expect(titleNamesVillage(layout.rows, 'Thôn 3', preset.settings.year)).toBe(true);
    expect(titleNamesVillage(layout.rows, 'thôn  3', preset.settings.year)).toBe(true);
    expect(titleNamesVillage(layout.rows, 'Thôn Ba', preset.settings.year)).toBe(false);
  });

  it('renames and tabs nobody owns go to the dialog and to Nhật ký', () => {
    const progress = newProgress(setupSteps(['Thôn Một']));
    recordRename(progress, `Thôn 1${ZWSP}`, 'Thôn Một');
    recordOrphans(progress, ['Thôn cũ']);
    expect(progress.changed).toBe(true);
    const report: SetupReport = {
      unitName: 'Xã Bạch Ngọc', villages: 1, done: progress.total, total: progress.total, continuing: false, continuationProblem: null,
      created: [], createdCount: 0, repaired: [], repairedCount: 0, unrecognised: [],
      renamed: progress.renamed, renamedCount: progress.renamedCount, orphans: progress.orphans, findings: [], trigger: null,
    };
    expect(setupLogDetail(report)).toBe('1 địa bàn; đổi tên tab theo Danh sách: "Thôn 1⟨ký tự ẩn U+200B⟩" → "Thôn Một"; tab có số liệu nhưng không thuộc địa bàn nào trong Danh sách: Thôn cũ');
    const summary = setupSummary(report);
    expect(summary).toContain('Đã đổi tên tab theo "Danh sách": "Thôn 1⟨ký tự ẩn U+200B⟩" → "Thôn Một".');
    expect(summary).toContain('Tab có số liệu nhưng không thuộc địa bàn nào trong "Danh sách" (số liệu không được tính): Thôn cũ.');
  });
});
