import { Module } from '@nestjs/common';
import { CredentialsModule } from '../auth/credentials.module';
import { TenantsModule } from '../tenants/tenants.module';
import { TerritoryModule } from '../territory/territory.module';
import { CredentialsRepository } from './credentials.repository';
import { CredentialsService } from './credentials.service';
import { UsersController } from './users.controller';
import { UsersPolicy } from './users.policy';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/**
 * User management and the accounts' credentials. Other features reach users through UsersService,
 * CredentialsService (sign-in) and UsersPolicy (who sees which users).
 */
@Module({
  imports: [CredentialsModule, TenantsModule, TerritoryModule],
  controllers: [UsersController],
  providers: [UsersPolicy, UsersRepository, UsersService, CredentialsRepository, CredentialsService],
  exports: [UsersPolicy, UsersService, CredentialsService],
})
export class UsersModule {}
