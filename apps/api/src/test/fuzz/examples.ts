import { randomUUID } from 'node:crypto';
import { DEFAULT_COLLABORATION_WEIGHTS, REUSE_DEFAULT_WEIGHTS } from '@trama/contracts';
import { TEST_PASSWORD } from '../factories';
import { activityBody } from '../activity-fixtures';
import { buildingBody } from '../building-fixtures';
import { validUpload } from './mutations';
import { type FuzzRequest, multipart } from './request';
import type { FuzzRole, FuzzWorld } from './world';

/** What a valid request of an operation carries beyond what its schema can make up. */
export type ValidParts = Partial<Pick<FuzzRequest, 'path' | 'query' | 'body' | 'raw' | 'headers'>>;

export interface ValidExample {
  /** the role for which the request is valid (answered 2xx); the other roles send the same request */
  role: FuzzRole;
  /** built afresh before every request: ids of fixtures, current versions, unique e-mails */
  build(w: FuzzWorld): Promise<ValidParts>;
  /** statuses at which the operation writes by design (a refused sign-in is recorded) */
  writesOn?: number[];
  /**
   * a success ends the caller's session: `token` (a password change: the access token is refused
   * at once, so the role signs in again after each success), `cookie` (sign-out: the refresh
   * cookie is revoked; the role signs in again once its variants are done)
   */
  endsSession?: 'token' | 'cookie';
  /** fewer random runs for an operation whose success is expensive (a territory import) */
  runs?: number;
}

/**
 * The valid request of each operation whose schema cannot make one: ids of existing records,
 * versions, the fixtures' credentials. An operation neither here nor derivable from its schema
 * fails the fuzz test, so a new endpoint cannot skip it. Keys are operationIds of the document.
 */
