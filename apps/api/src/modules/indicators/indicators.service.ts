import { Injectable } from '@nestjs/common';
import {
  ACTIVITY_TYPES,
  COMPUTATION_PARAMS,
  COMPUTATION_REQUIRED_PARAMS,
  type IndicatorComputationParams,
  type IndicatorDefinitionSummary,
  type IndicatorValueStatus,
  type ParsedPeriod,
  parsePeriod,
  parseTerritoryParam,
  type PeriodGrain,
  REUSE_STAGES,
} from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData, type ScopedReads, type ScopedTx } from '../../common/access/scoped-data';
import { AuditService } from '../../common/audit/audit.service';
import { CommonErrors, type FieldProblem } from '../../common/errors/app-error';
import { pageOf } from '../../common/http/pagination';
import { TenantsService } from '../tenants/tenants.service';
import type {
  CreateIndicatorDto,
  CreateValueDto,
  ListEntriesQuery,
  ListIndicatorsQuery,
  PutTargetsDto,
  UpdateIndicatorDto,
  UpdateValueDto,
} from './dto/indicator-requests.dto';
import type {
  IndicatorDefinitionDto,
  IndicatorDefinitionListDto,
  IndicatorTargetDto,
  IndicatorTerritoryDto,
  IndicatorValueDto,
  IndicatorValueHistoryDto,
  IndicatorValuePageDto,
} from './dto/indicator.response';
import { IndicatorDefinition, IndicatorTarget, IndicatorValue } from './indicator.entity';
import { IndicatorErrors } from './indicators.errors';
import { IndicatorsPolicy } from './indicators.policy';
import { IndicatorsRepository, type TargetRow, type TerritoryKey, type ValueRow } from './indicators.repository';

/** The audited fields of a definition. */
const DEFINITION_FIELDS = [
  'nameIt',
  'nameEn',
  'descriptionIt',
  'descriptionEn',
  'unit',
  'kind',
  'timeAggregation',
  'territoryAggregation',
  'direction',
  'perCapita',
  'decimals',
  'baselineValue',
  'baselineYear',
  'source',
  'computation',
  'computationParams',
  'position',
  'active',
] as const satisfies readonly (keyof IndicatorDefinition)[];

type DefinitionContent = Pick<IndicatorDefinition, (typeof DEFINITION_FIELDS)[number]>;

function contentOf(d: DefinitionContent): DefinitionContent {
  return Object.fromEntries(DEFINITION_FIELDS.map((f) => [f, d[f]])) as DefinitionContent;
}

/** The manual values of one definition, as the roll-up reads them. */
export interface ManualValuesQuery {
  tenantId: string;
  definitionId: string;
  /** drafts too (the dashboards' toggle); default validated only */
  includeDrafts?: boolean;
  /** only this grain */
  grain?: PeriodGrain;
  /** period_start ≥ from, ISO day */
  from?: string;
  /** period_start ≤ to, ISO day */
  to?: string;
}

/** A resolved definition for another feature (the roll-up): its tenant and its row. */
export interface ResolvedIndicator {
  tenantId: string;
  definition: IndicatorDefinition;
  summary: IndicatorDefinitionSummary;
}

const problem = (field: string, message: string, code?: string): FieldProblem[] => [
  { field, messages: [message], ...(code ? { codes: [code] } : {}) },
];

