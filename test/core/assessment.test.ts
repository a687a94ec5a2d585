import { assessVillage } from '../../src/core/assessment/monthAssessment';
import { vnInstant } from '../../src/core/shared/calendar';
import { NOW, baseGrid, contextFor, parse, set } from './villageFixture';

describe('assessVillage', () => {
  it('gives every month its status and findings in one pass', () => {
    const grid = baseGrid();
    set(grid, 'NGAY_NOP', 1, vnInstant(2026, 1, 20, 23, 59)); // on the due day: on time
    set(grid, 'NGAY_NOP', 2, vnInstant(2026, 2, 21, 0, 1)); // a minute into the next day: late
    set(grid, 'LUOT_DVCTT', 3, ''); // changed after submission: needs fixing
    set(grid, 'NGAY_NOP', 3, vnInstant(2026, 3, 2));
    set(grid, 'TV_TO', 4, 9); // a warning does not change the status
    set(grid, 'NGAY_NOP', 4, vnInstant(2026, 4, 2));
    set(grid, 'LUOT_DVCTT', 6, 'abc'); // an error in an unticked month
    const months = assessVillage(parse(grid), contextFor('Thôn 3'), NOW);
    expect(months.map((m) => m.status)).toEqual([
      'DUNG_HAN', 'NOP_MUON', 'CAN_SUA', 'DUNG_HAN',
      'NOP_MUON', // ticked, no stamp: timed as if submitted now (15/06, after the 20/05 due date)
      'CHUA_NOP', 'CHUA_NOP', 'CHUA_NOP', 'CHUA_NOP', 'CHUA_NOP', 'CHUA_NOP', 'CHUA_NOP',
    ]);
    expect(months.map((m) => m.findings.map((f) => `${f.level} ${f.cell}`))).toEqual([
      [], [], ['error F14'], ['warning G13'], [], ['error I14'], [], [], [], [], [], [],
    ]);
  });
});
