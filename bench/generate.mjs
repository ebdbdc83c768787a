// Synthetic data for benchmarks: innovators, organizations, buildings, initiatives and activities in
// the municipalities of a seeded tenant (default Bari, 272), with realistic Italian text.
// Deterministic by --seed.
//
//   node bench/generate.mjs --database-url postgres://… [--tenant 272] [--activities 100000]
//                           [--innovators 40] [--organizations 30000] [--buildings 50000]
//                           [--initiatives 20000] [--seed 42]
//
// Organizations carry every field of the register (address, point, themes, target groups, offers and
// needs, size, contact with consent, verification); buildings their reuse stage (with its history and,
// once assigned, the assignment to an organization with its end date); initiatives their
// municipalities, lead and partners, funding, and sometimes a hosting building. Points lie near each
// municipality's representative point. Some activities name a building or an initiative.
//
// Writes straight into PostgreSQL in batches (unnest), in one tenant, after the app has migrated
// the database and imported the territory. Innovators get the password BENCH_PASSWORD.
import { parseArgs } from 'node:util';
import argon2 from 'argon2';
import pg from 'pg';

export const BENCH_PASSWORD = 'Bench-password-2026';

const FIRST = [
  'Giuseppe',
  'Maria',
  'Antonio',
  'Anna',
  'Francesco',
  'Giulia',
  'Vito',
  'Rosa',
  'Nicola',
  'Angela',
  'Michele',
  'Teresa',
  'Domenico',
  'Lucia',
  'Pasquale',
  'Francesca',
  'Luca',
  'Chiara',
  'Marco',
  'Sara',
  'Savino',
  'Grazia',
  'Onofrio',
  'Isabella',
  'Cosimo',
  'Elena',
];
const LAST = [
  'De Benedictis',
  'Lorusso',
  'Colella',
  'Losito',
  'Caputo',
  'Minervini',
  'Amoruso',
  'Tricarico',
  'Sciannamea',
  'Di Bari',
  'Laforgia',
  "D'Introno",
  'Fiore',
  'Ranieri',
  'Germinario',
  'Pascazio',
  'Gadaleta',
  'Spadavecchia',
  'Mastrolonardo',
  'Carbonara',
  'Giannelli',
  'Mongelli',
];
const ORG_PREFIX = [
  ['aps', 'APS'],
  ['odv', 'ODV'],
  ['social_enterprise', 'Cooperativa sociale'],
  ['informal_group', 'Comitato'],
  ['school', 'Istituto comprensivo'],
  ['company', 'Impresa'],
  ['foundation', 'Fondazione'],
  ['network', 'Rete'],
  ['religious_body', 'Parrocchia'],
  ['other_ets', 'Associazione'],
];
const ORG_NAME = [
  'Il Melograno',
  'Terra di Bari',
  'Nuovi Orizzonti',
  'La Lampara',
  'Murgia Viva',
  'Porta Aperta',
  'Il Faro',
  'Semi di Comunità',
  'Officina Sociale',
  'Mare Nostrum',
  'Il Trullo',
  'Ponti Solidali',
  'Kaleidos',
  'San Nicola',
  'Argonauti',
  'La Bottega dei Saperi',
  'Civico 5',
  'Ulivi e Radici',
  'Città Futura',
  'Piazza Grande',
];
const TYPES = [
  'meeting',
  'workshop',
  'codesign',
  'event',
  'info_desk',
  'site_visit',
  'mapping_survey',
  'network_table',
  'consulting',
  'training',
  'other',
];
const TYPE_WEIGHTS = [20, 12, 8, 8, 10, 8, 8, 10, 8, 5, 3];
const TYPE_TITLE = {
  meeting: 'Incontro',
  workshop: 'Laboratorio',
  codesign: 'Sessione di co-progettazione',
  event: 'Evento pubblico',
  info_desk: 'Sportello informativo',
  site_visit: 'Sopralluogo',
  mapping_survey: 'Rilevazione per la mappatura',
  network_table: 'Tavolo di rete',
  consulting: 'Consulenza',
  training: 'Formazione',
  other: 'Attività',
};
const THEMES = [
  'social_inclusion',
  'youth',
  'elderly',
  'families',
  'migrants',
  'disability',
  'education',
  'culture',
  'sport',
  'environment',
  'urban_regeneration',
  'legality',
  'work',
  'digital',
  'health',
  'housing',
  'mobility',
  'tourism',
];
const THEME_TEXT = {
  social_inclusion: 'inclusione sociale',
  youth: 'politiche giovanili',
  elderly: 'invecchiamento attivo',
  families: 'sostegno alle famiglie',
  migrants: 'accoglienza e integrazione',
  disability: 'disabilità e accessibilità',
  education: 'povertà educativa',
  culture: 'cultura e biblioteche',
  sport: 'sport di quartiere',
  environment: 'cura del verde e ambiente',
  urban_regeneration: 'rigenerazione urbana',
  legality: 'legalità e beni confiscati',
  work: 'orientamento al lavoro',
  digital: 'competenze digitali',
  health: 'salute di comunità',
  housing: 'abitare collaborativo',
  mobility: 'mobilità sostenibile',
  tourism: 'turismo di prossimità',
};
const PLACES = [
  'centro storico',
  'quartiere San Paolo',
  'biblioteca comunale',
  'scuola media',
  'centro anziani',
  'parrocchia',
  'villa comunale',
  'mercato coperto',
  'ex convento',
  'casa di quartiere',
  'oratorio',
  'lungomare',
];
const OUTCOMES = [
  'Raccolte proposte dei partecipanti',
  'Concordato un calendario di incontri',
  'Individuati tre spazi da verificare',
  'Attivata una collaborazione tra associazioni',
  'Emerse esigenze di formazione',
  'Definito un gruppo di lavoro',
];

