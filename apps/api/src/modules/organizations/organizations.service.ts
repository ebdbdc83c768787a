import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RESOURCES, TARGET_GROUPS, THEMES } from '@trama/contracts';
import { QueryFailedError } from 'typeorm';
import type { AccessScope } from '../../common/access/access-scope';
import { parseBbox } from '../../common/geo/bbox';
import { ScopedData, type ScopedReads, type ScopedTx } from '../../common/access/scoped-data';
import { AuditService } from '../../common/audit/audit.service';
import { canonicalJson } from '../../common/database/idempotent-create';
import { AppError, CommonErrors } from '../../common/errors/app-error';
import type { ExportedFile } from '../../common/export/export-file';
import { exportRegisterFile } from '../../common/export/geojson';
import { pageOf } from '../../common/http/pagination';
import { TerritoryService } from '../territory/territory.service';
import type { CreateOrganizationDto } from './dto/create-organization.dto';
import type {
  ExportOrganizationsQuery,
  ListOrganizationsQuery,
  OrganizationFiltersQuery,
  StaleOrganizationsQuery,
} from './dto/list-organizations.query';
import type { DuplicatesQueryDto, MergeOrganizationDto } from './dto/organization-actions.dto';
import type {
  DuplicateCandidateDto,
  DuplicatesResponseDto,
  OrganizationHistoryEntryDto,
  OrganizationResponseDto,
  OrganizationsPageDto,
} from './dto/organization.response';
import type { UpdateOrganizationDto } from './dto/update-organization.dto';
import { Organization } from './organization.entity';
import { OrganizationErrors } from './organizations.errors';
import { organizationsExport, organizationsGeoJson } from './organizations.export';
import { OrganizationsPolicy } from './organizations.policy';
import {
  type DuplicateRow,
  type MunicipalityKey,
  type OrganizationFilters,
  type OrganizationRow,
  OrganizationsRepository,
} from './organizations.repository';

/** The editable content of an organization, in API terms: what creation hashes, updates diff and the audit records. */
export interface OrganizationContent {
  name: string;
  kind: Organization['kind'];
  municipality: string;
  taxCode: string | null;
  description: string | null;
  address: string | null;
  location: { lat: number; lon: number } | null;
  themes: string[];
  targetGroups: string[];
  offers: string[];
  needs: string[];
  size: Organization['size'];
  website: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  contactConsent: boolean;
  notes: string | null;
  internalNotes: string | null;
  active: boolean;
}

/**
 * Moves every link of one organization to another, inside the merge's transaction; returns how
 * many links it moved (for the audit). Registered by the features that link organizations.
 */
export type OrganizationLinkMover = (
  tx: ScopedTx,
  scope: AccessScope,
  link: { tenantId: string; fromId: string; toId: string },
) => Promise<number>;

const ordered = <T extends string>(values: readonly string[] | undefined, vocabulary: readonly T[]): string[] =>
  [...new Set(values ?? [])].sort((a, b) => vocabulary.indexOf(a as T) - vocabulary.indexOf(b as T));

export function contentOf(body: CreateOrganizationDto): OrganizationContent {
  return {
    name: body.name,
    kind: body.kind,
    municipality: body.municipality,
    taxCode: body.taxCode ?? null,
    description: body.description ?? null,
    address: body.address ?? null,
    location: body.location ? { lat: body.location.lat, lon: body.location.lon } : null,
    themes: ordered(body.themes, THEMES),
    targetGroups: ordered(body.targetGroups, TARGET_GROUPS),
    offers: ordered(body.offers, RESOURCES),
    needs: ordered(body.needs, RESOURCES),
    size: body.size ?? null,
    website: body.website ?? null,
    contactName: body.contactName ?? null,
    contactEmail: body.contactEmail ?? null,
    contactPhone: body.contactPhone ?? null,
    contactConsent: body.contactConsent ?? false,
    notes: body.notes ?? null,
    internalNotes: body.internalNotes ?? null,
    active: body.active ?? true,
  };
}