/**
 * Indicators (docs/indicators.md): definitions and targets (coordinators), manual values (entry
 * by coordinators and by innovators for their municipalities, validation by coordinators, every
 * change audited), and the reads the roll-up builds on (`resolveIndicator`, `manualValues`,
 * `targetsOf`).
 */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly door: ScopedData,
    private readonly indicators: IndicatorsRepository,
    private readonly policy: IndicatorsPolicy,
    private readonly tenants: TenantsService,
    private readonly audit: AuditService,
  ) {}

  /* ---------- the tenant and the territory ---------- */

  /** The tenant the request is about: the caller's; an admin names it (`?tenant=`). Another tenant: 404. */
  async tenantOf(scope: AccessScope, tenantIstat?: string): Promise<string> {
    if (!tenantIstat) {
      if (scope.isAdmin) throw IndicatorErrors.INDICATOR_TENANT_REQUIRED(undefined, problem('tenant', 'required for admins'));
      return scope.actor.tenantId!;
    }
    const tenant = await this.tenants.findTenant(scope, tenantIstat);
    if (!tenant || (!scope.isAdmin && tenant.id !== scope.actor.tenantId)) throw IndicatorErrors.INDICATOR_NOT_FOUND();
    return tenant.id;
  }

  /** `tenant` | `socialArea:<code>` | `municipality:<istat>` of the tenant (a 400 naming `field` otherwise). */
  async resolveTerritory(
    reads: ScopedReads,
    scope: AccessScope,
    tenantId: string,
    text: string,
    field = 'territory',
  ): Promise<TerritoryKey> {
    const [key] = await this.resolveTerritories(reads, scope, tenantId, [text]);
    if (!key)
      throw IndicatorErrors.INDICATOR_TERRITORY_UNKNOWN(undefined, problem(field, `unknown territory "${String(text).slice(0, 80)}"`));
    return key;
  }

  /** Resolves many territory texts at once; an unknown one is `null` at its index. */
  async resolveTerritories(
    reads: ScopedReads,
    scope: AccessScope,
    tenantId: string,
    texts: readonly string[],
  ): Promise<(TerritoryKey | null)[]> {
    const refs = texts.map((t) => parseTerritoryParam(t));
    const istats = [...new Set(refs.flatMap((r) => (r?.kind === 'municipality' ? [r.istatCode] : [])))];
    const codes = [...new Set(refs.flatMap((r) => (r?.kind === 'social_area' ? [r.code] : [])))];
    const [munis, areas] = await Promise.all([
      istats.length ? this.indicators.municipalities(reads, scope, tenantId, istats) : [],
      codes.length ? this.indicators.socialAreas(reads, scope, tenantId, codes) : [],
    ]);
    const muniBy = new Map(munis.map((m) => [m.istatCode, m]));
    const areaBy = new Map(areas.map((a) => [a.code, a]));
    return refs.map((r) => {
      if (!r) return null;
      if (r.kind === 'tenant') return { kind: 'tenant', socialAreaId: null, municipalityId: null, param: 'tenant', name: '' };
      if (r.kind === 'social_area') {
        const a = areaBy.get(r.code);
        return a ? { kind: 'social_area', socialAreaId: a.id, municipalityId: null, param: `socialArea:${a.code}`, name: a.name } : null;
      }
      const m = muniBy.get(r.istatCode);
      return m
        ? { kind: 'municipality', socialAreaId: null, municipalityId: m.id, param: `municipality:${m.istatCode}`, name: m.name }
        : null;
    });
  }

  /* ---------- definitions ---------- */

  async listDefinitions(scope: AccessScope, query: ListIndicatorsQuery): Promise<IndicatorDefinitionListDto> {
    const tenantId = await this.tenantOf(scope, query.tenant);
    const rows = await this.indicators.listDefinitions(scope, tenantId, { active: query.active });
    return { items: rows.map((d) => definitionDto(d)), total: rows.length };
  }

  async getDefinition(scope: AccessScope, code: string, tenantIstat?: string): Promise<IndicatorDefinitionDto> {
    const tenantId = await this.tenantOf(scope, tenantIstat);
    const d = await this.indicators.findDefinition(this.door, scope, tenantId, code);
    if (!d) throw IndicatorErrors.INDICATOR_NOT_FOUND();
    const targets = await this.indicators.targets(this.door, scope, tenantId, [d.id]);
    return definitionDto(d, targets);
  }

  async createDefinition(scope: AccessScope, body: CreateIndicatorDto, tenantIstat?: string): Promise<IndicatorDefinitionDto> {
    if (!this.policy.managesDefinitions(scope)) throw CommonErrors.FORBIDDEN();
    const tenantId = await this.tenantOf(scope, tenantIstat);
    const content: DefinitionContent = {
      nameIt: body.nameIt,
      nameEn: body.nameEn,
      descriptionIt: body.descriptionIt ?? null,
      descriptionEn: body.descriptionEn ?? null,
      unit: body.unit,
      kind: body.kind,
      timeAggregation: body.timeAggregation,
      territoryAggregation: body.territoryAggregation,
      direction: body.direction,
      perCapita: body.perCapita ?? false,
      decimals: body.decimals ?? 0,
      baselineValue: body.baselineValue ?? null,
      baselineYear: body.baselineYear ?? null,
      source: body.source,
      computation: body.computation ?? null,
      computationParams: { ...(body.computationParams ?? {}) },
      position: body.position ?? 1000,
      active: body.active ?? true,
    };
    checkDefinition(content);
    await this.door.transaction(async (tx) => {
      const inserted = await tx.insert<IndicatorDefinition, { id: string }>(
        scope,
        IndicatorDefinition,
        { ...content, tenantId, code: body.code },
        { orIgnore: true, returning: 'id' },
      );
      if (inserted.length === 0)
        throw IndicatorErrors.INDICATOR_CODE_TAKEN(undefined, problem('code', `the code "${body.code}" is taken`, 'INDICATOR_CODE_TAKEN'));
      await this.audit.record(tx, scope, {
        tenantId,
        entity: 'indicator_definition',
        entityId: inserted[0].id,
        action: 'create',
        after: { code: body.code, ...content },
      });
    });
    return this.getDefinitionIn(scope, tenantId, body.code);
  }

  async updateDefinition(
    scope: AccessScope,
    code: string,
    body: UpdateIndicatorDto,
    tenantIstat?: string,
  ): Promise<IndicatorDefinitionDto> {
    if (!this.policy.managesDefinitions(scope)) throw CommonErrors.FORBIDDEN();
    const tenantId = await this.tenantOf(scope, tenantIstat);
    await this.door.transaction(async (tx) => {
      const d = await this.indicators.findDefinition(tx, scope, tenantId, code, true);
      if (!d) throw IndicatorErrors.INDICATOR_NOT_FOUND();
      if (d.version !== body.version) throw CommonErrors.STALE_VERSION();
      const before = contentOf(d);
      const { version, ...changes } = body;
      const after: DefinitionContent = { ...before };
      for (const f of DEFINITION_FIELDS) {
        if (f === 'source' || !(f in changes)) continue;
        const v = (changes as Record<string, unknown>)[f];
        if (v === undefined) continue;
        (after as Record<string, unknown>)[f] = f === 'computationParams' ? { ...(v as object) } : v;
      }
      // name fields are required: null is refused by the DTO for them; descriptions and baseline may be cleared
      checkDefinition(after);
      await tx.updateVersioned(scope, IndicatorDefinition, { id: d.id, version, tenantId }, after);
      await this.audit.record(tx, scope, {
        tenantId,
        entity: 'indicator_definition',
        entityId: d.id,
        action: 'update',
        before: changed(before, after, 'before'),
        after: changed(before, after, 'after'),
      });
    });
    return this.getDefinitionIn(scope, tenantId, code);
  }

  /** Replaces the targets of a definition (its version bumps: a stale one is a 409). */
  async putTargets(scope: AccessScope, code: string, body: PutTargetsDto, tenantIstat?: string): Promise<IndicatorDefinitionDto> {
    if (!this.policy.managesDefinitions(scope)) throw CommonErrors.FORBIDDEN();
    const tenantId = await this.tenantOf(scope, tenantIstat);
    await this.door.transaction(async (tx) => {
      const d = await this.indicators.findDefinition(tx, scope, tenantId, code, true);
      if (!d) throw IndicatorErrors.INDICATOR_NOT_FOUND();
      const keys = await this.resolveTerritories(
        tx,
        scope,
        tenantId,
        body.targets.map((t) => t.territory),
      );
      const problems: FieldProblem[] = [];
      const seen = new Set<string>();
      keys.forEach((k, i) => {
        if (!k) {
          problems.push({
            field: `targets.${i}.territory`,
            messages: [`unknown territory "${body.targets[i].territory}"`],
            codes: ['INDICATOR_TERRITORY_UNKNOWN'],
          });
          return;
        }
        const key = `${body.targets[i].year}|${k.param}`;
        if (seen.has(key))
          problems.push({
            field: `targets.${i}`,
            messages: [`${k.param} in ${body.targets[i].year} appears twice`],
            codes: ['INDICATOR_TARGET_DUPLICATE'],
          });
        seen.add(key);
      });
      if (problems.some((p) => p.codes?.[0] === 'INDICATOR_TERRITORY_UNKNOWN'))
        throw IndicatorErrors.INDICATOR_TERRITORY_UNKNOWN(undefined, problems);
      if (problems.length > 0) throw IndicatorErrors.INDICATOR_TARGET_DUPLICATE(undefined, problems);
      if (d.version !== body.version) throw CommonErrors.STALE_VERSION();
      const before = (await this.indicators.targets(tx, scope, tenantId, [d.id])).map(targetDto);
      await tx.updateVersioned(scope, IndicatorDefinition, { id: d.id, version: body.version, tenantId }, {});
      await tx.delete(scope, IndicatorTarget, { tenantId, definitionId: d.id });
      await tx.insert(
        scope,
        IndicatorTarget,
        body.targets.map((t, i) => ({
          tenantId,
          definitionId: d.id,
          year: t.year,
          territoryKind: keys[i]!.kind,
          socialAreaId: keys[i]!.socialAreaId,
          municipalityId: keys[i]!.municipalityId,
          value: t.value,
        })),
      );
      await this.audit.record(tx, scope, {
        tenantId,
        entity: 'indicator_definition',
        entityId: d.id,
        action: 'targets',
        before: { targets: before.map((t) => ({ year: t.year, territory: t.territory.code, value: t.value })) },
        after: { targets: body.targets.map((t, i) => ({ year: t.year, territory: keys[i]!.param, value: t.value })) },
      });
    });
    return this.getDefinitionIn(scope, tenantId, code);
  }

  private async getDefinitionIn(scope: AccessScope, tenantId: string, code: string): Promise<IndicatorDefinitionDto> {
    const d = await this.indicators.findDefinition(this.door, scope, tenantId, code);
    if (!d) throw IndicatorErrors.INDICATOR_NOT_FOUND();
    return definitionDto(d, await this.indicators.targets(this.door, scope, tenantId, [d.id]));
  }

  /* ---------- values ---------- */

  /**
   * A value entered by hand: a coordinator's is validated at once (they are the validators), an
   * innovator's is a draft waiting for a coordinator. Innovators enter values only for their
   * assigned municipalities; municipality users none.
   */
  async createValue(scope: AccessScope, code: string, body: CreateValueDto, tenantIstat?: string): Promise<IndicatorValueDto> {
    if (!this.policy.entersValues(scope)) throw CommonErrors.FORBIDDEN();
    const tenantId = await this.tenantOf(scope, tenantIstat);
    const id = await this.door.transaction(async (tx) => {
      const d = await this.indicators.findDefinition(tx, scope, tenantId, code);
      if (!d) throw IndicatorErrors.INDICATOR_NOT_FOUND();
      const period = this.checkEntry(d, body.period);
      const territory = await this.resolveTerritory(tx, scope, tenantId, body.territory);
      this.requireEnterable(scope, territory);
      return this.insertValue(tx, scope, tenantId, d, territory, period, body.value, body.note ?? null, {});
    });
    return this.valueDto(id, scope);
  }

  /** Refusals of an entry that depend on the definition and the period (400s). */
  checkEntry(d: IndicatorDefinition, periodText: string): ParsedPeriod {
    if (d.source === 'computed')
      throw IndicatorErrors.INDICATOR_COMPUTED(undefined, problem('indicator', `${d.code} is computed`, 'INDICATOR_COMPUTED'));
    if (!d.active)
      throw IndicatorErrors.INDICATOR_INACTIVE(undefined, problem('indicator', `${d.code} is not active`, 'INDICATOR_INACTIVE'));
    const period = parsePeriod(periodText);
    if (!period)
      throw IndicatorErrors.INDICATOR_PERIOD_INVALID(
        undefined,
        problem('period', `"${String(periodText).slice(0, 20)}" is not a period`, 'INDICATOR_PERIOD_INVALID'),
      );
    return period;
  }

  /** Innovators: only their assigned municipalities (never a social area or the tenant). */
  requireEnterable(scope: AccessScope, territory: TerritoryKey): void {
    if (scope.role !== 'innovator') return;
    if (territory.kind !== 'municipality' || !scope.assignedMunicipalityIds.includes(territory.municipalityId!))
      throw IndicatorErrors.INDICATOR_TERRITORY_NOT_ASSIGNED(
        undefined,
        problem('territory', `${territory.param} is not assigned to you`, 'INDICATOR_TERRITORY_NOT_ASSIGNED'),
      );
  }

  /** Inserts one value (draft, or validated when a coordinator enters it) and its audit entry; a duplicate is a 409. */
  async insertValue(
    tx: ScopedTx,
    scope: AccessScope,
    tenantId: string,
    d: IndicatorDefinition,
    territory: TerritoryKey,
    period: ParsedPeriod,
    value: number,
    note: string | null,
    auditExtra: Record<string, unknown>,
  ): Promise<string> {
    const validated = this.policy.validates(scope);
    const status: IndicatorValueStatus = validated ? 'validated' : 'draft';
    const inserted = await tx.insert<IndicatorValue, { id: string }>(
      scope,
      IndicatorValue,
      {
        tenantId,
        definitionId: d.id,
        territoryKind: territory.kind,
        socialAreaId: territory.socialAreaId,
        municipalityId: territory.municipalityId,
        period: period.code,
        grain: period.grain,
        periodStart: period.start,
        periodEnd: period.end,
        value,
        note,
        status,
        validatedBy: validated ? scope.actor.id : null,
        validatedAt: validated ? new Date() : null,
      },
      { orIgnore: true, returning: 'id' },
    );
    if (inserted.length === 0)
      throw IndicatorErrors.INDICATOR_VALUE_DUPLICATE(
        `A value of ${d.code} for ${territory.param} in ${period.code} already exists: edit it instead`,
        problem('period', `${d.code} ${territory.param} ${period.code} exists`, 'INDICATOR_VALUE_DUPLICATE'),
      );
    await this.audit.record(tx, scope, {
      tenantId,
      entity: 'indicator_value',
      entityId: inserted[0].id,
      action: 'create',
      after: { indicator: d.code, territory: territory.param, period: period.code, value, note, status, ...auditExtra },
    });
    return inserted[0].id;
  }

  /** Value and note; a validated value only by a coordinator (it stays validated, in their name). */
  async updateValue(scope: AccessScope, id: string, body: UpdateValueDto): Promise<IndicatorValueDto> {
    await this.door.transaction(async (tx) => {
      const v = await this.writableValue(tx, scope, id);
      if (v.status === 'validated' && !this.policy.validates(scope)) throw IndicatorErrors.INDICATOR_VALUE_LOCKED();
      const changes: Partial<IndicatorValue> = {};
      if (body.value !== undefined) changes.value = body.value;
      if (body.note !== undefined) changes.note = body.note;
      if (v.status === 'validated') {
        changes.validatedBy = scope.actor.id;
        changes.validatedAt = new Date();
      }
      await tx.updateVersioned(scope, IndicatorValue, { id, version: body.version, tenantId: v.tenantId }, changes);
      await this.audit.record(tx, scope, {
        tenantId: v.tenantId,
        entity: 'indicator_value',
        entityId: id,
        action: 'update',
        before: { value: v.value, note: v.note, status: v.status },
        after: { value: changes.value ?? v.value, note: 'note' in changes ? changes.note : v.note, status: v.status },
      });
    });
    return this.valueDto(id, scope);
  }

  /** draft → validated, by a coordinator (any draft of the tenant: their own entries are validated already). */
  async validateValue(scope: AccessScope, id: string, version: number): Promise<IndicatorValueDto> {
    if (!this.policy.validates(scope)) throw CommonErrors.FORBIDDEN();
    await this.door.transaction(async (tx) => {
      const v = await this.writableValue(tx, scope, id);
      if (v.status !== 'draft') throw IndicatorErrors.INDICATOR_VALUE_NOT_DRAFT();
      await tx.updateVersioned(
        scope,
        IndicatorValue,
        { id, version, tenantId: v.tenantId },
        {
          status: 'validated',
          validatedBy: scope.actor.id,
          validatedAt: new Date(),
        },
      );
      await this.audit.record(tx, scope, {
        tenantId: v.tenantId,
        entity: 'indicator_value',
        entityId: id,
        action: 'validate',
        before: { status: 'draft', value: v.value },
        after: { status: 'validated', value: v.value },
      });
    });
    return this.valueDto(id, scope);
  }

  /** Deletes a draft (who may change it); validated values are corrected, never deleted. */
  async deleteValue(scope: AccessScope, id: string, version: number): Promise<void> {
    await this.door.transaction(async (tx) => {
      const v = await this.writableValue(tx, scope, id);
      if (v.status !== 'draft') throw IndicatorErrors.INDICATOR_VALUE_NOT_DRAFT();
      if (v.version !== version) throw CommonErrors.STALE_VERSION();
      const n = await tx.delete(scope, IndicatorValue, { tenantId: v.tenantId, id, version } as Partial<IndicatorValue>);
      if (n !== 1) throw CommonErrors.STALE_VERSION();
      await this.audit.record(tx, scope, {
        tenantId: v.tenantId,
        entity: 'indicator_value',
        entityId: id,
        action: 'delete',
        before: {
          indicator: v.definitionCode,
          territory: territoryOf(v).code,
          period: v.period,
          value: v.value,
          note: v.note,
          status: v.status,
        },
      });
    });
  }

  private async writableValue(tx: ScopedTx, scope: AccessScope, id: string): Promise<ValueRow> {
    if (!this.policy.entersValues(scope)) {
      if (await this.indicators.findValue(tx, scope, id)) throw CommonErrors.FORBIDDEN();
      throw IndicatorErrors.INDICATOR_VALUE_NOT_FOUND();
    }
    const v = await this.indicators.findValue(tx, scope, id, true);
    if (v) return v;
    if (await this.indicators.findValue(tx, scope, id))
      throw CommonErrors.FORBIDDEN('You can change values only for the municipalities assigned to you');
    throw IndicatorErrors.INDICATOR_VALUE_NOT_FOUND();
  }

  async getValue(scope: AccessScope, id: string): Promise<IndicatorValueDto> {
    return this.valueDto(id, scope);
  }

  private async valueDto(id: string, scope: AccessScope): Promise<IndicatorValueDto> {
    const row = await this.indicators.findValue(this.door, scope, id);
    if (!row) throw IndicatorErrors.INDICATOR_VALUE_NOT_FOUND();
    return valueDto(row);
  }

  async valueHistory(scope: AccessScope, id: string): Promise<IndicatorValueHistoryDto> {
    const row = await this.indicators.findValue(this.door, scope, id);
    if (!row) throw IndicatorErrors.INDICATOR_VALUE_NOT_FOUND();
    const entries = await this.audit.history(scope, 'indicator_value', id);
    return {
      entries: entries.map((e) => ({
        id: String(e.id),
        at: new Date(e.at).toISOString(),
        actor: e.actorId ? { id: e.actorId, fullName: e.actorName ?? '' } : null,
        action: e.action,
        before: e.before ?? null,
        after: e.after ?? null,
      })),
    };
  }

  /** The raw entered values the caller reads (the validation queue: `status=draft`), newest first. */
  async listEntries(scope: AccessScope, query: ListEntriesQuery): Promise<IndicatorValuePageDto> {
    const tenantId = await this.tenantOf(scope, query.tenant);
    let definitionIds: string[] | undefined;
    if (query.indicator) {
      const d = await this.indicators.findDefinition(this.door, scope, tenantId, query.indicator);
      definitionIds = d ? [d.id] : [];
    }
    let territory: { kind: TerritoryKey['kind']; id: string | null } | undefined;
    if (query.territory) {
      // a territory outside the caller's (or the tenant's) is a filter that matches nothing, as in every list
      const [t] = await this.resolveTerritories(this.door, scope, tenantId, [query.territory]);
      if (!t) return pageOf([], 0, query);
      territory = { kind: t.kind, id: t.municipalityId ?? t.socialAreaId };
    }
    if (query.period && !parsePeriod(query.period))
      throw IndicatorErrors.INDICATOR_PERIOD_INVALID(
        undefined,
        problem('period', `"${query.period}" is not a period`, 'INDICATOR_PERIOD_INVALID'),
      );
    const { rows, total } = await this.indicators.listValues(
      scope,
      { tenantId, definitionIds, status: query.status, territory, period: query.period ? parsePeriod(query.period)!.code : undefined },
      query,
    );
    return pageOf(rows.map(valueDto), total, query);
  }

  /* ---------- for the roll-up (i10-rollup) ---------- */

  /** The definition of `code` in the caller's tenant (admins: `tenantIstat`), or 404. */
  async resolveIndicator(scope: AccessScope, code: string, tenantIstat?: string): Promise<ResolvedIndicator> {
    const tenantId = await this.tenantOf(scope, tenantIstat);
    const definition = await this.indicators.findDefinition(this.door, scope, tenantId, code);
    if (!definition) throw IndicatorErrors.INDICATOR_NOT_FOUND();
    return { tenantId, definition, summary: summaryOf(definition) };
  }

  /**
   * The manual values of one definition the caller reads (municipality users: their territory),
   * validated only unless `includeDrafts`, by period then territory. Each row names its territory
   * (`territoryKind`, `municipalityIstat` / `socialAreaCode`) and its period (`period`, `grain`,
   * `periodStart`, `periodEnd`); `value` is a number.
   */
  manualValues(scope: AccessScope, query: ManualValuesQuery): Promise<ValueRow[]> {
    return this.indicators.allValues(this.door, scope, {
      tenantId: query.tenantId,
      definitionIds: [query.definitionId],
      status: query.includeDrafts ? undefined : 'validated',
      grain: query.grain,
      from: query.from,
      to: query.to,
    });
  }

  /** The targets of one definition the caller reads, by year and territory. */
  targetsOf(scope: AccessScope, tenantId: string, definitionId: string): Promise<TargetRow[]> {
    return this.indicators.targets(this.door, scope, tenantId, [definitionId]);
  }

  /** Definitions by code (the import), in a transaction. */
  definitionsByCode(tx: ScopedTx, scope: AccessScope, tenantId: string, codes: readonly string[]): Promise<IndicatorDefinition[]> {
    return this.indicators.definitionsByCode(tx, scope, tenantId, codes);
  }

  existingValueKeys(tx: ScopedTx, scope: AccessScope, tenantId: string, definitionIds: readonly string[]): Promise<Set<string>> {
    return this.indicators.existingKeys(tx, scope, tenantId, definitionIds);
  }
}

