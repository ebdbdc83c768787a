import { ApiExtraModels, ApiProperty, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { REFERENCE_CURSOR_MAX_LENGTH, REFERENCE_PAGE_SIZE } from '@trama/contracts';
import {
  ApiArray,
  ApiCode,
  ApiDate,
  ApiDateTime,
  ApiIstatMunicipality,
  ApiStringArray,
  ApiText,
  ApiUuid,
  ApiVersion,
  NAME_LENGTH,
  UUID_LENGTH,
} from '../../../common/http/api-schema';
import { MultiPolygonGeometryResponse, PolygonGeometryResponse } from '../../territory/dto/territory-responses.dto';

/** The most ids one kind's membership may list. */
const MAX_MEMBERSHIP = 1_000_000;

class ReferenceRowSchema {
  @ApiUuid() id: string;
  @ApiVersion({ description: 'the version to send back with an update' }) version: number;
  @ApiDateTime({ description: 'last change (UTC, microseconds)' }) updatedAt: string;
}

@ApiSchema({ name: 'ReferenceMunicipality' })
@ApiExtraModels(PolygonGeometryResponse, MultiPolygonGeometryResponse)
export class ReferenceMunicipality extends ReferenceRowSchema {
  @ApiIstatMunicipality() istatCode: string;
  @ApiText(NAME_LENGTH) name: string;
  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(PolygonGeometryResponse) }, { $ref: getSchemaPath(MultiPolygonGeometryResponse) }],
    nullable: true,
    description: 'the simplified boundary (GeoJSON geometry), null when the municipality has none',
  })
  boundary: { type: string; coordinates: unknown } | null;
}

@ApiSchema({ name: 'ReferenceOrganization' })
export class ReferenceOrganization extends ReferenceRowSchema {
  @ApiText(NAME_LENGTH) name: string;
  @ApiText(64) kind: string;
  @ApiUuid() municipalityId: string;
}

@ApiSchema({ name: 'ReferenceBuilding' })
export class ReferenceBuilding extends ReferenceRowSchema {
  @ApiText(NAME_LENGTH) name: string;
  @ApiText(NAME_LENGTH, { nullable: true }) address: string | null;
  @ApiUuid() municipalityId: string;
}

@ApiSchema({ name: 'ReferenceInitiative' })
export class ReferenceInitiative extends ReferenceRowSchema {
  @ApiText(NAME_LENGTH) title: string;
  @ApiText(64) status: string;
  @ApiUuid({ description: 'the main municipality' }) municipalityId: string;
}

@ApiSchema({ name: 'ReferenceActivity' })
export class ReferenceActivity extends ReferenceRowSchema {
  @ApiDate() date: string;
  @ApiText(64, { nullable: true }) type: string | null;
  @ApiText(NAME_LENGTH, { nullable: true }) title: string | null;
  @ApiText(64) status: string;
  @ApiUuid() municipalityId: string;
}

const UUID_ITEMS = { format: 'uuid', minLength: UUID_LENGTH, maxLength: UUID_LENGTH };
const IDS_DESCRIPTION =
  'every id of the kind in scope now, when the set changed since the cursor (null: unchanged, or the kind is not complete yet): drop the local rows not listed';

@ApiSchema({ name: 'ReferenceMunicipalityChanges' })
class MunicipalityChanges {
  @ApiArray(ReferenceMunicipality, REFERENCE_PAGE_SIZE) upserts: ReferenceMunicipality[];
  @ApiStringArray(UUID_ITEMS, MAX_MEMBERSHIP, { nullable: true, description: IDS_DESCRIPTION }) ids: string[] | null;
}
@ApiSchema({ name: 'ReferenceOrganizationChanges' })
class OrganizationChanges {
  @ApiArray(ReferenceOrganization, REFERENCE_PAGE_SIZE) upserts: ReferenceOrganization[];
  @ApiStringArray(UUID_ITEMS, MAX_MEMBERSHIP, { nullable: true, description: IDS_DESCRIPTION }) ids: string[] | null;
}
@ApiSchema({ name: 'ReferenceBuildingChanges' })
class BuildingChanges {
  @ApiArray(ReferenceBuilding, REFERENCE_PAGE_SIZE) upserts: ReferenceBuilding[];
  @ApiStringArray(UUID_ITEMS, MAX_MEMBERSHIP, { nullable: true, description: IDS_DESCRIPTION }) ids: string[] | null;
}
@ApiSchema({ name: 'ReferenceInitiativeChanges' })
class InitiativeChanges {
  @ApiArray(ReferenceInitiative, REFERENCE_PAGE_SIZE) upserts: ReferenceInitiative[];
  @ApiStringArray(UUID_ITEMS, MAX_MEMBERSHIP, { nullable: true, description: IDS_DESCRIPTION }) ids: string[] | null;
}
@ApiSchema({ name: 'ReferenceActivityChanges' })
class ActivityChanges {
  @ApiArray(ReferenceActivity, REFERENCE_PAGE_SIZE) upserts: ReferenceActivity[];
  @ApiStringArray(UUID_ITEMS, MAX_MEMBERSHIP, { nullable: true, description: IDS_DESCRIPTION }) ids: string[] | null;
}

/** One page of `GET /api/sync/reference`: per kind the rows changed since the cursor and, when it changed, the set of ids in scope. */
@ApiSchema({ name: 'ReferenceChanges' })
export class ReferenceChangesResponse {
  @ApiCode('^[A-Za-z0-9_-]+$', REFERENCE_CURSOR_MAX_LENGTH, { description: 'send it back as `since` (opaque)' }) cursor: string;
  @ApiProperty({ description: 'false: more rows follow, call again at once with `cursor`' }) complete: boolean;
  @ApiDateTime({ description: "the server's time of this answer (the data's age counts from here)" }) syncedAt: string;
  @ApiProperty({ type: () => MunicipalityChanges }) municipalities: MunicipalityChanges;
  @ApiProperty({ type: () => OrganizationChanges }) organizations: OrganizationChanges;
  @ApiProperty({ type: () => BuildingChanges }) buildings: BuildingChanges;
  @ApiProperty({ type: () => InitiativeChanges }) initiatives: InitiativeChanges;
  @ApiProperty({ type: () => ActivityChanges }) activities: ActivityChanges;
}
