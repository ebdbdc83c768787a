import { ScopedData } from '../common/access/scoped-data';
import { createDataSource } from '../database/data-source';
import { verifyPassword } from '../common/auth/password';
import { createFirstAdmin, FirstAdminError } from '../modules/users/first-admin';
import { createTestDatabase } from '../test/test-database';
import { parseArgs, UsageError } from './create-admin';

describe('create-admin command', () => {
  it('parses --email and --name, in both spellings', () => {
    expect(parseArgs(['--email', 'ops@example.org'])).toEqual({ email: 'ops@example.org', fullName: 'Administrator' });
    expect(parseArgs(['--email=ops@example.org', '--name', 'Ops Team'])).toEqual({ email: 'ops@example.org', fullName: 'Ops Team' });
    expect(() => parseArgs([])).toThrow(UsageError);
    expect(() => parseArgs(['--email'])).toThrow(/--email needs a value/);
    expect(() => parseArgs(['--email', 'a@b.it', '--role', 'admin'])).toThrow(/unknown argument --role/);
  });

  describe('on a database', () => {
    let drop: () => Promise<void>;
    const dataSource = { current: undefined as ReturnType<typeof createDataSource> | undefined };

    beforeAll(async () => {
      const db = await createTestDatabase();
      drop = db.drop;
      dataSource.current = createDataSource(db.url);
      await dataSource.current.initialize();
    });
    afterAll(async () => {
      await dataSource.current?.destroy();
      await drop();
    });

    it('creates an admin with a generated password shown once, audited, and refuses the same email again', async () => {
      const ds = dataSource.current!;
      const result = await createFirstAdmin(new ScopedData(ds), { email: ' Ops@Example.org ', fullName: 'Ops Team' });
      expect(result).toEqual({ id: expect.any(String), email: 'ops@example.org', generatedPassword: expect.any(String) });

      const [user] = await ds.query('SELECT email, full_name, role, tenant_id, active, password_hash FROM users WHERE id = $1', [
        result.id,
      ]);
      expect(user).toMatchObject({ email: 'ops@example.org', full_name: 'Ops Team', role: 'admin', tenant_id: null, active: true });
      expect(await verifyPassword(user.password_hash, result.generatedPassword!)).toBe(true);

      const audit = await ds.query(`SELECT tenant_id, actor_id, action, after FROM audit_log WHERE entity = 'user' AND entity_id = $1`, [
        result.id,
      ]);
      expect(audit).toEqual([
        {
          tenant_id: null,
          actor_id: null,
          action: 'create',
          after: expect.objectContaining({ email: 'ops@example.org', role: 'admin', source: 'create-admin' }),
        },
      ]);
      expect(JSON.stringify(audit)).not.toContain(result.generatedPassword);

      await expect(createFirstAdmin(new ScopedData(ds), { email: 'OPS@example.org', fullName: 'Again' })).rejects.toThrow(FirstAdminError);
      expect((await ds.query(`SELECT count(*)::int AS n FROM users WHERE email = 'ops@example.org'`))[0].n).toBe(1);
    });

    it('uses a given password and refuses a short one or a bad email', async () => {
      const ds = dataSource.current!;
      const result = await createFirstAdmin(new ScopedData(ds), {
        email: 'second@example.org',
        fullName: 'Second',
        password: 'A-long-enough-secret',
      });
      expect(result.generatedPassword).toBeUndefined();
      const [user] = await ds.query('SELECT password_hash FROM users WHERE id = $1', [result.id]);
      expect(await verifyPassword(user.password_hash, 'A-long-enough-secret')).toBe(true);

      await expect(
        createFirstAdmin(new ScopedData(ds), { email: 'third@example.org', fullName: 'Third', password: 'short' }),
      ).rejects.toThrow(/password must have/);
      await expect(createFirstAdmin(new ScopedData(ds), { email: 'not-an-email', fullName: 'Nope' })).rejects.toThrow(/not a valid email/);
      expect((await ds.query(`SELECT count(*)::int AS n FROM users WHERE email IN ('third@example.org', 'not-an-email')`))[0].n).toBe(0);
    });
  });
});