/** Computation, parameters and baseline agree (the CHECKs say the same; this names the field). */
export function checkDefinition(d: DefinitionContent): void {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, messages: [message], codes: ['INDICATOR_DEFINITION_INVALID'] });
  if (d.source === 'computed' && !d.computation) add('computation', 'a computed indicator names its computation');
  if (d.source === 'manual' && d.computation) add('computation', 'a manual indicator has no computation');
  const params = (d.computationParams ?? {}) as IndicatorComputationParams;
  const keys = Object.keys(params).filter((k) => (params as Record<string, unknown>)[k] !== undefined);
  if (d.source === 'manual' && keys.length > 0) add('computationParams', 'a manual indicator has no computation parameters');
  if (d.computation) {
    const allowed = COMPUTATION_PARAMS[d.computation];
    for (const k of keys)
      if (!allowed.includes(k as keyof IndicatorComputationParams)) add(`computationParams.${k}`, `${d.computation} takes no ${k}`);
    const required = COMPUTATION_REQUIRED_PARAMS[d.computation];
    if (required && !params[required]) add(`computationParams.${required}`, `${d.computation} needs ${required}`);
  }
  if (params.activityType !== undefined && !(ACTIVITY_TYPES as readonly string[]).includes(params.activityType))
    add('computationParams.activityType', `unknown activity type "${params.activityType}"`);
  if (params.stage !== undefined && !(REUSE_STAGES as readonly string[]).includes(params.stage))
    add('computationParams.stage', `unknown stage "${params.stage}"`);
  if ((d.baselineValue === null) !== (d.baselineYear === null))
    add(d.baselineValue === null ? 'baselineValue' : 'baselineYear', 'give the baseline value and its year together');
  if (problems.length > 0) throw IndicatorErrors.INDICATOR_DEFINITION_INVALID(undefined, problems);
}

