import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  COLLABORATION_FACTORS,
  COLLABORATION_HALF_LIFE,
  COLLABORATION_MAX_HOPS,
  COLLABORATION_MIN_SCORE,
  type CollaborationRunState,
  type CollaborationSuggestionStatus,
  DEFAULT_COLLABORATION_WEIGHTS,
  type Language,
  type OrganizationKind,
  type Theme,
} from '@trama/contracts';
import { AccessScope } from '../../common/access/access-scope';
import { ScopedData } from '../../common/access/scoped-data';
import { AuditService } from '../../common/audit/audit.service';
import { CommonErrors } from '../../common/errors/app-error';
import { pageOf } from '../../common/http/pagination';
import { ActivitiesService } from '../activities/activities.service';
import type { CreateActivityDto } from '../activities/dto/create-activity.dto';
import { CollaborationErrors } from './collaborations.errors';
import { CollaborationsRepository, type SuggestionRow } from './collaborations.repository';
import type {
  AcceptSuggestionDto,
  AcceptSuggestionResponseDto,
  CollaborationSettingsValuesDto,
  DismissSuggestionDto,
  ListSuggestionsQuery,
  NetworkQuery,
  NetworkResponseDto,
  StatusResponseDto,
  SuggestionDto,
  SuggestionsPageDto,
  UpdateWeightsDto,
  WeightsResponseDto,
} from './dto/collaborations.dto';
import { decodeReasons } from './model/reason-codec';
import { reasonText } from './model/reason-text';
import type { LinkArrays } from './model/network';
import { streamLines } from './model/open-lines';
import type { Reason, Weights } from './model/suggest';

export interface Settings {
  weights: Weights;
  halfLifeMonths: number;
  maxHops: number;
  minScore: number;
}

export const DEFAULT_SETTINGS: Settings = {
  weights: { ...DEFAULT_COLLABORATION_WEIGHTS },
  halfLifeMonths: COLLABORATION_HALF_LIFE.default,
  maxHops: COLLABORATION_MAX_HOPS.default,
  minScore: COLLABORATION_MIN_SCORE.default,
};

/** Stored suggestions older than this are recomputed in the background when read (new records, approvals). */
const REFRESH_AFTER_MS = 10 * 60 * 1000;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

