-- Synthetic load for the activity indexes: 1,000,000 activities in one tenant (Bari-shaped: 41
-- municipalities, 12 social areas, 40 innovators with 3 municipalities each), 5,000 organizations,
-- ~1.5M activity-organization links; Bologna-shaped second tenant without activities.
-- Run on an EMPTY scratch database migrated with the API's migrations (never on a real one):
--   createdb -h 127.0.0.1 -U postgres trama_scratch
--   DATABASE_URL=postgres://postgres@127.0.0.1:5432/trama_scratch MIGRATE_ON_BOOT=true SEED_ON_BOOT=false … (start the API once), or any migration runner
--   psql -h 127.0.0.1 -U postgres -d trama_scratch -f load-1m.sql      (~2.5 min on 2 vCPU)
-- Figures measured with it: docs/activities.md.
SET synchronous_commit = off;
INSERT INTO tenants (tenant_id, istat_code, name, slug) VALUES ('11111111-1111-1111-1111-111111111111','272','Bari','bari'), ('22222222-2222-2222-2222-222222222222','237','Bologna','bologna');
INSERT INTO social_areas (tenant_id, code, name) SELECT '11111111-1111-1111-1111-111111111111', 'ATS_' || g, 'Ambito ' || g FROM generate_series(1,12) g;
INSERT INTO social_areas (tenant_id, code, name) SELECT '22222222-2222-2222-2222-222222222222', 'DSS_' || g, 'Distretto ' || g FROM generate_series(1,6) g;
-- 41 municipalities in Bari, 55 in Bologna
INSERT INTO municipalities (tenant_id, istat_code, name, province_code, population, population_year, area_km2, lat, lon, social_area_id)
SELECT '11111111-1111-1111-1111-111111111111', lpad((72000 + g)::text, 6, '0'), 'Comune ' || g, '072', 10000 + g * 1000, 2025, 50, 41.0, 16.8,
       (SELECT id FROM social_areas WHERE tenant_id = '11111111-1111-1111-1111-111111111111' AND code = 'ATS_' || (1 + g % 12))
FROM generate_series(1,41) g;
INSERT INTO municipalities (tenant_id, istat_code, name, province_code, population, population_year, area_km2, lat, lon, social_area_id)
SELECT '22222222-2222-2222-2222-222222222222', lpad((37000 + g)::text, 6, '0'), 'Comune BO ' || g, '037', 10000, 2025, 50, 44.5, 11.3,
       (SELECT id FROM social_areas WHERE tenant_id = '22222222-2222-2222-2222-222222222222' AND code = 'DSS_' || (1 + g % 6))
FROM generate_series(1,55) g;
CREATE TEMP TABLE munis AS SELECT row_number() OVER (ORDER BY istat_code) - 1 AS n, id, tenant_id FROM municipalities WHERE tenant_id = '11111111-1111-1111-1111-111111111111';
-- 40 innovators, 3 coordinators per tenant
INSERT INTO users (tenant_id, email, full_name, role, password_hash)
SELECT t, 'inn' || g || '.' || left(t::text, 1) || '@x.it', 'Innovatore ' || g, 'innovator', 'x'
FROM generate_series(0,39) g, (VALUES ('11111111-1111-1111-1111-111111111111'::uuid), ('22222222-2222-2222-2222-222222222222'::uuid)) v(t);
INSERT INTO users (tenant_id, email, full_name, role, password_hash)
SELECT '11111111-1111-1111-1111-111111111111', 'coord' || g || '@x.it', 'Coordinatore ' || g, 'coordinator', 'x' FROM generate_series(1,3) g;
CREATE TEMP TABLE inn AS SELECT row_number() OVER (ORDER BY email) - 1 AS n, id FROM users WHERE role = 'innovator' AND tenant_id = '11111111-1111-1111-1111-111111111111';
-- each innovator: 3 municipalities (k, k+13, k+27 mod 41)
INSERT INTO user_municipalities (user_id, municipality_id, tenant_id)
SELECT inn.id, m.id, m.tenant_id FROM inn, munis m WHERE m.tenant_id = '11111111-1111-1111-1111-111111111111' AND m.n IN (inn.n % 41, (inn.n + 13) % 41, (inn.n + 27) % 41);
-- 5000 organizations
INSERT INTO organizations (tenant_id, name, kind, municipality_id)
SELECT '11111111-1111-1111-1111-111111111111',
       (ARRAY['Associazione','Cooperativa sociale','APS','ODV','Fondazione','Comitato di quartiere','Scuola','Parrocchia'])[1 + g % 8] || ' ' ||
       (ARRAY['Il Girasole','La Città Solidale','Terra Nostra','Mare Aperto','Via Libera','Comunità in Cammino','Orti Urbani','Futuro Insieme','Ponti di Pace','Nuove Radici'])[1 + (g / 8) % 10] || ' ' || g,
       (ARRAY['odv','aps','social_enterprise','school','company','foundation','informal_group','religious_body'])[1 + g % 8],
       (SELECT id FROM munis WHERE n = g % 41)
