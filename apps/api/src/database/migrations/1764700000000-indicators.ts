import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Result indicators (DESIGN.md, Indicators; docs/indicators.md).
 *
 * - `indicator_definitions`: one row per indicator of a tenant, `code` unique per tenant and never
 *   changed; `computation` names a key of COMPUTED_INDICATORS exactly when `source = 'computed'`.
 * - `indicator_targets`: a target per (definition, year, territory); the territory is the whole
 *   tenant, a social area or a municipality (exactly the matching id set, tenant-bound keys).
 * - `indicator_values`: manual (entered or imported) values per (definition, territory, period);
 *   `period` is `2026`, `2026-Q3` or `2026-09`, its grain and first/last day stored beside it for
 *   range reads; `draft` until a coordinator validates it.
 * - `municipality_populations`: residents per municipality and year (per-capita values use the
 *   latest year ≤ the period's year, else the earliest known). Filled here from
 *   `municipalities.population/population_year`; the territory import adds the other years.
 * - `trama_seed_indicator_definitions(tenant)`: the default definitions (the three of the programme
 *   and the operational ones), inserted when missing; run here for every existing tenant and by the
 *   territory import for a new one. A later migration may replace the function (CREATE OR REPLACE).
 *
 * Vocabularies are written out on purpose: a migration is a frozen snapshot.
 */
export class Indicators1764700000000 implements MigrationInterface {
  name = 'Indicators1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE indicator_definitions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(tenant_id),
        code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,62}$'),
        name_it text NOT NULL CHECK (length(btrim(name_it)) BETWEEN 1 AND 200),
        name_en text NOT NULL CHECK (length(btrim(name_en)) BETWEEN 1 AND 200),
        description_it text CHECK (length(description_it) <= 4000),
        description_en text CHECK (length(description_en) <= 4000),
        unit text NOT NULL CHECK (unit IN ('count', 'people', 'euro', 'percent', 'hours', 'square_metres', 'other')),
        kind text NOT NULL CHECK (kind IN ('output', 'result', 'context')),
        time_aggregation text NOT NULL CHECK (time_aggregation IN ('sum', 'last', 'avg', 'max')),
        territory_aggregation text NOT NULL CHECK (territory_aggregation IN ('sum', 'last', 'avg', 'max')),
        direction text NOT NULL CHECK (direction IN ('higher', 'lower')),
        per_capita boolean NOT NULL DEFAULT false,
        decimals smallint NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 4),
        baseline_value numeric(18, 4) CHECK (abs(baseline_value) <= 1e13),
        baseline_year smallint CHECK (baseline_year BETWEEN 2000 AND 2100),
        source text NOT NULL CHECK (source IN ('manual', 'computed')),
        computation text CHECK (computation IN ('community_managers_hired', 'initiatives_realised', 'initiatives_running',
          'activities_held', 'activity_participants', 'buildings_mapped', 'buildings_in_stage', 'buildings_reactivated',
          'organizations_mapped', 'new_collaborations', 'project_funds_committed', 'project_funds_paid', 'project_beneficiaries')),
        computation_params jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(computation_params) = 'object'),
        position int NOT NULL DEFAULT 0 CHECK (position BETWEEN 0 AND 100000),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid, updated_by uuid,
        version int NOT NULL DEFAULT 1,
        CONSTRAINT indicator_definitions_tenant_id_key UNIQUE (tenant_id, id),
        CONSTRAINT indicator_definitions_tenant_code_key UNIQUE (tenant_id, code),
        CONSTRAINT indicator_definitions_baseline_pair CHECK ((baseline_value IS NULL) = (baseline_year IS NULL)),
        CONSTRAINT indicator_definitions_computation_source CHECK ((source = 'computed') = (computation IS NOT NULL)),
        CONSTRAINT indicator_definitions_manual_no_params CHECK (source = 'computed' OR computation_params = '{}'::jsonb)
      )`);
    await q.query(`CREATE INDEX indicator_definitions_position_idx ON indicator_definitions (tenant_id, position, code)`);

    const territory = (table: string) => `
        territory_kind text NOT NULL CHECK (territory_kind IN ('tenant', 'social_area', 'municipality')),
        social_area_id uuid,
        municipality_id uuid,
        CONSTRAINT ${table}_territory_ids CHECK (
          (territory_kind = 'tenant' AND social_area_id IS NULL AND municipality_id IS NULL)
          OR (territory_kind = 'social_area' AND social_area_id IS NOT NULL AND municipality_id IS NULL)
          OR (territory_kind = 'municipality' AND municipality_id IS NOT NULL AND social_area_id IS NULL)),
        CONSTRAINT ${table}_tenant_social_area_fkey FOREIGN KEY (tenant_id, social_area_id) REFERENCES social_areas (tenant_id, id),
        CONSTRAINT ${table}_tenant_municipality_fkey FOREIGN KEY (tenant_id, municipality_id) REFERENCES municipalities (tenant_id, id),
        CONSTRAINT ${table}_tenant_definition_fkey FOREIGN KEY (tenant_id, definition_id) REFERENCES indicator_definitions (tenant_id, id),`;

    await q.query(`
      CREATE TABLE indicator_targets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(tenant_id),
        definition_id uuid NOT NULL,
        year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        ${territory('indicator_targets')}
        value numeric(18, 4) NOT NULL CHECK (abs(value) <= 1e13),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid, updated_by uuid,
        version int NOT NULL DEFAULT 1,
        CONSTRAINT indicator_targets_tenant_id_key UNIQUE (tenant_id, id),
        CONSTRAINT indicator_targets_one_per_territory UNIQUE NULLS NOT DISTINCT
          (tenant_id, definition_id, year, territory_kind, social_area_id, municipality_id)
      )`);

    await q.query(`
      CREATE TABLE indicator_values (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(tenant_id),
        definition_id uuid NOT NULL,
        ${territory('indicator_values')}
        period text NOT NULL CHECK (period ~ '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$'),
        grain text NOT NULL CHECK (grain IN ('year', 'quarter', 'month')),
        period_start date NOT NULL,
        period_end date NOT NULL,
        value numeric(18, 4) NOT NULL CHECK (abs(value) <= 1e13),
        note text CHECK (length(note) <= 2000),
        status text NOT NULL CHECK (status IN ('draft', 'validated')),
        validated_by uuid,
        validated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid, updated_by uuid,
        version int NOT NULL DEFAULT 1,
        CONSTRAINT indicator_values_tenant_id_key UNIQUE (tenant_id, id),
        CONSTRAINT indicator_values_one_per_period UNIQUE NULLS NOT DISTINCT
          (tenant_id, definition_id, territory_kind, social_area_id, municipality_id, period),
        CONSTRAINT indicator_values_grain_matches CHECK (grain = CASE WHEN period ~ '-Q' THEN 'quarter' WHEN length(period) = 7 THEN 'month' ELSE 'year' END),
        CONSTRAINT indicator_values_period_days CHECK (period_start <= period_end AND extract(year FROM period_start) = substr(period, 1, 4)::int),
        CONSTRAINT indicator_values_validation CHECK ((status = 'validated') = (validated_at IS NOT NULL))
      )`);
    await q.query(`
      CREATE INDEX indicator_values_read_idx ON indicator_values (tenant_id, definition_id, grain, period_start)
        INCLUDE (territory_kind, social_area_id, municipality_id, value, status)`);
    await q.query(`CREATE INDEX indicator_values_queue_idx ON indicator_values (tenant_id, status, created_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX indicator_values_municipality_idx ON indicator_values (tenant_id, municipality_id) WHERE municipality_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE municipality_populations (
        tenant_id uuid NOT NULL REFERENCES tenants(tenant_id),
        municipality_id uuid NOT NULL,
        year smallint NOT NULL CHECK (year BETWEEN 1900 AND 2100),
        population int NOT NULL CHECK (population >= 0),
        source text CHECK (length(source) <= 200),
        PRIMARY KEY (tenant_id, municipality_id, year),
        CONSTRAINT municipality_populations_tenant_municipality_fkey FOREIGN KEY (tenant_id, municipality_id)
          REFERENCES municipalities (tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      INSERT INTO municipality_populations (tenant_id, municipality_id, year, population, source)
      SELECT tenant_id, id, population_year, population, 'municipalities' FROM municipalities
      ON CONFLICT DO NOTHING`);

    await q.query(SEED_FUNCTION);
    await q.query(`SELECT trama_seed_indicator_definitions(tenant_id) FROM tenants`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS trama_seed_indicator_definitions(uuid)`);
    await q.query(`DROP TABLE IF EXISTS municipality_populations`);
    await q.query(`DROP TABLE IF EXISTS indicator_values`);
    await q.query(`DROP TABLE IF EXISTS indicator_targets`);
    await q.query(`DROP TABLE IF EXISTS indicator_definitions`);
  }
}

