import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@trama/contracts';
import { IsBoolean, IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { ApiEnum, ApiIstatTenant, ApiText } from '../../../common/http/api-schema';
import { PageQuery } from '../../../common/http/pagination';
import { Trim } from '../../../common/http/trim';
import { QueryBoolean } from './validators';
import { Optional } from '../../../common/http/fields';

export class ListUsersQuery extends PageQuery {
  @ApiEnum(ROLES, 'Role', { required: false })
  @Optional()
  @IsIn(ROLES)
  role?: Role;

  @ApiText(100, { required: false, description: 'Matches name or email, ignoring case and accents' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiProperty({ type: Boolean, required: false })
  @Optional()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;

  @ApiIstatTenant({ required: false, description: 'Admins: only the users of this tenant (ISTAT code of the metropolitan city)' })
  @Optional()
  @IsString()
  @Matches(/^[0-9]{3}$/, { message: 'tenant must be the 3-digit ISTAT code of a metropolitan city' })
  tenant?: string;
}