FROM generate_series(1,5000) g;
SET synchronous_commit = off;
SET maintenance_work_mem = '512MB';
SELECT setseed(0.42);
-- build the secondary indexes after the load (faster); definitions as in 1764300000001-activities
DROP INDEX activities_list_idx, activities_municipality_idx, activities_author_idx, activities_status_idx, activities_type_idx, activities_themes_idx, activities_search_idx;
CREATE TEMP TABLE coord AS SELECT id FROM users WHERE role = 'coordinator' LIMIT 1;
INSERT INTO activities (tenant_id, client_id, client_hash, author_id, municipality_id, date, duration_minutes, type, title, description,
  participants_total, participants_citizens, participants_youth, themes, lat, lon, outcomes, status, submitted_at, submitted_by, reviewed_at, reviewed_by, created_by)
SELECT '11111111-1111-1111-1111-111111111111', gen_random_uuid(), md5(g::text), inn.id, m.id,
  DATE '2026-11-23' - (r1 * 2190)::int,
  30 + (r2 * 8)::int * 30,
  (ARRAY['meeting','workshop','codesign','event','info_desk','site_visit','mapping_survey','network_table','consulting','training','other'])[1 + (r3 * 11)::int % 11],
  (ARRAY['Laboratorio di co-progettazione','Incontro con la cittadinanza','Tavolo di rete','Sportello informativo','Mappatura degli spazi','Visita all''immobile confiscato','Festa di quartiere','Formazione per volontari','Assemblea pubblica','Consulenza alle associazioni','Passeggiata di comunità','Laboratori per i giovani'])[1 + (r4 * 12)::int % 12]
    || ' ' || (ARRAY['a','presso','con','per'])[1 + g % 4] || ' ' ||
  (ARRAY['la scuola media','il centro anziani','la biblioteca comunale','l''oratorio','la piazza','il mercato','l''università','la parrocchia','il porto','gli orti urbani'])[1 + (r5 * 10)::int % 10],
  CASE WHEN g % 3 = 0 THEN NULL ELSE (ARRAY['Attività svolta con la comunità locale e le associazioni del territorio.','Si è discusso della rigenerazione dello spazio e delle opportunità per i giovani della città.','Partecipazione alta; emersi bisogni di formazione e di spazi per le attività culturali.','Incontro preparatorio: raccolte le disponibilità dei volontari e delle cooperative.'])[1 + g % 4] END,
  (r2 * 60)::int, (r2 * 20)::int, (r2 * 10)::int,
  (ARRAY(SELECT t FROM unnest(ARRAY['social_inclusion','youth','elderly','families','migrants','disability','education','culture','sport','environment','urban_regeneration','legality','work','digital','health','housing','mobility','tourism']) WITH ORDINALITY u(t, i) WHERE (i + g) % 18 < 1 + g % 3)),
  CASE WHEN g % 4 = 0 THEN 41.0 + r3 * 0.5 END, CASE WHEN g % 4 = 0 THEN 16.5 + r4 * 0.5 END,
  CASE WHEN g % 2 = 0 THEN 'Concordato un secondo incontro; la città metropolitana fornirà i materiali.' END,
  s.status,
  CASE WHEN s.status <> 'draft' THEN now() END, CASE WHEN s.status <> 'draft' THEN inn.id END,
  CASE WHEN s.status IN ('approved','returned') THEN now() END, CASE WHEN s.status IN ('approved','returned') THEN (SELECT id FROM coord) END,
  inn.id
FROM (SELECT g, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6 FROM generate_series(1, 1000000) g) x
JOIN inn ON inn.n = x.g % 40
JOIN munis m ON m.n = (inn.n + (ARRAY[0,13,27])[1 + (x.g / 40) % 3]) % 41
CROSS JOIN LATERAL (SELECT CASE WHEN x.r6 < 0.85 THEN 'approved' WHEN x.r6 < 0.92 THEN 'submitted' WHEN x.r6 < 0.95 THEN 'returned' ELSE 'draft' END AS status) s;
-- 0 to 3 organizations per activity, mostly of the activity's municipality's neighbourhood (random here)
INSERT INTO activity_organizations (tenant_id, activity_id, organization_id)
SELECT DISTINCT a.tenant_id, a.id, o.id
FROM (SELECT id, tenant_id, row_number() OVER () AS n FROM activities) a
CROSS JOIN LATERAL generate_series(1, (a.n % 4)::int) k
JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM organizations) o ON o.n = (a.n * 7 + k * 1031) % 5000;
CREATE INDEX activities_list_idx ON activities (tenant_id, date DESC, id DESC) INCLUDE (status, municipality_id, author_id, type);
CREATE INDEX activities_municipality_idx ON activities (tenant_id, municipality_id, date DESC, id DESC) INCLUDE (status, author_id, type);
CREATE INDEX activities_author_idx ON activities (tenant_id, author_id, date DESC, id DESC) INCLUDE (status, municipality_id, type);
CREATE INDEX activities_status_idx ON activities (tenant_id, status, date DESC, id DESC) INCLUDE (municipality_id, author_id);
CREATE INDEX activities_type_idx ON activities (tenant_id, type, date DESC, id DESC);
CREATE INDEX activities_themes_idx ON activities USING gin (themes);
CREATE INDEX activities_search_idx ON activities USING gin (search);
VACUUM ANALYZE activities;
VACUUM ANALYZE activity_organizations;
ANALYZE;
