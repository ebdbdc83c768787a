import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';

export class ListAuditQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Kind of record, e.g. user', example: 'user' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  entity?: string;

  @ApiPropertyOptional({ description: 'Id of the record' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  entityId?: string;

  @ApiPropertyOptional({ description: 'Action, e.g. create, update, login_failure', example: 'update' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  action?: string;
}
