import { Module } from '@nestjs/common';
import { CredentialsRepository } from './credentials.repository';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { SignInBackoffRepository } from './sign-in-backoff.repository';
import { SignInDevicesRepository } from './sign-in-devices.repository';

/**
 * Passwords, sign-in back-off counters, known devices and refresh tokens: shared by sign-in (AuthModule) and by user
 * management (UsersModule: reset password, deactivate), without a cycle between the two.
 */
@Module({
  providers: [CredentialsRepository, RefreshTokensRepository, SignInBackoffRepository, SignInDevicesRepository],
  exports: [CredentialsRepository, RefreshTokensRepository, SignInBackoffRepository, SignInDevicesRepository],
})
export class CredentialsModule {}