/**
 * The default definitions of a tenant, inserted when their code is missing (a coordinator's edits
 * are kept). Stocks (what exists at the end of a period: buildings mapped, initiatives running)
 * take `last` over time; flows (what happened in the period: activities held) take `sum`.
 */
const SEED_FUNCTION = `
CREATE OR REPLACE FUNCTION trama_seed_indicator_definitions(p_tenant uuid) RETURNS int
LANGUAGE sql AS $fn$
  WITH inserted AS (
    INSERT INTO indicator_definitions (tenant_id, code, name_it, name_en, description_it, description_en, unit, kind,
      time_aggregation, territory_aggregation, direction, per_capita, decimals, source, computation, computation_params, position, active)
    SELECT p_tenant, d.code, d.name_it, d.name_en, d.description_it, d.description_en, d.unit, d.kind, d.time_agg, d.territory_agg,
           d.direction, d.per_capita, d.decimals, d.source, d.computation, d.params::jsonb, d.position, d.active
    FROM (VALUES
      ('community_managers_hired', 'N. community manager assunti', 'Community managers hired',
       'Innovatori metropolitani con un rapporto di lavoro nel periodo: contati in ciascun comune assegnato e una volta sola a livello metropolitano.',
       'Metropolitan innovators employed during the period: counted in each assigned municipality and once at metropolitan level.',
       'people', 'result', 'max', 'sum', 'higher', false, 0, 'computed', 'community_managers_hired', '{}', 10, true),
      ('initiatives_realised', 'N. iniziative realizzate', 'Initiatives realised',
       'Iniziative concluse (stato "completata") nel periodo.', 'Initiatives completed during the period.',
       'count', 'result', 'sum', 'sum', 'higher', false, 0, 'computed', 'initiatives_realised', '{}', 20, true),
      ('crimes_reported', 'N. delitti denunciati', 'Crimes reported',
       'Delitti denunciati dalle forze di polizia all''autorità giudiziaria (fonte: ISTAT/Ministero dell''Interno), inseriti o importati.',
       'Crimes reported by the police to the judicial authority (source: ISTAT/Ministry of the Interior), entered or imported.',
       'count', 'result', 'sum', 'sum', 'lower', true, 0, 'manual', NULL, '{}', 30, true),
      ('initiatives_running', 'N. iniziative in corso', 'Initiatives running',
       'Iniziative in corso alla fine del periodo.', 'Initiatives running at the end of the period.',
       'count', 'output', 'last', 'sum', 'higher', false, 0, 'computed', 'initiatives_running', '{}', 40, true),
      ('activities_held', 'N. attività svolte', 'Activities held',
       'Attività territoriali approvate, svolte nel periodo.', 'Approved field activities held during the period.',
       'count', 'output', 'sum', 'sum', 'higher', false, 0, 'computed', 'activities_held', '{}', 50, true),
      ('activity_participants', 'N. partecipanti alle attività', 'Activity participants',
       'Partecipanti alle attività approvate svolte nel periodo.', 'Participants in the approved activities held during the period.',
       'people', 'output', 'sum', 'sum', 'higher', false, 0, 'computed', 'activity_participants', '{}', 60, true),
      ('buildings_mapped', 'N. immobili mappati', 'Buildings mapped',
       'Immobili ri-funzionalizzabili censiti alla fine del periodo.', 'Reusable buildings on record at the end of the period.',
       'count', 'output', 'last', 'sum', 'higher', false, 0, 'computed', 'buildings_mapped', '{}', 70, true),
      ('buildings_assessed', 'N. immobili valutati', 'Buildings assessed',
       'Immobili nella fase "valutato" alla fine del periodo.', 'Buildings in the "assessed" stage at the end of the period.',
       'count', 'output', 'last', 'sum', 'higher', false, 0, 'computed', 'buildings_in_stage', '{"stage":"assessed"}', 71, true),
      ('buildings_planned', 'N. immobili con progetto di riuso', 'Buildings with a reuse plan',
       'Immobili nella fase "progettato" alla fine del periodo.', 'Buildings in the "planned" stage at the end of the period.',
       'count', 'output', 'last', 'sum', 'higher', false, 0, 'computed', 'buildings_in_stage', '{"stage":"planned"}', 72, true),
      ('buildings_assigned', 'N. immobili assegnati', 'Buildings assigned',
       'Immobili nella fase "assegnato" alla fine del periodo.', 'Buildings in the "assigned" stage at the end of the period.',
       'count', 'output', 'last', 'sum', 'higher', false, 0, 'computed', 'buildings_in_stage', '{"stage":"assigned"}', 73, true),
      ('buildings_active', 'N. immobili in uso (riuso avviato)', 'Buildings in use (reuse under way)',
       'Immobili nella fase "attivo" alla fine del periodo.', 'Buildings in the "active" stage at the end of the period.',
       'count', 'result', 'last', 'sum', 'higher', false, 0, 'computed', 'buildings_in_stage', '{"stage":"active"}', 74, true),
      ('buildings_reactivated', 'N. immobili riattivati', 'Buildings reactivated',
       'Immobili passati alla fase "attivo" nel periodo.', 'Buildings that reached the "active" stage during the period.',
       'count', 'result', 'sum', 'sum', 'higher', false, 0, 'computed', 'buildings_reactivated', '{}', 80, true),
      ('organizations_mapped', 'N. organizzazioni mappate', 'Organizations mapped',
       'Organizzazioni censite alla fine del periodo.', 'Organizations on record at the end of the period.',
       'count', 'output', 'last', 'sum', 'higher', false, 0, 'computed', 'organizations_mapped', '{}', 90, true),
      ('new_collaborations', 'N. nuove collaborazioni', 'New collaborations',
       'Collaborazioni nate da un suggerimento accettato nel periodo (attivo quando il modello dei suggerimenti sarà disponibile).',
       'Collaborations born of a suggestion accepted during the period (active once the suggestion model exists).',
       'count', 'result', 'sum', 'sum', 'higher', false, 0, 'computed', 'new_collaborations', '{}', 100, false),
      ('project_funds_committed', 'Fondi impegnati dai progetti', 'Project funds committed',
       'Importo giuridicamente vincolante dei progetti finanziati alla fine del periodo.', 'Legally committed amount of the funded projects at the end of the period.',
       'euro', 'output', 'last', 'sum', 'higher', false, 2, 'computed', 'project_funds_committed', '{}', 110, true),
      ('project_funds_paid', 'Fondi pagati dai progetti', 'Project funds paid',
       'Pagamenti dei progetti finanziati alla fine del periodo.', 'Payments of the funded projects at the end of the period.',
       'euro', 'output', 'last', 'sum', 'higher', false, 2, 'computed', 'project_funds_paid', '{}', 120, true),
      ('project_beneficiaries', 'N. beneficiari finanziati', 'Beneficiaries funded',
       'Organizzazioni beneficiarie dei progetti finanziati alla fine del periodo.', 'Beneficiary organizations of the funded projects at the end of the period.',
       'count', 'output', 'last', 'sum', 'higher', false, 0, 'computed', 'project_beneficiaries', '{}', 130, true)
    ) AS d(code, name_it, name_en, description_it, description_en, unit, kind, time_agg, territory_agg, direction, per_capita,
           decimals, source, computation, params, position, active)
    ON CONFLICT (tenant_id, code) DO NOTHING
    RETURNING 1
  )
  SELECT count(*)::int FROM inserted
$fn$`;
