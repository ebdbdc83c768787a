import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  type Language,
  REUSE_DEFAULT_WEIGHTS,
  REUSE_FACTORS,
  REUSE_MATCH_MAX_KM,
  REUSE_MATCHES_MAX,
  type ReuseWeights,
} from '@trama/contracts';
import { AccessScope } from '../../common/access/access-scope';
import { ScopedData } from '../../common/access/scoped-data';
import { AuditService } from '../../common/audit/audit.service';
import { CommonErrors } from '../../common/errors/app-error';
import { type ExportedFile, exportFile } from '../../common/export/export-file';
import { LABELS } from '../../common/export/labels';
import { pageOf } from '../../common/http/pagination';
import { BuildingsService } from '../buildings/buildings.service';
import { maximiseFit } from './assignment-plan';
import type {
  PutReuseWeightsDto,
  ReuseBuildingDto,
  ReuseBuildingMatchesDto,
  ReuseExportQuery,
  ReuseMatchDto,
  ReuseOrganizationBuildingsDto,
  ReusePlanResponseDto,
  ReuseProposeDto,
  ReuseRankingPageDto,
  ReuseRankingQuery,
  ReuseStatusDto,
  ReuseWeightsResponseDto,
} from './dto/reuse.dto';
import { ReuseJob, ReuseWeightsRow } from './reuse.entities';
import { ReuseErrors } from './reuse.errors';
import { reuseExport } from './reuse.export';
import { type RankedRow, type ReuseBuildingRow, ReuseRepository, type SpaceSeekerRow } from './reuse.repository';
import { matchFit, OrganizationGrid, servedBy } from './reuse-match';
import { countVenues, surroundingsOfTenant } from './reuse-surroundings';
import { decodeParts, encodeParts, explainStored, type ScoreSurroundings, scoreBuilding, storedParts } from './reuse-score';

/** A running job's heartbeat older than this: its replica is gone, another may take it over. */
const HEARTBEAT_STALE_MS = 60_000;
/** Buildings scored between two yields of the event loop during a recompute. */
const SLICE = 5000;
/** How often a running recompute writes its progress (and heartbeat). */
const PROGRESS_EVERY_MS = 2000;
/** How often (per tenant and process) a read checks whether the data changed under the stored scores. */
const FRESHNESS_CHECK_MS = 30_000;

/** Themes and target groups named in the reader's language (the export catalogue's labels). */
export function vocabularyLabels(lang: Language): (code: string) => string {
  const labels = LABELS[lang] as Record<string, string>;
  return (code) => labels[`vocab.theme.${code}`] ?? labels[`vocab.targetGroup.${code}`] ?? code;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * The space-reuse model (issue 11, docs/reuse.md): the weights (coordinators, versioned, audited),
 * the ranking from stored scores, one building's score and matches computed on read, an
 * organization's fitting buildings, the assignment plan (a proposal) and the proposal of a match
 * as the building's next step (through BuildingsService's stage machine). A change of weights, or of
 * the data under the scores, recomputes the tenant's scores in the background (one replica at a time).
 */
@Injectable()
export class ReuseService implements OnModuleDestroy {
  private readonly logger = new Logger('ReuseService');
  private readonly lastFreshnessCheck = new Map<string, number>();
  private readonly running = new Set<Promise<void>>();
  private stopping = false;

