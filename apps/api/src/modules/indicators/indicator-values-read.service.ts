import { Injectable } from '@nestjs/common';
import { formatTerritoryParam, parseTerritoryParam, PER_CAPITA_BASE, type PeriodGrain } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import type { FieldProblem } from '../../common/errors/app-error';
import { ComputedIndicatorsService } from './computed/computed-indicators.service';
import type { ExportIndicatorValuesQuery, IndicatorTerritoryQuery, IndicatorValuesQuery } from './dto/indicator-values.query';
import type { IndicatorTerritoryResponseDto, IndicatorValuePointDto, IndicatorValuesResponseDto } from './dto/indicator-values.response';
import type { IndicatorDefinition } from './indicator.entity';
import { IndicatorReadErrors } from './indicator-values-read.errors';
import {
  type GeoMunicipalityRow,
  type GeoSocialAreaRow,
  IndicatorValuesReadRepository,
  type TerritoryFigure,
} from './indicator-values-read.repository';
import { IndicatorErrors } from './indicators.errors';
import { IndicatorsService, summaryOf } from './indicators.service';
import { perThousand, type PopulationFigure, progressOf, territoryPopulation } from './rollup/measures';
import { formatPeriod, parsePeriod, type Period, periodEnd, periodRange, periodStart } from './rollup/periods';
import { type EnteredValue, RollupEngine, type TerritoryRef } from './rollup/rollup';

/** Cells (territories × periods) one answer may hold. */
export const MAX_CELLS = 5000;

const GRAIN_RANK: Record<PeriodGrain, number> = { year: 0, quarter: 1, month: 2 };

interface Place {
  ref: TerritoryRef;
  param: string;
  name: string;
}

/** Everything one indicator view needs, loaded once: the territory, its places and the rolled-up cells. */
interface Geography {
  municipalities: GeoMunicipalityRow[];
  socialAreas: GeoSocialAreaRow[];
}