function storedContent(o: Organization, municipalityIstat: string): OrganizationContent {
  return {
    name: o.name,
    kind: o.kind,
    municipality: municipalityIstat,
    taxCode: o.taxCode,
    description: o.description,
    address: o.address,
    location: o.lat !== null && o.lon !== null ? { lat: o.lat, lon: o.lon } : null,
    themes: ordered(o.themes, THEMES),
    targetGroups: ordered(o.targetGroups, TARGET_GROUPS),
    offers: ordered(o.offers, RESOURCES),
    needs: ordered(o.needs, RESOURCES),
    size: o.size,
    website: o.website,
    contactName: o.contactName,
    contactEmail: o.contactEmail,
    contactPhone: o.contactPhone,
    contactConsent: o.contactConsent,
    notes: o.notes,
    internalNotes: o.internalNotes,
    active: o.active,
  };
}

/** The content after a PATCH: the fields sent replace, `null` clears; withdrawing consent empties the contact. */
export function patched(before: OrganizationContent, body: Partial<CreateOrganizationDto>): OrganizationContent {
  const pick = <K extends keyof OrganizationContent>(key: K, value: OrganizationContent[K] | undefined): OrganizationContent[K] =>
    value === undefined ? before[key] : value;
  const after: OrganizationContent = {
    name: pick('name', body.name),
    kind: pick('kind', body.kind),
    municipality: pick('municipality', body.municipality),
    taxCode: pick('taxCode', body.taxCode),
    description: pick('description', body.description),
    address: pick('address', body.address),
    location: body.location === undefined ? before.location : body.location ? { lat: body.location.lat, lon: body.location.lon } : null,
    themes: body.themes ? ordered(body.themes, THEMES) : before.themes,
    targetGroups: body.targetGroups ? ordered(body.targetGroups, TARGET_GROUPS) : before.targetGroups,
    offers: body.offers ? ordered(body.offers, RESOURCES) : before.offers,
    needs: body.needs ? ordered(body.needs, RESOURCES) : before.needs,
    size: pick('size', body.size),
    website: pick('website', body.website),
    contactName: pick('contactName', body.contactName),
    contactEmail: pick('contactEmail', body.contactEmail),
    contactPhone: pick('contactPhone', body.contactPhone),
    contactConsent: pick('contactConsent', body.contactConsent),
    notes: pick('notes', body.notes),
    internalNotes: pick('internalNotes', body.internalNotes),
    active: pick('active', body.active),
  };
  // consent withdrawn without new contact data sent: the personal data go with it
  const contactSent = body.contactName != null || body.contactEmail != null || body.contactPhone != null;
  if (body.contactConsent === false && !contactSent) {
    after.contactName = null;
    after.contactEmail = null;
    after.contactPhone = null;
  }
  return after;
}

/** The contact fields filled without consent, as field problems (empty when fine). */
export function consentProblems(content: OrganizationContent): { field: string; messages: string[]; codes: string[] }[] {
  if (content.contactConsent) return [];
  return (['contactName', 'contactEmail', 'contactPhone'] as const)
    .filter((f) => content[f] !== null)
    .map((field) => ({
      field,
      messages: [`${field} can be recorded only with the contact person's consent (contactConsent: true)`],
      codes: ['ORGANIZATION_CONTACT_CONSENT_REQUIRED'],
    }));
}

/** Content → entity columns (the municipality is resolved separately; the consent date by the caller). */
function columnsOf(content: OrganizationContent): Partial<Organization> {
  return {
    name: content.name,
    kind: content.kind,
    taxCode: content.taxCode,
    description: content.description,
    address: content.address,
    lat: content.location?.lat ?? null,
    lon: content.location?.lon ?? null,
    themes: content.themes as Organization['themes'],
    targetGroups: content.targetGroups as Organization['targetGroups'],
    offers: content.offers as Organization['offers'],
    needs: content.needs as Organization['needs'],
    size: content.size,
    website: content.website,
    contactName: content.contactName,
    contactEmail: content.contactEmail,
    contactPhone: content.contactPhone,
    contactConsent: content.contactConsent,
    notes: content.notes,
    internalNotes: content.internalNotes,
    active: content.active,
  };
}

/**
 * Completeness (0–100): the share of the ten things that make a record useful that are filled —
 * tax code, address, point, description, themes, target groups, offers or needs, size, website,
 * a contact (with consent: an e-mail or a phone). docs/organizations.md.
 */
