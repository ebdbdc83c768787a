import { Module } from '@nestjs/common';
import { CredentialsRepository } from './credentials.repository';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/**
 * Passwords, sign-in counters and refresh tokens: shared by sign-in (AuthModule) and by user
 * management (UsersModule: reset password, deactivate), without a cycle between the two.
 */
@Module({
  providers: [CredentialsRepository, RefreshTokensRepository],
  exports: [CredentialsRepository, RefreshTokensRepository],
})
export class CredentialsModule {}
