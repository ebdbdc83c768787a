import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AccessScope } from '../../common/access/access-scope';
import { Roles, Scope } from '../../common/auth/decorators';
import { CommonErrors } from '../../common/errors/app-error';
import { ApiErrors } from '../../common/http/api-errors';
import { UUID_LENGTH } from '../../common/http/api-schema';
import { UuidParam } from '../../common/http/uuid-param';
import { AssignMunicipalitiesDto } from './dto/assign-municipalities.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateUserDto } from './dto/update-user.dto';
import { CreateUserResponseDto, ResetPasswordResponseDto, UserResponseDto, UsersPageDto } from './dto/user.response';
import { UsersErrors } from './users.errors';
import { UsersService } from './users.service';

const ApiUserId = () =>
  ApiParam({
    name: 'id',
    description: 'the user',
    schema: { type: 'string', format: 'uuid', minLength: UUID_LENGTH, maxLength: UUID_LENGTH },
  });

@ApiTags('users')
@Roles('coordinator')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'List the users of your tenant (admins: every tenant)' })
  @ApiOkResponse({ type: UsersPageDto })
  listUsers(@Scope() scope: AccessScope, @Query() query: ListUsersQuery): Promise<UsersPageDto> {
    return this.users.listUsers(scope, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user of your tenant (admins: any user)' })
  @ApiUserId()
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors(CommonErrors.NOT_FOUND)
  getUser(@Scope() scope: AccessScope, @Param('id', UuidParam()) id: string): Promise<UserResponseDto> {
    return this.users.getUser(scope, id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a user; without a password a temporary one is generated and returned once' })
  @ApiCreatedResponse({ type: CreateUserResponseDto })
  @ApiErrors(UsersErrors.USER_ROLE_NOT_ALLOWED, UsersErrors.USER_EMAIL_TAKEN)
  createUser(@Scope() scope: AccessScope, @Body() body: CreateUserDto): Promise<CreateUserResponseDto> {
    return this.users.createUser(scope, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a user (optimistic locking on version); active=false ends their sessions' })
  @ApiUserId()
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors(CommonErrors.NOT_FOUND, UsersErrors.USER_SELF_DEACTIVATION, CommonErrors.STALE_VERSION)
  updateUser(@Scope() scope: AccessScope, @Param('id', UuidParam()) id: string, @Body() body: UpdateUserDto): Promise<UserResponseDto> {
    return this.users.updateUser(scope, id, body);
  }

  @Put(':id/municipalities')
  @ApiOperation({ summary: "Replace an innovator's assigned municipalities" })
  @ApiUserId()
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors(CommonErrors.NOT_FOUND, UsersErrors.USER_NOT_INNOVATOR, CommonErrors.STALE_VERSION)
  assignMunicipalities(
    @Scope() scope: AccessScope,
    @Param('id', UuidParam()) id: string,
    @Body() body: AssignMunicipalitiesDto,
  ): Promise<UserResponseDto> {
    return this.users.assignMunicipalities(scope, id, body);
  }

  @Post(':id/reset-password')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Set a new temporary password (returned once), end the sessions, lift any lock' })
  @ApiUserId()
  @ApiOkResponse({ type: ResetPasswordResponseDto })
  @ApiErrors(CommonErrors.NOT_FOUND)
  resetPassword(@Scope() scope: AccessScope, @Param('id', UuidParam()) id: string): Promise<ResetPasswordResponseDto> {
    return this.users.resetPassword(scope, id);
  }
}
