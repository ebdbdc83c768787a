import { Injectable } from '@nestjs/common';
import type { ComputedIndicator, IndicatorComputationParams } from '@trama/contracts';
import type { AccessScope } from '../../../common/access/access-scope';
import { CollaborationsService } from '../../collaborations/collaborations.service';
import { ProjectsIndicatorsService } from '../../projects/projects-indicators.service';
import { formatPeriod, monthsOf, periodEnd, periodStart, type Period } from '../rollup/periods';
import type { EnteredValue, TerritoryRef } from '../rollup/rollup';
import { ComputedIndicatorsRepository, type InnovatorPlace, type LevelRow } from './computed-indicators.repository';

/** The territory a computed figure may be given for: every municipality, social area and the tenant the caller reads. */
export interface ComputeGeography {
  municipalities: readonly { id: string; socialAreaId: string | null; istatCode?: string }[];
  socialAreaIds: readonly string[];
}

export interface ComputeRequest {
  computation: ComputedIndicator;
  params: IndicatorComputationParams;
  /** the periods asked for, ascending (the figures cover their months) */
  periods: readonly Period[];
  geography: ComputeGeography;
  /** `YYYY-MM-DD` in Italy: months after it are missing (null), never zero */
  today: string;
}

/**
 * The computed indicators (docs/indicators-rollup.md, "Computed indicators"): figures read from
 * the records at request time, per municipality, social area and tenant, per month (or, for
 * community managers, per asked period), handed to the roll-up engine as values entered at those
 * cells. A month with no record is a true zero (the register is the source); a month after today
 * is missing. New collaborations come from the collaboration model (suggested pairs that later
 * worked together, docs/collaborations.md), counted in the municipality of their first joint record.
 */
@Injectable()
export class ComputedIndicatorsService {
  constructor(
    private readonly repo: ComputedIndicatorsRepository,
    private readonly projects: ProjectsIndicatorsService,
    private readonly collaborations: CollaborationsService,
  ) {}

  async values(scope: AccessScope, req: ComputeRequest): Promise<EnteredValue[] | null> {
    const months = req.periods.flatMap(monthsOf);
    if (months.length === 0) return [];
    const from = periodStart(months[0]);
    const to = periodEnd(months[months.length - 1]);
    const elapsed = months.filter((m) => periodStart(m) <= req.today);
    const types = req.params.activityType ? [req.params.activityType] : null;
    // records of one municipality give municipality figures (the engine adds them up); records of
    // several give every level (distinct counts)
    const places = { municipalities: req.geography.municipalities, socialAreaIds: [], tenant: false };
    const levels = { ...req.geography, tenant: true };
    switch (req.computation) {
      case 'activities_held':
        return flow(await this.repo.activities(scope, from, to, 'activities', types), elapsed, places);
      case 'activity_participants':
        return flow(await this.repo.activities(scope, from, to, 'participants', types), elapsed, places);
      case 'initiatives_realised':
        return flow(await this.repo.initiativesRealised(scope, from, to), elapsed, levels);
      case 'buildings_reactivated':
        return flow(await this.repo.buildingsActivated(scope, from, to), elapsed, places);
      case 'initiatives_running':
        return stock(await this.repo.initiativesRunning(scope, to), elapsed, levels);
      case 'buildings_mapped':
        return stock(await this.repo.buildingsMapped(scope, to), elapsed, places);
      case 'buildings_in_stage':
        if (!req.params.stage) return null;
        return stock(await this.repo.buildingsInStage(scope, req.params.stage, to), elapsed, places);
      case 'organizations_mapped':
        return stock(await this.repo.organizationsMapped(scope, to), elapsed, places);
      case 'community_managers_hired':
        return employed(await this.repo.innovators(scope), req.periods, req.today, levels);
      case 'project_funds_committed':
      case 'project_funds_paid':
        return this.projectFunds(scope, req.computation === 'project_funds_committed' ? 'committed' : 'paid', elapsed, req);
      case 'project_beneficiaries':
        return this.projectBeneficiaries(scope, elapsed, req);
      case 'new_collaborations':
        return flow(
          (await this.collaborations.newCollaborations(scope, from, to)).map((r) => ({
            level: 'municipality' as const,
            id: r.municipalityId,
            month: r.month,
            value: r.value,
          })),
          elapsed,
          places,
        );
    }
  }

  /**
   * Funds committed or paid at each elapsed month's end (capped at today): each project's latest
   * snapshot, split evenly across its municipalities by the projects register
   * (ProjectsIndicatorsService.amountsAt); the tenant's own figure also holds the projects of no
   * municipality. Social areas add their municipalities up.
   */
  private async projectFunds(scope: AccessScope, kind: 'committed' | 'paid', elapsed: readonly Period[], req: ComputeRequest) {
    const answers = await Promise.all(
      elapsed.map((month) => {
        const end = periodEnd(month);
        return this.projects.amountsAt(scope, end < req.today ? end : req.today);
      }),
    );
    return elapsed.flatMap((month, i): EnteredValue[] => [
      ...req.geography.municipalities.map((m) => ({
        territory: { level: 'municipality' as const, id: m.id },
        period: month,
        value: (m.istatCode && answers[i].byMunicipality[m.istatCode]?.[kind]) || 0,
      })),
      { territory: { level: 'tenant' as const }, period: month, value: answers[i].tenant[kind] },
    ]);
  }