export const VALID_EXAMPLES: Record<string, ValidExample> = {
  login: {
    role: 'anonymous',
    // a refused sign-in is audited and counted towards the back-off: that is its purpose
    writesOn: [401, 423, 429],
    build: async (w) => ({ body: { email: w.loginUser.email, password: TEST_PASSWORD } }),
  },
  refresh: {
    role: 'innovator',
    // a refresh token presented twice revokes its family and is audited (theft detection)
    writesOn: [401],
    build: async () => ({}),
  },
  logout: { role: 'innovator', endsSession: 'cookie', build: async () => ({}) },
  changePassword: {
    role: 'innovator',
    endsSession: 'token',
    build: async () => ({ body: { currentPassword: TEST_PASSWORD, newPassword: 'Another-horse-battery-7' } }),
  },
  confirmPasswordReset: {
    role: 'anonymous',
    // the token of an e-mailed link, made afresh for each request (a link works once)
    build: async (w) => ({ body: { token: await w.resetToken(), newPassword: 'Reset-horse-battery-9' } }),
  },
  createActivity: { role: 'innovator', build: async () => ({ body: activityBody() }) },
  createInitiative: {
    role: 'coordinator',
    build: async () => ({ body: { clientId: randomUUID(), title: 'Orti sociali', status: 'idea', municipality: '072006' } }),
  },
  updateInitiative: {
    role: 'coordinator',
    build: async (w) => {
      const i = await w.newInitiative();
      return { path: { id: i.id }, body: { version: i.version, title: 'Orti sociali di quartiere' } };
    },
  },
  changeInitiativeStatus: {
    role: 'coordinator',
    build: async (w) => {
      const i = await w.newInitiative();
      return { path: { id: i.id }, body: { to: 'planned', version: i.version } };
    },
  },
  // the whole metropolitan city of Bari at the zoom a coordinator lands on
  getOrganizationsLayer: {
    role: 'coordinator',
    build: async () => ({
      query: [
        ['bbox', '15.9,40.6,17.6,41.5'],
        ['zoom', '9'],
      ],
    }),
  },
  getBuildingsLayer: {
    role: 'coordinator',
    build: async () => ({
      query: [
        ['bbox', '15.9,40.6,17.6,41.5'],
        ['zoom', '9'],
      ],
    }),
  },
  getReuseLayer: {
    role: 'coordinator',
    build: async () => ({
      query: [
        ['bbox', '15.9,40.6,17.6,41.5'],
        ['zoom', '9'],
        ['condition', 'good'],
      ],
    }),
  },
  getActivitiesLayer: {
    role: 'coordinator',
    build: async () => ({
      query: [
        ['bbox', '15.9,40.6,17.6,41.5'],
        ['zoom', '9'],
      ],
    }),
  },
  updateActivity: {
    role: 'innovator',
    build: async (w) => {
      const a = await w.activityIn('draft');
      return { path: { id: a.id }, body: { version: a.version, title: 'Laboratorio aggiornato', durationMinutes: 60 } };
    },
  },
  submitActivity: {
    role: 'innovator',
    build: async (w) => {
      const a = await w.activityIn('draft');
      return { path: { id: a.id }, body: { version: a.version } };
    },
  },
  approveActivity: {
    role: 'coordinator',
    build: async (w) => {
      const a = await w.activityIn('submitted');
      return { path: { id: a.id }, body: { version: a.version, comment: 'Ben documentata' } };
    },
  },
  returnActivity: {
    role: 'coordinator',
    build: async (w) => {
      const a = await w.activityIn('submitted');
      return { path: { id: a.id }, body: { version: a.version, comment: 'Aggiungi i partecipanti per gruppo' } };
    },
  },
  reopenActivity: {
    role: 'coordinator',
    build: async (w) => {
      const a = await w.activityIn('approved');
      return { path: { id: a.id }, body: { version: a.version, comment: 'Da rivedere' } };
    },
  },
  uploadActivityAttachment: {
    role: 'innovator',
    // a new draft each time: an activity holds at most 20 attachments
    build: async (w) => ({ path: { id: (await w.newDraft()).id }, raw: validUpload() }),
  },
  deleteActivityAttachment: {
    role: 'innovator',
    build: async (w) => {
      const { activityId, fileId } = await w.attachment();
      return { path: { id: activityId, fileId } };
    },
  },
  createBuilding: { role: 'innovator', build: async () => ({ body: buildingBody() }) },
  updateBuilding: {
    role: 'innovator',
    build: async (w) => {
      const b = await w.newBuilding();
      return { path: { id: b.id }, body: { version: b.version, name: 'Ex scuola Garibaldi', suitableUses: ['social'] } };
    },
  },
  moveBuildingStage: {
    role: 'innovator',
    build: async (w) => {
      const b = await w.newBuilding();
      return { path: { id: b.id }, body: { version: b.version, to: 'assessed' } };
    },
  },
  verifyBuilding: {
    role: 'innovator',
    build: async (w) => {
      const b = await w.newBuilding();
      return { path: { id: b.id }, body: { version: b.version } };
    },
  },
  uploadBuildingPhoto: { role: 'innovator', build: async (w) => ({ path: { id: (await w.newBuilding()).id }, raw: validUpload() }) },
  deleteBuildingPhoto: {
    role: 'innovator',
    build: async (w) => {
      const { buildingId, fileId } = await w.buildingPhoto();
      return { path: { id: buildingId, fileId } };
    },
  },
  setTenantLogo: { role: 'coordinator', build: async () => ({ raw: validUpload() }) },
  deleteActivity: {
    role: 'innovator',
    build: async (w) => {
      const a = await w.activityIn('draft');
      return { path: { id: a.id }, query: [['version', String(a.version)]] };
    },
  },
  duplicateActivity: {
    role: 'innovator',
    build: async (w) => {
      const a = await w.activityIn('approved');
      return { path: { id: a.id }, body: { clientId: randomUUID(), date: '2026-11-27' } };
    },
  },
  undoReview: {
    role: 'coordinator',
    build: async (w) => {
      const a = await w.activityIn('approved');
      await w.renewReviews(a.id);
      return { path: { id: a.id }, body: { version: a.version } };
    },
  },
  editReviewComment: {
    role: 'coordinator',
    build: async (w) => {
      const a = await w.activityIn('returned');
      await w.renewReviews(a.id);
      return { path: { id: a.id }, body: { version: a.version, comment: 'Aggiungi anche il verbale' } };
    },
  },
  createOrganization: {
    role: 'innovator',
    // the random names are alike ("Associazione …"): the duplicate warning is acknowledged
    build: async () => ({
      body: {
        clientId: randomUUID(),
        name: `Associazione ${randomUUID().slice(0, 8)}`,
        kind: 'aps',
        municipality: '072006',
        acknowledgeDuplicates: true,
      },
    }),
  },
  findOrganizationDuplicates: {
    role: 'innovator',
    build: async () => ({ body: { name: 'APS Orti Urbani', municipality: '072006' } }),
  },
  updateOrganization: {
    role: 'innovator',
    build: async (w) => {
      const [o] = await fuzzOrganizations(w, 1);
      return { path: { id: o.id }, body: { version: o.version, size: 'small', themes: ['environment'] } };
    },
  },
  verifyOrganization: {
    role: 'innovator',
    build: async (w) => {
      const [o] = await fuzzOrganizations(w, 1);
      return { path: { id: o.id }, body: { version: o.version } };
    },
  },
  mergeOrganization: {
    role: 'coordinator',
    build: async (w) => {
      const [survivor, duplicate] = await fuzzOrganizations(w, 2);
      return {
        path: { id: survivor.id },
        body: { duplicate: duplicate.id, version: survivor.version, duplicateVersion: duplicate.version },
      };
    },
  },
  importOrganizations: {
    role: 'coordinator',
    build: async () => ({
      query: [['dryRun', 'true']],
      raw: multipart([
        {
          name: 'file',
          filename: 'organizzazioni.csv',
          contentType: 'text/csv',
          bytes: `Nome;Tipo;Comune (codice ISTAT)\r\nEnte ${randomUUID().slice(0, 8)};aps;072006\r\n`,
        },
      ]),
    }),
  },
  importBuildings: {
    role: 'coordinator',
    build: async () => ({
      query: [['dryRun', 'true']],
      raw: multipart([
        {
          name: 'file',
          filename: 'immobili.csv',
          contentType: 'text/csv',
          bytes: `Denominazione;Comune (codice ISTAT);Proprietà;Stato di conservazione;Uso attuale\r\nEx scuola ${randomUUID().slice(0, 8)};072006;municipal;fair;unused\r\n`,
        },
      ]),
    }),
  },
  createProject: {
    role: 'coordinator',
    build: async () => ({
      body: { clientId: randomUUID(), code: `FZ${randomUUID().slice(0, 8)}`, title: 'Progetto', programme: 'pon_metro', status: 'idea' },
    }),
  },
  updateProject: {
    role: 'coordinator',
    build: async (w) => {
      const p = await w.newProject();
      return { path: { id: p.id }, body: { version: p.version, title: 'Progetto aggiornato' } };
    },
  },
  addProjectProgress: {
    role: 'coordinator',
    build: async (w) => {
      const p = await w.newProject();
      return {
        path: { id: p.id },
        body: { date: '2020-06-30', programmed: 1000, admitted: 1000, committed: 500.5, paid: 100, version: p.version },
      };
    },
  },
  importProjects: {
    role: 'coordinator',
    build: async () => ({
      query: [['dryRun', 'true']],
      raw: multipart([
        {
          name: 'file',
          filename: 'progetti.csv',
          contentType: 'text/csv',
          bytes: `COD_LOCALE_PROGETTO;OC_TITOLO_PROGETTO\r\nFZ${randomUUID().slice(0, 8)};Progetto importato\r\n`,
        },
      ]),
    }),
  },
  createUser: {
    role: 'coordinator',
    build: async () => ({
      body: {
        email: `fuzz.${randomUUID().slice(0, 12)}@trama.test`,
        fullName: 'Nuova Innovatrice',
        role: 'innovator',
        municipalities: ['072029'],
        hiredOn: '2026-02-01',
      },
    }),
  },
  updateUser: {
    role: 'coordinator',
    build: async (w) => ({
      path: { id: w.target.id },
      body: { version: await w.versionOf('users', w.target.id), fullName: 'Tommaso Bersaglio', active: true },
    }),
  },
  assignMunicipalities: {
    role: 'coordinator',
    build: async (w) => ({
      path: { id: w.target.id },
      body: { version: await w.versionOf('users', w.target.id), municipalities: ['072022', '072029'] },
    }),
  },
  resetPassword: { role: 'coordinator', build: async (w) => ({ path: { id: w.target.id } }) },
  updateMunicipality: {
    role: 'coordinator',
    build: async (w) => ({
      path: { istatCode: '072038' },
      body: { version: await w.versionOf('municipalities', w.bari.municipalities['072038']), socialArea: 'ATS_BA_CORATO' },
    }),
  },
  updateAccessibilityStatement: {
    role: 'coordinator',
    build: async (w) => ({ path: { istatCode: '272' }, body: await legalPageBody(w, 'accessibility-statement') }),
  },
  updatePrivacyNotice: {
    role: 'coordinator',
    build: async (w) => ({ path: { istatCode: '272' }, body: await legalPageBody(w, 'privacy-notice') }),
  },
  createIndicator: {
    role: 'coordinator',
    build: async () => ({
      body: {
        code: `fuzz_${randomUUID().slice(0, 8)}`,
        nameIt: 'Ore di volontariato',
        nameEn: 'Volunteer hours',
        unit: 'hours',
        kind: 'output',
        timeAggregation: 'sum',
        territoryAggregation: 'sum',
        direction: 'higher',
        source: 'manual',
      },
    }),
  },
  getIndicator: { role: 'coordinator', build: async () => ({ path: { code: 'crimes_reported' } }) },
  updateIndicator: {
    role: 'coordinator',
    build: async (w) => ({
      path: { code: 'crimes_reported' },
      body: { version: await indicatorVersion(w, 'crimes_reported'), nameEn: 'Crimes reported' },
    }),
  },
  putIndicatorTargets: {
    role: 'coordinator',
    build: async (w) => ({
      path: { code: 'initiatives_realised' },
      body: { version: await indicatorVersion(w, 'initiatives_realised'), targets: [{ year: 2026, territory: 'tenant', value: 30 }] },
    }),
  },
  createIndicatorValue: {
    role: 'coordinator',
    build: async (w) => ({
      path: { code: 'crimes_reported' },
      body: { territory: 'municipality:072006', period: await freePeriod(w), value: 11250, note: 'ISTAT' },
    }),
  },
  updateIndicatorValue: {
    role: 'coordinator',
    build: async (w) => {
      const v = await fuzzValue(w, false);
      return { path: { id: v.id }, body: { version: v.version, value: 1200 } };
    },
  },
  validateIndicatorValue: {
    role: 'coordinator',
    build: async (w) => {
      const v = await fuzzValue(w, true);
      return { path: { id: v.id }, body: { version: v.version } };
    },
  },
  deleteIndicatorValue: {
    role: 'coordinator',
    build: async (w) => {
      const v = await fuzzValue(w, true);
      return { path: { id: v.id }, query: [['version', String(v.version)]] };
    },
  },
  importIndicatorValues: {
    role: 'coordinator',
    build: async (w) => ({
      query: [['dryRun', 'true']],
      raw: multipart([
        {
          name: 'file',
          filename: 'delitti.csv',
          contentType: 'text/csv',
          bytes: `indicatore;territorio;periodo;valore\r\ncrimes_reported;072006;${await freePeriod(w)};11250\r\n`,
        },
      ]),
    }),
  },
  importTerritory: {
    role: 'admin',
    runs: 6,
    build: async () => ({ body: { istatCode: '237', name: 'Città Metropolitana di Bologna', slug: 'bologna' } }),
  },
  // the indicators' read side: a seeded computed indicator over a year, by municipality
  readIndicatorValues: {
    role: 'coordinator',
    build: async () => ({
      path: { code: 'activities_held' },
      query: [
        ['territory', 'tenant'],
        ['by', 'municipality'],
        ['from', '2025'],
        ['to', '2026'],
        ['grain', 'quarter'],
      ],
    }),
  },
  exportIndicatorValues: {
    role: 'coordinator',
    build: async () => ({
      path: { code: 'activities_held' },
      query: [
        ['territory', 'tenant'],
        ['period', '2026'],
        ['format', 'csv'],
      ],
    }),
  },
  readIndicatorTerritory: {
    role: 'municipality',
    build: async () => ({
      query: [
        ['territory', 'municipality:072006'],
        ['period', '2026'],
      ],
    }),
  },
  // the reuse model (docs/reuse.md): a building of Bari (no suitable use: any organization needing space
  // in Bari fits it), the organization that needs space, the weights at their current version
  getReuseMatches: { role: 'coordinator', build: async (w) => ({ path: { id: (await w.newBuilding()).id } }) },
  getReuseOrganizationBuildings: { role: 'coordinator', build: async (w) => ({ path: { id: await reuseCandidate(w) } }) },
  planReuse: { role: 'coordinator', build: async (w) => ({ body: { buildings: [(await w.newBuilding()).id] } }) },
  proposeReuseMatch: {
    role: 'coordinator',
    build: async (w) => {
      const organization = await reuseCandidate(w);
      const b = await w.newBuilding();
      w.writes++;
      await w.t.db.query(`UPDATE buildings SET stage = 'assessed', version = version + 1 WHERE id = $1`, [b.id]);
      return { path: { id: b.id }, body: { organization, version: await w.versionOf('buildings', b.id) } };
    },
  },
  putReuseWeights: {
    role: 'coordinator',
    build: async (w) => ({ body: { version: await reuseWeightsVersion(w), weights: { ...REUSE_DEFAULT_WEIGHTS, demand: 25 } } }),
  },
  resetReuseWeights: { role: 'coordinator', build: async (w) => ({ body: { version: await reuseWeightsVersion(w) } }) },
  // the collaboration model (docs/collaborations.md): an open suggestion of two organizations of Bari made
  // for the fuzz (accepting or dismissing uses it up), the settings at their current version
  getSuggestion: { role: 'coordinator', build: async (w) => ({ path: { id: await fuzzSuggestion(w) } }) },
  acceptSuggestion: { role: 'innovator', build: async (w) => ({ path: { id: await fuzzSuggestion(w) }, body: {} }) },
  dismissSuggestion: {
    role: 'coordinator',
    build: async (w) => ({ path: { id: await fuzzSuggestion(w) }, body: { reason: 'Già in contatto' } }),
  },
  updateCollaborationWeights: {
    role: 'coordinator',
    build: async (w) => ({
      body: {
        version: await collaborationVersion(w),
        weights: { ...DEFAULT_COLLABORATION_WEIGHTS, themes: 30 },
        halfLifeMonths: 18,
        maxHops: 2,
        minScore: 20,
      },
    }),
  },
  resetCollaborationWeights: { role: 'coordinator', build: async (w) => ({ body: { version: await collaborationVersion(w) } }) },
};

