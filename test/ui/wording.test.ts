/**
 * What the two sidebars draw in the browser (their labels, sections, states and messages are built
 * by src/ui/*, which the wording scan of the demo year cannot read): in a ward, no "thôn" as a word;
 * in both presets, no English word (test/integration/wordingRules.ts).
 */
import type { PresetId } from '../../src/core/config/presets';
import { settingField } from '../../src/core/config/settings';
import { vnInstant } from '../../src/core/shared/calendar';
import { fillVillageMonth, sampleVillages, workbookWithPreset, type TestWorkbook } from '../integration/harness';
import { englishWords, thonWords, withoutNames } from '../integration/wordingRules';
import { openSidebar, useChromium } from './sidebarHarness';

/** 25/05/2026 10:00 in Vietnam: Tháng 5 fell due on 20/05. */
const NOW = vnInstant(2026, 5, 25, 10);

const browser = useChromium();

/** A commune's Tháng 5 in every state the panels show: on time, late, needing a fix, missing. */
function workbook(id: PresetId): TestWorkbook {
  const wb = workbookWithPreset(id, { now: NOW });
  const [first, second, third] = sampleVillages(id).map((v) => v.name);
  fillVillageMonth(wb.emu, first, 5, { ticked: true, submittedAt: vnInstant(2026, 5, 15, 9) });
  fillVillageMonth(wb.emu, second, 5, { ticked: true, submittedAt: vnInstant(2026, 5, 22, 9) });
  fillVillageMonth(wb.emu, third, 5, { ticked: true, submittedAt: vnInstant(2026, 5, 15, 9), override: { LUOT_DVCTT: '' } });
  return wb;
}

/**
 * Every text of the page a person reads or hears, a line each: what is drawn, and the labels of its
 * controls. The choices of a drop-down are apart: they list the words to choose from.
 */
async function pageTexts(wb: TestWorkbook, name: 'dashboard' | 'settings'): Promise<{ own: string[]; choices: string[] }> {
  const { page } = await openSidebar(browser(), name, wb);
  await page.locator('h2').first().waitFor();
  return page.evaluate(() => {
    const labelled = Array.from(document.querySelectorAll('[aria-label],[title],[placeholder]')).flatMap((el) => ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? ''));
    const choices = Array.from(document.querySelectorAll('option')).map((o) => o.textContent ?? '');
    document.querySelectorAll('select').forEach((el) => el.remove());
    return { own: [...document.body.innerText.split('\n'), ...labelled].filter((t) => t.trim() !== ''), choices };
  });
}

describe('the sidebars as drawn', () => {
  // The one place a ward may read the word: the setting where the word is chosen names the choices.
  const choosing = settingField('villageWord').label;
  for (const id of ['an-hai', 'bach-ngoc'] as const) {
    for (const name of ['dashboard', 'settings'] as const) {
      it(`${name}, ${id}: ${id === 'an-hai' ? 'no "thôn", ' : ''}no English`, async () => {
        const { own, choices } = await pageTexts(workbook(id), name);
        expect(own.join(' ').length).toBeGreaterThan(200);
        expect([...own, ...choices].flatMap((t) => englishWords(withoutNames(t)))).toEqual([]);
        if (id === 'an-hai') expect(own.filter((t) => t !== choosing && thonWords(t).length > 0)).toEqual([]);
      });
    }
  }
});