export function completenessOf(
  r: Pick<
    OrganizationRow,
    | 'taxCode'
    | 'address'
    | 'lat'
    | 'description'
    | 'themes'
    | 'targetGroups'
    | 'offers'
    | 'needs'
    | 'size'
    | 'website'
    | 'contactConsent'
    | 'contactEmail'
    | 'contactPhone'
  >,
): number {
  const checks = [
    r.taxCode !== null,
    r.address !== null,
    r.lat !== null,
    r.description !== null,
    r.themes.length > 0,
    r.targetGroups.length > 0,
    r.offers.length > 0 || r.needs.length > 0,
    r.size !== null,
    r.website !== null,
    r.contactConsent && (r.contactEmail !== null || r.contactPhone !== null),
  ];
  return Math.round((checks.filter(Boolean).length / checks.length) * 100);
}

const isoOrNull = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driver = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
  return driver?.code === '23505' && driver.constraint === constraint;
}

function candidateDto(row: DuplicateRow): DuplicateCandidateDto {
  return {
    id: row.id,
    name: row.name,
    municipality: { istatCode: row.municipalityIstat, name: row.municipalityName },
    taxCode: row.taxCode,
    reason: row.sameTaxCode ? 'tax_code' : 'similar_name',
    similarity: Number(row.similarity),
  };
}

/** The error of a tax code already registered, naming the organization that holds it when the caller may see it. */
function taxCodeTaken(holders: DuplicateRow[]): AppError {
  const holder = holders.find((h) => h.sameTaxCode);
  const error = OrganizationErrors.ORGANIZATION_TAX_CODE_TAKEN(
    holder ? `The tax code is already registered for "${holder.name}"` : undefined,
    [{ field: 'taxCode', messages: ['An organization with this tax code is already registered'], codes: ['ORGANIZATION_TAX_CODE_TAKEN'] }],
  );
  return holder ? error.withData({ candidates: [candidateDto(holder)] }) : error;
}

/**
 * The organizations register (docs/organizations.md): read by every role within their scope
 * (municipality users: their territory, without the contact person and internal notes), created
 * and edited by innovators in their assigned municipalities and by coordinators anywhere in their
 * tenant, verified on site, merged by coordinators. Every change is audited in its transaction.
 */
@Injectable()
export class OrganizationsService {
  private readonly linkMovers = new Map<string, OrganizationLinkMover>();

  constructor(
    private readonly door: ScopedData,
    private readonly policy: OrganizationsPolicy,
    private readonly organizations: OrganizationsRepository,
    private readonly territory: TerritoryService,
    private readonly audit: AuditService,
  ) {}

  /**
   * For the features that link organizations (activities, initiatives, building assignments): call
   * it in `onModuleInit` with a mover that re-points your links from one organization to another
   * (without creating a second link where both were linked). A merge runs every mover in its transaction.
   */
  registerLinkMover(name: string, mover: OrganizationLinkMover): void {
    if (this.linkMovers.has(name)) throw new Error(`an organization link mover named ${name} is already registered`);
    this.linkMovers.set(name, mover);
  }

