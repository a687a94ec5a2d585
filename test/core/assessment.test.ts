import { assessVillage } from '../../src/core/assessment/monthAssessment';
import { vnInstant } from '../../src/core/shared/calendar';
import { baseGrid, contextFor, parse, set } from './villageFixture';

describe('assessVillage', () => {
  it('gives every month its status and findings in one pass', () => {
    const grid = baseGrid();
    set(grid, 'NGAY_NOP', 1, vnInstant(2026, 1, 20, 23, 59)); // on the due day: on time
    set(grid, 'NGAY_NOP', 2, vnInstant(2026, 2, 21, 0, 1)); // a minute into the next day: late
    set(grid, 'LUOT_DVCTT', 3, ''); // changed after submission: needs fixing
    set(grid, 'NGAY_NOP', 3, vnInstant(2026, 3, 2));
    set(grid, 'TV_TO', 4, 9); // a warning does not change the status
    set(grid, 'NGAY_NOP', 4, vnInstant(2026, 4, 2));
    set(grid, 'NGAY_NOP', 5, ''); // ticked, never stamped
    set(grid, 'LUOT_DVCTT', 6, 'abc'); // an error in an unticked month
    const months = assessVillage(parse(grid), contextFor("Thôn 3"));
    expect(months.map((m) => m.status)).toEqual([
      'DUNG_HAN', 'NOP_MUON', 'CAN_SUA', 'DUNG_HAN',
      'CHO_XU_LY', // ticked, no stamp: waiting for the add-on, neither on time nor late yet
      'CHUA_NOP', 'CHUA_NOP', 'CHUA_NOP', 'CHUA_NOP', 'CHUA_NOP', 'CHUA_NOP', 'CHUA_NOP',
    ]);
    expect(months.map((m) => m.findings.map((f) => `${f.level} ${f.cell}`))).toEqual([
      [], [], ['error G14'], ['warning H13'], [], ['error J14'], [], [], [], [], [], [],
    ]);
  });
});