function todayInItaly(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

/** The draft activity's clientId: derived from the suggestion, so a retried accept finds the same draft. */
function acceptClientId(suggestionId: string): string {
  const h = createHash('sha256').update(`collaboration-accept:${suggestionId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A scope over the whole tenant for the model's reads (the recompute is the tenant's, not one user's view). */
export function tenantScope(tenantId: string, actorId: string | null): AccessScope {
  return new AccessScope(
    { id: actorId ?? NIL_UUID, email: 'collaboration-model@trama.invalid', fullName: 'Collaboration model', role: 'coordinator', tenantId },
    null,
    [],
  );
}

/**
 * The collaboration model's rules (docs/collaborations.md): suggestions read from the stored table
 * (stable ids, a page is one indexed query), recomputed in the background after a change of weights
 * (one replica at a time per tenant, by an advisory lock) or when older than ten minutes; accept and
 * dismiss; the network drawn from the records at request time.
 */
/** A stored suggestion's reasons: the short text form, or the jsonb of a row written before migration 1764860000000. */
const reasonsOf = (row: SuggestionRow): Reason[] =>
  row.reasonsText !== null ? decodeReasons(row.reasonsText) : ((row.reasons ?? []) as Reason[]);

@Injectable()
export class CollaborationsService {
  private readonly logger = new Logger(CollaborationsService.name);
  /** tenants this process is recomputing (a second kick while running only raises requested_version) */
  private readonly running = new Map<string, Promise<void>>();
  /** Tenants whose recompute was asked while this process's job of theirs ran (`kick`). */
  private readonly asked = new Set<string>();
  /** The links this process read last, per tenant, with what they depend on (`networkLinks`). */
  private readonly links = new Map<string, { key: string; links: LinkArrays }>();

  constructor(
    private readonly door: ScopedData,
    private readonly repo: CollaborationsRepository,
    private readonly audit: AuditService,
    private readonly activities: ActivitiesService,
  ) {}

  /* ---------- weights ---------- */

  private tenantOf(scope: AccessScope): string {
    const tenantId = scope.tenantId;
    if (!tenantId) throw CommonErrors.FORBIDDEN('The collaboration model belongs to one metropolitan city: sign in as its staff');
    return tenantId;
  }

  async currentSettings(scope: AccessScope, tenantId: string): Promise<Settings & { version: number; id: string | null }> {
    const row = await this.repo.settings(scope, tenantId);
    if (!row) return { ...DEFAULT_SETTINGS, version: 0, id: null };
    return {
      weights: { ...DEFAULT_COLLABORATION_WEIGHTS, ...(row.weights as Partial<Weights>) },
      halfLifeMonths: row.halfLifeMonths,
      maxHops: row.maxHops,
      minScore: row.minScore,
      version: row.version,
      id: row.id,
    };
  }

  async getWeights(scope: AccessScope): Promise<WeightsResponseDto> {
    const tenantId = this.tenantOf(scope);
    const row = await this.repo.settings(scope, tenantId);
    const s = await this.currentSettings(scope, tenantId);
    return {
      weights: s.weights,
      halfLifeMonths: s.halfLifeMonths,
      maxHops: s.maxHops,
      minScore: s.minScore,
      version: s.version,
      defaults: settingsValues(DEFAULT_SETTINGS),
      updatedAt: row && row.version > 0 ? row.updatedAt.toISOString() : null,
      updatedBy: row && row.version > 0 && row.updatedBy ? { id: row.updatedBy, fullName: row.updatedByName ?? '' } : null,
    };
  }

  async updateWeights(scope: AccessScope, body: UpdateWeightsDto): Promise<WeightsResponseDto> {
    if (COLLABORATION_FACTORS.every((f) => body.weights[f] === 0)) {
      throw CommonErrors.VALIDATION_FAILED('at least one weight must be above 0', [
        { field: 'weights', messages: ['at least one weight must be above 0'] },
      ]);
    }
    const next: Settings = {
      weights: Object.fromEntries(COLLABORATION_FACTORS.map((f) => [f, body.weights[f]])) as Weights,
      halfLifeMonths: body.halfLifeMonths,
      maxHops: body.maxHops,
      minScore: body.minScore,
    };
    return this.saveSettings(scope, next, body.version, 'update');
  }

  async resetWeights(scope: AccessScope, version: number): Promise<WeightsResponseDto> {
    return this.saveSettings(scope, DEFAULT_SETTINGS, version, 'reset');
  }

  private async saveSettings(scope: AccessScope, next: Settings, version: number, action: 'update' | 'reset'): Promise<WeightsResponseDto> {
    const tenantId = this.tenantOf(scope);
    const saved = await this.door.transaction(async (tx) => {
      await this.repo.ensureSettings(tx, scope, tenantId, settingsColumns(DEFAULT_SETTINGS));
      const row = await this.repo.settingsInTx(tx, scope, tenantId);
      if (!row || row.version !== version) throw CommonErrors.STALE_VERSION();
      const before = { weights: row.weights, halfLifeMonths: row.halfLifeMonths, maxHops: row.maxHops, minScore: row.minScore };
      await this.repo.updateSettings(tx, scope, { id: row.id, version, tenantId }, settingsColumns(next));
      await this.audit.record(tx, scope, {
        tenantId,
        entity: 'collaboration_weights',
        entityId: row.id,
        action,
        before,
        after: settingsValues(next),
      });
      return version + 1;
    });
    await this.repo.requestRun(tenantId, saved);
    this.kick(tenantId, scope.actor.id);
    return this.getWeights(scope);
  }

  /* ---------- the background recompute ---------- */

  async getStatus(scope: AccessScope): Promise<StatusResponseDto> {
    const tenantId = this.tenantOf(scope);
    // the count of stored rows is the last recompute's (rows are never deleted but with their
    // organization): counting them at every poll of the progress cost a scan of the table each time
    const [run, settings] = await Promise.all([this.repo.run(scope, tenantId), this.currentSettings(scope, tenantId)]);
    return {
      state: (run?.state ?? 'pending') as CollaborationRunState,
      progress: run ? (run.state === 'idle' ? 1 : Number(run.progress)) : 0,
      computedVersion: run?.computedVersion ?? -1,
      weightsVersion: settings.version,
      startedAt: run?.startedAt?.toISOString() ?? null,
      finishedAt: run?.finishedAt?.toISOString() ?? null,
      durationMs: run?.durationMs ?? null,
      suggestions: run?.suggestions ?? 0,
    };
  }

  /** Starts the tenant's recompute in the background (this process); a recompute already running here picks the request up. */
  kick(tenantId: string, actorId: string | null): void {
    if (this.running.has(tenantId)) {
      this.asked.add(tenantId); // the running job computes again before it ends
      return;
    }
    const job = this.recompute(tenantId, actorId)
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error(`collaboration recompute of tenant ${tenantId} failed: ${String(error)}`))
      .finally(() => this.running.delete(tenantId));
    this.running.set(tenantId, job);
  }

  /** Waits for this process's recompute of the tenant, if any (tests, the demo seeder, the bench). */
  async settled(tenantId: string): Promise<void> {
    await this.running.get(tenantId);
  }

  /**
   * Recomputes a tenant's suggestions until the stored ones match the latest weights asked for. One
   * replica at a time: the transaction holds an advisory lock per tenant; a replica that cannot take
   * it leaves the work to the holder (which loops while `requested_version` is ahead). Returns the
   * milliseconds of the last pass.
   */
  async recompute(tenantId: string, actorId: string | null): Promise<number> {
    let ms = 0;
    const vacuum = () => this.repo.vacuum().catch((error: unknown) => this.logger.warn(`collaboration vacuum failed: ${String(error)}`));
    // a change of weights saved meanwhile found this job running and left the work to it (`kick`): that
    // first (the coordinator waits for it), the VACUUM after the last pass. Nothing is awaited between the
    // last look and the return, so a kick cannot fall in between (it runs on an I/O callback, after them).
    const moreAsked = async () => {
      const run = await this.repo.run(tenantScope(tenantId, actorId), tenantId);
      const asked = this.asked.delete(tenantId);
      return asked || (!!run && run.requestedVersion > run.computedVersion);
    };
    for (let pass = 0; pass < 5; pass++) {
      const outcome = await this.recomputeOnce(tenantId, actorId);
      if (outcome === 'busy') return ms;
      ms = outcome.ms;
      if (await moreAsked()) continue;
      await vacuum();
      if (await moreAsked()) continue;
      return ms;
    }
    await vacuum();
    return ms;
  }

  /**
   * The tenant's links for the recompute: those this process read last for the tenant while their data
   * version, the day and the half-life are unchanged (a change of weights: the network is the same);
   * else read again. The version is read before the links, so a write committed in between makes the
   * next recompute read again rather than keep a stale network.
   */
  private async networkLinks(
    scope: AccessScope,
    tenantId: string,
    halfLifeMonths: number,
  ): Promise<{ links: LinkArrays; reused: boolean }> {
    const stamp = await this.repo.dataVersion(tenantId, 'collaboration_links');
    const key = stamp === null ? null : `${stamp}|${halfLifeMonths}`;
    const kept = this.links.get(tenantId);
    if (key !== null && kept?.key === key) return { links: kept.links, reused: true };
    const links = await this.repo.tenantLinks(scope, halfLifeMonths);
    if (key !== null) this.links.set(tenantId, { key, links });
    else this.links.delete(tenantId);
    return { links, reused: false };
  }

  private async recomputeOnce(tenantId: string, actorId: string | null): Promise<'busy' | { ms: number }> {
    const scope = tenantScope(tenantId, actorId);
    const started = Date.now();
    try {
      return await this.door.transaction(async (tx) => {
        if (!(await this.repo.tryLock(tx, tenantId))) return 'busy' as const;
        const settings = await this.currentSettings(scope, tenantId);
        await this.repo.updateRun(tenantId, { state: 'running', progress: 0, started_at: new Date(), error: null });
        const [profiles, { links, reused: linksReused }, neighbours, names] = await Promise.all([
          this.repo.profiles(scope),
          this.networkLinks(scope, tenantId, settings.halfLifeMonths),
          this.repo.neighbours(scope),
          this.repo.municipalityNames(scope),
        ]);
        const read = Date.now();
        let lastReport = 0;
        let louvainReused = false;
        const loader = await this.repo.openLoader(tx, tenantId);
        const computed = streamLines(
          tenantId,
          profiles,
          links,
          neighbours,
          settings,
          names,
          {
            progress: (share) => {
              if (Date.now() - lastReport < 500) return;
              lastReport = Date.now();
              void this.repo.updateRun(tenantId, { progress: Math.min(0.95, 0.1 + share * 0.8) }).catch(() => undefined);
            },
            louvain: (reused) => (louvainReused = reused),
          },
          loader.write,
        );
        const { count, communities } = await computed.catch(async (error: unknown) => {
          await loader.abort(error instanceof Error ? error : new Error(String(error)));
          throw error;
        });
        const modelled = Date.now();
        await loader.done();
        const loaded = Date.now();
        const writeSteps = await this.repo.storeSuggestions(tx, tenantId, actorId, communities);
        const ms = Date.now() - started;
        // the phases, for the benchmark (docs/benchmarks.md): BENCH_LOG_LEVEL=info shows them
        this.logger.log(
          `collaboration recompute of tenant ${tenantId}: read ${read - started} ms (${profiles.length} organizations, ${links.a.length} links` +
            `${linksReused ? ', those of the same network read before' : ''}), ` +
            `model ${modelled - read} ms${louvainReused ? ' (the communities of the same network computed before)' : ''}, write ${Date.now() - modelled} ms (${count} suggestions; load ${loaded - modelled} ms after the model, ` +
            `${Object.entries(writeSteps)
              .map(([k, v]) => `${k} ${v} ms`)
              .join(', ')})`,
        );
        await tx.unscoped('collaboration recompute: marks the run of the one tenant it computed as done, in its transaction').query(
          `INSERT INTO collaboration_runs AS r (tenant_id, state, progress, computed_version, finished_at, duration_ms, suggestions, started_at)
             VALUES ($1, 'idle', 1, $2, now(), $3, (SELECT count(*)::int FROM collaboration_suggestions WHERE tenant_id = $1), now())
             ON CONFLICT (tenant_id) DO UPDATE SET state = CASE WHEN r.requested_version > $2 THEN 'pending' ELSE 'idle' END,
               progress = 1, computed_version = $2, finished_at = now(), duration_ms = $3, suggestions = EXCLUDED.suggestions, error = NULL`,
          [tenantId, settings.version, ms],
        );
        await this.repo.touchOpen(tx, tenantId);
        return { ms };
      });
    } catch (error) {
      await this.repo.updateRun(tenantId, { state: 'failed', error: String(error).slice(0, 500) }).catch(() => undefined);
      throw error;
    }
  }

  /** Computes at once when the tenant never was; refreshes in the background when the stored suggestions are old. */
  private async ensureComputed(scope: AccessScope, tenantId: string): Promise<Date | null> {
    const run = await this.repo.run(scope, tenantId);
    if (!run || run.computedVersion < 0) {
      if (this.running.has(tenantId)) await this.running.get(tenantId);
      else await this.recompute(tenantId, scope.actor.id);
      return (await this.repo.run(scope, tenantId))?.finishedAt ?? null;
    }
    const stale = run.state === 'pending' || !run.finishedAt || Date.now() - run.finishedAt.getTime() > REFRESH_AFTER_MS;
    if (stale && run.state !== 'running') {
      await this.repo.requestRun(tenantId, (await this.currentSettings(scope, tenantId)).version);
      this.kick(tenantId, scope.actor.id);
    }
    return run.finishedAt;
  }

  /* ---------- suggestions ---------- */

  async listSuggestions(scope: AccessScope, query: ListSuggestionsQuery): Promise<SuggestionsPageDto> {
    let municipalityId: string | undefined;
    if (query.municipality) {
      const m = await this.repo.municipalityByIstat(scope, query.municipality);
      if (!m) {
        throw CollaborationErrors.COLLABORATION_MUNICIPALITY_UNKNOWN(undefined, [
          { field: 'municipality', messages: [`no municipality ${query.municipality} in your territory`] },
        ]);
      }
      municipalityId = m.id;
    }
    const computedAt = scope.tenantId ? await this.ensureComputed(scope, scope.tenantId) : null;
    const { rows, total } = await this.repo.page(
      scope,
      { municipalityId, theme: query.theme, organization: query.organization, status: query.status ?? 'open' },
      (query.page - 1) * query.pageSize,
      query.pageSize,
    );
    const items = await this.toDtos(scope, rows, query.lang ?? 'it');
    return { ...pageOf(items, total, query), computedAt: computedAt?.toISOString() ?? null };
  }

  async getSuggestion(scope: AccessScope, id: string, lang: Language): Promise<SuggestionDto> {
    const row = await this.repo.findReadable(scope, id);
    if (!row) throw CollaborationErrors.COLLABORATION_SUGGESTION_NOT_FOUND();
    const [dto] = await this.toDtos(scope, [row], lang);
    if (!dto) throw CollaborationErrors.COLLABORATION_SUGGESTION_NOT_FOUND();
    return dto;
  }

  async acceptSuggestion(scope: AccessScope, id: string, body: AcceptSuggestionDto): Promise<AcceptSuggestionResponseDto> {
    const lang = body.lang ?? 'it';
    const row = await this.decidable(scope, id);
    const info = await this.repo.organizationInfo(scope, [row.organizationA, row.organizationB]);
    const a = info.get(row.organizationA);
    const b = info.get(row.organizationB);
    if (!a || !b) throw CollaborationErrors.COLLABORATION_SUGGESTION_NOT_FOUND();
    // the innovator's municipality: the first organization's when assigned to them, else the second's
    const home = scope.canReachMunicipality(row.tenantId, a.municipalityId, 'assigned') ? a : b;
    const reasons = reasonsOf(row);
    const shared = (reasons.find((r) => r.code === 'shared_themes')?.params.themes ?? []) as Theme[];
    const names = [a.name, b.name] as const;
    const title = (lang === 'it' ? `Incontro di conoscenza: ${a.name} e ${b.name}` : `Introduction meeting: ${a.name} and ${b.name}`).slice(
      0,
      200,
    );
    const description = [
      lang === 'it' ? 'Collaborazione suggerita da Trama. Perché:' : 'Collaboration suggested by Trama. Why:',
      ...reasons.map((r) => `- ${reasonText(r, lang, names)}`),
    ].join('\n');
    const draft: CreateActivityDto = {
      clientId: acceptClientId(row.id),
      municipality: home.istatCode,
      date: todayInItaly(),
      type: 'meeting',
      title,
      description: description.slice(0, 10_000),
      organizations: [row.organizationA, row.organizationB],
      themes: shared,
    } as CreateActivityDto;
    const { activity } = await this.activities.createActivity(scope, draft);
    await this.door.transaction(async (tx) => {
      await this.repo.decide(tx, scope, row, {
        status: 'accepted',
        decidedAt: new Date(),
        decidedBy: scope.actor.id,
        activityId: activity.id,
      });
      await this.audit.record(tx, scope, {
        tenantId: row.tenantId,
        entity: 'collaboration_suggestion',
        entityId: row.id,
        action: 'accept',
        before: { status: row.status },
        after: { status: 'accepted', activityId: activity.id },
      });
    });
    return { activity, suggestion: await this.getSuggestion(scope, row.id, lang) };
  }

  async dismissSuggestion(scope: AccessScope, id: string, body: DismissSuggestionDto): Promise<SuggestionDto> {
    const row = await this.decidable(scope, id);
    await this.door.transaction(async (tx) => {
      await this.repo.decide(tx, scope, row, {
        status: 'dismissed',
        dismissReason: body.reason,
        dismissedKey: row.reasonsKey,
        decidedAt: new Date(),
        decidedBy: scope.actor.id,
      });
      await this.audit.record(tx, scope, {
        tenantId: row.tenantId,
        entity: 'collaboration_suggestion',
        entityId: row.id,
        action: 'dismiss',
        before: { status: row.status },
        after: { status: 'dismissed', reason: body.reason },
      });
    });
    return this.getSuggestion(scope, row.id, 'it');
  }

  /** A suggestion the caller may decide and is still open: 404 outside their territory (or read only), 409 when decided. */
  private async decidable(scope: AccessScope, id: string): Promise<SuggestionRow> {
    const row = await this.repo.findDecidable(scope, id);
    if (!row) throw CollaborationErrors.COLLABORATION_SUGGESTION_NOT_FOUND();
    if (row.status !== 'open') throw CollaborationErrors.COLLABORATION_SUGGESTION_DECIDED();
    return row;
  }

  private async toDtos(scope: AccessScope, rows: readonly SuggestionRow[], lang: Language): Promise<SuggestionDto[]> {
    const info = await this.repo.organizationInfo(scope, [...new Set(rows.flatMap((r) => [r.organizationA, r.organizationB]))]);
    return rows.flatMap((r): SuggestionDto[] => {
      const a = info.get(r.organizationA);
      const b = info.get(r.organizationB);
      if (!a || !b) return [];
      const org = (o: typeof a) => ({
        id: o.id,
        name: o.name,
        kind: o.kind as OrganizationKind,
        municipality: { istatCode: o.istatCode, name: o.municipalityName },
      });
      const reasons = reasonsOf(r).map((reason) => ({
        code: reason.code,
        factor: reason.factor,
        contribution: reason.contribution,
        params: reason.params,
        text: reasonText(reason, lang, [a.name, b.name]),
      }));
      return [
        {
          id: r.id,
          organizations: [org(a), org(b)],
          score: Math.round(Number(r.score) * 10) / 10,
          reasons,
          status: r.status as CollaborationSuggestionStatus,
          dismissReason: r.dismissReason,
          activityId: r.activityId,
          collaboratedAt: r.collaboratedAt?.toISOString() ?? null,
          suggestedAt: r.suggestedAt.toISOString(),
        },
      ];
    });
  }

  /* ---------- the network drawn ---------- */

  async getNetwork(scope: AccessScope, query: NetworkQuery): Promise<NetworkResponseDto> {
    const tenantId = this.tenantOf(scope);
    let municipalityId: string | undefined;
    if (query.municipality) {
      const m = await this.repo.municipalityByIstat(scope, query.municipality);
      if (!m) {
        throw CollaborationErrors.COLLABORATION_MUNICIPALITY_UNKNOWN(undefined, [
          { field: 'municipality', messages: [`no municipality ${query.municipality} in your territory`] },
        ]);
      }
      municipalityId = m.id;
    }
    const settings = await this.currentSettings(scope, tenantId);
    const maxNodes = query.maxNodes ?? 500;
    let ids: string[] | undefined;
    if (query.organization) {
      // the organization, its partners and the organizations suggested to it
      const around = await this.repo.edges(scope, settings.halfLifeMonths, { involving: query.organization });
      const suggested = await this.repo.page(scope, { organization: query.organization, status: 'open' }, 0, 50);
      ids = [
        query.organization,
        ...around.flatMap((e) => [e.a, e.b]),
        ...suggested.rows.flatMap((s) => [s.organizationA, s.organizationB]),
      ];
      ids = [...new Set(ids)];
    }
    const candidates = await this.repo.networkNodes(scope, { municipalityId, theme: query.theme, ids }, 20_000);
    const edges = await this.repo.edges(scope, settings.halfLifeMonths, { among: candidates.map((c) => c.id) });
    const degree = new Map<string, number>();
    for (const e of edges) {
      degree.set(e.a, (degree.get(e.a) ?? 0) + 1);
      degree.set(e.b, (degree.get(e.b) ?? 0) + 1);
    }
    const kept = [...candidates]
      .sort((x, y) => (degree.get(y.id) ?? 0) - (degree.get(x.id) ?? 0) || (x.id < y.id ? -1 : 1))
      .slice(0, maxNodes);
    const keptIds = new Set(kept.map((n) => n.id));
    const [communities, suggested] = await Promise.all([
      this.repo.communities(scope, [...keptIds]),
      this.repo.openAmong(scope, [...keptIds]),
    ]);
    return {
      nodes: kept
        .sort((x, y) => (x.name < y.name ? -1 : 1))
        .map((n) => ({
          id: n.id,
          name: n.name,
          kind: n.kind as OrganizationKind,
          municipality: n.istatCode,
          community: communities.get(n.id) ?? -1,
        })),
      edges: [
        ...edges
          .filter((e) => keptIds.has(e.a) && keptIds.has(e.b))
          .map((e) => ({ source: e.a, target: e.b, weight: Math.round(e.weight * 1000) / 1000, suggested: false })),
        ...suggested.map((s) => ({ source: s.a, target: s.b, weight: 0, suggested: true, suggestionId: s.id })),
      ],
      truncated: candidates.length > maxNodes,
    };
  }

  /* ---------- the indicator ---------- */

  /** New collaborations per municipality and month (`YYYY-MM`) between two dates, in the caller's territory. */
  newCollaborations(scope: AccessScope, from: string, to: string) {
    return this.repo.newCollaborations(scope, from, to);
  }
}

function settingsValues(s: Settings): CollaborationSettingsValuesDto {
  return { weights: { ...s.weights }, halfLifeMonths: s.halfLifeMonths, maxHops: s.maxHops, minScore: s.minScore };
}

function settingsColumns(s: Settings) {
  return { weights: { ...s.weights }, halfLifeMonths: s.halfLifeMonths, maxHops: s.maxHops, minScore: s.minScore };
}
