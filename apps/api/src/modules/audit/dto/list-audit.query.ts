import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ApiText } from '../../../common/http/api-schema';
import { PageQuery } from '../../../common/http/pagination';
import { Optional } from '../../../common/http/fields';

export class ListAuditQuery extends PageQuery {
  @ApiText(64, { required: false, minLength: 1, description: 'Kind of record, e.g. user', example: 'user' })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  entity?: string;

  @ApiText(128, { required: false, minLength: 1, description: 'Id of the record' })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  entityId?: string;

  @ApiText(64, { required: false, minLength: 1, description: 'Action, e.g. create, update, login_failure', example: 'update' })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  action?: string;
}