function todayInItaly(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

const round = (n: number | null, digits = 4) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

function bad(field: string, message: string): never {
  const details: FieldProblem[] = [{ field, messages: [message], codes: ['INDICATOR_RANGE_INVALID'] }];
  throw IndicatorReadErrors.INDICATOR_RANGE_INVALID(undefined, details);
}

/**
 * The periods a query asks for (docs/indicators-rollup.md, "The read endpoint"):
 * - `period` alone: that period, or its parts at a finer `grain` (`period=2026&grain=quarter`);
 * - `from` + `to`: every period of `grain` (default: from's) from the one holding `from` to the one holding `to`;
 * - neither: the current year (or its parts at `grain`).
 */
export function resolvePeriods(
  query: Pick<IndicatorValuesQuery, 'period' | 'from' | 'to' | 'grain'>,
  today: string,
): {
  grain: PeriodGrain;
  periods: Period[];
} {
  if (query.period !== undefined && (query.from !== undefined || query.to !== undefined))
    bad('period', 'give period, or from and to, not both');
  if ((query.from === undefined) !== (query.to === undefined)) bad(query.from === undefined ? 'from' : 'to', 'give both from and to');
  const parse = (field: string, text: string) => parsePeriod(text) ?? bad(field, `${field} must be a year, a quarter or a month`);
  if (query.from !== undefined && query.to !== undefined) {
    const from = parse('from', query.from);
    const to = parse('to', query.to);
    const grain = query.grain ?? from.grain;
    const periods = periodRange(from, to, grain);
    if (periods.length === 0) bad('to', 'to must not precede from');
    return { grain, periods };
  }
  const one =
    query.period !== undefined ? parse('period', query.period) : { grain: 'year' as const, year: Number(today.slice(0, 4)), index: 0 };
  const grain = query.grain ?? one.grain;
  if (GRAIN_RANK[grain] < GRAIN_RANK[one.grain]) bad('grain', 'the grain cannot be coarser than the period');
  return { grain, periods: periodRange(one, one, grain) };
}

/**
 * The indicators' read side: values rolled up per territory and period, per capita, with targets
 * and progress (docs/indicators-rollup.md). Access: the caller reads the territories of their
 * scope — a municipality user their municipality (or their social area and its municipalities);
 * any other territory is a 404 (as a record outside scope), never a partial figure.
 */
@Injectable()
export class IndicatorValuesReadService {
  constructor(
    private readonly repo: IndicatorValuesReadRepository,
    private readonly computed: ComputedIndicatorsService,
    private readonly indicators: IndicatorsService,
  ) {}

  async readValues(scope: AccessScope, code: string, query: IndicatorValuesQuery): Promise<IndicatorValuesResponseDto> {
    this.checkCaller(scope, query.drafts);
    const today = todayInItaly();
    const { grain, periods } = resolvePeriods(query, today);
    const { definition, summary } = await this.indicators.resolveIndicator(scope, code);
    const geo = await this.geography(scope);
    const territory = this.resolveTerritory(scope, geo, query.territory);
    const places = this.breakdown(geo, territory, query.by);
    if (places.length * periods.length > MAX_CELLS) {
      throw IndicatorReadErrors.INDICATOR_RANGE_TOO_LARGE(undefined, [
        {
          field: 'from',
          messages: [`at most ${MAX_CELLS} territories × periods`],
          codes: ['INDICATOR_RANGE_TOO_LARGE'],
          params: { max: MAX_CELLS },
        },
      ]);
    }
    const perCapita = query.perCapita ?? definition.perCapita;
    const items = await this.points(scope, definition, geo, places, periods, { perCapita, drafts: query.drafts, today });
    return { indicator: summary, grain, perCapita, includeDrafts: query.drafts, items };
  }

  /** Every active indicator of one territory for one period (the territory page). */
  async readTerritory(scope: AccessScope, query: IndicatorTerritoryQuery): Promise<IndicatorTerritoryResponseDto> {
    this.checkCaller(scope, query.drafts);
    const today = todayInItaly();
    const { periods } = resolvePeriods({ period: query.period }, today);
    const geo = await this.geography(scope);
    const place = this.resolveTerritory(scope, geo, query.territory);
    const definitions = await this.repo.activeDefinitions(scope);
    const items = [];
    for (const definition of definitions) {
      const [point] = await this.points(scope, definition, geo, [place], periods, {
        perCapita: definition.perCapita,
        drafts: query.drafts,
        today,
      });
      items.push({ indicator: summaryOf(definition), point });
    }
    return { territory: place.param, territoryName: place.name, period: formatPeriod(periods[0]), items };
  }

  /** The rows of the export: the same view as the endpoint, with the indicator's names. */
  async exportRows(scope: AccessScope, code: string, query: ExportIndicatorValuesQuery) {
    const view = await this.readValues(scope, code, query);
    return view.items.map((item) => ({
      ...item,
      indicatorCode: view.indicator.code,
      indicatorName: query.lang === 'en' ? view.indicator.nameEn : view.indicator.nameIt,
    }));
  }

  private checkCaller(scope: AccessScope, drafts: boolean): void {
    if (scope.tenantId === null) throw IndicatorErrors.INDICATOR_TENANT_REQUIRED();
    if (drafts && !scope.hasRole('coordinator', 'innovator')) throw IndicatorReadErrors.INDICATOR_DRAFTS_FORBIDDEN();
  }

  private async geography(scope: AccessScope): Promise<Geography> {
    const [municipalities, socialAreas] = await Promise.all([this.repo.municipalities(scope), this.repo.socialAreas(scope)]);
    return { municipalities, socialAreas };
  }

  /**
   * The asked territory, within the caller's: the tenant for those who see all of it; a social
   * area whose every municipality the caller sees; a municipality the caller sees. Else 404.
   */
  private resolveTerritory(scope: AccessScope, geo: Geography, text: string): Place {
    const ref = parseTerritoryParam(text);
    const notFound = () => IndicatorReadErrors.INDICATOR_TERRITORY_NOT_FOUND();
    if (!ref) throw notFound();
    if (ref.kind === 'tenant') {
      if (scope.visibleMunicipalityIds !== null) throw notFound();
      return { ref: { level: 'tenant' }, param: 'tenant', name: '' };
    }
    if (ref.kind === 'social_area') {
      const area = geo.socialAreas.find((s) => s.code === ref.code);
      if (!area) throw notFound();
      const visible = scope.visibleMunicipalityIds;
      if (visible !== null) {
        // a social-area user sees exactly the area's municipalities (two or more); a municipality
        // user (one municipality) reads their municipality, never the area around it
        const seen = geo.municipalities.filter((m) => m.socialAreaId === area.id).length;
        if (visible.length < 2 || seen !== visible.length) throw notFound();
      }
      return { ref: { level: 'socialArea', id: area.id }, param: formatTerritoryParam(ref), name: area.name };
    }
    const municipality = geo.municipalities.find((m) => m.istatCode === ref.istatCode);
    if (!municipality) throw notFound();
    return { ref: { level: 'municipality', id: municipality.id }, param: formatTerritoryParam(ref), name: municipality.name };
  }

  /** The places listed: the territory itself, or its municipalities / social areas (by name). */
  private breakdown(geo: Geography, place: Place, by: IndicatorValuesQuery['by']): Place[] {
    if (!by) return [place];
    const municipality = (m: GeoMunicipalityRow): Place => ({
      ref: { level: 'municipality', id: m.id },
      param: `municipality:${m.istatCode}`,
      name: m.name,
    });
    if (by === 'municipality') {
      if (place.ref.level === 'tenant') return geo.municipalities.map(municipality);
      if (place.ref.level === 'socialArea') {
        const id = place.ref.id;
        return geo.municipalities.filter((m) => m.socialAreaId === id).map(municipality);
      }
      return [place];
    }
    if (place.ref.level === 'tenant') {
      return geo.socialAreas.map((s) => ({ ref: { level: 'socialArea' as const, id: s.id }, param: `socialArea:${s.code}`, name: s.name }));
    }
    if (place.ref.level === 'socialArea') return [place];
    throw IndicatorReadErrors.INDICATOR_BREAKDOWN_INVALID(undefined, [
      { field: 'by', messages: ['a municipality has no social areas'], codes: ['INDICATOR_BREAKDOWN_INVALID'] },
    ]);
  }

  private async points(
    scope: AccessScope,
    definition: IndicatorDefinition,
    geo: Geography,
    places: Place[],
    periods: Period[],
    view: { perCapita: boolean; drafts: boolean; today: string },
  ): Promise<IndicatorValuePointDto[]> {
    const fromYear = periods[0].year;
    const toYear = periods[periods.length - 1].year;
    const [entered, targets, populationRows] = await Promise.all([
      this.entered(scope, definition, geo, periods, view),
      this.repo.targets(scope, definition.id, fromYear, toYear),
      view.perCapita || definition.perCapita ? this.repo.populations(scope) : Promise.resolve([]),
    ]);
    const engine = new RollupEngine(
      geo.municipalities.map((m) => ({ id: m.id, socialAreaId: m.socialAreaId })),
      entered,
      { time: definition.timeAggregation, territory: definition.territoryAggregation },
    );
    const figures = new Map<string, PopulationFigure[]>();
    for (const r of populationRows) {
      const list = figures.get(r.municipalityId) ?? [];
      list.push({ year: Number(r.year), population: Number(r.population) });
      figures.set(r.municipalityId, list);
    }
    for (const m of geo.municipalities) if (!figures.has(m.id)) figures.set(m.id, [{ year: m.populationYear, population: m.population }]);
    const targetOf = new Map(targets.map((t) => [`${figureKey(t)}|${t.year}`, Number(t.value)]));
    const flow = definition.timeAggregation === 'sum';

    const items: IndicatorValuePointDto[] = [];
    for (const place of places) {
      const municipalities = engine.municipalitiesOf(place.ref);
      for (const period of periods) {
        const cell = engine.cell(place.ref, period);
        const needsPopulation = view.perCapita || definition.perCapita;
        const population = needsPopulation ? territoryPopulation(municipalities, figures, period.year) : null;
        const value = view.perCapita ? perThousand(cell.value, population) : cell.value;
        // targets are kept in the definition's terms (per 1,000 when it is per capita): shown in the view's
        const stored = targetOf.get(`${refKey(place.ref)}|${period.year}`) ?? null;
        const showTarget = period.grain === 'year' || !flow;
        const target = showTarget ? convert(stored, definition.perCapita, view.perCapita, population) : null;
        const baseline =
          place.ref.level === 'tenant' && definition.baselineValue !== null
            ? convert(Number(definition.baselineValue), definition.perCapita, view.perCapita, population)
            : null;
        const progress =
          period.grain === 'year'
            ? progressOf({ value, target, direction: definition.direction, baseline, flow, period, today: view.today })
            : null;
        items.push({
          territory: place.param,
          territoryName: place.name,
          period: formatPeriod(period),
          value: round(value),
          target: round(target),
          progress,
          ...(view.perCapita ? { population } : {}),
          complete: cell.complete,
          covered: cell.covered,
          expected: cell.expected,
        });
      }
    }
    return items;
  }

  /** The values the engine starts from: validated (or draft) manual values, or the computed figures. */
  private async entered(
    scope: AccessScope,
    definition: IndicatorDefinition,
    geo: Geography,
    periods: Period[],
    view: { drafts: boolean; today: string },
  ): Promise<EnteredValue[]> {
    if (definition.source === 'computed' && definition.computation) {
      const computed = await this.computed.values(scope, {
        computation: definition.computation,
        params: definition.computationParams ?? {},
        periods,
        geography: { municipalities: geo.municipalities, socialAreaIds: geo.socialAreas.map((s) => s.id) },
        today: view.today,
      });
      return computed ?? [];
    }
    const from = periodStart(periods[0]);
    const to = periodEnd(periods[periods.length - 1]);
    const rows = await this.repo.values(scope, definition.id, from, to, view.drafts);
    const out: EnteredValue[] = [];
    for (const r of rows) {
      const period = parsePeriod(r.period);
      const territory = toRef(r);
      if (period && territory) out.push({ territory, period, value: Number(r.value) });
    }
    return out;
  }
}

function toRef(r: TerritoryFigure): TerritoryRef | null {
  if (r.territoryKind === 'tenant') return { level: 'tenant' };
  if (r.territoryKind === 'social_area' && r.socialAreaId) return { level: 'socialArea', id: r.socialAreaId };
  if (r.territoryKind === 'municipality' && r.municipalityId) return { level: 'municipality', id: r.municipalityId };
  return null;
}

function figureKey(r: TerritoryFigure): string {
  const ref = toRef(r);
  return ref ? refKey(ref) : 'none';
}

function refKey(ref: TerritoryRef): string {
  return ref.level === 'tenant' ? 'tenant' : `${ref.level}:${ref.id}`;
}

/** A figure in the definition's terms (per 1,000 or absolute) in the view's. */
function convert(figure: number | null, storedPerCapita: boolean, viewPerCapita: boolean, population: number | null): number | null {
  if (figure === null || storedPerCapita === viewPerCapita) return figure;
  if (population === null || population <= 0) return null;
  return viewPerCapita ? (figure * PER_CAPITA_BASE) / population : (figure * population) / PER_CAPITA_BASE;
}