  toDto(scope: AccessScope, row: OrganizationRow): OrganizationResponseDto {
    const staff = this.policy.readsStaffFields(scope);
    return {
      id: row.id,
      clientId: row.clientId,
      name: row.name,
      kind: row.kind,
      taxCode: row.taxCode,
      municipality: { istatCode: row.municipalityIstat, name: row.municipalityName },
      socialArea: row.socialAreaCode ? { code: row.socialAreaCode, name: row.socialAreaName ?? row.socialAreaCode } : null,
      description: row.description,
      address: row.address,
      location: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
      themes: row.themes,
      targetGroups: row.targetGroups,
      offers: row.offers,
      needs: row.needs,
      size: row.size,
      website: row.website,
      ...(staff ? { contactName: row.contactName, contactEmail: row.contactEmail, contactPhone: row.contactPhone } : {}),
      contactConsent: row.contactConsent,
      contactConsentAt: isoOrNull(row.contactConsentAt),
      notes: row.notes,
      ...(staff ? { internalNotes: row.internalNotes } : {}),
      active: row.active,
      lastVerifiedAt: isoOrNull(row.lastVerifiedAt),
      lastVerifiedBy: row.lastVerifiedById ? { id: row.lastVerifiedById, fullName: row.lastVerifiedByName ?? '' } : null,
      completeness: completenessOf(row),
      mergedInto: row.mergedIntoId ? { id: row.mergedIntoId, name: row.mergedIntoName ?? '' } : null,
      version: row.version,
      createdAt: new Date(row.createdAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
    };
  }

  /**
   * For the map layer (and anything that must agree with the list's total): the organizations the
   * caller may read matching the list's filters, door-bound, on `alias` (merged ones left out).
   */
  filtered(scope: AccessScope, query: OrganizationFiltersQuery & { bbox?: string }, alias = 'o') {
    return this.organizations.filtered(scope, filtersOf(query), alias);
  }

  async listOrganizations(scope: AccessScope, query: ListOrganizationsQuery): Promise<OrganizationsPageDto> {
    const { rows, total } = await this.organizations.list(scope, filtersOf(query), {
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    });
    return pageOf(
      rows.map((r) => this.toDto(scope, r)),
      total,
      query,
    );
  }

  async getOrganization(scope: AccessScope, id: string, db?: ScopedReads): Promise<OrganizationResponseDto> {
    const row = await this.organizations.findReadable(scope, id, db);
    if (!row) throw OrganizationErrors.ORGANIZATION_NOT_FOUND();
    return this.toDto(scope, row);
  }

  /** The stale list: organizations of the caller's territory not verified on site for `months` (innovators: their municipalities). */
  async staleOrganizations(scope: AccessScope, query: StaleOrganizationsQuery): Promise<OrganizationsPageDto> {
    const { rows, total } = await this.organizations.stale(scope, query.months, {
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    });
    return pageOf(
      rows.map((r) => this.toDto(scope, r)),
      total,
      query,
    );
  }

  /** The filtered list as a file (csv, csv-it, xlsx, geojson), streamed from a cursor; the same scope as the list. */
  exportOrganizations(scope: AccessScope, query: ExportOrganizationsQuery): ExportedFile {
    const staff = this.policy.readsStaffFields(scope);
    return exportRegisterFile(
      organizationsExport({ staff }),
      organizationsGeoJson({ staff }),
      { format: query.format ?? 'csv', language: query.lang ?? 'it' },
      this.organizations.streamFiltered(scope, filtersOf(query)),
    );
  }

  /** What saving this name, municipality and tax code would meet: `blocking` when the tax code is taken. */
  async findDuplicates(scope: AccessScope, body: DuplicatesQueryDto): Promise<DuplicatesResponseDto> {
    scope.requireRole('innovator', 'coordinator');
    const municipality = await this.municipality(scope, body.municipality);
    const rows = await this.organizations.duplicates(scope, {
      tenantId: municipality.tenantId,
      municipalityId: municipality.id,
      name: body.name,
      taxCode: body.taxCode ?? null,
      exclude: body.exclude ? [body.exclude] : [],
    });
    return { blocking: rows.some((r) => r.sameTaxCode), candidates: rows.map(candidateDto) };
  }

  /**
   * Registers an organization; idempotent by clientId (the same clientId and body returns the one
   * created earlier, `created: false`). A taken tax code is a 409 naming its holder; similar names
   * nearby are a 409 ORGANIZATION_POSSIBLE_DUPLICATE listing them unless `acknowledgeDuplicates`.
   */
  async createOrganization(
    scope: AccessScope,
    body: CreateOrganizationDto,
  ): Promise<{ organization: OrganizationResponseDto; created: boolean }> {
    scope.requireRole('innovator', 'coordinator');
    const content = contentOf(body);
    const municipality = await this.editableMunicipality(scope, content.municipality);
    this.requireConsent(content);
    await this.requirePointInside(scope, municipality.id, content.location);
    const clientId = body.clientId ?? randomUUID();
    const outcome = await this.saving(scope, municipality.tenantId, content.taxCode, () =>
      this.door.transaction(async (tx) => {
        // a retry of a creation is answered by the idempotent insert, not warned about itself
        const retried = await this.organizations.idByClientId(scope, municipality.tenantId, clientId, tx);
        if (!retried) await this.refuseDuplicates(tx, scope, municipality, content, [], body.acknowledgeDuplicates === true);
        return this.insert(tx, scope, municipality, content, clientId);
      }),
    );
    return { organization: await this.getOrganization(scope, outcome.id), created: outcome.created };
  }

  /** Edits at the version the client loaded; audits the changed fields. */
  async updateOrganization(scope: AccessScope, id: string, body: UpdateOrganizationDto): Promise<OrganizationResponseDto> {
    scope.requireRole('innovator', 'coordinator');
    let tenantId: string | null = null;
    await this.saving(
      scope,
      () => tenantId,
      body.taxCode ?? null,
      () =>
        this.door.transaction(async (tx) => {
          const { organization, before } = await this.lockEditable(tx, scope, id, body.version);
          tenantId = organization.tenantId;
          const after = patched(before, body);
          await this.applyUpdate(tx, scope, organization, body.version, before, after, {
            acknowledgeDuplicates: body.acknowledgeDuplicates === true,
          });
        }),
    );
    return this.getOrganization(scope, id);
  }

  /** "Verified on site": sets lastVerifiedAt/By (not an edit of the content), at the version the user saw. */
  async verifyOrganization(scope: AccessScope, id: string, version: number): Promise<OrganizationResponseDto> {
    scope.requireRole('innovator', 'coordinator');
    await this.door.transaction(async (tx) => {
      const { organization } = await this.lockEditable(tx, scope, id, version);
      await this.organizations.update(tx, scope, organization, version, {
        lastVerifiedAt: (() => 'now()') as never,
        lastVerifiedBy: scope.actor.id,
      });
      await this.audit.record(tx, scope, {
        tenantId: organization.tenantId,
        entity: 'organization',
        entityId: organization.id,
        action: 'verify',
        before: { lastVerifiedAt: organization.lastVerifiedAt, lastVerifiedBy: organization.lastVerifiedBy },
        after: { lastVerifiedBy: scope.actor.id },
      });
    });
    return this.getOrganization(scope, id);
  }

  /**
   * Merges `duplicate` into `id` (the survivor): every registered link mover re-points its links,
   * the survivor's empty fields are filled from the duplicate (lists are united), and the duplicate
   * is marked merged (inactive, out of every list; its detail says into which). Both are audited.
   */
  async mergeOrganizations(scope: AccessScope, id: string, body: MergeOrganizationDto): Promise<OrganizationResponseDto> {
    scope.requireRole('coordinator');
    if (id.toLowerCase() === body.duplicate.toLowerCase()) {
      throw OrganizationErrors.ORGANIZATION_MERGE_SELF(undefined, [
        { field: 'duplicate', messages: ['the duplicate must be another organization'], codes: ['ORGANIZATION_MERGE_SELF'] },
      ]);
    }
    let tenantId: string | null = null;
    await this.saving(
      scope,
      () => tenantId,
      null,
      () =>
        this.door.transaction(async (tx) => {
          // lock in id order, so that two opposite merges cannot deadlock
          const [first, second] = [id, body.duplicate].sort();
          const locked = new Map<string, Organization | null>();
          for (const key of [first, second]) locked.set(key, await this.organizations.lockReadable(tx, scope, key));
          const survivor = locked.get(id);
          const duplicate = locked.get(body.duplicate);
          if (!survivor) throw OrganizationErrors.ORGANIZATION_NOT_FOUND();
          if (!duplicate || duplicate.tenantId !== survivor.tenantId) {
            throw OrganizationErrors.ORGANIZATION_NOT_FOUND('The duplicate was not found', [
              { field: 'duplicate', messages: ['no such organization in your tenant'], codes: ['ORGANIZATION_NOT_FOUND'] },
            ]);
          }
          tenantId = survivor.tenantId;
          for (const o of [survivor, duplicate]) if (o.mergedInto) throw OrganizationErrors.ORGANIZATION_MERGED();
          if (survivor.version !== body.version || duplicate.version !== body.duplicateVersion) throw CommonErrors.STALE_VERSION();

          const moved: Record<string, number> = {};
          for (const [name, mover] of this.linkMovers) {
            moved[name] = await mover(tx, scope, { tenantId: survivor.tenantId, fromId: duplicate.id, toId: survivor.id });
          }
          const { changes, filled } = filledFrom(survivor, duplicate);
          // the duplicate first: its tax code may move to the survivor (unique per tenant)
          await this.organizations.update(tx, scope, duplicate, duplicate.version, {
            mergedInto: survivor.id,
            mergedAt: (() => 'now()') as never,
            active: false,
            ...(filled.includes('taxCode') ? { taxCode: null } : {}),
          });
          await this.organizations.update(tx, scope, survivor, survivor.version, changes);
          await this.audit.record(tx, scope, {
            tenantId: survivor.tenantId,
            entity: 'organization',
            entityId: survivor.id,
            action: 'merge',
            before: Object.fromEntries(filled.map((k) => [k, (survivor as unknown as Record<string, unknown>)[k]])),
            after: {
              duplicate: { id: duplicate.id, name: duplicate.name },
              filled: Object.fromEntries(filled.map((k) => [k, (changes as Record<string, unknown>)[k]])),
              movedLinks: moved,
            },
          });
          await this.audit.record(tx, scope, {
            tenantId: survivor.tenantId,
            entity: 'organization',
            entityId: duplicate.id,
            action: 'merged_into',
            before: { active: duplicate.active, taxCode: duplicate.taxCode },
            after: { mergedInto: { id: survivor.id, name: survivor.name }, active: false, movedLinks: moved },
          });
        }),
    );
    return this.getOrganization(scope, id);
  }

  /** The audit entries of an organization, oldest first. Municipality users get 404 (personal data and internal notes). */
  async getHistory(scope: AccessScope, id: string): Promise<OrganizationHistoryEntryDto[]> {
    if (!this.policy.readsHistory(scope) || !(await this.organizations.existsReadable(scope, id))) {
      throw OrganizationErrors.ORGANIZATION_NOT_FOUND();
    }
    const rows = await this.audit.history(scope, 'organization', id);
    return rows.map((row) => ({
      id: String(row.id),
      at: new Date(row.at).toISOString(),
      actor: row.actorId ? { id: row.actorId, fullName: row.actorName ?? '' } : null,
      entityId: id,
      action: row.action,
      before: row.before ?? null,
      after: row.after ?? null,
    }));
  }

  /**
   * For another feature (an activity's organizations): the organizations of `tenantId` among `ids`
   * the caller may link (not merged), with their names; unknown and other tenants' ids are absent.
   * `tx`: read inside the caller's transaction.
   */
  findLinkable(scope: AccessScope, tenantId: string, ids: readonly string[], tx?: ScopedTx): Promise<{ id: string; name: string }[]> {
    return this.organizations.findLinkable(scope, tenantId, ids, tx);
  }

  /* ---------- shared by the API's writes and the import ---------- */

  /** Inserts (idempotently by clientId) and audits a new organization. */
  async insert(
    tx: ScopedTx,
    scope: AccessScope,
    municipality: MunicipalityKey,
    content: OrganizationContent,
    clientId: string,
    audit: Record<string, unknown> = {},
  ): Promise<{ id: string; created: boolean }> {
    const { id, created } = await this.organizations.createIfAbsent(
      tx,
      scope,
      {
        ...columnsOf(content),
        contactConsentAt: content.contactConsent ? ((() => 'now()') as never) : null,
        tenantId: municipality.tenantId,
        municipalityId: municipality.id,
      },
      {
        clientId,
        body: content,
        conflict: () =>
          OrganizationErrors.ORGANIZATION_CLIENT_ID_CONFLICT(undefined, [
            { field: 'clientId', messages: ['this clientId was already used for a different organization'] },
          ]),
      },
    );
    if (created) {
      await this.audit.record(tx, scope, {
        tenantId: municipality.tenantId,
        entity: 'organization',
        entityId: id,
        action: 'create',
        after: { clientId, ...content, ...audit },
      });
    }
    return { id, created };
  }

  /**
   * Writes `after` over a locked organization (checked: consent, municipality, point, duplicates
   * unless acknowledged) and audits the changed fields. Nothing changed: nothing written.
   */
  async applyUpdate(
    tx: ScopedTx,
    scope: AccessScope,
    organization: Organization,
    version: number,
    before: OrganizationContent,
    after: OrganizationContent,
    options: { acknowledgeDuplicates: boolean; audit?: Record<string, unknown> },
  ): Promise<boolean> {
    const changed = (Object.keys(after) as (keyof OrganizationContent)[]).filter(
      (k) => canonicalJson(before[k]) !== canonicalJson(after[k]),
    );
    if (changed.length === 0) return false;
    this.requireConsent(after);
    const changes: Partial<Organization> = columnsOf(after);
    let municipality: MunicipalityKey = {
      id: organization.municipalityId,
      tenantId: organization.tenantId,
      istatCode: before.municipality,
    };
    if (changed.includes('municipality')) {
      municipality = await this.editableMunicipality(scope, after.municipality, tx);
      if (municipality.tenantId !== organization.tenantId) throw OrganizationErrors.ORGANIZATION_MUNICIPALITY_UNKNOWN();
      changes.municipalityId = municipality.id;
    }
    if (changed.includes('location') || changed.includes('municipality'))
      await this.requirePointInside(scope, municipality.id, after.location);
    if (changed.includes('contactConsent')) changes.contactConsentAt = after.contactConsent ? ((() => 'now()') as never) : null;
    await this.organizations.update(tx, scope, organization, version, changes);
    if (changed.includes('name') || changed.includes('municipality') || changed.includes('taxCode')) {
      await this.refuseDuplicates(tx, scope, municipality, after, [organization.id], options.acknowledgeDuplicates);
    }
    await this.audit.record(tx, scope, {
      tenantId: organization.tenantId,
      entity: 'organization',
      entityId: organization.id,
      action: 'update',
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: { ...Object.fromEntries(changed.map((k) => [k, after[k]])), ...(options.audit ?? {}) },
    });
    return true;
  }

  /** Locks an organization the caller may edit, at `version`; its content as stored. */
  async lockEditable(
    tx: ScopedTx,
    scope: AccessScope,
    id: string,
    version: number,
  ): Promise<{ organization: Organization; before: OrganizationContent }> {
    const organization = await this.organizations.lockReadable(tx, scope, id);
    if (!organization) throw OrganizationErrors.ORGANIZATION_NOT_FOUND();
    if (organization.mergedInto) throw OrganizationErrors.ORGANIZATION_MERGED();
    if (!this.policy.canEdit(scope, organization.tenantId, organization.municipalityId)) {
      throw OrganizationErrors.ORGANIZATION_MUNICIPALITY_NOT_ASSIGNED(
        'You can edit the organizations of your assigned municipalities only',
      );
    }
    if (organization.version !== version) throw CommonErrors.STALE_VERSION();
    const row = await this.organizations.findReadable(scope, id, tx);
    return { organization, before: storedContent(organization, row?.municipalityIstat ?? '') };
  }

  /** The municipality an organization may be registered in: in the tenant (else 400 unknown), and assigned to an innovator. */
  async editableMunicipality(scope: AccessScope, istatCode: string, db?: ScopedReads): Promise<MunicipalityKey> {
    const municipality = await this.municipality(scope, istatCode, db);
    if (!scope.canReachMunicipality(municipality.tenantId, municipality.id, 'assigned')) {
      throw OrganizationErrors.ORGANIZATION_MUNICIPALITY_NOT_ASSIGNED(undefined, [
        { field: 'municipality', messages: [`municipality ${istatCode} is not assigned to you`] },
      ]);
    }
    return municipality;
  }

  requireConsent(content: OrganizationContent): void {
    const problems = consentProblems(content);
    if (problems.length > 0) throw OrganizationErrors.ORGANIZATION_CONTACT_CONSENT_REQUIRED(undefined, problems);
  }

  /** A point outside the boundary of its municipality is refused (when the municipality has a boundary). */
  async requirePointInside(scope: AccessScope, municipalityId: string, location: OrganizationContent['location']): Promise<void> {
    if (!location) return;
    if ((await this.territory.municipalityContains(scope, municipalityId, location)) !== false) return;
    throw OrganizationErrors.ORGANIZATION_POINT_OUTSIDE_MUNICIPALITY(undefined, [
      { field: 'location', messages: ['the point is outside the boundary of the municipality'] },
    ]);
  }

  /** Similar names nearby (besides `exclude`): a 409 listing them unless acknowledged; a taken tax code always. */
  async refuseDuplicates(
    tx: ScopedTx,
    scope: AccessScope,
    municipality: MunicipalityKey,
    content: OrganizationContent,
    exclude: string[],
    acknowledged: boolean,
  ): Promise<void> {
    const rows = await this.organizations.duplicates(
      scope,
      { tenantId: municipality.tenantId, municipalityId: municipality.id, name: content.name, taxCode: content.taxCode, exclude },
      tx,
    );
    if (rows.some((r) => r.sameTaxCode)) throw taxCodeTaken(rows);
    if (rows.length > 0 && !acknowledged) {
      throw OrganizationErrors.ORGANIZATION_POSSIBLE_DUPLICATE(undefined, [
        { field: 'name', messages: ['similar organizations are registered nearby'], codes: ['ORGANIZATION_POSSIBLE_DUPLICATE'] },
      ]).withData({ candidates: rows.map(candidateDto) });
    }
  }

  /** Runs a write; a tax code taken meanwhile (the unique index) becomes the 409 naming its holder. */
  private async saving<R>(
    scope: AccessScope,
    tenant: string | (() => string | null),
    taxCode: string | null,
    write: () => Promise<R>,
  ): Promise<R> {
    try {
      return await write();
    } catch (error) {
      if (!isUniqueViolation(error, 'organizations_tenant_tax_code_key')) throw error;
      const tenantId = typeof tenant === 'function' ? tenant() : tenant;
      const holders =
        tenantId && taxCode
          ? (await this.organizations.findForImport(scope, tenantId, { ids: [], taxCodes: [taxCode] })).map(
              (h) =>
                ({
                  id: h.id,
                  name: '',
                  taxCode: h.taxCode,
                  municipalityIstat: '',
                  municipalityName: '',
                  similarity: 1,
                  sameTaxCode: true,
                }) as DuplicateRow,
            )
          : [];
      const named = holders.length > 0 ? await this.organizations.findReadable(scope, holders[0].id) : null;
      throw taxCodeTaken(
        named
          ? [
              {
                id: named.id,
                name: named.name,
                taxCode: named.taxCode,
                municipalityIstat: named.municipalityIstat,
                municipalityName: named.municipalityName,
                similarity: 1,
                sameTaxCode: true,
              },
            ]
          : [],
      );
    }
  }

  private async municipality(scope: AccessScope, istatCode: string, db?: ScopedReads): Promise<MunicipalityKey> {
    const found = await this.organizations.findMunicipalities(scope, istatCode, db);
    if (found.length !== 1) {
      const why =
        found.length === 0 ? `no municipality ${istatCode} in your tenant` : `municipality ${istatCode} exists in several tenants`;
      throw OrganizationErrors.ORGANIZATION_MUNICIPALITY_UNKNOWN(undefined, [{ field: 'municipality', messages: [why] }]);
    }
    return found[0];
  }
}

const SCALARS_TO_FILL = ['taxCode', 'description', 'address', 'size', 'website', 'notes', 'internalNotes'] as const;
const LISTS_TO_UNITE = ['themes', 'targetGroups', 'offers', 'needs'] as const;

/** What a merge writes on the survivor: its empty fields filled from the duplicate, lists united (docs/organizations.md). */
function filledFrom(survivor: Organization, duplicate: Organization): { changes: Partial<Organization>; filled: string[] } {
  const changes: Record<string, unknown> = {};
  for (const key of SCALARS_TO_FILL) {
    if (survivor[key] === null && duplicate[key] !== null) changes[key] = duplicate[key];
  }
  const vocabularies = { themes: THEMES, targetGroups: TARGET_GROUPS, offers: RESOURCES, needs: RESOURCES };
  for (const key of LISTS_TO_UNITE) {
    const united = ordered([...survivor[key], ...duplicate[key]], vocabularies[key]);
    if (united.length > survivor[key].length) changes[key] = united;
  }
  if (survivor.lat === null && duplicate.lat !== null) {
    changes.lat = duplicate.lat;
    changes.lon = duplicate.lon;
  }
  const survivorHasContact = survivor.contactName !== null || survivor.contactEmail !== null || survivor.contactPhone !== null;
  if (!survivorHasContact && duplicate.contactConsent) {
    changes.contactName = duplicate.contactName;
    changes.contactEmail = duplicate.contactEmail;
    changes.contactPhone = duplicate.contactPhone;
    changes.contactConsent = true;
    changes.contactConsentAt = duplicate.contactConsentAt;
  }
  if (survivor.lastVerifiedAt === null && duplicate.lastVerifiedAt !== null) {
    changes.lastVerifiedAt = duplicate.lastVerifiedAt;
    changes.lastVerifiedBy = duplicate.lastVerifiedBy;
  }
  return { changes: changes as Partial<Organization>, filled: Object.keys(changes) };
}

export function filtersOf(query: OrganizationFiltersQuery & { bbox?: string }): OrganizationFilters {
  const bbox = query.bbox === undefined ? null : parseBbox(query.bbox);
  return {
    ...(bbox ? { bbox } : {}),
    municipality: query.municipality,
    socialArea: query.socialArea,
    q: query.q || undefined,
    kind: query.kind,
    theme: query.theme,
    offer: query.offer,
    need: query.need,
    targetGroup: query.targetGroup,
    active: query.active,
    placed: query.placed,
  };
}