/**
 * `n` organizations of Bari (072006) made for the fuzz, not merged, with their current versions:
 * reused while they exist (a build that writes makes the next snapshot stale: counted in `w.writes`).
 */
async function fuzzOrganizations(w: FuzzWorld, n: number): Promise<{ id: string; version: number }[]> {
  const found: { id: string; version: number }[] = await w.t.db.query(
    `SELECT id, version FROM organizations WHERE tenant_id = $1 AND name LIKE 'Fuzz %' AND merged_into IS NULL ORDER BY created_at LIMIT $2`,
    [w.bari.id, n],
  );
  while (found.length < n) {
    w.writes++;
    const [row] = await w.t.db.query(
      `INSERT INTO organizations (tenant_id, name, kind, municipality_id) VALUES ($1, $2, 'aps', $3) RETURNING id, version`,
      [w.bari.id, `Fuzz ${randomUUID().slice(0, 8)}`, w.bari.municipalities['072006']],
    );
    found.push(row);
  }
  return found;
}

/** A legal page of Bari as published (its fields and current version): the body of a valid save. */
async function legalPageBody(w: FuzzWorld, page: 'accessibility-statement' | 'privacy-notice'): Promise<Record<string, unknown>> {
  const res = await w.t.http.get(`/api/public/tenants/272/${page}`).expect(200);
  const { meta, ...fields } = res.body as { meta: { version: number } } & Record<string, unknown>;
  return { ...fields, version: meta.version };
}