const TARGET_GROUPS = [
  'children',
  'youth',
  'adults',
  'elderly',
  'families',
  'women',
  'migrants',
  'people_with_disabilities',
  'unemployed',
  'people_in_poverty',
  'detainees',
  'students',
  'general_public',
];
const RESOURCES = ['space', 'volunteers', 'skills', 'funding', 'equipment', 'partners', 'communication', 'training', 'mentoring'];
const STREETS = [
  'Via Sparano',
  'Corso Vittorio Emanuele',
  'Via Roma',
  'Piazza Municipio',
  'Via Giuseppe Garibaldi',
  'Via Dante Alighieri',
  'Corso Umberto I',
  'Via Cavour',
  'Largo Plebiscito',
  'Via della Repubblica',
  'Via Madonna dei Martiri',
  'Via San Francesco',
];
const BUILDING_KIND = [
  'Ex scuola elementare',
  'Ex mercato coperto',
  'Casa cantoniera',
  'Ex caserma',
  'Masseria',
  'Villa confiscata',
  'Ex mattatoio',
  'Palazzo storico',
  'Ex convento',
  'Capannone',
  'Appartamento confiscato',
  'Ex stazione',
];
const STAGES = ['mapped', 'assessed', 'planned', 'assigned', 'active', 'discarded'];
const STAGE_WEIGHTS = [40, 20, 12, 10, 12, 6];
const OWNERSHIPS = ['municipal', 'metro_city', 'region', 'state', 'other_public', 'private', 'confiscated'];
const OWNERSHIP_WEIGHTS = [45, 8, 5, 6, 6, 20, 10];
const INSTRUMENTS = ['call', 'collaboration_pact', 'free_loan', 'concession', 'lease', 'other'];
const INITIATIVE_STATUSES = ['idea', 'planned', 'running', 'completed', 'stopped'];
const INITIATIVE_STATUS_WEIGHTS = [15, 20, 35, 22, 8];
const FUNDING = ['eu', 'national', 'regional', 'metro_city', 'municipal', 'private', 'foundation', 'crowdfunding', 'own', 'other'];
const FUNDING_WEIGHTS = [15, 12, 20, 6, 12, 8, 10, 3, 10, 4];
const PUBLIC_FUNDING = new Set(['eu', 'national', 'regional', 'metro_city', 'municipal']);
const INITIATIVE_TITLE = [
  'Orti sociali',
  'Doposcuola di quartiere',
  'Biblioteca di comunità',
  'Sportello per il lavoro',
  'Cucina solidale',
  'Laboratorio di riparazione',
  'Festival di strada',
  'Palestra popolare',
  'Emporio solidale',
  'Cohousing per anziani',
  'Scuola di italiano',
  'Ciclofficina',
];

/**
 * INSERT … SELECT FROM unnest(…) of column arrays. `types` are the PostgreSQL array types of the first
 * columns (one array each, in `cols`; `lists` = a text[] column given as '{a,b}' literals); the next
 * column is the tenant ($n+1); any further columns take the SQL expressions of `extra`, whose
 * parameters are `extraValues` (from $n+2).
 */
async function insertColumns(client, table, columns, types, cols, returning, tenantId, extra = [], extraValues = []) {
  const params = types.map((t, k) => `$${k + 1}::${t === 'lists' ? 'text[]' : t}`).join(', ');
  const names = types.map((_, k) => `c${k + 1}`).join(', ');
  const selected = types.map((t, k) => (t === 'lists' ? `c${k + 1}::text[]` : `c${k + 1}`)).join(', ');
  const { rows } = await client.query(
    `INSERT INTO ${table} (${columns.join(', ')})
     SELECT ${[selected, `$${types.length + 1}::uuid`, ...extra].join(', ')} FROM unnest(${params}) AS u(${names}) ${returning}`,
    [...cols, tenantId, ...extraValues],
  );
  return rows;
}

/** A valid partita IVA (11 digits, the last a check digit) made from a sequence number. */
function partitaIva(n) {
  const digits = `${String(n).padStart(7, '0')}072`.split('').map(Number);
  let sum = 0;
  digits.forEach((d, k) => {
    if (k % 2 === 0) sum += d;
    else sum += d * 2 > 9 ? d * 2 - 9 : d * 2;
  });
  return `${digits.join('')}${(10 - (sum % 10)) % 10}`;
}

/** A subset of 0..max items of a list. */
const some = (rnd, list, max) => [...new Set(Array.from({ length: rnd.int(max + 1) }, () => rnd.pick(list)))];
const pgArray = (list) => `{${list.join(',')}}`;

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRandom(seed) {
  const next = mulberry32(seed);
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const weighted = (list, weights) => {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = next() * total;
    for (let i = 0; i < list.length; i++) if ((r -= weights[i]) < 0) return list[i];
    return list[list.length - 1];
  };
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => int(16).toString(16));
    hex[12] = '4';
    hex[16] = '89ab'[int(4)];
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  return { next, int, pick, weighted, uuid };
}