function changed(before: DefinitionContent, after: DefinitionContent, side: 'before' | 'after'): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of DEFINITION_FIELDS) {
    if (JSON.stringify(before[f]) !== JSON.stringify(after[f])) out[f] = side === 'before' ? before[f] : after[f];
  }
  return out;
}

export function summaryOf(d: IndicatorDefinition): IndicatorDefinitionSummary {
  return {
    code: d.code,
    nameIt: d.nameIt,
    nameEn: d.nameEn,
    unit: d.unit,
    kind: d.kind,
    timeAggregation: d.timeAggregation,
    territoryAggregation: d.territoryAggregation,
    direction: d.direction,
    perCapita: d.perCapita,
    decimals: d.decimals,
    source: d.source,
    computation: d.computation,
    baselineValue: d.baselineValue,
    baselineYear: d.baselineYear,
  };
}

function definitionDto(d: IndicatorDefinition, targets?: TargetRow[]): IndicatorDefinitionDto {
  return {
    ...summaryOf(d),
    descriptionIt: d.descriptionIt,
    descriptionEn: d.descriptionEn,
    computationParams: d.computationParams ?? {},
    position: d.position,
    active: d.active,
    version: d.version,
    updatedAt: new Date(d.updatedAt).toISOString(),
    ...(targets ? { targets: targets.map(targetDto) } : {}),
  };
}