async function indicatorVersion(w: FuzzWorld, code: string): Promise<number> {
  const [row] = await w.t.db.query(`SELECT version FROM indicator_definitions WHERE tenant_id = $1 AND code = $2`, [w.bari.id, code]);
  return row.version;
}

/** A period with no value of crimes_reported for Bari (072006) yet: a valid entry never collides. */
async function freePeriod(w: FuzzWorld): Promise<string> {
  const used = new Set<string>(
    (
      await w.t.db.query(
        `SELECT v.period FROM indicator_values v JOIN indicator_definitions d ON d.id = v.definition_id
          WHERE v.tenant_id = $1 AND d.code = 'crimes_reported' AND v.municipality_id = $2`,
        [w.bari.id, w.bari.municipalities['072006']],
      )
    ).map((r: { period: string }) => r.period),
  );
  for (;;) {
    const year = 2000 + Math.floor(Math.random() * 101);
    const month = 1 + Math.floor(Math.random() * 12);
    const period = Math.random() < 0.2 ? String(year) : `${year}-${String(month).padStart(2, '0')}`;
    if (!used.has(period)) return period;
  }
}

/**
 * A value of crimes_reported for Bari (072006) made for the fuzz, with its version: a draft when
 * `draft` (made afresh when none is left: validating or deleting uses it up), else any (reused).
 */
