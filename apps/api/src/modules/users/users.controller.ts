import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CreateUserResponse, Page, ResetPasswordResponse, UserDto } from '@trama/contracts';
import { AccessScope } from '../../common/access/access-scope';
import { Roles, Scope } from '../../common/auth/decorators';
import { UuidParam } from '../../common/http/uuid-param';
import { AssignMunicipalitiesDto } from './dto/assign-municipalities.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateUserDto } from './dto/update-user.dto';
import { CreateUserResponseDto, ResetPasswordResponseDto, UserResponseDto, UsersPageDto } from './dto/user.response';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles('coordinator')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'List the users of your tenant (admins: every tenant)' })
  @ApiOkResponse({ type: UsersPageDto })
  listUsers(@Scope() scope: AccessScope, @Query() query: ListUsersQuery): Promise<Page<UserDto>> {
    return this.users.listUsers(scope, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserResponseDto })
  @ApiNotFoundResponse({ description: 'Unknown, or not in your tenant' })
  getUser(@Scope() scope: AccessScope, @Param('id', UuidParam()) id: string): Promise<UserDto> {
    return this.users.getUser(scope, id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a user; without a password a temporary one is generated and returned once' })
  @ApiCreatedResponse({ type: CreateUserResponseDto })
  @ApiConflictResponse({ description: 'USER_EMAIL_TAKEN' })
  createUser(@Scope() scope: AccessScope, @Body() body: CreateUserDto): Promise<CreateUserResponse> {
    return this.users.createUser(scope, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a user (optimistic locking on version); active=false ends their sessions' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiConflictResponse({ description: 'STALE_VERSION' })
  updateUser(@Scope() scope: AccessScope, @Param('id', UuidParam()) id: string, @Body() body: UpdateUserDto): Promise<UserDto> {
    return this.users.updateUser(scope, id, body);
  }

  @Put(':id/municipalities')
  @ApiOperation({ summary: "Replace an innovator's assigned municipalities" })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiConflictResponse({ description: 'STALE_VERSION' })
  assignMunicipalities(
    @Scope() scope: AccessScope,
    @Param('id', UuidParam()) id: string,
    @Body() body: AssignMunicipalitiesDto,
  ): Promise<UserDto> {
    return this.users.assignMunicipalities(scope, id, body);
  }

  @Post(':id/reset-password')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Set a new temporary password (returned once), end the sessions, lift any lock' })
  @ApiOkResponse({ type: ResetPasswordResponseDto })
  resetPassword(@Scope() scope: AccessScope, @Param('id', UuidParam()) id: string): Promise<ResetPasswordResponse> {
    return this.users.resetPassword(scope, id);
  }
}
