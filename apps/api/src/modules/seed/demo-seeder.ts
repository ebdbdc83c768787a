import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@trama/contracts';
import { ScopedData, type ScopedTx } from '../../common/access/scoped-data';
import { hashPassword } from '../../common/auth/password';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { TenantManifest, TerritoryImportService } from '../territory/territory-import.service';

interface DemoAccount {
  email: string;
  fullName: string;
  role: Role;
  tenant?: string;
  hiredOn?: string;
  contractEnd?: string;
  municipalities?: string[];
  territory?: { kind: 'municipality' | 'social_area'; code: string };
}

interface DemoActivities {
  tenant: string;
  author: string;
  reviewer: string;
  organizations: { key: string; name: string; kind: string; municipality: string }[];
  activities: {
    daysAgo: number;
    municipality: string;
    type: string;
    title: string;
    /** where it took place (inside its municipality): the map shows it */
    location?: { lat: number; lon: number };
    description: string;
    durationMinutes: number;
    participants: {
      total: number;
      citizens?: number;
      youth?: number;
      families?: number;
      ets?: number;
      businesses?: number;
      publicStaff?: number;
    };
    themes: string[];
    organizations: string[];
    status: 'draft' | 'submitted' | 'returned' | 'approved';
    outcomes?: string;
    reviewComment?: string;
  }[];
}

interface DemoOrganization {
  name: string;
  kind: string;
  municipality: string;
  taxCode: string | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  description: string;
  themes: string[];
  targetGroups: string[];
  offers: string[];
  needs: string[];
  size: string;
  website: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  contactConsent: boolean;
  notes: string | null;
  internalNotes: string | null;
  /** verified on site this many days ago (null: never) */
  verifiedDaysAgo: number | null;
}

interface DemoOrganizations {
  tenant: string;
  author: string;
  organizations: DemoOrganization[];
}

interface DemoBuildings {
  tenant: string;
  author: string;
  coordinator: string;
  buildings: {
    municipality: string;
    name: string;
    address?: string;
    location?: { lat: number; lon: number };
    ownership: string;
    owner?: string;
    cadastralReference?: string;
    indoorAreaM2?: number;
    outdoorAreaM2?: number;
    condition: string;
    currentUse: string;
    accessibility?: string;
    constraints?: string[];
    suitableUses?: string[];
    stage: 'mapped' | 'assessed' | 'planned' | 'assigned' | 'active' | 'discarded';
    notes?: string;
    anbscCode?: string;
    confiscationDecreeDate?: string;
    openedDaysAgo?: number;
    discardReason?: string;
    /** the assignee organization by name (skipped, and the building left planned, when it is not in the register) */
    assignment?: { organization: string; instrument: string; startedDaysAgo: number; endsInDays: number };
  }[];
}

/** The pipeline walked to reach each stage (the history the demo shows). */
const STAGE_PATHS: Record<DemoBuildings['buildings'][number]['stage'], string[]> = {
  mapped: ['mapped'],
  assessed: ['mapped', 'assessed'],
  planned: ['mapped', 'assessed', 'planned'],
  assigned: ['mapped', 'assessed', 'planned', 'assigned'],
  active: ['mapped', 'assessed', 'planned', 'assigned', 'active'],
  discarded: ['mapped', 'assessed', 'discarded'],
};

const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface DemoInitiatives {
  tenant: string;
  author: string;
  organizations: { name: string; kind: string; municipality: string }[];
  initiatives: {
    title: string;
    description: string;
    municipalities: string[];
    status: 'idea' | 'planned' | 'running' | 'completed' | 'stopped';
    startDate?: string;
    endDate?: string;
    themes: string[];
    lead: string | null;
    partners: string[];
    fundingSource?: string;
    fundingAmount?: number;
    cup?: string;
    beneficiariesCount?: number;
    beneficiariesDescription?: string;
    location?: { lat: number; lon: number };
  }[];
}

/** The seeder's statements: the door's one exit here (fixed rows written by the system, before anyone signs in). */
interface DemoProjects {
  tenants: {
    tenant: string;
    author: string;
    projects: {
      code: string;
      title: string;
      programme: string;
      action: string | null;
      implementingBody: string | null;
      cup: string | null;
      rup: string | null;
      startDate: string | null;
      endDate: string | null;
      status: string;
      expectedInvestment: number | null;
      municipalities: string[];
      progress: { date: string; programmed: number; admitted: number; committed: number; paid: number }[];
    }[];
  }[];
}

