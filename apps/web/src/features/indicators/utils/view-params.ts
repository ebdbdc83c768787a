import { PERIOD_GRAINS, parsePeriod, type PeriodGrain } from '@trama/contracts';
import { periodsOfYears } from './periods';

/**
 * The indicator page's state, in its address (a view can be bookmarked and shared):
 * `territorio`, `grana`, `dal`, `al` (years of the trend), `periodo` (of the map and table),
 * `procapite=1|0` (absent: the definition's setting), `bozze=1`.
 */
export interface IndicatorViewParams {
  territory: string;
  grain: PeriodGrain;
  fromYear: number;
  toYear: number;
  period: string;
  /** null: the definition's own setting (the API's default) */
  perCapita: boolean | null;
  drafts: boolean;
}

/** Years the pickers offer (the programme started in 2014; values may be entered up to next year). */
export const FIRST_YEAR = 2014;
const YEARS_SHOWN = 5;

const yearOf = (text: string | null, fallback: number) => {
  const n = Number(text);
  return Number.isInteger(n) && n >= FIRST_YEAR && n <= fallback + 1 ? n : fallback;
};

export function readViewParams(params: URLSearchParams, defaults: { territory: string; currentYear: number }): IndicatorViewParams {
  const grainParam = params.get('grana');
  const grain: PeriodGrain = PERIOD_GRAINS.includes(grainParam as PeriodGrain) ? (grainParam as PeriodGrain) : 'year';
  const toYear = yearOf(params.get('al'), defaults.currentYear);
  let fromYear = yearOf(params.get('dal'), toYear - (YEARS_SHOWN - 1));
  if (fromYear > toYear) fromYear = toYear;
  const periods = periodsOfYears(fromYear, toYear, grain);
  const asked = params.get('periodo');
  const parsed = asked ? parsePeriod(asked) : null;
  const period = parsed && periods.includes(parsed.code) ? parsed.code : periods[periods.length - 1];
  return {
    territory: defaults.territory,
    grain,
    fromYear,
    toYear,
    period,
    perCapita: params.get('procapite') === '1' ? true : params.get('procapite') === '0' ? false : null,
    drafts: params.get('bozze') === '1',
  };
}

/** The address's parameters for a view (defaults left out). */
export function writeViewParams(view: IndicatorViewParams): Record<string, string> {
  const out: Record<string, string> = {
    territorio: view.territory,
    grana: view.grain,
    dal: String(view.fromYear),
    al: String(view.toYear),
    periodo: view.period,
  };
  if (view.perCapita !== null) out.procapite = view.perCapita ? '1' : '0';
  if (view.drafts) out.bozze = '1';
  return out;
}
