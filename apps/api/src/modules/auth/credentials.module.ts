import { Module } from '@nestjs/common';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { SessionsService } from './sessions.service';
import { SignInBackoffRepository } from './sign-in-backoff.repository';
import { SignInBackoffService } from './sign-in-backoff.service';
import { SignInDevicesRepository } from './sign-in-devices.repository';

/**
 * Refresh tokens (sessions), sign-in back-off counters and known devices: used by sign-in
 * (AuthModule, through the repositories of its own feature) and by user management (UsersModule:
 * reset password, deactivate, the "locked" column) through SessionsService and
 * SignInBackoffService only, without a cycle between the two.
 */
@Module({
  providers: [
    PasswordResetTokensRepository,
    RefreshTokensRepository,
    SessionsService,
    SignInBackoffRepository,
    SignInBackoffService,
    SignInDevicesRepository,
  ],
  exports: [
    PasswordResetTokensRepository,
    RefreshTokensRepository,
    SessionsService,
    SignInBackoffRepository,
    SignInBackoffService,
    SignInDevicesRepository,
  ],
})
export class CredentialsModule {}
