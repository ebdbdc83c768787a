import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@trama/contracts';
import { DataSource } from 'typeorm';
import { hashPassword } from '../../common/auth/password';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { TenantManifest, TerritoryImportService } from '../territory/territory-import.service';

interface DemoAccount {
  email: string;
  fullName: string;
  role: Role;
  tenant?: string;
  hiredOn?: string;
  contractEnd?: string;
  municipalities?: string[];
  territory?: { kind: 'municipality' | 'social_area'; code: string };
}

/** `seeds/` lives at the repository root (the working directory of npm scripts and of the image). */
function readSeed<T>(name: string): T {
  return JSON.parse(readFileSync(join(process.cwd(), 'seeds', name), 'utf8')) as T;
}

/**
 * Demo data for people trying Trama: the Bari and Bologna territories and one account per role.
 * Never runs in production (main.ts checks, and so does this class). Idempotent.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly territory: TerritoryImportService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seed(log: (m: string) => void): Promise<void> {
    if (this.config.isProduction) throw new Error('Demo data is never created in production');
    const tenants = readSeed<TenantManifest[]>('tenants.json');
    for (const manifest of tenants) {
      const [existing] = await this.dataSource.query('SELECT 1 FROM tenants WHERE istat_code = $1', [manifest.istatCode]);
      if (existing) continue;
      const summary = await this.territory.importTenant(manifest, this.config.territoryDir, null);
      log(`territory of ${manifest.name}: ${summary.municipalities} municipalities, ${summary.socialAreas} social areas imported`);
    }
    const accounts = readSeed<DemoAccount[]>('demo-accounts.json');
    const created: string[] = [];
    for (const account of accounts) {
      if (await this.createAccount(account)) created.push(`${account.email} (${account.role})`);
    }
    if (created.length > 0) {
      log(`demo accounts created, password "${this.config.demoPassword}" (DEMO_PASSWORD):`);
      for (const line of created) log(`  ${line}`);
    }
  }

  private async createAccount(account: DemoAccount): Promise<boolean> {
    const [exists] = await this.dataSource.query('SELECT 1 FROM users WHERE email = $1', [account.email]);
    if (exists) return false;
    return this.dataSource.transaction(async (m) => {
      const [tenant] = account.tenant ? await m.query('SELECT tenant_id AS id FROM tenants WHERE istat_code = $1', [account.tenant]) : [null];
      const muni = async (istat: string): Promise<string> => {
        const [row] = await m.query('SELECT id FROM municipalities WHERE tenant_id = $1 AND istat_code = $2', [tenant.id, istat]);
        if (!row) throw new Error(`demo account ${account.email}: municipality ${istat} not found`);
        return row.id;
      };
      let scopeMunicipality: string | null = null;
      let scopeSocialArea: string | null = null;
      if (account.territory?.kind === 'municipality') scopeMunicipality = await muni(account.territory.code);
      if (account.territory?.kind === 'social_area') {
        const [row] = await m.query('SELECT id FROM social_areas WHERE tenant_id = $1 AND code = $2', [tenant.id, account.territory.code]);
        scopeSocialArea = row.id;
      }
      const [user] = await m.query(
        `INSERT INTO users (tenant_id, email, full_name, role, password_hash, hired_on, contract_end, scope_municipality_id, scope_social_area_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [tenant?.id ?? null, account.email, account.fullName, account.role, await hashPassword(this.config.demoPassword), account.hiredOn ?? null, account.contractEnd ?? null, scopeMunicipality, scopeSocialArea],
      );
      for (const istat of account.municipalities ?? []) {
        await m.query('INSERT INTO user_municipalities (user_id, municipality_id, tenant_id) VALUES ($1, $2, $3)', [user.id, await muni(istat), tenant.id]);
      }
      await m.query(`INSERT INTO audit_log (tenant_id, entity, entity_id, action, after) VALUES ($1, 'user', $2, 'create', $3)`, [
        tenant?.id ?? null,
        user.id,
        JSON.stringify({ email: account.email, role: account.role, source: 'demo-seed' }),
      ]);
      return true;
    });
  }
}