  constructor(
    private readonly door: ScopedData,
    private readonly repo: ReuseRepository,
    private readonly buildings: BuildingsService,
    private readonly audit: AuditService,
  ) {}

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.running]);
  }

  /** The caller's tenant (admins span tenants and have no ranking of their own). */
  private tenantOf(scope: AccessScope): string {
    if (!scope.tenantId) throw CommonErrors.FORBIDDEN('choose a tenant: the reuse model is per tenant');
    return scope.tenantId;
  }

  /** The whole tenant, as the recompute reads it: its coordinators' reach, on behalf of the caller. */
  private tenantScope(scope: AccessScope, tenantId: string): AccessScope {
    return new AccessScope({ ...scope.actor, role: 'coordinator', tenantId }, null, []);
  }

  /* ---------- weights ---------- */

  private async currentWeights(scope: AccessScope, tenantId: string): Promise<{ weights: ReuseWeights; row: ReuseWeightsRow | null }> {
    const row = await this.repo.weights(scope, tenantId);
    return { weights: { ...REUSE_DEFAULT_WEIGHTS, ...(row?.weights ?? {}) }, row };
  }

  async getWeights(scope: AccessScope): Promise<ReuseWeightsResponseDto> {
    const tenantId = this.tenantOf(scope);
    const { weights, row } = await this.currentWeights(scope, tenantId);
    return { weights, defaults: { ...REUSE_DEFAULT_WEIGHTS }, version: row?.version ?? 1, updatedAt: iso(row?.updatedAt ?? null) };
  }

  /** New weights at the version read (409 when stale), audited; the tenant's scores are recomputed in the background. */
  async putWeights(scope: AccessScope, body: PutReuseWeightsDto): Promise<ReuseWeightsResponseDto> {
    const weights = Object.fromEntries(REUSE_FACTORS.map((f) => [f, body.weights[f]])) as ReuseWeights;
    return this.writeWeights(scope, body.version, weights, 'update');
  }

  async resetWeights(scope: AccessScope, version: number): Promise<ReuseWeightsResponseDto> {
    return this.writeWeights(scope, version, { ...REUSE_DEFAULT_WEIGHTS }, 'reset');
  }

  private async writeWeights(scope: AccessScope, version: number, weights: ReuseWeights, action: 'update' | 'reset') {
    if (scope.role !== 'coordinator') throw CommonErrors.FORBIDDEN('only a coordinator sets the weights of the reuse model');
    const tenantId = this.tenantOf(scope);
    await this.door.transaction(async (tx) => {
      const row = await this.repo.weights(scope, tenantId, tx);
      const before = { ...REUSE_DEFAULT_WEIGHTS, ...(row?.weights ?? {}) };
      let id: string;
      if (!row) {
        // no row yet: the defaults are version 1; the first change writes version 2
        if (version !== 1) throw CommonErrors.STALE_VERSION();
        const inserted = await tx.insert<ReuseWeightsRow, { id: string }>(
          scope,
          ReuseWeightsRow,
          { tenantId, weights, version: 2 },
          { orIgnore: true, returning: 'id' },
        );
        if (inserted.length === 0) throw CommonErrors.STALE_VERSION();
        id = inserted[0].id;
      } else {
        await tx.updateVersioned(scope, ReuseWeightsRow, { id: row.id, version, tenantId }, { weights });
        id = row.id;
      }
      await this.audit.record(tx, scope, { tenantId, entity: 'reuse_weights', entityId: id, action, before, after: { ...weights } });
    });
    // the weights are committed: the answer is theirs. A recompute that could not be asked for is asked
    // again by the next read (the stored run's fingerprint names the weights' version).
    await this.requestRecompute(scope, tenantId).catch((error: unknown) =>
      this.logger.error(`reuse recompute of tenant ${tenantId} not requested: ${String(error)}`),
    );
    return this.getWeights(scope);
  }

  /* ---------- the background recompute ---------- */

  /** Asks for a recompute of the tenant's scores and starts it here unless another replica runs it (it will run again after). */
  async requestRecompute(scope: AccessScope, tenantId: string): Promise<void> {
    const system = this.tenantScope(scope, tenantId);
    // the running job writes its progress on the same row (its version): read it again when it did
    for (let attempt = 1; ; attempt++) {
      const requested = await this.markRequested(system, tenantId).then(
        () => true,
        (error: unknown) => {
          if (attempt < 5 && (error as { code?: string }).code === 'STALE_VERSION') return false;
          throw error;
        },
      );
      if (requested) break;
    }
    this.kick(system, tenantId);
  }

  private async markRequested(system: AccessScope, tenantId: string): Promise<void> {
    await this.door.transaction(async (tx) => {
      await this.repo.insertJob(tx, system, tenantId);
      const job = await this.repo.job(system, tenantId, tx);
      if (job)
        await tx.updateVersioned(
          system,
          ReuseJob,
          { id: job.id, version: job.version, tenantId },
          { requestedAt: (() => 'clock_timestamp()') as never },
        );
    });
  }

  /** Starts the job in this process if it can claim it; never awaited by the request. */
  private kick(system: AccessScope, tenantId: string): void {
    if (this.stopping) return;
    const work = this.runJob(system, tenantId)
      .catch((error: unknown) => this.logger.error(`reuse recompute of tenant ${tenantId} failed: ${String(error)}`))
      .finally(() => this.running.delete(work));
    this.running.add(work);
  }

  /** Claims the job row (its version: one replica wins), computes, and runs again while new requests came meanwhile. */
  async runJob(system: AccessScope, tenantId: string): Promise<void> {
    for (;;) {
      const job = await this.repo.job(system, tenantId);
      if (!job) return;
      const beating = job.heartbeatAt !== null && Date.now() - new Date(job.heartbeatAt).getTime() < HEARTBEAT_STALE_MS;
      const busy = job.status === 'running' && beating;
      // asked for since the last start, or a run whose replica stopped beating (its scores were never written)
      const due =
        (job.status === 'running' && !beating) ||
        (job.requestedAt !== null && (job.startedAt === null || new Date(job.requestedAt) >= new Date(job.startedAt)));
      if (busy || !due || this.stopping) return;
      const claimed = await this.door
        .transaction(async (tx) => {
          await tx.updateVersioned(
            system,
            ReuseJob,
            { id: job.id, version: job.version, tenantId },
            {
              status: 'running',
              startedAt: (() => 'clock_timestamp()') as never,
              heartbeatAt: (() => 'clock_timestamp()') as never,
              done: 0,
              total: null,
              error: null,
            },
          );
          return true;
        })
        .catch(() => false); // another replica (or request) changed the row first
      if (!claimed) return;
      await this.computeAll(system, tenantId);
    }
  }

  /** Recomputes and replaces every stored score of the tenant (one transaction: readers see the old run until it commits). */
  private async computeAll(system: AccessScope, tenantId: string): Promise<void> {
    const started = Date.now();
    // the job row as last written here (one read after the claim; a request bumping it meanwhile costs one more)
    let key: { id: string; version: number } | null = null;
    const progress = async (changes: Partial<ReuseJob>) => {
      for (let attempt = 0; attempt < 2; attempt++) {
        if (!key) {
          const job = await this.repo.job(system, tenantId);
          if (!job) return;
          key = { id: job.id, version: job.version };
        }
        const at = key;
        const written = await this.door
          .transaction((tx) =>
            tx.updateVersioned(system, ReuseJob, { ...at, tenantId }, { ...changes, heartbeatAt: (() => 'clock_timestamp()') as never }),
          )
          .then(() => true)
          .catch(() => false);
        if (written) {
          key = { id: at.id, version: at.version + 1 };
          return;
        }
        key = null; // a request changed the row (requested_at): read it again
      }
    };
    try {
      const fingerprint = await this.repo.fingerprint(system);
      const [{ weights, row }, buildings, seekers, venues] = await Promise.all([
        this.currentWeights(system, tenantId),
        this.repo.allBuildings(system),
        this.repo.spaceSeekers(system),
        this.repo.venueSeekers(system),
      ]);
      await progress({ total: buildings.length, done: 0 });
      let lastProgress = Date.now();
      const read = Date.now();
      const surroundings = surroundingsOfTenant(buildings, seekers, venues);
      const now = new Date();
      const job = await this.repo.job(system, tenantId);
      if (job) key = { id: job.id, version: job.version };
      const run = (job?.run ?? 0) + 1;
      // scored in slices, yielding between them: the event loop keeps serving requests, and the
      // progress (and the heartbeat) advance; a shutdown stops here and asks for the run again
      const ids: string[] = [];
      const scores: number[] = [];
      const parts: string[] = [];
      for (let from = 0; from < buildings.length; from += SLICE) {
        for (let i = from; i < Math.min(buildings.length, from + SLICE); i++) {
          const b = buildings[i];
          const scored = storedParts({ ...b, recordedAt: b.createdAt }, surroundings(b), weights, now);
          ids.push(b.id);
          scores.push(scored.score);
          parts.push(encodeParts(scored.parts));
        }
        await new Promise((resolve) => setImmediate(resolve));
        if (this.stopping) {
          await progress({ status: 'idle', requestedAt: (() => 'clock_timestamp()') as never });
          return;
        }
        if (Date.now() - lastProgress > PROGRESS_EVERY_MS) {
          lastProgress = Date.now();
          await progress({ done: ids.length });
        }
      }
      const scored = Date.now();
      // one transaction: readers see the old run until it commits
      await this.door.transaction((tx) => this.repo.replaceScores(tx, system, tenantId, run, { ids, scores, parts }));
      this.logger.log(
        `reuse scores of tenant ${tenantId}: ${ids.length} buildings in ${Date.now() - started} ms (read ${read - started}, score ${scored - read}, write ${Date.now() - scored})`,
      );
      await progress({
        status: 'idle',
        run,
        done: buildings.length,
        durationMs: Date.now() - started,
        finishedAt: (() => 'clock_timestamp()') as never,
        fingerprint: `${fingerprint}|w${row?.version ?? 1}`,
      });
    } catch (error) {
      await progress({ status: 'failed', error: String(error).slice(0, 500), finishedAt: (() => 'clock_timestamp()') as never });
      throw error;
    }
  }

  /**
   * Whether the stored scores are current; when the data or the weights changed under them (checked at
   * most every 30 s per tenant and process) a recompute is asked for.
   */
  private async ensureFresh(scope: AccessScope, tenantId: string): Promise<boolean> {
    const system = this.tenantScope(scope, tenantId);
    const job = await this.repo.job(system, tenantId);
    if (!job) {
      await this.requestRecompute(scope, tenantId);
      return false;
    }
    const pending =
      job.status === 'running' ||
      (job.requestedAt !== null && (job.startedAt === null || new Date(job.requestedAt) >= new Date(job.startedAt)));
    const last = this.lastFreshnessCheck.get(tenantId) ?? 0;
    if (pending || Date.now() - last < FRESHNESS_CHECK_MS) {
      // a due run nobody runs, or one whose replica stopped beating: take it over
      const abandoned =
        job.status === 'running' && (job.heartbeatAt === null || Date.now() - new Date(job.heartbeatAt).getTime() >= HEARTBEAT_STALE_MS);
      if (pending && (job.status !== 'running' || abandoned)) this.kick(system, tenantId);
      return !pending;
    }
    this.lastFreshnessCheck.set(tenantId, Date.now());
    const [fingerprint, weights] = await Promise.all([this.repo.fingerprint(system), this.repo.weights(system, tenantId)]);
    if (`${fingerprint}|w${weights?.version ?? 1}` === job.fingerprint) return true;
    await this.requestRecompute(scope, tenantId);
    return false;
  }

  async status(scope: AccessScope): Promise<ReuseStatusDto> {
    const tenantId = this.tenantOf(scope);
    const fresh = await this.ensureFresh(scope, tenantId);
    const job = await this.repo.job(this.tenantScope(scope, tenantId), tenantId);
    return {
      status: job?.status ?? 'idle',
      stale: !fresh,
      done: job?.done ?? null,
      total: job?.total ?? null,
      startedAt: iso(job?.startedAt ?? null),
      finishedAt: iso(job?.finishedAt ?? null),
      durationMs: job?.durationMs ?? null,
    };
  }

  /* ---------- the ranking ---------- */

  private buildingDto(r: RankedRow): ReuseBuildingDto {
    return {
      id: r.id,
      version: r.version,
      name: r.name,
      municipality: { istatCode: r.municipalityIstat, name: r.municipalityName },
      socialArea: r.socialAreaCode ? { code: r.socialAreaCode, name: r.socialAreaName ?? r.socialAreaCode } : null,
      location: r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon } : null,
      stage: r.stage,
      condition: r.condition,
      currentUse: r.currentUse,
      ownership: r.ownership,
      indoorAreaM2: r.indoorAreaM2,
      suitableUses: r.suitableUses,
    };
  }

  async ranking(scope: AccessScope, query: ReuseRankingQuery): Promise<ReuseRankingPageDto> {
    const tenantId = this.tenantOf(scope);
    await this.ensureFresh(scope, tenantId);
    const { rows, total } = await this.repo.rankingPage(scope, query, {
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    });
    const items = await Promise.all(
      rows.map(async (r) => {
        // a building added since the last recompute is scored on read
        const scored = r.parts
          ? { score: r.score ?? 0, factors: explainStored(decodeParts(r.parts), query.lang) }
          : await this.scoreOne(scope, tenantId, r, query.lang);
        return { building: this.buildingDto(r), ...scored };
      }),
    );
    return pageOf(items, total, query);
  }

  exportRanking(scope: AccessScope, query: ReuseExportQuery): ExportedFile {
    this.tenantOf(scope);
    const lang = query.lang ?? 'it';
    const source = this.repo.streamRanking(scope, query);
    async function* batches() {
      for await (const rows of source) {
        yield rows.map((r) => ({
          ...r,
          explanation: r.parts
            ? explainStored(decodeParts(r.parts), lang)
                .map((p) => p.explanation)
                .join('; ')
            : '',
        }));
      }
    }
    return exportFile(reuseExport, { format: query.format ?? 'csv', language: lang }, batches());
  }

  /* ---------- one building, one organization ---------- */

  private async scoreOne(scope: AccessScope, tenantId: string, b: ReuseBuildingRow, lang: Language) {
    const system = this.tenantScope(scope, tenantId);
    const [{ weights }, seekers, venues, active] = await Promise.all([
      this.currentWeights(system, tenantId),
      this.repo.spaceSeekers(system, { municipalityId: b.municipalityId, lat: b.lat, lon: b.lon, km: REUSE_MATCH_MAX_KM }),
      this.repo.venueSeekers(system, b.municipalityId),
      this.repo.activeIn(system, b.municipalityId, b.id),
    ]);
    const around: ScoreSurroundings = {
      demand: new OrganizationGrid(seekers).demand(b),
      demandWithin: b.lat !== null && b.lon !== null ? 'radius' : 'municipality',
      initiatives: countVenues(b, venues),
      activeReused: active,
    };
    return scoreBuilding({ ...b, recordedAt: b.createdAt }, around, weights, lang);
  }

  private async rankedOrFail(scope: AccessScope, id: string): Promise<RankedRow> {
    const row = await this.repo.rankedOne(scope, id);
    if (!row) throw ReuseErrors.REUSE_BUILDING_NOT_FOUND();
    return row;
  }

  private async matchesOf(
    scope: AccessScope,
    b: ReuseBuildingRow,
    lang: Language,
    seekers?: readonly SpaceSeekerRow[],
  ): Promise<ReuseMatchDto[]> {
    const candidates =
      seekers ??
      (await this.repo.spaceSeekers(scope, {
        municipalityId: b.municipalityId,
        lat: b.lat,
        lon: b.lon,
        km: REUSE_MATCH_MAX_KM,
      }));
    const served = servedBy(b.suitableUses);
    return candidates
      .map((o) => ({ o, f: matchFit(b, o, lang, vocabularyLabels(lang), served) }))
      .filter((m): m is { o: SpaceSeekerRow; f: NonNullable<typeof m.f> } => m.f !== null && m.f.fit > 0)
      .sort((x, y) => y.f.fit - x.f.fit || x.o.name.localeCompare(y.o.name))
      .slice(0, REUSE_MATCHES_MAX)
      .map(({ o, f }) => ({
        organization: { id: o.id, name: o.name, kind: o.kind },
        fit: f.fit,
        reasons: f.reasons,
        distanceKm: f.distanceKm,
      }));
  }

  /**
   * A building's score (computed now, with the current weights) and the organizations that could use
   * it: two statements for a coordinator (the building with its weights and counts; the organizations
   * within 10 km), three for others (their candidates are read through their own scope).
   */
  async buildingMatches(scope: AccessScope, id: string, lang: Language): Promise<ReuseBuildingMatchesDto> {
    const tenantId = this.tenantOf(scope);
    const b = await this.repo.rankedOneWithSurroundings(scope, id);
    if (!b) throw ReuseErrors.REUSE_BUILDING_NOT_FOUND();
    const system = this.tenantScope(scope, tenantId);
    const near = { municipalityId: b.municipalityId, lat: b.lat, lon: b.lon, km: REUSE_MATCH_MAX_KM };
    // a coordinator reads the tenant's organizations: the score's list is also the candidates'
    const [seekers, readable] = await Promise.all([
      this.repo.spaceSeekers(system, near),
      scope.role === 'coordinator' ? Promise.resolve(null) : this.repo.spaceSeekers(scope, near),
    ]);
    const around: ScoreSurroundings = {
      demand: new OrganizationGrid(seekers).demand(b),
      demandWithin: b.lat !== null && b.lon !== null ? 'radius' : 'municipality',
      initiatives: countVenues(
        b,
        b.venueThemes.map((themes) => ({ municipalityId: b.municipalityId, themes })),
      ),
      activeReused: b.activeReused,
    };
    const weights = { ...REUSE_DEFAULT_WEIGHTS, ...(b.weights ?? {}) };
    const scored = scoreBuilding({ ...b, recordedAt: b.createdAt }, around, weights, lang);
    const items = await this.matchesOf(scope, b, lang, readable ?? seekers);
    return { building: this.buildingDto(b), ...scored, items };
  }

  /** The buildings (open to a new use, in the caller's territory) that fit an organization. */
  async organizationBuildings(scope: AccessScope, id: string, lang: Language): Promise<ReuseOrganizationBuildingsDto> {
    this.tenantOf(scope);
    const o = await this.repo.readableOrganization(scope, id);
    if (!o) throw ReuseErrors.REUSE_ORGANIZATION_NOT_FOUND();
    const needsSpace = o.needs.includes('space') && o.active && o.mergedInto === null;
    const organization = { id: o.id, name: o.name, kind: o.kind };
    if (!needsSpace) return { organization, needsSpace, items: [] };
    const candidates = await this.repo.openBuildingsNear(scope, {
      municipalityId: o.municipalityId,
      lat: o.lat,
      lon: o.lon,
      km: REUSE_MATCH_MAX_KM,
    });
    const items = candidates
      .map((b) => ({ b, f: matchFit(b, o, lang, vocabularyLabels(lang)) }))
      .filter((m): m is { b: RankedRow; f: NonNullable<typeof m.f> } => m.f !== null && m.f.fit > 0)
      .sort((x, y) => y.f.fit - x.f.fit || (y.b.score ?? 0) - (x.b.score ?? 0) || x.b.name.localeCompare(y.b.name))
      .slice(0, REUSE_MATCHES_MAX)
      .map(({ b, f }) => ({ building: this.buildingDto(b), fit: f.fit, score: b.score, reasons: f.reasons, distanceKm: f.distanceKm }));
    return { organization, needsSpace, items };
  }

  /** The assignment maximising the total fit, at most one building per organization: a proposal, nothing is written. */
  async plan(scope: AccessScope, ids: string[], lang: Language): Promise<ReusePlanResponseDto> {
    this.tenantOf(scope);
    const unique = [...new Set(ids.map((i) => i.toLowerCase()))];
    const buildings = await Promise.all(unique.map((id) => this.rankedOrFail(scope, id)));
    const matches = await Promise.all(buildings.map((b) => this.matchesOf(scope, b, lang)));
    const orgs = new Map<string, ReuseMatchDto['organization']>();
    matches.flat().forEach((m) => orgs.set(m.organization.id, m.organization));
    const columns = [...orgs.keys()];
    const fit = matches.map((list) => columns.map((c) => list.find((m) => m.organization.id === c)?.fit ?? 0));
    const pairs = maximiseFit(fit).map(({ row, col, fit: f }) => ({
      building: this.buildingDto(buildings[row]),
      organization: orgs.get(columns[col])!,
      fit: f,
      reasons: matches[row].find((m) => m.organization.id === columns[col])?.reasons ?? [],
    }));
    const matched = new Set(pairs.map((p) => p.building.id));
    return {
      pairs,
      totalFit: pairs.reduce((s, p) => s + p.fit, 0),
      unmatched: buildings.filter((b) => !matched.has(b.id)).map((b) => b.id),
    };
  }

  /**
   * A coordinator turns a match into the building's next step: stage `planned` with the candidate
   * noted as the move's reason, through BuildingsService (its stage machine, version check and audit).
   */
  async propose(scope: AccessScope, id: string, body: ReuseProposeDto, lang: Language) {
    if (scope.role !== 'coordinator') throw CommonErrors.FORBIDDEN('only a coordinator proposes a candidate');
    const b = await this.rankedOrFail(scope, id);
    const match = (await this.matchesOf(scope, b, lang)).find((m) => m.organization.id === body.organization.toLowerCase());
    if (!match)
      throw ReuseErrors.REUSE_NOT_A_MATCH(undefined, [{ field: 'organization', messages: ["not one of the building's matches"] }]);
    const reason =
      lang === 'en'
        ? `Reuse proposal: candidate ${match.organization.name} (${match.organization.id}), fit ${match.fit}`
        : `Proposta di riuso: candidato ${match.organization.name} (${match.organization.id}), affinità ${match.fit}`;
    return this.buildings.moveStage(scope, id, { to: 'planned', version: body.version, reason });
  }
}