function seedSql(door: ScopedData | ScopedTx, sql: string, params: unknown[] = []): Promise<{ id: string }[]> {
  return door.unscoped('demo seed: fixed demo rows written by the system, never in production').query(sql, params);
}

/** The id of a municipality of the tenant; a seed naming an unknown one is a broken seed file. */
async function municipalityId(tx: ScopedTx, tenantId: string, istat: string, what: string): Promise<string> {
  const [row] = await seedSql(tx, 'SELECT id FROM municipalities WHERE tenant_id = $1 AND istat_code = $2', [tenantId, istat]);
  if (!row) throw new Error(`${what}: municipality ${istat} not found`);
  return row.id;
}

interface DemoIndicators {
  tenants: {
    tenant: string;
    coordinator: string;
    innovator: string | null;
    crimes: { years: number[]; ratePerThousand: [number, number]; yearlyDrift: number; capitalRate: number };
    capital: string;
    baselines: Record<string, number>;
    drafts: { indicator: string; territory: string; period: string; value: number; note: string }[];
    targets: Record<string, { year: number; territory: string; value: number }[]>;
  }[];
}

/** A stable number in [0, 1) from a text (the demo's illustrative figures stay the same on every seed). */
function unitHash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return (h % 100_000) / 100_000;
}

/** `seeds/` lives at the repository root (the working directory of npm scripts and of the image). */
function readSeed<T>(name: string): T {
  return JSON.parse(readFileSync(join(process.cwd(), 'seeds', name), 'utf8')) as T;
}