/** The territory of a target or value row, in the territory syntax. */
export function territoryOf(
  r: Pick<TargetRow, 'territoryKind' | 'socialAreaCode' | 'socialAreaName' | 'municipalityIstat' | 'municipalityName'>,
): IndicatorTerritoryDto {
  if (r.territoryKind === 'municipality')
    return { kind: 'municipality', code: `municipality:${r.municipalityIstat}`, name: r.municipalityName ?? '' };
  if (r.territoryKind === 'social_area')
    return { kind: 'social_area', code: `socialArea:${r.socialAreaCode}`, name: r.socialAreaName ?? '' };
  return { kind: 'tenant', code: 'tenant', name: '' };
}

function targetDto(t: TargetRow): IndicatorTargetDto {
  return { year: t.year, territory: territoryOf(t), value: Number(t.value) };
}

function valueDto(v: ValueRow): IndicatorValueDto {
  return {
    id: v.id,
    indicator: v.definitionCode,
    territory: territoryOf(v),
    period: v.period,
    grain: v.grain,
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
    value: Number(v.value),
    note: v.note,
    status: v.status,
    enteredBy: v.createdBy ? { id: v.createdBy, fullName: v.createdByName ?? '' } : null,
    validatedBy: v.validatedBy ? { id: v.validatedBy, fullName: v.validatedByName ?? '' } : null,
    validatedAt: v.validatedAt ? new Date(v.validatedAt).toISOString() : null,
    version: v.version,
    createdAt: new Date(v.createdAt).toISOString(),
    updatedAt: new Date(v.updatedAt).toISOString(),
  };
}
