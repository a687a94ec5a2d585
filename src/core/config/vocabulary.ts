/**
 * The words that depend on the commune (docs/indicators.md, "One vocabulary"): a ward has tổ dân
 * phố led by a tổ trưởng, a commune has thôn led by a trưởng thôn. Every user-facing text takes
 * these words from here, so a ward never reads "thôn" and a commune never reads "phường".
 */
import { capitalizeFirst } from '../shared/text';

/** The team of every village, by its official name: the same words in emails and in the printed report. */
export const TEAM_NAME = 'Tổ công nghệ số cộng đồng';

export interface Vocabulary {
  /** `thôn`, `tổ dân phố`: inside a sentence. */
  village: string;
  /** `Thôn`, `Tổ dân phố`: at the start of a sentence or a heading. */
  Village: string;
  /** `trưởng thôn`, `tổ trưởng tổ dân phố`. */
  head: string;
  /** `Trưởng thôn`, `Tổ trưởng tổ dân phố`. */
  Head: string;
  /** `xã`, `phường`. */
  commune: string;
  /** `Xã`, `Phường`. */
  Commune: string;
  /** `xã Bạch Ngọc`, `phường An Hải`: the unit inside a sentence. */
  unit: string;
  /** `Xã Bạch Ngọc`: the unit as `Cấu hình` names it. */
  Unit: string;
  /** `Bạch Ngọc`: the unit without its level, for the date line (`Bạch Ngọc, ngày …`). */
  place: string;
}

/** Plain strings, so the settings and an AggregationSummary (which carries them) both qualify. */
export interface VocabularySettings {
  villageWord: string;
  level: string;
  unitName: string;
  placeName?: string;
}

const lower = (text: string) => text.toLocaleLowerCase('vi');

/** `Trưởng thôn`, `Trưởng bản`, but `Tổ trưởng tổ dân phố` (a tổ is led by a tổ trưởng). */
export function headTitle(villageWord: string): string {
  const word = lower(villageWord);
  return word === 'tổ dân phố' ? `Tổ trưởng ${word}` : `Trưởng ${word}`;
}

export function vocabularyOf(settings: VocabularySettings): Vocabulary {
  const village = lower(settings.villageWord);
  const commune = lower(settings.level);
  const name = settings.unitName.trim();
  const bare = lower(name).startsWith(`${commune} `) ? name.slice(commune.length + 1).trim() : null;
  const Head = headTitle(settings.villageWord);
  return {
    village,
    Village: capitalizeFirst(village),
    head: lower(Head),
    Head,
    commune,
    Commune: capitalizeFirst(commune),
    unit: bare === null ? name : `${commune} ${bare}`,
    Unit: name,
    place: settings.placeName?.trim() || (bare ?? name),
  };
}

/**
 * The head of `villageNames` by title: "Trưởng thôn Thôn 3", "Trưởng thôn Thôn 2 và Thôn 3". A tổ
 * dân phố is led by its "Tổ trưởng": before a name that already says "Tổ dân phố" the word is not
 * repeated ("Tổ trưởng Tổ dân phố số 19").
 */
export function headOfVillages(villageNames: readonly string[], villageWord: string): string {
  const title = headTitle(villageWord);
  const word = villageWord.toLocaleLowerCase('vi');
  const role = title.slice(0, title.length - word.length).trim();
  const repeatsWord = role !== 'Trưởng' && villageNames.every((n) => n.toLocaleLowerCase('vi').startsWith(`${word} `));
  return `${repeatsWord ? role : title} ${joinAnd(villageNames)}`;
}

function joinAnd(list: readonly string[]): string {
  return list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} và ${list[list.length - 1]}`;
}
