import { ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@trama/contracts';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';
import { Trim } from '../../../common/http/trim';
import { QueryBoolean } from './validators';

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'Matches name or email, ignoring case and accents' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    description: 'Admins: only the users of this tenant (ISTAT code of the metropolitan city)',
    pattern: '^[0-9]{3}$',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{3}$/, { message: 'tenant must be the 3-digit ISTAT code of a metropolitan city' })
  tenant?: string;
}
