import { randomUUID } from 'node:crypto';
import { type ActivityWorld, activityWorld, countRows, createActivity } from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

/**
 * The full organizations register (issue 9): every field, consent, the point, idempotent creation,
 * the duplicate warning, edits, verification and the stale list, the merge, history and export.
 * The access matrix is in organizations-access.int-spec.ts, the import in organizations-import.int-spec.ts.
 */
describe('organizations register', () => {
  let t: TestApp;
  let w: ActivityWorld;
  let sequence = 0;

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    const square = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [16.8, 41.05],
            [16.95, 41.05],
            [16.95, 41.15],
            [16.8, 41.15],
            [16.8, 41.05],
          ],
        ],
      ],
    };
    await t.db.query(`UPDATE municipalities SET boundary = $2 WHERE tenant_id = $1 AND istat_code = '072006'`, [
      w.bari.id,
      JSON.stringify(square),
    ]);
  });
  afterAll(() => t.close());

  /** A distinct name each time (trigram-distant from the others), so that only the tests about duplicates meet any. */
  const uniqueName = () =>
    `Ente ${++sequence} ${randomUUID()
      .replace(/[0-9-]/g, '')
      .slice(0, 12)}`;

  const full = (overrides: Record<string, unknown> = {}) => ({
    clientId: randomUUID(),
    name: uniqueName(),
    kind: 'aps',
    municipality: '072006',
    taxCode: null,
    description: 'Orti condivisi nel quartiere Libertà',
    address: 'Via Manzoni 12',
    location: { lat: 41.12, lon: 16.86 },
    themes: ['social_inclusion', 'environment'],
    targetGroups: ['families', 'elderly'],
    offers: ['space', 'volunteers'],
    needs: ['funding'],
    size: 'small',
    website: 'https://orti.example.org',
    contactName: 'Maria Rossi',
    contactEmail: 'maria.rossi@example.org',
    contactPhone: '+39 080 1234567',
    contactConsent: true,
    notes: 'Aperti il sabato',
    internalNotes: 'Referente molto disponibile',
    ...overrides,
  });

  async function create(who = w.coord, overrides: Record<string, unknown> = {}) {
    const res = await t.http.post('/api/organizations').set(who.auth).send(full(overrides));
    if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  describe('fields, consent and the point', () => {
    it('stores every field; municipality users read it without the contact person and internal notes', async () => {
      const created = await create(w.innA);
      expect(created).toMatchObject({
        kind: 'aps',
        municipality: { istatCode: '072006' },
        address: 'Via Manzoni 12',
        location: { lat: 41.12, lon: 16.86 },
        themes: ['social_inclusion', 'environment'],
        // lists in the vocabulary's order
        targetGroups: ['elderly', 'families'],
        offers: ['space', 'volunteers'],
        needs: ['funding'],
        size: 'small',
        website: 'https://orti.example.org',
        contactName: 'Maria Rossi',
        contactEmail: 'maria.rossi@example.org',
        contactConsent: true,
        contactConsentAt: expect.any(String),
        internalNotes: 'Referente molto disponibile',
        active: true,
        lastVerifiedAt: null,
        mergedInto: null,
        version: 1,
      });
      // 9 of the 10 things that matter (no tax code)
      expect(created.completeness).toBe(90);
      const asMunicipality = (await t.http.get(`/api/organizations/${created.id}`).set(w.muniBari.auth).expect(200)).body;
      expect(asMunicipality).toMatchObject({ name: created.name, notes: 'Aperti il sabato', contactConsent: true });
      for (const hidden of ['contactName', 'contactEmail', 'contactPhone', 'internalNotes'])
        expect(asMunicipality).not.toHaveProperty(hidden);
      const list = (
        await t.http
          .get(`/api/organizations?q=${encodeURIComponent(created.name)}`)
          .set(w.muniBari.auth)
          .expect(200)
      ).body;
      expect(list.items).toHaveLength(1);
      expect(list.items[0]).not.toHaveProperty('contactEmail');
    });

    it('refuses contact details without consent (400 naming each field) and writes nothing', async () => {
      const before = await countRows(t, 'organizations');
      const res = await t.http
        .post('/api/organizations')
        .set(w.coord.auth)
        .send(full({ contactConsent: false }))
        .expect(400);
      expect(res.body.code).toBe('ORGANIZATION_CONTACT_CONSENT_REQUIRED');
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['contactEmail', 'contactName', 'contactPhone']);
      expect(await countRows(t, 'organizations')).toBe(before);
    });

    it('empties the contact person when the consent is withdrawn', async () => {
      const created = await create();
      const res = await t.http
        .patch(`/api/organizations/${created.id}`)
        .set(w.coord.auth)
        .send({ version: created.version, contactConsent: false })
        .expect(200);
      expect(res.body).toMatchObject({
        contactConsent: false,
        contactConsentAt: null,
        contactName: null,
        contactEmail: null,
        contactPhone: null,
      });
    });

    it('refuses a point outside the municipality (400 naming location), nothing written', async () => {
      const before = await countRows(t, 'organizations');
      const res = await t.http
        .post('/api/organizations')
        .set(w.coord.auth)
        .send(full({ location: { lat: 41.0, lon: 16.5 } }))
        .expect(400);
      expect(res.body).toMatchObject({ code: 'ORGANIZATION_POINT_OUTSIDE_MUNICIPALITY', details: [{ field: 'location' }] });
      expect(await countRows(t, 'organizations')).toBe(before);
    });

    it.each([
      [{ themes: ['cooking'] }, 'themes'],
      [{ offers: ['money'] }, 'offers'],
      [{ targetGroups: ['pets'] }, 'targetGroups'],
      [{ size: 'huge' }, 'size'],
      [{ contactEmail: 'not-an-email' }, 'contactEmail'],
      [{ location: { lat: 41.12 } }, 'location.lon'],
      [{ mergedInto: randomUUID() }, 'mergedInto'],
      [{ lastVerifiedAt: '2026-01-01T00:00:00Z' }, 'lastVerifiedAt'],
    ])('refuses %j with 400 naming %s, nothing written', async (overrides, field) => {
      const before = await countRows(t, 'organizations');
      const res = await t.http.post('/api/organizations').set(w.coord.auth).send(full(overrides)).expect(400);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await countRows(t, 'organizations')).toBe(before);
    });

    it('creates once per clientId: the same body again is a 200 with the same organization, another body a 409', async () => {
      const body = full();
      const first = await t.http.post('/api/organizations').set(w.coord.auth).send(body).expect(201);
      const again = await t.http.post('/api/organizations').set(w.coord.auth).send(body).expect(200);
      expect(again.body.id).toBe(first.body.id);
      const other = await t.http
        .post('/api/organizations')
        .set(w.coord.auth)
        .send({ ...body, address: 'Altrove 1' })
        .expect(409);
      expect(other.body.code).toBe('ORGANIZATION_CLIENT_ID_CONFLICT');
    });
  });

  describe('duplicate warning', () => {
    it('refuses a taken tax code, naming the organization that holds it', async () => {
      const holder = await create(w.coord, { taxCode: '93012340720' });
      const check = await t.http
        .post('/api/organizations/duplicates')
        .set(w.innA.auth)
        .send({ name: uniqueName(), municipality: '072006', taxCode: '93012340720' })
        .expect(200);
      expect(check.body).toMatchObject({ blocking: true, candidates: [{ id: holder.id, reason: 'tax_code' }] });
      const res = await t.http
        .post('/api/organizations')
        .set(w.innA.auth)
        .send(full({ taxCode: '9301234 0720', acknowledgeDuplicates: true }))
        .expect(409);
      expect(res.body).toMatchObject({ code: 'ORGANIZATION_TAX_CODE_TAKEN', details: [{ field: 'taxCode' }] });
      expect(res.body.data.candidates).toEqual([expect.objectContaining({ id: holder.id, name: holder.name })]);
    });

    it('warns of a similar name in the same or a neighbouring municipality (409 with candidates) unless acknowledged', async () => {
      const existing = await create(w.coord, { name: 'Associazione Orti Urbani di Bari', municipality: '072006', location: null });
      const similar = 'Associazione Orti Urbani Bari';
      const check = await t.http
        .post('/api/organizations/duplicates')
        .set(w.innA.auth)
        .send({ name: similar, municipality: '072029' })
        .expect(200);
      expect(check.body.blocking).toBe(false);
      expect(check.body.candidates).toEqual([
        expect.objectContaining({ id: existing.id, reason: 'similar_name', municipality: { istatCode: '072006', name: 'Bari' } }),
      ]);
      expect(check.body.candidates[0].similarity).toBeGreaterThanOrEqual(0.45);

      const before = await countRows(t, 'organizations');
      const refused = await t.http
        .post('/api/organizations')
        .set(w.innA.auth)
        .send(full({ name: similar, municipality: '072029', location: null }))
        .expect(409);
      expect(refused.body.code).toBe('ORGANIZATION_POSSIBLE_DUPLICATE');
      expect(refused.body.data.candidates).toEqual([expect.objectContaining({ id: existing.id })]);
      expect(await countRows(t, 'organizations')).toBe(before);

      await t.http
        .post('/api/organizations')
        .set(w.innA.auth)
        .send(full({ name: similar, municipality: '072029', location: null, acknowledgeDuplicates: true }))
        .expect(201);
    });

    it('does not warn across municipalities whose boundaries are apart, nor for different names', async () => {
      // Corato far from Bari: boxes apart
      await t.db.query(
        `UPDATE municipalities SET min_lon = 16.3, max_lon = 16.45, min_lat = 41.1, max_lat = 41.25 WHERE tenant_id = $1 AND istat_code = '072020'`,
        [w.bari.id],
      );
      await create(w.coord, { name: 'Cooperativa Sociale Il Granaio', municipality: '072006', location: null });
      const far = await t.http
        .post('/api/organizations/duplicates')
        .set(w.innC.auth)
        .send({ name: 'Cooperativa Sociale Il Granaio', municipality: '072020' })
        .expect(200);
      expect(far.body.candidates).toEqual([]);
      const different = await t.http
        .post('/api/organizations/duplicates')
        .set(w.coord.auth)
        .send({ name: 'Banda musicale cittadina', municipality: '072006' })
        .expect(200);
      expect(different.body.candidates).toEqual([]);
    });
  });

  describe('edit, verify, stale list', () => {
    it('edits at the current version; a stale version is a 409 and nothing changes; audited', async () => {
      const created = await create(w.innA);
      const edited = await t.http
        .patch(`/api/organizations/${created.id}`)
        .set(w.innA.auth)
        .send({ version: 1, needs: ['funding', 'space'], size: 'medium' })
        .expect(200);
      expect(edited.body).toMatchObject({ version: 2, needs: ['space', 'funding'], size: 'medium' });
      const stale = await t.http.patch(`/api/organizations/${created.id}`).set(w.innB.auth).send({ version: 1, size: 'large' }).expect(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      expect((await t.http.get(`/api/organizations/${created.id}`).set(w.coord.auth)).body).toMatchObject({ version: 2, size: 'medium' });
      const history = (await t.http.get(`/api/organizations/${created.id}/history`).set(w.coord.auth).expect(200)).body;
      expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'update']);
      expect(history[1]).toMatchObject({
        before: { size: 'small', needs: ['funding'] },
        after: { size: 'medium', needs: ['space', 'funding'] },
      });
    });

    it('lets innovators edit only in their municipalities; municipality users never', async () => {
      const created = await create(w.coord, { municipality: '072020', location: null });
      const res = await t.http.patch(`/api/organizations/${created.id}`).set(w.innA.auth).send({ version: 1, size: 'large' }).expect(400);
      expect(res.body.code).toBe('ORGANIZATION_MUNICIPALITY_NOT_ASSIGNED');
      await t.http.patch(`/api/organizations/${created.id}`).set(w.innC.auth).send({ version: 1, size: 'large' }).expect(200);
      const bari = await create();
      await t.http.patch(`/api/organizations/${bari.id}`).set(w.muniBari.auth).send({ version: 1, size: 'large' }).expect(403);
      await t.http.patch(`/api/organizations/${bari.id}`).set(w.coordBo.auth).send({ version: 1, size: 'large' }).expect(404);
    });

    it('refuses bad input on PATCH with 400, nothing written', async () => {
      const created = await create();
      for (const body of [
        { version: 1, kind: 'club' },
        { version: 1, website: 'ftp://x' },
        { size: 'small' },
        { version: 1, name: null },
      ]) {
        const res = await t.http.patch(`/api/organizations/${created.id}`).set(w.coord.auth).send(body);
        expect(res.status).toBe(400);
      }
      expect((await t.http.get(`/api/organizations/${created.id}`).set(w.coord.auth)).body.version).toBe(1);
    });

    it('verifies on site (who and when, audited) and takes the organization off the stale list', async () => {
      const created = await create(w.innA);
      const staleBefore = (await t.http.get('/api/organizations/stale?pageSize=200').set(w.innA.auth).expect(200)).body;
      expect(staleBefore.items.map((o: { id: string }) => o.id)).toContain(created.id);
      // innovators see the stale organizations of their municipalities only
      const ofInnC = (await t.http.get('/api/organizations/stale?pageSize=200').set(w.innC.auth).expect(200)).body;
      expect(ofInnC.items.every((o: { municipality: { istatCode: string } }) => o.municipality.istatCode === '072020')).toBe(true);

      await t.http.post(`/api/organizations/${created.id}/verify`).set(w.innA.auth).send({ version: 5 }).expect(409);
      const verified = await t.http.post(`/api/organizations/${created.id}/verify`).set(w.innA.auth).send({ version: 1 }).expect(200);
      expect(verified.body).toMatchObject({ version: 2, lastVerifiedAt: expect.any(String), lastVerifiedBy: { id: w.innA.id } });
      const staleAfter = (await t.http.get('/api/organizations/stale?pageSize=200').set(w.innA.auth).expect(200)).body;
      expect(staleAfter.items.map((o: { id: string }) => o.id)).not.toContain(created.id);
      // verified 13 months ago: stale again with the default 12 months, not with 24
      await t.db.query(`UPDATE organizations SET last_verified_at = now() - interval '13 months' WHERE id = $1`, [created.id]);
      const ids = async (q: string) =>
        (await t.http.get(`/api/organizations/stale?pageSize=200${q}`).set(w.innA.auth).expect(200)).body.items.map(
          (o: { id: string }) => o.id,
        );
      expect(await ids('')).toContain(created.id);
      expect(await ids('&months=24')).not.toContain(created.id);
      const history = (await t.http.get(`/api/organizations/${created.id}/history`).set(w.coord.auth)).body;
      expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'verify']);
    });
  });

  describe('merge', () => {
    it('moves every link to the survivor, fills its empty fields, marks the duplicate merged; both audited', async () => {
      const survivor = await create(w.coord, {
        taxCode: null,
        website: null,
        themes: ['culture'],
        offers: [],
        contactConsent: false,
        contactName: null,
        contactEmail: null,
        contactPhone: null,
      });
      const duplicate = await create(w.coord, { taxCode: '93000000724', themes: ['youth'], website: 'https://dup.example.org' });
      const other = await create(w.coord);
      // activities: one linked to the duplicate only, one to both, one to another organization
      const a1 = await createActivity(t, w.innA, { organizations: [duplicate.id] });
      const a2 = await createActivity(t, w.innA, { organizations: [duplicate.id, survivor.id] });
      const a3 = await createActivity(t, w.innA, { organizations: [other.id] });
      const linksBefore = await countRows(t, 'activity_organizations');
      // a building assigned to the duplicate (the buildings register's mover moves it)
      const building = await t.http
        .post('/api/buildings')
        .set(w.coord.auth)
        .send({
          clientId: randomUUID(),
          name: 'Ex scuola Melo',
          municipality: '072006',
          ownership: 'municipal',
          condition: 'fair',
          currentUse: 'unused',
        })
        .expect(201);
      await t.db.query(
        `INSERT INTO building_assignments (tenant_id, building_id, organization_id, instrument, start_date, end_date) VALUES ($1, $2, $3, 'free_loan', '2026-01-01', '2027-01-01')`,
        [w.bari.id, building.body.id, duplicate.id],
      );

      await t.http
        .post(`/api/organizations/${survivor.id}/merge`)
        .set(w.innA.auth)
        .send({ duplicate: duplicate.id, version: 1, duplicateVersion: 1 })
        .expect(403);
      const stale = await t.http
        .post(`/api/organizations/${survivor.id}/merge`)
        .set(w.coord.auth)
        .send({ duplicate: duplicate.id, version: 1, duplicateVersion: 7 })
        .expect(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      await t.http
        .post(`/api/organizations/${survivor.id}/merge`)
        .set(w.coord.auth)
        .send({ duplicate: survivor.id, version: 1, duplicateVersion: 1 })
        .expect(400);
      expect(await countRows(t, 'activity_organizations')).toBe(linksBefore);

      const merged = await t.http
        .post(`/api/organizations/${survivor.id}/merge`)
        .set(w.coord.auth)
        .send({ duplicate: duplicate.id, version: 1, duplicateVersion: 1 })
        .expect(200);
      expect(merged.body).toMatchObject({
        id: survivor.id,
        version: 2,
        taxCode: '93000000724',
        website: 'https://dup.example.org',
        themes: ['youth', 'culture'],
        contactConsent: true,
        contactName: 'Maria Rossi',
      });
      // every link moved; the activity linked to both keeps one
      const orgsOf = async (id: string) =>
        (await t.http.get(`/api/activities/${id}`).set(w.innA.auth).expect(200)).body.organizations.map((o: { id: string }) => o.id);
      expect(await orgsOf(a1.id)).toEqual([survivor.id]);
      expect(await orgsOf(a2.id)).toEqual([survivor.id]);
      expect(await orgsOf(a3.id)).toEqual([other.id]);
      expect(await countRows(t, 'activity_organizations')).toBe(linksBefore - 1);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM activity_organizations WHERE organization_id = $1`, [duplicate.id]);
      expect(n).toBe(0);
      const assignments = await t.db.query(`SELECT organization_id AS "organizationId" FROM building_assignments WHERE building_id = $1`, [
        building.body.id,
      ]);
      expect(assignments).toEqual([{ organizationId: survivor.id }]);

      // the duplicate: merged, inactive, out of the list, its detail says where it went, not editable
      const dup = (await t.http.get(`/api/organizations/${duplicate.id}`).set(w.coord.auth).expect(200)).body;
      expect(dup).toMatchObject({ active: false, taxCode: null, mergedInto: { id: survivor.id, name: survivor.name } });
      const list = (await t.http.get(`/api/organizations?q=${encodeURIComponent(duplicate.name)}`).set(w.coord.auth)).body;
      expect(list.items).toEqual([]);
      const edit = await t.http
        .patch(`/api/organizations/${duplicate.id}`)
        .set(w.coord.auth)
        .send({ version: dup.version, size: 'large' })
        .expect(409);
      expect(edit.body.code).toBe('ORGANIZATION_MERGED');
      // nor linkable by an activity
      const link = await t.http
        .post('/api/activities')
        .set(w.innA.auth)
        .send({ clientId: randomUUID(), municipality: '072006', date: '2026-10-01', organizations: [duplicate.id] });
      expect(link.status).toBe(400);

      // audited on both records
      const ofSurvivor = (await t.http.get(`/api/organizations/${survivor.id}/history`).set(w.coord.auth)).body;
      expect(ofSurvivor.at(-1)).toMatchObject({
        action: 'merge',
        after: { duplicate: { id: duplicate.id }, movedLinks: { activities: 2, buildingAssignments: 1 } },
      });
      const ofDuplicate = (await t.http.get(`/api/organizations/${duplicate.id}/history`).set(w.coord.auth)).body;
      expect(ofDuplicate.at(-1)).toMatchObject({ action: 'merged_into', after: { mergedInto: { id: survivor.id } } });
    });
  });

  describe('filters and export', () => {
    it('filters by theme, offer, need, target group, active and placed', async () => {
      const a = await create(w.coord, { themes: ['sport'], offers: ['equipment'], needs: ['mentoring'], targetGroups: ['detainees'] });
      const b = await create(w.coord, { location: null, active: false, themes: ['tourism'] });
      const ids = async (q: string) =>
        (await t.http.get(`/api/organizations?pageSize=200&${q}`).set(w.coord.auth).expect(200)).body.items.map(
          (o: { id: string }) => o.id,
        );
      expect(await ids('theme=sport')).toEqual([a.id]);
      expect(await ids('offer=equipment')).toEqual([a.id]);
      expect(await ids('need=mentoring')).toEqual([a.id]);
      expect(await ids('targetGroup=detainees')).toEqual([a.id]);
      expect(await ids('theme=tourism&active=false')).toEqual([b.id]);
      expect(await ids('theme=tourism&active=true')).toEqual([]);
      expect(await ids('theme=tourism&placed=false')).toEqual([b.id]);
      expect(await ids('theme=sport&placed=true')).toEqual([a.id]);
      await t.http.get('/api/organizations?placed=maybe').set(w.coord.auth).expect(400);
    });

    it('exports GeoJSON in WGS84 with istatCode and municipalityName; geometry null when not placed', async () => {
      const placed = await create(w.coord, { themes: ['digital'] });
      const notPlaced = await create(w.coord, { themes: ['digital'], location: null });
      const res = await t.http
        .get('/api/organizations/export?format=geojson&theme=digital')
        .set(w.coord.auth)
        .buffer(true)
        .parse((r, cb) => {
          let data = '';
          r.on('data', (c: Buffer) => (data += c.toString()));
          r.on('end', () => cb(null, data));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/application\/geo\+json/);
      expect(res.headers['content-disposition']).toMatch(/organizzazioni-\d{4}-\d{2}-\d{2}\.geojson/);
      const collection = JSON.parse(res.body as string);
      expect(collection.type).toBe('FeatureCollection');
      const byId = new Map(collection.features.map((f: { properties: { id: string } }) => [f.properties.id, f]));
      expect(byId.get(placed.id)).toMatchObject({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [16.86, 41.12] },
        properties: { istatCode: '072006', municipalityName: 'Bari', name: placed.name, contactEmail: 'maria.rossi@example.org' },
      });
      expect(byId.get(notPlaced.id)).toMatchObject({ geometry: null, properties: { istatCode: '072006' } });

      const asMunicipality = await t.http.get('/api/organizations/export?format=csv&theme=digital').set(w.muniBari.auth).expect(200);
      const header = String(asMunicipality.text).split('\r\n')[0];
      expect(header).toContain('tax_code');
      expect(header).not.toContain('contact_email');
      expect(header).not.toContain('internal_notes');
      expect(asMunicipality.text).toContain(placed.id);
    });
  });
});
