import { REUSE_SCORE_BAND_MIN, type ReuseScoreBand } from '@trama/contracts';

/** The band of a stored reuse score (the server's rule, libs/contracts); null: not scored yet. */
export function reuseBandOf(score: number | null | undefined): ReuseScoreBand {
  if (score === null || score === undefined) return 'unscored';
  if (score >= REUSE_SCORE_BAND_MIN.very_high) return 'very_high';
  if (score >= REUSE_SCORE_BAND_MIN.high) return 'high';
  if (score >= REUSE_SCORE_BAND_MIN.medium) return 'medium';
  return 'low';
}