/**
 * Demo data for people trying Trama: the Bari and Bologna territories and one account per role.
 * Never runs in production (main.ts checks, and so does this class). Idempotent.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly door: ScopedData,
    private readonly territory: TerritoryImportService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seed(log: (m: string) => void): Promise<void> {
    if (this.config.isProduction) throw new Error('Demo data is never created in production');
    const tenants = readSeed<TenantManifest[]>('tenants.json');
    for (const manifest of tenants) {
      const [existing] = await seedSql(this.door, 'SELECT 1 FROM tenants WHERE istat_code = $1', [manifest.istatCode]);
      if (existing) continue;
      const summary = await this.territory.importTenant(manifest, this.config.territoryDir, null);
      log(`territory of ${manifest.name}: ${summary.municipalities} municipalities, ${summary.socialAreas} social areas imported`);
    }
    const accounts = readSeed<DemoAccount[]>('demo-accounts.json');
    const created: string[] = [];
    for (const account of accounts) {
      if (await this.createAccount(account)) created.push(`${account.email} (${account.role})`);
    }
    if (created.length > 0) {
      log(`demo accounts created, password "${this.config.demoPassword}" (DEMO_PASSWORD):`);
      for (const line of created) log(`  ${line}`);
    }
    const activities = await this.seedActivities();
    if (activities > 0) log(`demo activities created: ${activities} (draft, submitted, returned, approved)`);
    const organizations = await this.seedOrganizations();
    if (organizations > 0) log(`demo organizations created or completed: ${organizations}`);
    const buildings = await this.seedBuildings();
    if (buildings > 0) log(`demo buildings created: ${buildings} in Bari, Molfetta and Giovinazzo`);
    const initiatives = await this.seedInitiatives();
    if (initiatives > 0) log(`demo initiatives created: ${initiatives} (Bari, Molfetta, Giovinazzo)`);
    const projects = await this.seedProjects();
    if (projects > 0) log(`demo funded projects created: ${projects} (Bologna BO3.3.1.b, Bari 5.5.1.b)`);
    const indicators = await this.seedIndicators();
    if (indicators > 0) log(`demo indicator values and targets created: ${indicators} (crimes reported are illustrative, not official)`);
  }

  /**
   * The funded projects of the demo (seeds/demo-projects.json, docs/projects.md): Bologna's PON Metro
   * sheet BO3.3.1.b with dated financial snapshots, Bari's action 5.5.1.b (an idea, no CUP yet).
   * Once per tenant (skipped when the tenant has projects).
   */
  private async seedProjects(): Promise<number> {
    const seed = readSeed<DemoProjects>('demo-projects.json');
    let created = 0;
    for (const group of seed.tenants) {
      created += await this.door.transaction(async (tx) => {
        const [tenant] = await seedSql(tx, 'SELECT tenant_id AS id FROM tenants WHERE istat_code = $1', [group.tenant]);
        const [author] = await seedSql(tx, 'SELECT id FROM users WHERE email = $1', [group.author]);
        if (!tenant || !author) return 0;
        const [any] = await seedSql(tx, 'SELECT 1 FROM projects WHERE tenant_id = $1 LIMIT 1', [tenant.id]);
        if (any) return 0;
        for (const p of group.projects) {
          const [row] = await seedSql(
            tx,
            `INSERT INTO projects (tenant_id, client_id, client_hash, code, title, programme, action, implementing_body, cup, rup, start_date,
                                   end_date, status, expected_investment, created_by, updated_by)
             VALUES ($1, gen_random_uuid(), 'demo-seed', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id`,
            [
              tenant.id,
              p.code,
              p.title,
              p.programme,
              p.action,
              p.implementingBody,
              p.cup,
              p.rup,
              p.startDate,
              p.endDate,
              p.status,
              p.expectedInvestment,
              author.id,
            ],
          );
          for (const istat of p.municipalities) {
            await seedSql(tx, 'INSERT INTO project_municipalities (tenant_id, project_id, municipality_id) VALUES ($1, $2, $3)', [
              tenant.id,
              row.id,
              await municipalityId(tx, tenant.id, istat, 'demo-projects.json'),
            ]);
          }
          for (const s of p.progress) {
            await seedSql(
              tx,
              `INSERT INTO project_progress (tenant_id, project_id, date, programmed, admitted, committed, paid, created_by, updated_by)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
              [tenant.id, row.id, s.date, s.programmed, s.admitted, s.committed, s.paid, author.id],
            );
          }
          await seedSql(
            tx,
            `INSERT INTO audit_log (tenant_id, actor_id, actor_role, entity, entity_id, action, after) VALUES ($1, $2, 'coordinator', 'project', $3, 'create', $4)`,
            [tenant.id, author.id, row.id, JSON.stringify({ code: p.code, title: p.title, status: p.status, source: 'demo-seed' })],
          );
        }
        return group.projects.length;
      });
    }
    return created;
  }

  /**
   * Targets of the programme indicators and a few years of manual values of crimes reported per
   * municipality (seeds/demo-indicators.json: ILLUSTRATIVE figures, a rate per 1,000 inhabitants
   * per municipality drifting each year), validated by the coordinator; a few drafts of the
   * innovator waiting for validation. Idempotent: a tenant with any value is left alone.
   */
  private async seedIndicators(): Promise<number> {
    const seed = readSeed<DemoIndicators>('demo-indicators.json');
    let written = 0;
    for (const spec of seed.tenants) {
      written += await this.door.transaction(async (tx) => {
        const [tenant] = await seedSql(tx, 'SELECT tenant_id AS id FROM tenants WHERE istat_code = $1', [spec.tenant]);
        const [coordinator] = await seedSql(tx, 'SELECT id FROM users WHERE email = $1', [spec.coordinator]);
        if (!tenant || !coordinator) return 0;
        const [any] = await seedSql(tx, 'SELECT 1 FROM indicator_values WHERE tenant_id = $1 LIMIT 1', [tenant.id]);
        if (any) return 0;
        await seedSql(tx, 'SELECT trama_seed_indicator_definitions($1)', [tenant.id]);
        const definitions = new Map<string, string>(
          (
            (await seedSql(tx, 'SELECT code, id FROM indicator_definitions WHERE tenant_id = $1', [tenant.id])) as {
              code: string;
              id: string;
            }[]
          ).map((d) => [d.code, d.id]),
        );
        const crimes = definitions.get('crimes_reported');
        if (!crimes) return 0;
        const municipalities = (await seedSql(
          tx,
          'SELECT id, istat_code AS istat, population FROM municipalities WHERE tenant_id = $1 ORDER BY istat_code',
          [tenant.id],
        )) as { id: string; istat: string; population: number }[];
        const rows = municipalities.flatMap((m) => {
          const [low, high] = spec.crimes.ratePerThousand;
          const rate = m.istat === spec.capital ? spec.crimes.capitalRate : low + (high - low) * unitHash(m.istat);
          return spec.crimes.years.map((year, i) => {
            const wobble = 1 + (unitHash(`${m.istat}${year}`) - 0.5) * 0.06;
            return {
              definition_id: crimes,
              territory_kind: 'municipality',
              municipality_id: m.id,
              period: String(year),
              grain: 'year',
              period_start: `${year}-01-01`,
              period_end: `${year}-12-31`,
              value: Math.round(((m.population * rate) / 1000) * (1 + spec.crimes.yearlyDrift) ** i * wobble),
              note: 'Dato illustrativo (demo), non ufficiale',
              status: 'validated',
              created_by: coordinator.id,
            };
          });
        });
        const [innovator] = spec.innovator ? await seedSql(tx, 'SELECT id FROM users WHERE email = $1', [spec.innovator]) : [];
        for (const d of innovator ? spec.drafts : []) {
          const istat = d.territory.slice('municipality:'.length);
          const m = municipalities.find((x) => x.istat === istat);
          const definition = definitions.get(d.indicator);
          if (!m || !definition) throw new Error(`demo-indicators.json: unknown ${d.indicator} or ${d.territory}`);
          const quarter = Number(d.period.slice(6));
          const first = (quarter - 1) * 3 + 1;
          const end = new Date(Date.UTC(Number(d.period.slice(0, 4)), first + 2, 0)).toISOString().slice(0, 10);
          rows.push({
            definition_id: definition,
            territory_kind: 'municipality',
            municipality_id: m.id,
            period: d.period,
            grain: 'quarter',
            period_start: `${d.period.slice(0, 4)}-${String(first).padStart(2, '0')}-01`,
            period_end: end,
            value: d.value,
            note: d.note,
            status: 'draft',
            created_by: innovator.id,
          });
        }
        const inserted = await seedSql(
          tx,
          `INSERT INTO indicator_values (tenant_id, definition_id, territory_kind, municipality_id, period, grain, period_start, period_end, value,
                                         note, status, validated_by, validated_at, created_by, updated_by)
           SELECT $1, r.definition_id, r.territory_kind, r.municipality_id, r.period, r.grain, r.period_start, r.period_end, r.value, r.note,
                  r.status, CASE WHEN r.status = 'validated' THEN $3::uuid END, CASE WHEN r.status = 'validated' THEN now() END,
                  r.created_by, r.created_by
             FROM jsonb_to_recordset($2::jsonb) AS r(definition_id uuid, territory_kind text, municipality_id uuid, period text, grain text,
                                                      period_start date, period_end date, value numeric, note text, status text, created_by uuid)
           ON CONFLICT ON CONSTRAINT indicator_values_one_per_period DO NOTHING
           RETURNING 1`,
          [tenant.id, JSON.stringify(rows), coordinator.id],
        );
        let targets = 0;
        for (const [code, list] of Object.entries(spec.targets)) {
          const definition = definitions.get(code);
          if (!definition) continue;
          for (const target of list) {
            const istat = target.territory.startsWith('municipality:') ? target.territory.slice('municipality:'.length) : null;
            const m = istat ? municipalities.find((x) => x.istat === istat) : null;
            if (istat && !m) throw new Error(`demo-indicators.json: unknown ${target.territory}`);
            const added = await seedSql(
              tx,
              `INSERT INTO indicator_targets (tenant_id, definition_id, year, territory_kind, municipality_id, value, created_by, updated_by)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT ON CONSTRAINT indicator_targets_one_per_territory DO NOTHING RETURNING 1`,
              [tenant.id, definition, target.year, m ? 'municipality' : 'tenant', m?.id ?? null, target.value, coordinator.id],
            );
            targets += added.length;
          }
        }
        for (const [code, year] of Object.entries(spec.baselines)) {
          await seedSql(
            tx,
            `UPDATE indicator_definitions d SET baseline_year = $3::int, baseline_value = s.total, version = d.version + 1, updated_at = now()
               FROM (SELECT sum(value) AS total FROM indicator_values WHERE tenant_id = $1 AND definition_id = $2 AND period = $3::text
                        AND territory_kind = 'municipality' AND status = 'validated') s
              WHERE d.tenant_id = $1 AND d.id = $2 AND d.baseline_value IS NULL AND s.total IS NOT NULL`,
            [tenant.id, definitions.get(code), String(year)],
          );
        }
        return inserted.length + targets;
      });
    }
    return written;
  }

  /**
   * The organizations register of the demo (seeds/demo-organizations.json) in Bari, Molfetta and
   * Giovinazzo, every field filled as far as a real record would be: a new one is inserted, one the
   * activities' seed made (same name) is completed once (while its address is empty). Idempotent.
   */
  private async seedOrganizations(): Promise<number> {
    const seed = readSeed<DemoOrganizations>('demo-organizations.json');
    return this.door.transaction(async (tx) => {
      const [tenant] = await seedSql(tx, 'SELECT tenant_id AS id FROM tenants WHERE istat_code = $1', [seed.tenant]);
      const [author] = await seedSql(tx, 'SELECT id FROM users WHERE email = $1', [seed.author]);
      if (!tenant || !author) return 0;
      let written = 0;
      for (const o of seed.organizations) {
        const municipality = await municipalityId(tx, tenant.id, o.municipality, 'demo organizations');
        const verifiedAt = o.verifiedDaysAgo === null ? null : new Date(Date.now() - o.verifiedDaysAgo * 86_400_000);
        const values = [
          o.kind,
          o.taxCode,
          municipality,
          o.address,
          o.lat,
          o.lon,
          o.description,
          o.themes,
          o.targetGroups,
          o.offers,
          o.needs,
          o.size,
          o.website,
          o.contactName,
          o.contactEmail,
          o.contactPhone,
          o.contactConsent,
          o.contactConsent ? new Date() : null,
          o.notes,
          o.internalNotes,
          verifiedAt,
          verifiedAt ? author.id : null,
        ];
        const [existing] = await seedSql(tx, 'SELECT id FROM organizations WHERE tenant_id = $1 AND name = $2', [tenant.id, o.name]);
        if (existing) {
          const updated = await seedSql(
            tx,
            `UPDATE organizations SET kind = $2, tax_code = $3, municipality_id = $4, address = $5, lat = $6, lon = $7, description = $8,
                    themes = $9, target_groups = $10, offers = $11, needs = $12, size = $13, website = $14, contact_name = $15,
                    contact_email = $16, contact_phone = $17, contact_consent = $18, contact_consent_at = $19, notes = $20,
                    internal_notes = $21, last_verified_at = $22, last_verified_by = $23, version = version + 1, updated_at = now()
              WHERE id = $1 AND address IS NULL AND description IS NULL RETURNING id`,
            [existing.id, ...values],
          );
          written += updated.length;
          continue;
        }
        await seedSql(
          tx,
          `INSERT INTO organizations (tenant_id, name, kind, tax_code, municipality_id, address, lat, lon, description, themes, target_groups,
                                      offers, needs, size, website, contact_name, contact_email, contact_phone, contact_consent,
                                      contact_consent_at, notes, internal_notes, last_verified_at, last_verified_by, created_by, updated_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $25)`,
          [tenant.id, o.name, ...values, author.id],
        );
        written += 1;
      }
      return written;
    });
  }

  /**
   * A few initiatives in Bari, Molfetta and Giovinazzo (running, planned, an idea, one completed, two
   * publicly funded with their CUP), with their organizations (found by name, or created). Skipped when
   * the tenant already has initiatives.
   */
  private async seedInitiatives(): Promise<number> {
    const seed = readSeed<DemoInitiatives>('demo-initiatives.json');
    return this.door.transaction(async (tx) => {
      const [tenant] = await seedSql(tx, 'SELECT tenant_id AS id FROM tenants WHERE istat_code = $1', [seed.tenant]);
      const [author] = await seedSql(tx, 'SELECT id FROM users WHERE email = $1', [seed.author]);
      if (!tenant || !author) return 0;
      const [any] = await seedSql(tx, 'SELECT 1 FROM initiatives WHERE tenant_id = $1 LIMIT 1', [tenant.id]);
      if (any) return 0;
      const muni = (istat: string) => municipalityId(tx, tenant.id, istat, 'demo-initiatives.json');
      const organizations = new Map<string, string>();
      for (const o of seed.organizations) {
        const [found] = await seedSql(tx, 'SELECT id FROM organizations WHERE tenant_id = $1 AND name = $2', [tenant.id, o.name]);
        const [row] = found
          ? [found]
          : await seedSql(
              tx,
              'INSERT INTO organizations (tenant_id, name, kind, municipality_id, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id',
              [tenant.id, o.name, o.kind, await muni(o.municipality), author.id],
            );
        organizations.set(o.name, row.id);
      }
      for (const i of seed.initiatives) {
        const [row] = await seedSql(
          tx,
          `INSERT INTO initiatives (tenant_id, client_id, client_hash, title, description, municipality_id, themes, status, start_date, end_date,
                                    funding_source, funding_amount, cup, beneficiaries_count, beneficiaries_description, lat, lon,
                                    created_by, updated_by)
           VALUES ($1, gen_random_uuid(), 'demo-seed', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16) RETURNING id`,
          [
            tenant.id,
            i.title,
            i.description,
            await muni(i.municipalities[0]),
            i.themes,
            i.status,
            i.startDate ?? null,
            i.endDate ?? null,
            i.fundingSource ?? null,
            i.fundingAmount ?? null,
            i.cup ?? null,
            i.beneficiariesCount ?? null,
            i.beneficiariesDescription ?? null,
            i.location?.lat ?? null,
            i.location?.lon ?? null,
            author.id,
          ],
        );
        for (const istat of i.municipalities) {
          await seedSql(tx, 'INSERT INTO initiative_municipalities (tenant_id, initiative_id, municipality_id) VALUES ($1, $2, $3)', [
            tenant.id,
            row.id,
            await muni(istat),
          ]);
        }
        const links = [...(i.lead ? [[i.lead, 'lead']] : []), ...i.partners.map((p) => [p, 'partner'])];
        for (const [name, role] of links) {
          await seedSql(
            tx,
            'INSERT INTO initiative_organizations (tenant_id, initiative_id, organization_id, role) VALUES ($1, $2, $3, $4)',
            [tenant.id, row.id, organizations.get(name), role],
          );
        }
        await seedSql(
          tx,
          `INSERT INTO initiative_status_changes (tenant_id, initiative_id, from_status, to_status, effective_date, created_by, updated_by)
           VALUES ($1, $2, NULL, $3, $4, $5, $5)`,
          [tenant.id, row.id, i.status, i.endDate ?? i.startDate ?? null, author.id],
        );
        await seedSql(
          tx,
          `INSERT INTO audit_log (tenant_id, actor_id, actor_role, entity, entity_id, action, after) VALUES ($1, $2, 'coordinator', 'initiative', $3, 'create', $4)`,
          [tenant.id, author.id, row.id, JSON.stringify({ title: i.title, status: i.status, source: 'demo-seed' })],
        );
      }
      return seed.initiatives.length;
    });
  }
  /**
   * A believable set of buildings (docs/buildings.md): some confiscated, some assigned with end dates
   * in the coming months (one overdue), some not placed, with their stage history. Once per tenant.
   */
  private async seedBuildings(): Promise<number> {
    const seed = readSeed<DemoBuildings>('demo-buildings.json');
    return this.door.transaction(async (tx) => {
      const [tenant] = await seedSql(tx, 'SELECT tenant_id AS id FROM tenants WHERE istat_code = $1', [seed.tenant]);
      const [author] = await seedSql(tx, 'SELECT id FROM users WHERE email = $1', [seed.author]);
      const [coordinator] = await seedSql(tx, 'SELECT id FROM users WHERE email = $1', [seed.coordinator]);
      if (!tenant || !author || !coordinator) return 0;
      const [any] = await seedSql(tx, 'SELECT 1 FROM buildings WHERE tenant_id = $1 LIMIT 1', [tenant.id]);
      if (any) return 0;
      for (const b of seed.buildings) {
        const [organization] = b.assignment
          ? await seedSql(tx, 'SELECT id FROM organizations WHERE tenant_id = $1 AND name = $2 LIMIT 1', [
              tenant.id,
              b.assignment.organization,
            ])
          : [];
        const assigned = Boolean(b.assignment && organization);
        const stage = (b.stage === 'assigned' || b.stage === 'active') && !assigned ? 'planned' : b.stage;
        const opened = stage === 'active' ? dayFromNow(-(b.openedDaysAgo ?? 30)) : null;
        const [row] = await seedSql(
          tx,
          `INSERT INTO buildings (tenant_id, client_id, client_hash, municipality_id, name, address, lat, lon, ownership, owner,
                                  cadastral_reference, indoor_area_m2, outdoor_area_m2, condition, current_use, accessibility, constraints,
                                  suitable_uses, stage, opening_date, notes, anbsc_code, confiscation_decree_date, created_by, updated_by)
           VALUES ($1, gen_random_uuid(), 'demo-seed', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
                   $21, $22, $22) RETURNING id`,
          [
            tenant.id,
            await municipalityId(tx, tenant.id, b.municipality, 'demo buildings'),
            b.name,
            b.address ?? null,
            b.location?.lat ?? null,
            b.location?.lon ?? null,
            b.ownership,
            b.owner ?? null,
            b.cadastralReference ?? null,
            b.indoorAreaM2 ?? null,
            b.outdoorAreaM2 ?? null,
            b.condition,
            b.currentUse,
            b.accessibility ?? 'unknown',
            b.constraints ?? [],
            b.suitableUses ?? [],
            stage,
            opened,
            b.notes ?? null,
            b.anbscCode ?? null,
            b.confiscationDecreeDate ?? null,
            author.id,
          ],
        );
        const path = STAGE_PATHS[stage];
        for (const [i, to] of path.entries()) {
          const by = to === 'assigned' || to === 'discarded' ? coordinator.id : author.id;
          await seedSql(
            tx,
            `INSERT INTO building_stage_changes (tenant_id, building_id, from_stage, to_stage, reason, at, created_by)
             VALUES ($1, $2, $3, $4, $5, now() - make_interval(days => $6), $7)`,
            [
              tenant.id,
              row.id,
              i === 0 ? null : path[i - 1],
              to,
              to === 'discarded' ? (b.discardReason ?? 'Non adatto al riuso') : null,
              60 * (path.length - i),
              by,
            ],
          );
        }
        if (assigned && b.assignment) {
          await seedSql(
            tx,
            `INSERT INTO building_assignments (tenant_id, building_id, organization_id, instrument, start_date, end_date, created_by, updated_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
            [
              tenant.id,
              row.id,
              organization.id,
              b.assignment.instrument,
              dayFromNow(-b.assignment.startedDaysAgo),
              dayFromNow(b.assignment.endsInDays),
              coordinator.id,
            ],
          );
        }
        await seedSql(
          tx,
          `INSERT INTO audit_log (tenant_id, actor_id, actor_role, entity, entity_id, action, after) VALUES ($1, $2, 'innovator', 'building', $3, 'create', $4)`,
          [tenant.id, author.id, row.id, JSON.stringify({ name: b.name, stage, source: 'demo-seed' })],
        );
      }
      return seed.buildings.length;
    });
  }

  /** A few organizations and activities of the demo innovator in every status, so that lists, the review queue and the staff dashboard have something to show. */
  private async seedActivities(): Promise<number> {
    const seed = readSeed<DemoActivities>('demo-activities.json');
    return this.door.transaction(async (tx) => {
      const [tenant] = await seedSql(tx, 'SELECT tenant_id AS id FROM tenants WHERE istat_code = $1', [seed.tenant]);
      const [author] = await seedSql(tx, 'SELECT id FROM users WHERE email = $1', [seed.author]);
      const [reviewer] = await seedSql(tx, 'SELECT id FROM users WHERE email = $1', [seed.reviewer]);
      if (!tenant || !author || !reviewer) return 0;
      const [any] = await seedSql(tx, 'SELECT 1 FROM activities WHERE tenant_id = $1 LIMIT 1', [tenant.id]);
      if (any) return 0;
      const muni = (istat: string) => municipalityId(tx, tenant.id, istat, 'demo activities');
      const organizations = new Map<string, string>();
      for (const o of seed.organizations) {
        const [row] = await seedSql(
          tx,
          'INSERT INTO organizations (tenant_id, name, kind, municipality_id, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id',
          [tenant.id, o.name, o.kind, await muni(o.municipality), author.id],
        );
        organizations.set(o.key, row.id);
      }
      for (const a of seed.activities) {
        const date = new Date(Date.now() - a.daysAgo * 86_400_000);
        const submitted = a.status === 'draft' ? null : new Date(date.getTime() + 20 * 3_600_000);
        const reviewed = a.status === 'approved' || a.status === 'returned' ? new Date(date.getTime() + 44 * 3_600_000) : null;
        const p = a.participants;
        const [row] = await seedSql(
          tx,
          `INSERT INTO activities (tenant_id, client_id, client_hash, author_id, municipality_id, date, duration_minutes, type, title, description,
                                   participants_total, participants_citizens, participants_youth, participants_families, participants_ets,
                                   participants_businesses, participants_public_staff, themes, outcomes, status, review_comment,
                                   submitted_at, submitted_by, reviewed_at, reviewed_by, created_by, updated_by, lat, lon)
           VALUES ($1, gen_random_uuid(), 'demo-seed', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
                   $20, $21, $22, $23, $2, $2, $24, $25) RETURNING id`,
          [
            tenant.id,
            author.id,
            await muni(a.municipality),
            date.toISOString().slice(0, 10),
            a.durationMinutes,
            a.type,
            a.title,
            a.description,
            p.total,
            p.citizens ?? null,
            p.youth ?? null,
            p.families ?? null,
            p.ets ?? null,
            p.businesses ?? null,
            p.publicStaff ?? null,
            a.themes,
            a.outcomes ?? null,
            a.status,
            a.reviewComment ?? null,
            submitted,
            submitted ? author.id : null,
            reviewed,
            reviewed ? reviewer.id : null,
            a.location?.lat ?? null,
            a.location?.lon ?? null,
          ],
        );
        for (const key of a.organizations) {
          await seedSql(tx, 'INSERT INTO activity_organizations (tenant_id, activity_id, organization_id) VALUES ($1, $2, $3)', [
            tenant.id,
            row.id,
            organizations.get(key),
          ]);
        }
        await seedSql(
          tx,
          `INSERT INTO audit_log (tenant_id, actor_id, actor_role, entity, entity_id, action, after) VALUES ($1, $2, 'innovator', 'activity', $3, 'create', $4)`,
          [tenant.id, author.id, row.id, JSON.stringify({ title: a.title, status: a.status, source: 'demo-seed' })],
        );
      }
      return seed.activities.length;
    });
  }

  private async createAccount(account: DemoAccount): Promise<boolean> {
    const [exists] = await seedSql(this.door, 'SELECT 1 FROM users WHERE email = $1', [account.email]);
    if (exists) return false;
    return this.door.transaction(async (tx) => {
      const [tenant] = account.tenant
        ? await seedSql(tx, 'SELECT tenant_id AS id FROM tenants WHERE istat_code = $1', [account.tenant])
        : [];
      // admins have no tenant (and no territory: a seed giving one a territory is a broken seed file)
      const tenantId = tenant?.id ?? '';
      const muni = (istat: string) => municipalityId(tx, tenantId, istat, `demo account ${account.email}`);
      let scopeMunicipality: string | null = null;
      let scopeSocialArea: string | null = null;
      if (account.territory?.kind === 'municipality') scopeMunicipality = await muni(account.territory.code);
      if (account.territory?.kind === 'social_area') {
        const [row] = await seedSql(tx, 'SELECT id FROM social_areas WHERE tenant_id = $1 AND code = $2', [
          tenantId,
          account.territory.code,
        ]);
        scopeSocialArea = row.id;
      }
      const [user] = await seedSql(
        tx,
        `INSERT INTO users (tenant_id, email, full_name, role, password_hash, hired_on, contract_end, scope_municipality_id, scope_social_area_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          tenant?.id ?? null,
          account.email,
          account.fullName,
          account.role,
          await hashPassword(this.config.demoPassword),
          account.hiredOn ?? null,
          account.contractEnd ?? null,
          scopeMunicipality,
          scopeSocialArea,
        ],
      );
      for (const istat of account.municipalities ?? []) {
        await seedSql(tx, 'INSERT INTO user_municipalities (user_id, municipality_id, tenant_id) VALUES ($1, $2, $3)', [
          user.id,
          await muni(istat),
          tenantId,
        ]);
      }
      await seedSql(tx, `INSERT INTO audit_log (tenant_id, entity, entity_id, action, after) VALUES ($1, 'user', $2, 'create', $3)`, [
        tenant?.id ?? null,
        user.id,
        JSON.stringify({ email: account.email, role: account.role, source: 'demo-seed' }),
      ]);
      return true;
    });
  }
}
