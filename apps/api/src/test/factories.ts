import { randomUUID } from 'node:crypto';
import type { Role } from '@trama/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { hashPassword } from '../common/auth/password';

export const TEST_PASSWORD = 'Correct-horse-battery-9';

export interface TestTenant {
  id: string;
  istatCode: string;
  /** social area code → id */
  socialAreas: Record<string, string>;
  /** ISTAT code → municipality id */
  municipalities: Record<string, string>;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  tenantId: string | null;
}

export interface TerritorySpec {
  istatCode: string;
  name?: string;
  /** social area code → list of [istatCode, name, population] */
  socialAreas: Record<string, [string, string, number][]>;
}

let sequence = 0;
let passwordHash: Promise<string> | undefined;

/** Creates the data a test needs, straight in the database (fast, explicit). */
export class Factory {
  constructor(
    readonly db: DataSource,
    private readonly http: ReturnType<typeof request>,
  ) {}

  async tenant(spec: TerritorySpec): Promise<TestTenant> {
    const [tenant] = await this.db.query(`INSERT INTO tenants (istat_code, name, slug) VALUES ($1, $2, $3) RETURNING tenant_id AS id`, [
      spec.istatCode,
      spec.name ?? `Città Metropolitana ${spec.istatCode}`,
      `t${spec.istatCode}`,
    ]);
    const out: TestTenant = { id: tenant.id, istatCode: spec.istatCode, socialAreas: {}, municipalities: {} };
    for (const [code, municipalities] of Object.entries(spec.socialAreas)) {
      const [area] = await this.db.query(`INSERT INTO social_areas (tenant_id, code, name) VALUES ($1, $2, $3) RETURNING id`, [
        tenant.id,
        code,
        `Ambito ${code}`,
      ]);
      out.socialAreas[code] = area.id;
      for (const [istat, name, population] of municipalities) {
        const [m] = await this.db.query(
          `INSERT INTO municipalities (tenant_id, istat_code, name, province_code, population, population_year, area_km2, lat, lon, social_area_id,
                                       boundary_simplified, min_lon, min_lat, max_lon, max_lat)
           VALUES ($1, $2, $3, $4, $5, 2026, 10.5, 41.1, 16.8, $6, $7, 16.7, 41.0, 16.9, 41.2) RETURNING id`,
          [
            tenant.id,
            istat,
            name,
            istat.slice(0, 3),
            population,
            area.id,
            JSON.stringify({
              type: 'MultiPolygon',
              coordinates: [
                [
                  [
                    [16.7, 41.0],
                    [16.9, 41.0],
                    [16.9, 41.2],
                    [16.7, 41.0],
                  ],
                ],
              ],
            }),
          ],
        );
        out.municipalities[istat] = m.id;
      }
    }
    // as the territory import does: the file's population year, an ISTAT 2021 figure (1% more), the default indicators
    await this.db.query(
      `INSERT INTO municipality_populations (tenant_id, municipality_id, year, population, source)
       SELECT tenant_id, id, population_year, population, 'territory file' FROM municipalities WHERE tenant_id = $1
       UNION ALL SELECT tenant_id, id, 2021, round(population * 1.01)::int, 'ISTAT istat_residents_2021_01_01' FROM municipalities WHERE tenant_id = $1`,
      [tenant.id],
    );
    await this.db.query(`SELECT trama_seed_indicator_definitions($1)`, [tenant.id]);
    return out;
  }

  /** Two small tenants shaped like Bari (272) and Bologna (237). */
  async twoTenants(): Promise<{ bari: TestTenant; bologna: TestTenant }> {
    const bari = await this.tenant({
      istatCode: '272',
      name: 'Città Metropolitana di Bari',
      socialAreas: {
        ATS_BA_MOLFETTA: [
          ['072029', 'Molfetta', 56000],
          ['072022', 'Giovinazzo', 20000],
        ],
        ATS_BA_BARI: [['072006', 'Bari', 319000]],
        ATS_BA_CORATO: [
          ['072020', 'Corato', 47000],
          ['072038', 'Ruvo di Puglia', 25000],
        ],
      },
    });
    const bologna = await this.tenant({
      istatCode: '237',
      name: 'Città Metropolitana di Bologna',
      socialAreas: {
        DSS_BO_CITTA_DI_BOLOGNA: [['037006', 'Bologna', 395000]],
        DSS_BO_SAVENA_IDICE: [['037054', 'San Lazzaro di Savena', 32000]],
      },
    });
    return { bari, bologna };
  }

  async user(options: {
    role: Role;
    tenant?: TestTenant | null;
    email?: string;
    password?: string;
    fullName?: string;
    /** innovator: ISTAT codes assigned */
    municipalities?: string[];
    /** municipality user: one municipality (ISTAT) or one social area (code) */
    scopeMunicipality?: string;
    scopeSocialArea?: string;
    active?: boolean;
  }): Promise<TestUser> {
    sequence += 1;
    const email = options.email ?? `${options.role}.${sequence}.${randomUUID().slice(0, 8)}@trama.test`;
    const password = options.password ?? TEST_PASSWORD;
    const hash = options.password ? await hashPassword(password) : await (passwordHash ??= hashPassword(TEST_PASSWORD));
    const tenant = options.role === 'admin' ? null : options.tenant;
    if (options.role !== 'admin' && !tenant) throw new Error('factory.user: a non-admin needs a tenant');
    const [user] = await this.db.query(
      `INSERT INTO users (tenant_id, email, full_name, role, password_hash, active, scope_municipality_id, scope_social_area_id, hired_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        tenant?.id ?? null,
        email.toLowerCase(),
        options.fullName ?? `Test ${options.role} ${sequence}`,
        options.role,
        hash,
        options.active ?? true,
        options.scopeMunicipality ? tenant!.municipalities[options.scopeMunicipality] : null,
        options.scopeSocialArea ? tenant!.socialAreas[options.scopeSocialArea] : null,
        options.role === 'innovator' ? '2026-01-15' : null,
      ],
    );
    for (const istat of options.municipalities ?? []) {
      await this.db.query(`INSERT INTO user_municipalities (user_id, municipality_id, tenant_id) VALUES ($1, $2, $3)`, [
        user.id,
        tenant!.municipalities[istat],
        tenant!.id,
      ]);
    }
    return { id: user.id, email: email.toLowerCase(), password, role: options.role, tenantId: tenant?.id ?? null };
  }

  /** Signs in through the real endpoint and returns the bearer token. */
  async token(user: Pick<TestUser, 'email' | 'password'>): Promise<string> {
    const res = await this.http.post('/api/auth/login').send({ email: user.email, password: user.password });
    if (res.status !== 200) throw new Error(`login of ${user.email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  }
}
