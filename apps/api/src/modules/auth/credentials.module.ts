import { Module } from '@nestjs/common';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { SessionsService } from './sessions.service';

/**
 * Refresh tokens (sessions): used by sign-in (AuthModule) and, through SessionsService, by user
 * management (UsersModule: reset password, deactivate), without a cycle between the two.
 */
@Module({
  providers: [RefreshTokensRepository, SessionsService],
  exports: [RefreshTokensRepository, SessionsService],
})
export class CredentialsModule {}
