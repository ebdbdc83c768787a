// Synthetic data for benchmarks: innovators, organizations and activities in the municipalities of
// a seeded tenant (default Bari, 272), with realistic Italian text. Deterministic by --seed.
//
//   node bench/generate.mjs --database-url postgres://… [--tenant 272] [--activities 100000]
//                           [--innovators 40] [--organizations 3000] [--seed 42]
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
  organizations = 3000,
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

    // organizations spread over the territory
    const orgIds = [];
    for (let start = 0; start < organizations; start += 1000) {
      const n = Math.min(1000, organizations - start);
      const names = [],
        kinds = [],
        places = [];
      for (let i = 0; i < n; i++) {
        const [kind, prefix] = rnd.pick(ORG_PREFIX);
        kinds.push(kind);
        names.push(`${prefix} ${rnd.pick(ORG_NAME)} ${start + i + 1}`);
        places.push(munis[rnd.int(munis.length)].id);
      }
      const { rows } = await client.query(
        `INSERT INTO organizations (tenant_id, name, kind, municipality_id)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::uuid[]) RETURNING id`,
        [t.id, names, kinds, places],
      );
      orgIds.push(...rows.map((r) => r.id));
    }

    // where activities happen: venues around each municipality's point (~±3 km), drawn from their own
    // random stream so that the rest of the data is the same as before points existed
    const place = makeRandom(seed + 1);
    const venues = new Map(
      munis.map((m) => [
        m.id,
        Array.from({ length: 30 + place.int(60) }, () => [m.lat + (place.next() - 0.5) * 0.05, m.lon + (place.next() - 0.5) * 0.07]),
      ]),
    );

    // activities over the last three years
    const end = Date.UTC(2026, 10, 20);
    const span = 3 * 365;
    const BATCH = 5000;
    let written = 0;
    for (let start = 0; start < activities; start += BATCH) {
      const n = Math.min(BATCH, activities - start);
      const cols = Array.from({ length: 24 }, () => []);
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
                                 lat, lon, tenant_id, client_hash)
         SELECT c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14::text[], c15, c16, c17, c18, c19, c20, c21, c22, c23, c24,
                $25::uuid, 'bench'
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::date[], $6::int[], $7::text[], $8::text[],
                       $9::text[], $10::int[], $11::int[], $12::int[], $13::int[], $14::text[], $15::text[], $16::text[],
                       $17::timestamptz[], $18::uuid[], $19::timestamptz[], $20::uuid[], $21::text[], $22::uuid[],
                       $23::float8[], $24::float8[])
                AS u(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, c20, c21, c22, c23, c24)`,
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
    for (const table of ['activities', 'activity_organizations', 'organizations', 'users']) await client.query(`VACUUM ANALYZE ${table}`);
    log(
      `generated ${innovators} innovators, ${organizations} organizations, ${activities.toLocaleString('en')} activities in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${seed})`,
    );
    return { team };
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string', default: process.env.DATABASE_URL },
      tenant: { type: 'string', default: '272' },
      activities: { type: 'string', default: '100000' },
      innovators: { type: 'string', default: '40' },
      organizations: { type: 'string', default: '3000' },
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
    seed: Number(values.seed),
  });
}