async function fuzzValue(w: FuzzWorld, draft: boolean): Promise<{ id: string; version: number }> {
  const [found] = await w.t.db.query(
    `SELECT id, version FROM indicator_values WHERE tenant_id = $1 AND note = 'fuzz' ${draft ? "AND status = 'draft'" : ''} ORDER BY created_at LIMIT 1`,
    [w.bari.id],
  );
  if (found) return found;
  w.writes++;
  const period = await freePeriod(w);
  const month = period.length === 7;
  const start = month ? `${period}-01` : `${period}-01-01`;
  const [row] = await w.t.db.query(
    `INSERT INTO indicator_values (tenant_id, definition_id, territory_kind, municipality_id, period, grain, period_start, period_end, value, note, status,
                                   created_by)
     SELECT $1, d.id, 'municipality', $2, $3, $4, $5::date, ($5::date + ${month ? "interval '1 month'" : "interval '1 year'"} - interval '1 day')::date,
            10, 'fuzz', 'draft', $6
       FROM indicator_definitions d WHERE d.tenant_id = $1 AND d.code = 'crimes_reported'
     RETURNING id, version`,
    [w.bari.id, w.bari.municipalities['072006'], period, month ? 'month' : 'year', start, w.user('innovator').id],
  );
  return row;
}

