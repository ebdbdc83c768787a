import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../../common/access/access-scope';
import { ProjectsRepository } from './projects.repository';

/** Euros of a territory. */
export interface TerritoryAmounts {
  committed: number;
  paid: number;
  /** projects with a snapshot on or before the date that touch the territory */
  projects: number;
}

export interface AmountsAt {
  date: string;
  /** by ISTAT code; a municipality without projects is absent */
  byMunicipality: Record<string, TerritoryAmounts>;
  /** every readable project, those of no municipality (metropolitan-wide) included, each counted once */
  tenant: TerritoryAmounts;
}

export interface BeneficiariesFunded {
  /** by ISTAT code: distinct organizations funded by a project of the municipality, and their grants split evenly */
  byMunicipality: Record<string, { organizations: number; amount: number }>;
  tenant: { organizations: number; amount: number };
}

/**
 * `cents` split into `n` whole-cent parts that add up to it: the first `cents mod n` parts get one cent
 * more (the caller orders the parts, by ISTAT code). 100.00 over 3 → 33.34, 33.33, 33.33.
 */
export function splitEvenly(cents: number, n: number): number[] {
  if (n <= 0) return [];
  const base = Math.floor(cents / n);
  const rest = cents - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < rest ? 1 : 0));
}

const toCents = (euros: string | null) => (euros === null ? 0 : Math.round(Number(euros) * 100));

/**
 * What the projects feed to indicators (issue 10 item 5; docs/projects.md, "Indicators"), read at call
 * time within the caller's scope (ProjectsPolicy.readable):
 * - funds committed and paid per municipality at a date: each project's latest snapshot on or before
 *   the date, split evenly (to the cent) across the project's municipalities; a project of no
 *   municipality counts only at tenant level. A municipality user's scope holds only the projects
 *   touching their territory, so their tenant figure is of those projects.
 * - beneficiaries funded: distinct organizations per municipality of their projects, grants split evenly.
 */
@Injectable()
export class ProjectsIndicatorsService {
  constructor(private readonly projects: ProjectsRepository) {}

  async amountsAt(scope: AccessScope, date: string): Promise<AmountsAt> {
    const rows = await this.projects.amountsAt(scope, date);
    const cents = new Map<string, { committed: number; paid: number; projects: number }>();
    const tenant = { committed: 0, paid: 0, projects: 0 };
    for (const row of rows) {
      if (row.committed === null) continue;
      const committed = toCents(row.committed);
      const paid = toCents(row.paid);
      tenant.committed += committed;
      tenant.paid += paid;
      tenant.projects += 1;
      const codes = [...row.municipalities].sort();
      const c = splitEvenly(committed, codes.length);
      const p = splitEvenly(paid, codes.length);
      codes.forEach((code, i) => {
        const m = cents.get(code) ?? { committed: 0, paid: 0, projects: 0 };
        m.committed += c[i];
        m.paid += p[i];
        m.projects += 1;
        cents.set(code, m);
      });
    }
    const euros = (a: { committed: number; paid: number; projects: number }): TerritoryAmounts => ({
      committed: a.committed / 100,
      paid: a.paid / 100,
      projects: a.projects,
    });
    return {
      date,
      byMunicipality: Object.fromEntries([...cents.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, euros(v)])),
      tenant: euros(tenant),
    };
  }

  async beneficiariesFunded(scope: AccessScope): Promise<BeneficiariesFunded> {
    const rows = await this.projects.fundedBeneficiaries(scope);
    const organizations = new Map<string, Set<string>>();
    const amounts = new Map<string, number>();
    const all = new Set<string>();
    let total = 0;
    for (const row of rows) {
      all.add(row.organizationId);
      const cents = toCents(row.amount);
      total += cents;
      const codes = [...row.municipalities].sort();
      const parts = splitEvenly(cents, codes.length);
      codes.forEach((code, i) => {
        organizations.set(code, (organizations.get(code) ?? new Set()).add(row.organizationId));
        amounts.set(code, (amounts.get(code) ?? 0) + parts[i]);
      });
    }
    return {
      byMunicipality: Object.fromEntries(
        [...organizations.keys()]
          .sort()
          .map((code) => [code, { organizations: organizations.get(code)!.size, amount: amounts.get(code)! / 100 }]),
      ),
      tenant: { organizations: all.size, amount: total / 100 },
    };
  }
}