const iso = (d) => d.toISOString().slice(0, 10);

export async function generate({
  databaseUrl,
  tenant = '272',
  activities = 100_000,
  innovators = 40,
  organizations = 30_000,
  buildings = 50_000,
  initiatives = 20_000,
  seed = 42,
  log = console.log,
}) {
  const rnd = makeRandom(seed);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = Date.now();
  try {
    const [t] = (await client.query('SELECT tenant_id AS id FROM tenants WHERE istat_code = $1', [tenant])).rows;
    if (!t) throw new Error(`tenant ${tenant} not found: start the app once so that it imports the territory`);
    const munis = (await client.query('SELECT id, name, lat, lon FROM municipalities WHERE tenant_id = $1 ORDER BY istat_code', [t.id]))
      .rows;
    const [coordinator] = (
      await client.query(`SELECT id FROM users WHERE tenant_id = $1 AND role = 'coordinator' ORDER BY created_at LIMIT 1`, [t.id])
    ).rows;
    const hash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });

    // innovators, each assigned to 2-5 municipalities (the demo innovator included)
    const team = [];
    for (let i = 0; i < innovators; i++) {
      const first = rnd.pick(FIRST);
      const last = rnd.pick(LAST);
      const email = `bench.innovatore.${i + 1}@trama.test`;
      const { rows } = await client.query(
        `INSERT INTO users (tenant_id, email, full_name, role, password_hash, hired_on, contract_end)
         VALUES ($1, $2, $3, 'innovator', $4, $5, '2027-12-31')
         ON CONFLICT (email) DO UPDATE SET full_name = EXCLUDED.full_name RETURNING id`,
        [t.id, email, `${first} ${last}`, hash, iso(new Date(Date.UTC(2024, rnd.int(12), 1 + rnd.int(28))))],
      );
      const assigned = new Set();
      const count = 2 + rnd.int(4);
      while (assigned.size < count) assigned.add(munis[rnd.int(munis.length)]);
      await client.query('DELETE FROM user_municipalities WHERE user_id = $1', [rows[0].id]);
      for (const m of assigned) {
        await client.query('INSERT INTO user_municipalities (user_id, municipality_id, tenant_id) VALUES ($1, $2, $3)', [
          rows[0].id,
          m.id,
          t.id,
        ]);
      }
      team.push({ id: rows[0].id, email, munis: [...assigned] });
    }

    // the registers draw from their own random stream: the activities' stream stays as it was
    const reg = makeRandom(seed + 2);
    const now = Date.UTC(2026, 11, 1);
    const DAY = 86_400_000;
    /** a point near the municipality's representative point (~±2.5 km), as a register's records are */
    const near = (m) => [m.lat + (reg.next() - 0.5) * 0.045, m.lon + (reg.next() - 0.5) * 0.06];
    const address = () => `${reg.pick(STREETS)}, ${1 + reg.int(180)}`;

    // organizations spread over the territory, every field of the register filled as a real one would be
    const orgIds = [];
    const orgsByMuni = new Map(munis.map((m) => [m.id, []]));
    for (let start = 0; start < organizations; start += 5000) {
      const n = Math.min(5000, organizations - start);
      const cols = Array.from({ length: 27 }, () => []);
      for (let i = 0; i < n; i++) {
        const [kind, prefix] = rnd.pick(ORG_PREFIX);
        const muni = munis[rnd.int(munis.length)];
        const name = `${prefix} ${rnd.pick(ORG_NAME)} ${start + i + 1}`;
        const placed = reg.next() < 0.8;
        const [lat, lon] = near(muni);
        const themes = some(reg, THEMES, 3);
        const consent = reg.next() < 0.4;
        const first = reg.pick(FIRST);
        const last = reg.pick(LAST);
        const verified = reg.next() < 0.6 ? new Date(now - reg.int(730) * DAY) : null;
        const active = reg.next() < 0.94;
        const values = [
          rnd.uuid(),
          'bench',
          name,
          kind,
          muni.id,
          reg.next() < 0.6 ? partitaIva(start + i + 1) : null,
          active,
          `${name} opera a ${muni.name} su ${themes.map((x) => THEME_TEXT[x]).join(', ') || 'temi di comunità'}.`,
          reg.next() < 0.85 ? address() : null,
          placed ? lat : null,
          placed ? lon : null,
          pgArray(themes),
          pgArray(some(reg, TARGET_GROUPS, 3)),
          pgArray(some(reg, RESOURCES, 3)),
          pgArray(some(reg, RESOURCES, 2)),
          reg.weighted(['micro', 'small', 'medium', 'large', null], [45, 30, 12, 3, 10]),
          reg.next() < 0.5 ? `https://www.example.org/org-${start + i + 1}` : null,
          consent ? `${first} ${last}` : null,
          consent ? `contatto.${start + i + 1}@example.org` : null,
          consent && reg.next() < 0.7 ? `+39 080 ${String(1_000_000 + reg.int(8_999_999)).slice(0, 7)}` : null,
          consent,
          consent ? new Date(now - reg.int(900) * DAY) : null,
          reg.next() < 0.3 ? 'Sede aperta il martedì e il giovedì pomeriggio.' : null,
          reg.next() < 0.1 ? 'Da ricontattare dopo il cambio di presidenza.' : null,
          verified,
          verified ? (coordinator?.id ?? null) : null,
          coordinator?.id ?? null,
        ];
        values.forEach((v, k) => cols[k].push(v));
      }
      const rows = await insertColumns(
        client,
        'organizations',
        [
          'client_id',
          'client_hash',
          'name',
          'kind',
          'municipality_id',
          'tax_code',
          'active',
          'description',
          'address',
          'lat',
          'lon',
          'themes',
          'target_groups',
          'offers',
          'needs',
          'size',
          'website',
          'contact_name',
          'contact_email',
          'contact_phone',
          'contact_consent',
          'contact_consent_at',
          'notes',
          'internal_notes',
          'last_verified_at',
          'last_verified_by',
          'created_by',
          'tenant_id',
        ],
        [
          'uuid[]',
          'text[]',
          'text[]',
          'text[]',
          'uuid[]',
          'text[]',
          'bool[]',
          'text[]',
          'text[]',
          'float8[]',
          'float8[]',
          'lists',
          'lists',
          'lists',
          'lists',
          'text[]',
          'text[]',
          'text[]',
          'text[]',
          'text[]',
          'bool[]',
          'timestamptz[]',
          'text[]',
          'text[]',
          'timestamptz[]',
          'uuid[]',
          'uuid[]',
        ],
        cols,
        'RETURNING id, municipality_id',
        t.id,
      );
      for (const r of rows) {
        orgIds.push(r.id);
        orgsByMuni.get(r.municipality_id).push(r.id);
      }
    }
    log(`  ${organizations.toLocaleString('en')} organizations`);

    // buildings: the reuse pipeline, its history, and the current assignment of assigned/active ones
    const buildingsByMuni = new Map(munis.map((m) => [m.id, []]));
    const PIPELINE = ['mapped', 'assessed', 'planned', 'assigned', 'active'];
    for (let start = 0; start < buildings; start += 5000) {
      const n = Math.min(5000, buildings - start);
      const cols = Array.from({ length: 23 }, () => []);
      const history = Array.from({ length: 6 }, () => []);
      const assignments = Array.from({ length: 7 }, () => []);
      for (let i = 0; i < n; i++) {
        const id = reg.uuid();
        const muni = munis[reg.int(munis.length)];
        const kind = reg.pick(BUILDING_KIND);
        const stage = reg.weighted(STAGES, STAGE_WEIGHTS);
        const ownership = kind.includes('confiscat') ? 'confiscated' : reg.weighted(OWNERSHIPS, OWNERSHIP_WEIGHTS);
        const placed = reg.next() < 0.9;
        const [lat, lon] = near(muni);
        const mappedAt = now - (200 + reg.int(1500)) * DAY;
        const verified = reg.next() < 0.5 ? new Date(now - reg.int(730) * DAY) : null;
        const openingDate = stage === 'active' ? iso(new Date(now - reg.int(900) * DAY)) : null;
        const values = [
          id,
          reg.uuid(),
          'bench',
          muni.id,
          `${kind} ${reg.pick(STREETS).replace(/^(Via|Corso|Piazza|Largo) /, '')} ${start + i + 1}`,
          reg.next() < 0.9 ? address() : null,
          placed ? lat : null,
          placed ? lon : null,
          ownership,
          ownership === 'private' ? `${reg.pick(FIRST)} ${reg.pick(LAST)}` : `Comune di ${muni.name}`,
          reg.next() < 0.6 ? `Foglio ${1 + reg.int(120)}, particella ${1 + reg.int(900)}` : null,
          reg.next() < 0.85 ? 40 + reg.int(3000) : null,
          reg.next() < 0.5 ? reg.int(20000) : null,
          reg.weighted(['good', 'fair', 'poor', 'ruin'], [20, 40, 30, 10]),
          stage === 'active' ? 'in_use' : reg.weighted(['unused', 'underused', 'partly_used', 'in_use'], [50, 25, 15, 10]),
          reg.weighted(['accessible', 'partly_accessible', 'not_accessible', 'unknown'], [25, 30, 20, 25]),
          pgArray(some(reg, ['heritage', 'landscape', 'hydrogeological', 'urban_planning', 'other'], 2)),
          pgArray(some(reg, ['social', 'cultural', 'economic', 'sport', 'education', 'housing'], 3)),
          stage,
          openingDate,
          ownership === 'confiscated' ? `ANBSC-BA-${String(start + i + 1).padStart(6, '0')}` : null,
          ownership === 'confiscated' ? iso(new Date(mappedAt - (100 + reg.int(3000)) * DAY)) : null,
          verified,
        ];
        values.forEach((v, k) => cols[k].push(v));
        // the history: along the pipeline up to the stage (a discarded one left from where it was)
        const path =
          stage === 'discarded' ? [...PIPELINE.slice(0, 1 + reg.int(3)), 'discarded'] : PIPELINE.slice(0, PIPELINE.indexOf(stage) + 1);
        let at = mappedAt;
        path.forEach((to, k) => {
          history[0].push(id);
          history[1].push(k === 0 ? null : path[k - 1]);
          history[2].push(to);
          history[3].push(to === 'discarded' ? 'Costi di ristrutturazione non sostenibili.' : null);
          history[4].push(new Date(at));
          history[5].push(coordinator?.id ?? null);
          at += (20 + reg.int(200)) * DAY;
        });
        if (stage === 'assigned' || stage === 'active') {
          // the end dates: a few overdue, many in the next years, some inside the expiry window
          const endDate = new Date(now + (reg.int(2200) - 200) * DAY);
          const startDate = new Date(Math.min(at, endDate.getTime() - 365 * DAY));
          const candidates = orgsByMuni.get(muni.id);
          assignments[0].push(id);
          assignments[1].push(candidates.length ? reg.pick(candidates) : reg.pick(orgIds));
          assignments[2].push(reg.weighted(INSTRUMENTS, [30, 25, 20, 15, 7, 3]));
          assignments[3].push(iso(startDate));
          assignments[4].push(iso(endDate));
          assignments[5].push(null);
          assignments[6].push(coordinator?.id ?? null);
        }
        buildingsByMuni.get(muni.id).push(id);
      }
      await client.query('BEGIN');
      await insertColumns(
        client,
        'buildings',
        [
          'id',
          'client_id',
          'client_hash',
          'municipality_id',
          'name',
          'address',
          'lat',
          'lon',
          'ownership',
          'owner',
          'cadastral_reference',
          'indoor_area_m2',
          'outdoor_area_m2',
          'condition',
          'current_use',
          'accessibility',
          'constraints',
          'suitable_uses',
          'stage',
          'opening_date',
          'anbsc_code',
          'confiscation_decree_date',
          'last_verified_at',
          'tenant_id',
          'last_verified_by',
          'created_by',
        ],
        [
          'uuid[]',
          'uuid[]',
          'text[]',
          'uuid[]',
          'text[]',
          'text[]',
          'float8[]',
          'float8[]',
          'text[]',
          'text[]',
          'text[]',
          'float8[]',
          'float8[]',
          'text[]',
          'text[]',
          'text[]',
          'lists',
          'lists',
          'text[]',
          'date[]',
          'text[]',
          'date[]',
          'timestamptz[]',
        ],
        cols,
        '',
        t.id,
        [`CASE WHEN c23 IS NULL THEN NULL ELSE $${cols.length + 2}::uuid END`, `$${cols.length + 2}::uuid`],
        [coordinator?.id ?? null],
      );
      await insertColumns(
        client,
        'building_stage_changes',
        ['building_id', 'from_stage', 'to_stage', 'reason', 'at', 'created_by', 'tenant_id'],
        ['uuid[]', 'text[]', 'text[]', 'text[]', 'timestamptz[]', 'uuid[]'],
        history,
        '',
        t.id,
      );
      await insertColumns(
        client,
        'building_assignments',
        ['building_id', 'organization_id', 'instrument', 'start_date', 'end_date', 'ended_at', 'created_by', 'tenant_id'],
        ['uuid[]', 'uuid[]', 'text[]', 'date[]', 'date[]', 'timestamptz[]', 'uuid[]'],
        assignments,
        '',
        t.id,
      );
      await client.query('COMMIT');
    }
    log(`  ${buildings.toLocaleString('en')} buildings`);

    // initiatives: one to three municipalities, a lead and partners, funding; some hosted in a building
    const initiativesByMuni = new Map(munis.map((m) => [m.id, []]));
    for (let start = 0; start < initiatives; start += 5000) {
      const n = Math.min(5000, initiatives - start);
      const cols = Array.from({ length: 20 }, () => []);
      const inMunis = [[], []];
      const partners = [[], [], []];
      const changes = Array.from({ length: 5 }, () => []);
      for (let i = 0; i < n; i++) {
        const id = reg.uuid();
        const muni = munis[reg.int(munis.length)];
        const status = reg.weighted(INITIATIVE_STATUSES, INITIATIVE_STATUS_WEIGHTS);
        const themes = some(reg, THEMES, 3);
        if (!themes.length) themes.push(reg.pick(THEMES));
        const hostCandidates = buildingsByMuni.get(muni.id);
        const hosted = hostCandidates.length && reg.next() < 0.15 ? reg.pick(hostCandidates) : null;
        const placed = reg.next() < 0.7;
        const [lat, lon] = near(muni);
        const startDate = status === 'idea' ? null : new Date(now + (reg.int(1400) - 1100) * DAY);
        const endDate =
          startDate && (status === 'completed' || status === 'stopped' || reg.next() < 0.6)
            ? new Date(startDate.getTime() + (60 + reg.int(900)) * DAY)
            : null;
        const funding = status === 'idea' && reg.next() < 0.5 ? null : reg.weighted(FUNDING, FUNDING_WEIGHTS);
        const needsCup = funding && PUBLIC_FUNDING.has(funding) && (status === 'running' || status === 'completed');
        const title = `${reg.pick(INITIATIVE_TITLE)} a ${muni.name} ${start + i + 1}`;
        const values = [
          id,
          reg.uuid(),
          'bench',
          title,
          `${title}: un progetto su ${themes.map((x) => THEME_TEXT[x]).join(', ')} con le realtà del territorio.`,
          muni.id,
          hosted,
          pgArray(themes),
          status,
          startDate ? iso(startDate) : null,
          endDate ? iso(endDate) : null,
          funding,
          funding ? 5000 + reg.int(400) * 1000 : null,
          needsCup ? `B${String(10 + reg.int(89))}${'ABCDEFGHIJ'[reg.int(10)]}${String(start + i + 1).padStart(11, '0')}` : null,
          status === 'running' || status === 'completed' ? 10 + reg.int(2000) : null,
          status === 'running' || status === 'completed' ? 'Giovani, famiglie e anziani del quartiere.' : null,
          placed ? lat : null,
          placed ? lon : null,
          status === 'stopped' ? 'Finanziamento revocato.' : null,
          coordinator?.id ?? null,
        ];
        values.forEach((v, k) => cols[k].push(v));
        const where = new Set([muni.id]);
        const extra = reg.weighted([0, 1, 2], [70, 20, 10]);
        while (where.size < 1 + extra) where.add(munis[reg.int(munis.length)].id);
        for (const m of where) {
          inMunis[0].push(id);
          inMunis[1].push(m);
          initiativesByMuni.get(m).push(id);
        }
        const local = orgsByMuni.get(muni.id);
        const members = new Set();
        if (reg.next() < 0.8) members.add(local.length ? reg.pick(local) : reg.pick(orgIds));
        const lead = members.size === 1;
        for (let k = reg.int(4); k > 0; k--) members.add(reg.pick(orgIds));
        [...members].forEach((o, k) => {
          partners[0].push(id);
          partners[1].push(o);
          partners[2].push(lead && k === 0 ? 'lead' : 'partner');
        });
        changes[0].push(id);
        changes[1].push(null);
        changes[2].push(status);
        changes[3].push(startDate && status !== 'planned' ? iso(status === 'running' ? startDate : (endDate ?? startDate)) : null);
        changes[4].push(status === 'stopped' ? 'Finanziamento revocato.' : null);
      }
      await client.query('BEGIN');
      await insertColumns(
        client,
        'initiatives',
        [
          'id',
          'client_id',
          'client_hash',
          'title',
          'description',
          'municipality_id',
          'building_id',
          'themes',
          'status',
          'start_date',
          'end_date',
          'funding_source',
          'funding_amount',
          'cup',
          'beneficiaries_count',
          'beneficiaries_description',
          'lat',
          'lon',
          'stop_reason',
          'created_by',
          'tenant_id',
        ],
        [
          'uuid[]',
          'uuid[]',
          'text[]',
          'text[]',
          'text[]',
          'uuid[]',
          'uuid[]',
          'lists',
          'text[]',
          'date[]',
          'date[]',
          'text[]',
          'numeric[]',
          'text[]',
          'int[]',
          'text[]',
          'float8[]',
          'float8[]',
          'text[]',
          'uuid[]',
        ],
        cols,
        '',
        t.id,
      );
      await insertColumns(
        client,
        'initiative_municipalities',
        ['initiative_id', 'municipality_id', 'tenant_id'],
        ['uuid[]', 'uuid[]'],
        inMunis,
        '',
        t.id,
      );
      await insertColumns(
        client,
        'initiative_organizations',
        ['initiative_id', 'organization_id', 'role', 'tenant_id'],
        ['uuid[]', 'uuid[]', 'text[]'],
        partners,
        '',
        t.id,
      );
      await insertColumns(
        client,
        'initiative_status_changes',
        ['initiative_id', 'from_status', 'to_status', 'effective_date', 'reason', 'tenant_id'],
        ['uuid[]', 'text[]', 'text[]', 'date[]', 'text[]'],
        changes,
        '',
        t.id,
      );
      await client.query('COMMIT');
    }
    log(`  ${initiatives.toLocaleString('en')} initiatives`);

    // where activities happen: venues around each municipality's point (~±3 km), drawn from their own
    // random stream so that the rest of the data is the same as before points existed
    const place = makeRandom(seed + 1);
    const venues = new Map(
      munis.map((m) => [
        m.id,
        Array.from({ length: 30 + place.int(60) }, () => [m.lat + (place.next() - 0.5) * 0.05, m.lon + (place.next() - 0.5) * 0.07]),
      ]),
    );

    const link = makeRandom(seed + 3);

    // activities over the last three years
    const end = Date.UTC(2026, 10, 20);
    const span = 3 * 365;
    const BATCH = 5000;
    let written = 0;
    for (let start = 0; start < activities; start += BATCH) {
      const n = Math.min(BATCH, activities - start);
      const cols = Array.from({ length: 26 }, () => []);
      const links = [[], []];
      for (let i = 0; i < n; i++) {
        const author = rnd.pick(team);
        const muni = rnd.pick(author.munis);
        const type = rnd.weighted(TYPES, TYPE_WEIGHTS);
        const themes = [...new Set(Array.from({ length: 1 + rnd.int(3) }, () => rnd.pick(THEMES)))];
        const date = new Date(end - rnd.int(span) * 86_400_000);
        const total = type === 'consulting' || type === 'site_visit' ? 1 + rnd.int(5) : 5 + rnd.int(80);
        const citizens = Math.floor(total * 0.5);
        const youth = Math.floor(total * 0.2);
        const ets = Math.floor(total * 0.1);
        const status = rnd.weighted(['approved', 'submitted', 'returned', 'draft'], [80, 10, 4, 6]);
        const submittedAt = status === 'draft' ? null : new Date(date.getTime() + (1 + rnd.int(72)) * 3_600_000);
        const reviewedAt =
          status === 'approved' || status === 'returned' ? new Date(submittedAt.getTime() + (2 + rnd.int(240)) * 3_600_000) : null;
        const id = rnd.uuid();
        const title = `${TYPE_TITLE[type]} su ${THEME_TEXT[themes[0]]} a ${muni.name}`;
        const description = `${TYPE_TITLE[type]} presso ${rnd.pick(PLACES)} con cittadini e realtà del territorio sul tema ${THEME_TEXT[rnd.pick(themes)]}.`;
        const values = [
          id,
          rnd.uuid(),
          author.id,
          muni.id,
          iso(date),
          30 + 15 * rnd.int(16),
          type,
          title,
          description,
          total,
          citizens,
          youth,
          ets,
          themes.length ? `{${themes.join(',')}}` : '{}',
          rnd.pick(OUTCOMES),
          status,
          submittedAt,
          status === 'draft' ? null : author.id,
          reviewedAt,
          reviewedAt ? (coordinator?.id ?? null) : null,
          status === 'returned' ? 'Indicare meglio i partecipanti per gruppo.' : null,
          author.id,
        ];
        // 85% placed on the map, at one of the municipality's venues (a few metres apart)
        const [venueLat, venueLon] = place.pick(venues.get(muni.id));
        const placed = place.next() < 0.85;
        values.push(placed ? venueLat + (place.next() - 0.5) * 0.0006 : null, placed ? venueLon + (place.next() - 0.5) * 0.0008 : null);
        // 5% held in a building of the municipality, 10% part of an initiative there (their own stream too)
        const buildingsThere = buildingsByMuni.get(muni.id);
        const initiativesThere = initiativesByMuni.get(muni.id);
        values.push(
          buildingsThere.length && link.next() < 0.05 ? link.pick(buildingsThere) : null,
          initiativesThere.length && link.next() < 0.1 ? link.pick(initiativesThere) : null,
        );
        values.forEach((v, k) => cols[k].push(v));
        const linked = rnd.int(4);
        for (let k = 0; k < linked; k++) {
          links[0].push(id);
          links[1].push(orgIds[rnd.int(orgIds.length)]);
        }
      }
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO activities (id, client_id, author_id, municipality_id, date, duration_minutes, type, title, description,
                                 participants_total, participants_citizens, participants_youth, participants_ets, themes, outcomes,
                                 status, submitted_at, submitted_by, reviewed_at, reviewed_by, review_comment, created_by,
                                 lat, lon, building_id, initiative_id, tenant_id, client_hash)
         SELECT c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14::text[], c15, c16, c17, c18, c19, c20, c21, c22, c23, c24,
                c25, c26, $27::uuid, 'bench'
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::date[], $6::int[], $7::text[], $8::text[],
                       $9::text[], $10::int[], $11::int[], $12::int[], $13::int[], $14::text[], $15::text[], $16::text[],
                       $17::timestamptz[], $18::uuid[], $19::timestamptz[], $20::uuid[], $21::text[], $22::uuid[],
                       $23::float8[], $24::float8[], $25::uuid[], $26::uuid[])
                AS u(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, c20, c21, c22, c23, c24,
                     c25, c26)`,
        [...cols, t.id],
      );
      await client.query(
        `INSERT INTO activity_organizations (tenant_id, activity_id, organization_id)
         SELECT DISTINCT $1::uuid, a, o FROM unnest($2::uuid[], $3::uuid[]) AS x(a, o) ON CONFLICT DO NOTHING`,
        [t.id, links[0], links[1]],
      );
      await client.query('COMMIT');
      written += n;
      if (written % 100_000 === 0 || written === activities) log(`  ${written.toLocaleString('en')} activities`);
    }
    // VACUUM sets the visibility map that index-only scans rely on (autovacuum would, later)
    const tables = ['activities', 'activity_organizations', 'organizations', 'users', 'buildings', 'building_stage_changes'];
    tables.push(
      'building_assignments',
      'initiatives',
      'initiative_municipalities',
      'initiative_organizations',
      'initiative_status_changes',
    );
    for (const table of tables) await client.query(`VACUUM ANALYZE ${table}`);
    log(
      `generated ${innovators} innovators, ${organizations.toLocaleString('en')} organizations, ${buildings.toLocaleString('en')} buildings, ${initiatives.toLocaleString('en')} initiatives, ${activities.toLocaleString('en')} activities in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${seed})`,
    );
    return { team };
  } finally {
    await client.end();
  }
}

/**
 * Plants the hidden structure the collaboration model is evaluated on (docs/collaborations.md,
 * "Evaluation"): `pairs` pairs of organizations of one municipality, made complementary (the first
 * offers a resource the second needs, and they share a theme), that start working together in the
 * last 12 months before `now` (one or two approved activities with both). Their earlier records are
 * left as generated (random partners), so before the cut-off they are as (un)linked as any pair.
 * Deterministic by `seed` (and the ids in the database); returns the planted pairs ([a, b] ids).
 * With `client` (a connected pg client, instead of `databaseUrl`) it writes through it inside the
 * caller's transaction, neither committing nor closing it: the evaluation plants, evaluates and rolls
 * back, once per seed.
 */
export async function plantCollaborations({
  databaseUrl,
  client: given,
  tenant = '272',
  pairs = 200,
  seed = 7,
  now = Date.UTC(2026, 10, 20),
  log = console.log,
}) {
  const rnd = makeRandom(seed);
  const client = given ?? new pg.Client({ connectionString: databaseUrl });
  if (!given) await client.connect();
  try {
    const [t] = (await client.query('SELECT tenant_id AS id FROM tenants WHERE istat_code = $1', [tenant])).rows;
    const orgs = (
      await client.query(`SELECT id, municipality_id, themes FROM organizations WHERE tenant_id = $1 AND active ORDER BY id`, [t.id])
    ).rows;
    const byMuni = new Map();
    for (const o of orgs) byMuni.set(o.municipality_id, [...(byMuni.get(o.municipality_id) ?? []), o]);
    const authors = (
      await client.query(
        `SELECT u.id, um.municipality_id FROM users u JOIN user_municipalities um ON um.user_id = u.id
          WHERE u.tenant_id = $1 AND u.role = 'innovator' ORDER BY u.id, um.municipality_id`,
        [t.id],
      )
    ).rows;
    const [reviewer] = (
      await client.query(`SELECT id FROM users WHERE tenant_id = $1 AND role = 'coordinator' ORDER BY created_at LIMIT 1`, [t.id])
    ).rows;
    const planted = [];
    const used = new Set();
    const DAY = 86_400_000;
    if (!given) await client.query('BEGIN');
    for (let k = 0; k < pairs * 20 && planted.length < pairs; k++) {
      const a = rnd.pick(orgs);
      const peers = byMuni.get(a.municipality_id);
      const b = rnd.pick(peers);
      const author = authors.find((x) => x.municipality_id === a.municipality_id);
      if (!author || a.id === b.id || used.has(a.id) || used.has(b.id)) continue;
      used.add(a.id);
      used.add(b.id);
      // strongly complementary: two of a's offers meet b's needs, one of b's offers meets a's, two themes and a target group shared
      const [r1, r2, r3] = [...RESOURCES].sort(() => rnd.next() - 0.5);
      const themes = [...new Set([...(a.themes ?? []).slice(0, 2), rnd.pick(THEMES), rnd.pick(THEMES)])].slice(0, 2);
      const theme = themes[0];
      const group = rnd.pick(TARGET_GROUPS);
      await client.query(
        `UPDATE organizations SET offers = array(SELECT DISTINCT unnest(offers || $2::text[])), needs = array(SELECT DISTINCT unnest(needs || $3::text[])),
                                  themes = array(SELECT DISTINCT unnest(themes || $4::text[])), target_groups = array(SELECT DISTINCT unnest(target_groups || $5::text[]))
          WHERE id = $1`,
        [a.id, [r1, r2], [r3], themes, [group]],
      );
      await client.query(
        `UPDATE organizations SET offers = array(SELECT DISTINCT unnest(offers || $2::text[])), needs = array(SELECT DISTINCT unnest(needs || $3::text[])),
                                  themes = array(SELECT DISTINCT unnest(themes || $4::text[])), target_groups = array(SELECT DISTINCT unnest(target_groups || $5::text[]))
          WHERE id = $1`,
        [b.id, [r3], [r1, r2], themes, [group]],
      );
      const times = 1 + rnd.int(2);
      for (let i = 0; i < times; i++) {
        const date = new Date(now - rnd.int(330) * DAY);
        const submitted = new Date(date.getTime() + 3_600_000);
        const [{ id }] = (
          await client.query(
            `INSERT INTO activities (tenant_id, client_id, client_hash, author_id, municipality_id, date, duration_minutes, type, title,
                                     participants_total, themes, status, submitted_at, submitted_by, reviewed_at, reviewed_by, created_by)
             VALUES ($1, gen_random_uuid(), 'planted', $2, $3, $4, 90, 'network_table', 'Tavolo di collaborazione', 12, $5, 'approved',
                     $6, $2, $7, $8, $2) RETURNING id`,
            [
              t.id,
              author.id,
              a.municipality_id,
              iso(date),
              [theme],
              submitted,
              new Date(submitted.getTime() + 3_600_000),
              reviewer?.id ?? null,
            ],
          )
        ).rows;
        await client.query(
          `INSERT INTO activity_organizations (tenant_id, activity_id, organization_id) VALUES ($1, $2, $3), ($1, $2, $4)`,
          [t.id, id, a.id, b.id],
        );
      }
      planted.push([a.id, b.id]);
    }
    if (!given) await client.query('COMMIT');
    log(`planted ${planted.length} complementary pairs that start working together in the last 12 months (seed ${seed})`);
    return planted;
  } finally {
    if (!given) await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string', default: process.env.DATABASE_URL },
      tenant: { type: 'string', default: '272' },
      activities: { type: 'string', default: '100000' },
      innovators: { type: 'string', default: '40' },
      organizations: { type: 'string', default: '30000' },
      buildings: { type: 'string', default: '50000' },
      initiatives: { type: 'string', default: '20000' },
      seed: { type: 'string', default: '42' },
    },
  });
  if (!values['database-url']) throw new Error('--database-url (or DATABASE_URL) is required');
  await generate({
    databaseUrl: values['database-url'],
    tenant: values.tenant,
    activities: Number(values.activities),
    innovators: Number(values.innovators),
    organizations: Number(values.organizations),
    buildings: Number(values.buildings),
    initiatives: Number(values.initiatives),
    seed: Number(values.seed),
  });
}
