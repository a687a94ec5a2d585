/**
 * The awards ranking, "Tổ Công nghệ số cộng đồng tiêu biểu" (docs/periods-and-status.md, "Awards"):
 * a score anyone can recompute from the components Tổng hợp shows beside it.
 *
 * - results: mean over rate indicators with a target of min(1, rate ÷ target);
 * - timeliness: months on time ÷ months due so far;
 * - activity: the team's activity counts of the year per 100 households, ÷ the commune's best.
 *
 * score = Σ weight × component ÷ Σ weight over the components the team has (a household count the
 * office has not filled in, or no rate with a target, is not held against the team). A team never
 * on time in a month that was due ranks after every team that was, whatever its score.
 */

export interface AwardWeights {
  results: number;
  timeliness: number;
  activity: number;
}

/** Used when the office sets every weight to 0. */
export const DEFAULT_WEIGHTS: Readonly<AwardWeights> = { results: 50, timeliness: 30, activity: 20 };

export interface AwardInput {
  name: string;
  /** 0–100, or null when the team has no rate with a target and a denominator. */
  achievementPercent: number | null;
  /** 0–100: months on time ÷ months due; null when none was due yet. */
  onTimePercent: number | null;
  dueMonths: number;
  /**
   * Some due month was submitted on time. Once the office approves, the on-time months counted are
   * approved ones, so a team whose on-time months wait for approval has none of them but was on time.
   */
  everOnTime: boolean;
  /** Σ activity counts of the year so far per 100 households; null without a household count. */
  activityPer100: number | null;
}

export interface AwardScore {
  /** 0–100: the team's activity per 100 households relative to the commune's best. */
  activityPercent: number | null;
  /** 0–100. */
  score: number | null;
  /** Due months passed and none on time: ranked after the teams that were. */
  neverOnTime: boolean;
}

export interface RankedTeam<T> {
  rank: number;
  team: T;
  award: AwardScore;
}

function effectiveWeights(weights: AwardWeights): AwardWeights {
  return weights.results + weights.timeliness + weights.activity > 0 ? weights : DEFAULT_WEIGHTS;
}

/** Each weight's share of the score in percent: weights are relative, so 5 / 3 / 2 is 50 / 30 / 20. */
export function weightShares(weights: AwardWeights): AwardWeights {
  const w = effectiveWeights(weights);
  const total = w.results + w.timeliness + w.activity;
  return { results: (w.results / total) * 100, timeliness: (w.timeliness / total) * 100, activity: (w.activity / total) * 100 };
}

export function scoreTeams<T extends AwardInput>(teams: readonly T[], weights: AwardWeights): AwardScore[] {
  const w = effectiveWeights(weights);
  const best = Math.max(0, ...teams.map((t) => t.activityPer100 ?? 0));
  return teams.map((t) => {
    const activityPercent = t.activityPer100 === null ? null : best > 0 ? (t.activityPer100 / best) * 100 : 0;
    const parts: [number, number | null][] = [
      [w.results, t.achievementPercent],
      [w.timeliness, t.onTimePercent],
      [w.activity, activityPercent],
    ];
    const counted = parts.filter((p): p is [number, number] => p[1] !== null && p[0] > 0);
    const weightSum = counted.reduce((sum, [weight]) => sum + weight, 0);
    const score = weightSum > 0 ? counted.reduce((sum, [weight, value]) => sum + weight * value, 0) / weightSum : null;
    return { activityPercent, score, neverOnTime: t.dueMonths > 0 && !t.everOnTime };
  });
}

const byName = new Intl.Collator('vi', { numeric: true }).compare;
/** Scores are compared as shown (one decimal): two teams shown 72,4 share a rank. */
const shown = (value: number | null) => (value === null ? -1 : Math.round(value * 10));

/** Best first; teams equal on tier and shown score share a rank, listed by name. */
export function rankTeams<T extends AwardInput>(teams: readonly T[], weights: AwardWeights): RankedTeam<T>[] {
  const scores = scoreTeams(teams, weights);
  const keyed = teams.map((team, i) => ({ team, award: scores[i], tier: scores[i].neverOnTime ? 1 : 0, key: shown(scores[i].score) }));
  keyed.sort((a, b) => a.tier - b.tier || b.key - a.key || byName(a.team.name, b.team.name));
  const ranked: RankedTeam<T>[] = [];
  keyed.forEach((k, i) => {
    const previous = keyed[i - 1];
    const tied = previous !== undefined && previous.tier === k.tier && previous.key === k.key;
    ranked.push({ rank: tied ? ranked[i - 1].rank : i + 1, team: k.team, award: k.award });
  });
  return ranked;
}
