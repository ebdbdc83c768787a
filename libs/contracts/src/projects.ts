/**
 * Funded projects (progetti finanziati, issue 10; docs/projects.md): their vocabularies, limits and
 * the rules of a financial progress snapshot, shared by the API (validation; the migration writes
 * the same CHECKs out) and the web (forms, badges, percentages).
 */

/**
 * Where a project stands, in the words of an Italian programme's monitoring sheet:
 * - `idea`: proposed in the programme's plan, no funding decision yet (a CUP is not needed yet);
 * - `programmed`: in the programme's financial plan (the programmed amount is set);
 * - `admitted`: admitted to funding (ammesso a finanziamento: the decree or the managing authority's act);
 * - `running`: started (legal commitments taken, in progress: in attuazione);
 * - `completed`: closed (concluso, final payment made);
 * - `revoked`: the funding was revoked or the project withdrawn (revocato / definanziato).
 * There is no status machine: the status is what the managing authority's sheet says, and real
 * sheets jump (a project imported as already running). Every change is audited.
 */
export const PROJECT_STATUSES = ['idea', 'programmed', 'admitted', 'running', 'completed', 'revoked'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** Every status but `idea` needs the CUP (law 3/2003 art. 11: a public investment project carries one once decided). */
export const PROJECT_STATUSES_WITHOUT_CUP: readonly ProjectStatus[] = ['idea'];

/**
 * The funding programme: PON Metro 2014–2020, PN Metro Plus e città medie del Sud 2021–2027, PNRR,
 * the regional programmes (POR 2014–2020 / PR 2021–2027) FESR and FSE(+), the Fondo Sviluppo e
 * Coesione, or another source.
 */
export const PROJECT_PROGRAMMES = ['pon_metro', 'pn_metro_plus', 'pnrr', 'pr_fesr', 'pr_fse', 'fsc', 'other'] as const;
export type ProjectProgramme = (typeof PROJECT_PROGRAMMES)[number];

/** A project's code in its programme (e.g. `BO3.3.1.b`): letters, digits and `. _ - /`, unique per tenant (case ignored). */
export const PROJECT_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,39}$/;
export const PROJECT_CODE_MAX = 40;

export const PROJECT_TEXT_LIMITS = {
  title: 500,
  action: 200,
  implementingBody: 300,
  rup: 200,
  description: 10_000,
  documentTitle: 300,
  documentUrl: 2_000,
} as const;

/** euros, numeric(14,2) */
export const PROJECT_MAX_AMOUNT = 999_999_999_999.99;
/** per project at most */
export const PROJECT_MAX_MUNICIPALITIES = 100;
export const PROJECT_MAX_BENEFICIARIES = 500;
export const PROJECT_MAX_LINKS = 200;
export const PROJECT_MAX_DOCUMENTS = 50;

/** One dated snapshot of a project's financial progress, in euros. */
export interface ProgressAmounts {
  programmed: number;
  admitted: number;
  committed: number;
  paid: number;
}

/**
 * The inequalities a snapshot must respect (a 400 naming the field otherwise): legal commitments
 * cannot exceed the amount admitted to funding, payments cannot exceed the commitments. The admitted
 * amount MAY exceed the programmed one (a reprogramming raises the admitted amount before the
 * programme's plan is updated), so that one is not checked. Amounts are ≥ 0 (checked by the DTO).
 */
export function progressProblems(
  a: ProgressAmounts,
): { field: 'committed' | 'paid'; code: 'PROJECT_COMMITTED_OVER_ADMITTED' | 'PROJECT_PAID_OVER_COMMITTED' }[] {
  const out: ReturnType<typeof progressProblems> = [];
  // compare in cents: 0.1 + 0.2 must not refuse a snapshot
  const cents = (n: number) => Math.round(n * 100);
  if (cents(a.committed) > cents(a.admitted)) out.push({ field: 'committed', code: 'PROJECT_COMMITTED_OVER_ADMITTED' });
  if (cents(a.paid) > cents(a.committed)) out.push({ field: 'paid', code: 'PROJECT_PAID_OVER_COMMITTED' });
  return out;
}

/**
 * The percentages of a snapshot, as fractions (0.5 = 50 %), null when the base is zero:
 * admitted of programmed, committed of admitted (capacità di impegno), paid of admitted
 * (capacità di spesa), paid of committed.
 */
export interface ProgressShares {
  admittedOfProgrammed: number | null;
  committedOfAdmitted: number | null;
  paidOfAdmitted: number | null;
  paidOfCommitted: number | null;
}

export function progressShares(a: ProgressAmounts): ProgressShares {
  const share = (part: number, base: number) => (base > 0 ? Math.round((part / base) * 10_000) / 10_000 : null);
  return {
    admittedOfProgrammed: share(a.admitted, a.programmed),
    committedOfAdmitted: share(a.committed, a.admitted),
    paidOfAdmitted: share(a.paid, a.admitted),
    paidOfCommitted: share(a.paid, a.committed),
  };
}

/**
 * Who creates and edits projects, adds progress and imports: coordinators (platform admins may edit
 * a tenant's project through the API, but create nothing: they belong to no tenant). Innovators and
 * municipality users read (docs/projects.md).
 */
export const PROJECT_WRITER_ROLES = ['coordinator'] as const;