  /**
   * Beneficiary organizations funded: the register keeps no history of beneficiaries, so only the
   * current month has a figure (earlier months are missing, not zero). Per municipality and tenant
   * (distinct organizations); a social area adds its municipalities up (an organization funded in
   * two municipalities of one area counts twice there).
   */
  private async projectBeneficiaries(scope: AccessScope, elapsed: readonly Period[], req: ComputeRequest) {
    const current = elapsed.find((m) => periodStart(m) <= req.today && req.today <= periodEnd(m));
    if (!current) return [];
    const funded = await this.projects.beneficiariesFunded(scope);
    return [
      ...req.geography.municipalities.map((m) => ({
        territory: { level: 'municipality' as const, id: m.id },
        period: current,
        value: (m.istatCode && funded.byMunicipality[m.istatCode]?.organizations) || 0,
      })),
      { territory: { level: 'tenant' as const }, period: current, value: funded.tenant.organizations },
    ];
  }
}

/** The cells a computed figure is given for: municipalities, and (for distinct counts) social areas and the tenant. */
export interface FigureLevels extends ComputeGeography {
  tenant: boolean;
}

function territories(geo: FigureLevels): { key: string; ref: TerritoryRef }[] {
  return [
    ...geo.municipalities.map((m) => ({ key: `municipality|${m.id}`, ref: { level: 'municipality' as const, id: m.id } })),
    ...geo.socialAreaIds.map((id) => ({ key: `socialArea|${id}`, ref: { level: 'socialArea' as const, id } })),
    ...(geo.tenant ? [{ key: 'tenant|', ref: { level: 'tenant' as const } }] : []),
  ];
}

const rowKey = (r: Pick<LevelRow, 'level' | 'id'>) => `${r.level}|${r.id ?? ''}`;

/** A flow: each elapsed month's figure, zero where no record happened. */
export function flow(rows: readonly LevelRow[], elapsed: readonly Period[], geo: FigureLevels): EnteredValue[] {
  const byCell = new Map(rows.map((r) => [`${rowKey(r)}|${r.month}`, r.value]));
  return territories(geo).flatMap(({ key, ref }) =>
    elapsed.map((month) => ({ territory: ref, period: month, value: byCell.get(`${key}|${formatPeriod(month)}`) ?? 0 })),
  );
}

/** A stock: the increments of every month up to each elapsed month's end, added up. */
export function stock(rows: readonly LevelRow[], elapsed: readonly Period[], geo: FigureLevels): EnteredValue[] {
  if (elapsed.length === 0) return [];
  const first = formatPeriod(elapsed[0]);
  const base = new Map<string, number>();
  const inMonth = new Map<string, number>();
  for (const r of rows) {
    if (r.month < first) base.set(rowKey(r), (base.get(rowKey(r)) ?? 0) + r.value);
    else inMonth.set(`${rowKey(r)}|${r.month}`, r.value);
  }
  return territories(geo).flatMap(({ key, ref }) => {
    let total = base.get(key) ?? 0;
    return elapsed.map((month) => {
      total += inMonth.get(`${key}|${formatPeriod(month)}`) ?? 0;
      return { territory: ref, period: month, value: total };
    });
  });
}

/**
 * Community managers employed: innovators whose employment (hired on … contract end, open-ended
 * when no end) overlaps the period, counted in each municipality assigned to them, and once — a
 * distinct count, not a sum — in a social area and in the tenant (where every employed innovator
 * counts, assigned or not). Given for exactly the asked periods (a quarter's figure is not its
 * months' sum nor its last month's), so the engine takes them as entered (rule 1).
 */
export function employed(
  innovators: readonly InnovatorPlace[],
  periods: readonly Period[],
  today: string,
  geo: FigureLevels,
): EnteredValue[] {
  const out: EnteredValue[] = [];
  for (const period of periods) {
    const start = periodStart(period);
    if (start > today) continue;
    const end = periodEnd(period);
    const sets = new Map<string, Set<string>>();
    const add = (key: string, user: string) => {
      const set = sets.get(key) ?? new Set<string>();
      set.add(user);
      sets.set(key, set);
    };
    for (const i of innovators) {
      if (!i.hiredOn || i.hiredOn > end || (i.contractEnd !== null && i.contractEnd < start)) continue;
      add('tenant|', i.userId);
      if (i.municipalityId) add(`municipality|${i.municipalityId}`, i.userId);
      if (i.socialAreaId) add(`socialArea|${i.socialAreaId}`, i.userId);
    }
    for (const { key, ref } of territories(geo)) out.push({ territory: ref, period, value: sets.get(key)?.size ?? 0 });
  }
  return out;
}
