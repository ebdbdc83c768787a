import type { AccessibilityStatementDto } from './dto/accessibility-statement.dto';
import type { PrivacyNoticeDto } from './dto/privacy-notice.dto';
import { type ActivityWorld, activityWorld, countRows } from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

const STATEMENT = '/api/tenants/272/accessibility-statement';
const PRIVACY = '/api/tenants/272/privacy-notice';
const PUBLIC_STATEMENT = '/api/public/tenants/272/accessibility-statement';
const PUBLIC_PRIVACY = '/api/public/tenants/272/privacy-notice';

async function countPages(t: TestApp): Promise<number> {
  const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM legal_pages`);
  return n;
}

/** The editable fields of a page as the API returned them, with `version` and changes: the body of a save. */
function edit<T extends { meta: { version: number } }>(page: T, changes: Record<string, unknown> = {}) {
  const { meta, ...fields } = page;
  return { ...fields, version: meta.version, ...changes };
}

describe('legal pages: accessibility statement and privacy notice per tenant', () => {
  let t: TestApp;
  let w: ActivityWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
  });
  afterAll(() => t.close());

  it('serves the default statement and notice without signing in, revealing only the tenant and the page', async () => {
    const res = await t.http.get(PUBLIC_STATEMENT).expect(200);
    const statement = res.body as AccessibilityStatementDto;
    expect(statement.meta).toEqual({
      tenant: { istatCode: '272', name: 'Città Metropolitana di Bari' },
      version: 0,
      isDefault: true,
      updatedAt: null,
    });
    expect(statement).toMatchObject({
      entityName: { it: 'Città Metropolitana di Bari' },
      conformity: 'partially_compliant',
      method: 'self_assessment',
      feedbackEmail: null,
      enforcementUrl: 'https://form.agid.gov.it/',
    });
    expect(statement.nonAccessibleContent.length).toBeGreaterThan(0);
    const privacy = (await t.http.get('/api/public/tenants/237/privacy-notice').expect(200)).body as PrivacyNoticeDto;
    expect(privacy).toMatchObject({
      controllerName: { it: 'Città Metropolitana di Bologna' },
      controllerAddress: 'Via Zamboni 13, 40126 Bologna',
    });
    expect(privacy.rights.it).toContain('rettifica');
    // nothing about users or authors in any public answer
    for (const body of [res.text, JSON.stringify(privacy)]) {
      expect(body).not.toMatch(/createdBy|updatedBy|@example|Cosimo|tenant_id|"id"/);
    }
  });

  it('lists the metropolitan cities by name for the login page, without signing in', async () => {
    const res = await t.http.get('/api/public/tenants').expect(200);
    expect(res.body).toEqual([
      { istatCode: '272', name: 'Città Metropolitana di Bari' },
      { istatCode: '237', name: 'Città Metropolitana di Bologna' },
    ]);
  });

  it('answers 404 with a code for an unknown or malformed tenant code', async () => {
    for (const path of ['/api/public/tenants/999/accessibility-statement', '/api/public/tenants/27x/privacy-notice']) {
      const res = await t.http.get(path).expect(404);
      expect(res.body.code).toBe('LEGAL_PAGE_TENANT_NOT_FOUND');
    }
  });

  it('lets a coordinator save their tenant’s statement (audited, versioned), and everyone then reads it', async () => {
    const current = (await t.http.get(PUBLIC_STATEMENT).expect(200)).body as AccessibilityStatementDto;
    const body = edit(current, {
      conformity: 'compliant',
      nonAccessibleContent: [],
      feedbackEmail: ' Accessibilita@CittaMetropolitana.ba.it ',
      siteInfo: { it: 'Pubblicato nel 2026.', en: '' },
    });
    const saved = (await t.http.put(STATEMENT).set(w.coord.auth).send(body).expect(200)).body as AccessibilityStatementDto;
    expect(saved).toMatchObject({
      conformity: 'compliant',
      nonAccessibleContent: [],
      feedbackEmail: 'accessibilita@cittametropolitana.ba.it',
    });
    expect(saved.meta).toMatchObject({ version: 1, isDefault: false });
    expect(saved.meta.updatedAt).not.toBeNull();
    const publicRead = (await t.http.get(PUBLIC_STATEMENT).expect(200)).body as AccessibilityStatementDto;
    expect(publicRead).toEqual(saved);

    const [entry] = await t.db.query(
      `SELECT actor_id, action, before, after, tenant_id FROM audit_log WHERE entity = 'accessibility_statement' ORDER BY at DESC LIMIT 1`,
    );
    expect(entry).toMatchObject({ actor_id: w.coord.id, action: 'create', before: null, tenant_id: w.bari.id });
    expect(entry.after).toMatchObject({ conformity: 'compliant', feedbackEmail: 'accessibilita@cittametropolitana.ba.it' });
    expect(entry.after).not.toHaveProperty('version');

    // a second save from version 1 updates; its audit entry keeps before and after
    const second = (
      await t.http
        .put(STATEMENT)
        .set(w.coord.auth)
        .send(edit(saved, { conformity: 'non_compliant' }))
        .expect(200)
    ).body as AccessibilityStatementDto;
    expect(second.meta.version).toBe(2);
    const [update] = await t.db.query(
      `SELECT action, before->>'conformity' AS before, after->>'conformity' AS after FROM audit_log WHERE entity = 'accessibility_statement' ORDER BY at DESC LIMIT 1`,
    );
    expect(update).toEqual({ action: 'update', before: 'compliant', after: 'non_compliant' });

    // the tenant's coordinators read both entries in the audit log; another tenant's do not
    const log = await t.http.get('/api/audit').query({ entity: 'accessibility_statement' }).set(w.coord.auth).expect(200);
    expect((log.body.items as { action: string; actor: { id: string } }[]).map((e) => [e.action, e.actor.id])).toEqual(
      expect.arrayContaining([
        ['create', w.coord.id],
        ['update', w.coord.id],
      ]),
    );
    const foreign = await t.http.get('/api/audit').query({ entity: 'accessibility_statement' }).set(w.coordBo.auth).expect(200);
    expect(foreign.body.items).toEqual([]);
  });

  it('refuses a stale version with 409 STALE_VERSION and writes nothing (also a second first save from version 0)', async () => {
    const current = (await t.http.get(PUBLIC_PRIVACY).expect(200)).body as PrivacyNoticeDto;
    expect(current.meta.version).toBe(0);
    await t.http
      .put(PRIVACY)
      .set(w.coord.auth)
      .send(edit(current, { dpoEmail: 'rpd@cittametropolitana.ba.it' }))
      .expect(200);
    const pages = await countPages(t);
    const audits = await countRows(t, 'audit_log');
    const stale = await t.http
      .put(PRIVACY)
      .set(w.coord.auth)
      .send(edit(current, { dpoEmail: 'altro@example.org' }))
      .expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const ahead = await t.http
      .put(PRIVACY)
      .set(w.coord.auth)
      .send(edit(current, { version: 7 }))
      .expect(409);
    expect(ahead.body.code).toBe('STALE_VERSION');
    expect(await countPages(t)).toBe(pages);
    expect(await countRows(t, 'audit_log')).toBe(audits);
    expect(((await t.http.get(PUBLIC_PRIVACY).expect(200)).body as PrivacyNoticeDto).dpoEmail).toBe('rpd@cittametropolitana.ba.it');
  });

  it("answers 404 to another tenant's coordinator and 403 to innovators and municipality users, changing nothing", async () => {
    const current = (await t.http.get('/api/public/tenants/237/accessibility-statement').expect(200)).body as AccessibilityStatementDto;
    const body = edit(current, { conformity: 'compliant' });
    const foreign = await t.http.put('/api/tenants/237/accessibility-statement').set(w.coord.auth).send(body).expect(404);
    expect(foreign.body.code).toBe('LEGAL_PAGE_TENANT_NOT_FOUND');
    for (const actor of [w.innA, w.muniBari]) {
      const res = await t.http.put(STATEMENT).set(actor.auth).send(body).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    await t.http.put(STATEMENT).send(body).expect(401);
    const after = (await t.http.get('/api/public/tenants/237/accessibility-statement').expect(200)).body as AccessibilityStatementDto;
    expect(after.meta).toMatchObject({ version: 0, isDefault: true });
  });

  it("lets Bologna's coordinator and an admin edit Bologna's notice", async () => {
    const path = '/api/tenants/237/privacy-notice';
    const current = (await t.http.get('/api/public/tenants/237/privacy-notice').expect(200)).body as PrivacyNoticeDto;
    const byCoord = (
      await t.http
        .put(path)
        .set(w.coordBo.auth)
        .send(edit(current, { controllerPec: 'cm.bo@cert.example.it' }))
        .expect(200)
    ).body as PrivacyNoticeDto;
    const byAdmin = (
      await t.http
        .put(path)
        .set(w.admin.auth)
        .send(edit(byCoord, { transfers: { it: 'Nessun trasferimento.', en: 'No transfers.' } }))
        .expect(200)
    ).body as PrivacyNoticeDto;
    expect(byAdmin).toMatchObject({
      controllerPec: 'cm.bo@cert.example.it',
      transfers: { it: 'Nessun trasferimento.' },
      meta: { version: 2 },
    });
    const [entry] = await t.db.query(
      `SELECT actor_role, tenant_id FROM audit_log WHERE entity = 'privacy_notice' ORDER BY at DESC LIMIT 1`,
    );
    expect(entry).toEqual({ actor_role: 'admin', tenant_id: w.bologna.id });
  });

  it('refuses bad input with 400 and a code naming the field', async () => {
    const current = (await t.http.get(PUBLIC_STATEMENT).expect(200)).body as AccessibilityStatementDto;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ conformity: 'mostly' }, 'VALIDATION_FAILED', 'conformity'],
      [{ feedbackEmail: 'not-an-address' }, 'VALIDATION_FAILED', 'feedbackEmail'],
      [{ siteUrl: 'javascript:alert(1)' }, 'VALIDATION_FAILED', 'siteUrl'],
      [{ entityName: { it: '   ', en: '' } }, 'VALIDATION_FAILED', 'entityName.it'],
      [
        { nonAccessibleContent: [{ reason: 'lazy', description: { it: 'x', en: '' } }] },
        'VALIDATION_FAILED',
        'nonAccessibleContent.0.reason',
      ],
      [{ preparedOn: '2026-02-30' }, 'VALIDATION_FAILED', 'preparedOn'],
      [{ preparedOn: '2026-06-01', lastReviewedOn: '2026-05-01' }, 'ACCESSIBILITY_REVIEW_BEFORE_PREPARED', 'lastReviewedOn'],
      [{ extra: 1 }, 'VALIDATION_FAILED', 'extra'],
    ];
    const before = await countRows(t, 'audit_log');
    for (const [changes, code, field] of cases) {
      const res = await t.http.put(STATEMENT).set(w.coord.auth).send(edit(current, changes)).expect(400);
      expect(res.body.code).toBe(code);
      expect((res.body.details as { field: string }[]).map((d) => d.field)).toContain(field);
    }
    expect(await countRows(t, 'audit_log')).toBe(before);
  });
});