/** An organization of Bari that needs space (made once). */
async function reuseCandidate(w: FuzzWorld): Promise<string> {
  const [found] = await w.t.db.query(`SELECT id FROM organizations WHERE tenant_id = $1 AND name = 'Fuzz cerca spazi'`, [w.bari.id]);
  if (found) return found.id;
  w.writes++;
  const [row] = await w.t.db.query(
    `INSERT INTO organizations (tenant_id, name, kind, municipality_id, needs, themes) VALUES ($1, 'Fuzz cerca spazi', 'aps', $2, '{space}', '{culture}') RETURNING id`,
    [w.bari.id, w.bari.municipalities['072006']],
  );
  return row.id;
}

/** The version the next change of the reuse weights is made at (1 before the first). */
async function reuseWeightsVersion(w: FuzzWorld): Promise<number> {
  const [row] = await w.t.db.query(`SELECT version FROM reuse_weights WHERE tenant_id = $1`, [w.bari.id]);
  return row?.version ?? 1;
}

/** An open suggestion between two organizations of Bari (072006) made for the fuzz (made afresh when none is open). */
async function fuzzSuggestion(w: FuzzWorld): Promise<string> {
  const [found] = await w.t.db.query(
    `SELECT id FROM collaboration_suggestions WHERE tenant_id = $1 AND reasons_key = 'fuzz' AND status = 'open' LIMIT 1`,
    [w.bari.id],
  );
  if (found) return found.id;
  w.writes++;
  const bari = w.bari.municipalities['072006'];
  const orgs: { id: string }[] = [];
  for (const name of ['Fuzz scuola', 'Fuzz impresa sociale']) {
    const [row] = await w.t.db.query(
      `INSERT INTO organizations (tenant_id, name, kind, municipality_id) VALUES ($1, $2, 'aps', $3) RETURNING id`,
      [w.bari.id, `${name} ${randomUUID().slice(0, 8)}`, bari],
    );
    orgs.push(row);
  }
  const [a, b] = orgs.map((o) => o.id).sort();
  const [row] = await w.t.db.query(
    `INSERT INTO collaboration_suggestions (tenant_id, organization_a, organization_b, municipality_a, municipality_b, score, reasons, reasons_key)
     VALUES ($1, $2, $3, $4, $4, 50, '[]', 'fuzz') RETURNING id`,
    [w.bari.id, a, b, bari],
  );
  return row.id;
}

/** The version the collaboration settings are changed at (0 while the defaults were never saved). */
async function collaborationVersion(w: FuzzWorld): Promise<number> {
  const [row] = await w.t.db.query(`SELECT version FROM collaboration_settings WHERE tenant_id = $1`, [w.bari.id]);
  return row?.version ?? 0;
}
