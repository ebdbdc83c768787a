import request from 'supertest';
import { activityBody, activityWorld, type ActivityWorld, createActivity } from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { MAX_JSON_DEPTH } from './json-depth';

/** Hostile text and structure, refused by one layer before any DTO: 400 with a stable code, nothing written. */
describe('request input that can never reach a 500', () => {
  let t: TestApp;
  let w: ActivityWorld;
  let activityId: string;
  let userId: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    activityId = (await createActivity(t, w.innA)).id;
    userId = (await t.factory.user({ role: 'innovator', tenant: w.bari, municipalities: ['072006'] })).id;
  });
  afterAll(() => t.close());

  /** What a refused request must leave untouched. */
  const written = async () => {
    const [row] = await t.db.query(
      `SELECT (SELECT count(*) FROM audit_log)::int AS audit, (SELECT count(*) FROM activities)::int AS activities,
              (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM organizations)::int AS organizations,
              (SELECT coalesce(sum(failures), 0) FROM sign_in_backoff)::int AS failed_logins, (SELECT sum(version) FROM users)::int AS user_versions`,
    );
    return row;
  };

  const NUL = 'Laboratorio\u0000 di quartiere';
  const LONE_SURROGATE = 'Laboratorio \ud800 di quartiere';

  describe.each([
    ['a NUL', NUL, 'contains a NUL character'],
    ['an unpaired surrogate', LONE_SURROGATE, 'unpaired UTF-16 surrogate'],
  ])('%s', (_label, text, words) => {
    const expectRefused = (res: request.Response, field: string) => {
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'INVALID_TEXT' });
      expect(res.body.details).toEqual([{ field, messages: [expect.stringContaining(words)], codes: ['INVALID_TEXT'] }]);
      expect(res.body.message).toContain(field);
    };

    it('in a text field of a new activity (audit jsonb, text search): 400 naming the field, nothing written', async () => {
      const before = await written();
      expectRefused(
        await t.http
          .post('/api/activities')
          .set(w.innA.auth)
          .send(activityBody({ title: text })),
        'title',
      );
      expectRefused(
        await t.http
          .post('/api/activities')
          .set(w.innA.auth)
          .send(activityBody({ description: text })),
        'description',
      );
      expectRefused(
        await t.http
          .post('/api/activities')
          .set(w.innA.auth)
          .send(activityBody({ themes: ['youth', text as never] })),
        'themes.1',
      );
      expect(await written()).toEqual(before);
    });

    it('in an edit of an activity and in a nested object key', async () => {
      const before = await written();
      expectRefused(await t.http.patch(`/api/activities/${activityId}`).set(w.innA.auth).send({ version: 1, outcomes: text }), 'outcomes');
      const res = await t.http
        .post('/api/activities')
        .set(w.innA.auth)
        .send({ ...activityBody(), participants: { total: 3, [text]: 1 } });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_TEXT');
      expect(res.body.details[0].messages[0]).toMatch(/^the name of field participants\./);
      expect(await written()).toEqual(before);
    });

    it('in the login e-mail and password (the e-mail validator): 400, not counted as a failed sign-in', async () => {
      const before = await written();
      expectRefused(await t.http.post('/api/auth/login').send({ email: `a${text}@trama.test`, password: 'x' }), 'email');
      expectRefused(await t.http.post('/api/auth/login').send({ email: w.innA.email, password: text }), 'password');
      expect(await written()).toEqual(before);
    });

    it("in a user's fullName, on create and on edit", async () => {
      const before = await written();
      expectRefused(
        await t.http.post('/api/users').set(w.coord.auth).send({ email: 'nuovo.utente@trama.test', fullName: text, role: 'innovator' }),
        'fullName',
      );
      expectRefused(await t.http.patch(`/api/users/${userId}`).set(w.coord.auth).send({ version: 1, fullName: text }), 'fullName');
      expectRefused(await t.http.patch(`/api/users/${userId}`).set(w.admin.auth).send({ version: 1, fullName: text }), 'fullName');
      expect(await written()).toEqual(before);
    });

    it('in an organization name', async () => {
      const before = await written();
      expectRefused(
        await t.http.post('/api/organizations').set(w.innA.auth).send({ name: text, kind: 'aps', municipality: '072006' }),
        'name',
      );
      expect(await written()).toEqual(before);
    });
  });

  describe('query strings and paths', () => {
    it('refuses a NUL in a filter, on the list and on the export', async () => {
      for (const path of ['/api/activities', '/api/activities/export', '/api/users', '/api/organizations']) {
        const res = await t.http.get(`${path}?q=laboratorio%00`).set(w.coord.auth);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ code: 'INVALID_TEXT', details: [{ field: 'q' }] });
      }
    });

    it('refuses percent-encoding that is not UTF-8 (a lone surrogate cannot be encoded otherwise), instead of searching for U+FFFD', async () => {
      for (const q of ['%ED%A0%80', 'caff%E8', '%FF']) {
        const res = await t.http.get(`/api/activities?q=${q}`).set(w.coord.auth);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({
          code: 'INVALID_TEXT',
          details: [{ field: 'q', messages: ['q is not valid UTF-8 percent-encoding'] }],
        });
      }
      const ok = await t.http.get('/api/activities?q=caff%C3%A8').set(w.coord.auth);
      expect(ok.status).toBe(200);
    });

    it('refuses a NUL or broken encoding in a route parameter', async () => {
      for (const id of ['%00', `${activityId}%00`, '%ED%A0%80']) {
        const res = await t.http.get(`/api/activities/${id}`).set(w.coord.auth);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ code: 'INVALID_TEXT', details: [{ field: 'path' }] });
        expect(JSON.stringify(res.body)).not.toContain('%ED');
      }
    });

    it('accepts well-formed text everywhere (accents, emoji, other control characters are not its business)', async () => {
      const created = await createActivity(t, w.innA, { title: 'Caffè 🎉 con l’assessora', description: 'riga\tcon tab' });
      expect(created.title).toBe('Caffè 🎉 con l’assessora');
      const res = await t.http.get(`/api/activities?q=${encodeURIComponent('caffè')}`).set(w.innA.auth);
      expect(res.status).toBe(200);
      expect(res.body.items.map((a: { id: string }) => a.id)).toContain(created.id);
    });
  });

  describe('body structure', () => {
    /** Sends the bytes as they are (superagent would serialise a Buffer as JSON). */
    const raw = (path: string, body: string | Buffer, type = 'application/json') =>
      t.http
        .post(path)
        .set(w.innA.auth)
        .set('Content-Type', type)
        .serialize((b: unknown) => b as string)
        .send(body);

    it(`refuses nesting beyond ${MAX_JSON_DEPTH} levels with BODY_TOO_DEEP, and accepts ${MAX_JSON_DEPTH}`, async () => {
      const at = (levels: number) =>
        JSON.stringify({ ...activityBody(), title: JSON.parse('['.repeat(levels - 1) + ']'.repeat(levels - 1)) });
      const limit = await raw('/api/activities', at(MAX_JSON_DEPTH));
      expect(limit.status).toBe(400);
      expect(limit.body.code).toBe('VALIDATION_FAILED'); // parsed, then refused by the DTO (title must be a string)
      const over = await raw('/api/activities', at(MAX_JSON_DEPTH + 1));
      expect(over.status).toBe(400);
      expect(over.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        code: 'BODY_TOO_DEEP',
        message: `The request body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep`,
      });
    });

    it('refuses 10,000 and 100,000 levels on every kind of route, anonymous sign-in included, without blocking (time printed)', async () => {
      const before = await written();
      const times: string[] = [];
      for (const levels of [10_000, 100_000]) {
        const body = `{"email":${'['.repeat(levels)}${']'.repeat(levels)}}`;
        for (const [method, path] of [
          ['post', '/api/auth/login'],
          ['post', '/api/activities'],
          ['patch', `/api/activities/${activityId}`],
          ['post', '/api/users'],
        ] as const) {
          const started = performance.now();
          const res = await t.http[method](path).set(w.coord.auth).set('Content-Type', 'application/json').send(body);
          times.push(
            `${levels} levels ${method.toUpperCase()} ${path.replace(activityId, ':id')}: ${(performance.now() - started).toFixed(1)} ms`,
          );
          expect(res.status).toBe(400);
          expect(res.body.code).toBe('BODY_TOO_DEEP');
        }
      }
      console.log(`deep bodies over HTTP (whole request, refused before JSON.parse):\n  ${times.join('\n  ')}`);
      expect(await written()).toEqual(before);
    });

    it('refuses a JSON body that is not valid UTF-8, or not UTF-8 at all', async () => {
      const bytes = Buffer.concat([Buffer.from('{"title":"caff'), Buffer.from([0xe8]), Buffer.from('"}')]);
      const invalid = await raw('/api/activities', bytes);
      expect(invalid.status).toBe(400);
      expect(invalid.body).toMatchObject({ code: 'INVALID_TEXT', message: 'The request body is not valid UTF-8' });
      const utf16 = await raw(
        '/api/activities',
        Buffer.from(JSON.stringify(activityBody()), 'utf16le'),
        'application/json; charset=utf-16le',
      );
      expect(utf16.status).toBe(415);
      expect(utf16.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    });

    it('checks form-encoded bodies the same way', async () => {
      const nul = await raw('/api/auth/login', 'email=a%00%40trama.test&password=x', 'application/x-www-form-urlencoded');
      expect(nul.status).toBe(400);
      expect(nul.body).toMatchObject({ code: 'INVALID_TEXT', details: [{ field: 'email' }] });
      const broken = await raw('/api/auth/login', 'email=a%ED%A0%80%40trama.test&password=x', 'application/x-www-form-urlencoded');
      expect(broken.status).toBe(400);
      expect(broken.body).toMatchObject({ code: 'INVALID_TEXT', details: [{ field: 'email' }] });
    });

    it('keeps the malformed-JSON and size answers', async () => {
      expect((await raw('/api/activities', '{"title": "x"')).body.code).toBe('MALFORMED_JSON');
      const big = await raw('/api/activities', JSON.stringify({ title: 'x'.repeat(1_100_000) }));
      expect(big.status).toBe(400);
      expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
    });
  });

  /** The per-DTO layer (common/http/fields.ts): the classes of 500s the adversarial run found on user edits and lists. */
  describe('bounds every DTO inherits', () => {
    it("refuses null for a user's fullName and active on PATCH (NOT NULL columns), naming the field; nothing written", async () => {
      const before = await written();
      for (const field of ['fullName', 'active']) {
        const res = await t.http
          .patch(`/api/users/${userId}`)
          .set(w.coord.auth)
          .send({ version: 1, [field]: null });
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({
          code: 'VALIDATION_FAILED',
          details: [{ field, messages: [`${field} must not be null (leave it out to keep the current value)`] }],
        });
      }
      expect(await written()).toEqual(before);
    });

    it('refuses versions beyond the int column (2^31, 2^63, 1e308) on every versioned write', async () => {
      const before = await written();
      for (const version of ['2147483648', '9223372036854775808', '1e308']) {
        for (const [who, method, path, rest] of [
          [w.coord, 'patch', `/api/users/${userId}`, '"fullName":"Nome"'],
          [w.coord, 'put', `/api/users/${userId}/municipalities`, '"municipalities":["072006"]'],
          [w.innA, 'patch', `/api/activities/${activityId}`, '"title":"Titolo"'],
        ] as const) {
          const res = await t.http[method](path)
            .set(who.auth)
            .set('Content-Type', 'application/json')
            .send(`{"version":${version},${rest}}`);
          expect(res.status).toBe(400);
          expect(res.body.details).toEqual([
            {
              field: 'version',
              messages: ['version must not be greater than 2147483647'],
              codes: ['OUT_OF_RANGE'],
              params: { max: 2147483647 },
            },
          ]);
        }
      }
      expect(await written()).toEqual(before);
    });

    it('caps page on every list (an OFFSET PostgreSQL cannot take was a 500) and takes only decimal integers', async () => {
      for (const path of [
        '/api/activities',
        '/api/users',
        '/api/organizations',
        '/api/audit',
        '/api/municipalities',
        '/api/social-areas',
      ]) {
        for (const page of ['10001', '9223372036854775808', '1e308', '0x10', '']) {
          const res = await t.http.get(`${path}?page=${page}`).set(w.coord.auth);
          expect(res.status).toBe(400);
          expect(res.body.details).toEqual([
            expect.objectContaining({ field: 'page', messages: expect.any(Array), codes: expect.any(Array) }),
          ]);
        }
        const last = await t.http.get(`${path}?page=10000`).set(w.coord.auth);
        expect(last.status).toBe(200);
        expect(last.body).toMatchObject({ items: [], page: 10000 });
      }
    });
  });
});
