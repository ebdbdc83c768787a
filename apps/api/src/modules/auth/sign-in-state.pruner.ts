import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectThrottlerStorage, type ThrottlerStorage } from '@nestjs/throttler';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository';
import { PgThrottlerStorage } from './pg-throttler.storage';
import { SignInBackoffRepository } from './sign-in-backoff.repository';
import { SignInDevicesRepository } from './sign-in-devices.repository';

const EVERY_MS = 10 * 60_000;

/**
 * Deletes the sign-in state nobody needs any more, every 10 minutes in each replica (the deletes
 * are idempotent, so replicas need no coordination): request-limit windows that ended, back-off
 * counters idle for a day, expired device cookies, reset links expired for a day.
 */
@Injectable()
export class SignInStatePruner implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SignInStatePruner.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    private readonly backoff: SignInBackoffRepository,
    private readonly devices: SignInDevicesRepository,
    private readonly resetLinks: PasswordResetTokensRepository,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => {
      this.prune().catch((error: unknown) => this.logger.warn(`pruning sign-in state failed: ${(error as Error).message}`));
    }, EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async prune(): Promise<{ rateLimitWindows: number; backoffCounters: number; devices: number; resetLinks: number }> {
    const rateLimitWindows = this.storage instanceof PgThrottlerStorage ? await this.storage.prune() : 0;
    return {
      rateLimitWindows,
      backoffCounters: await this.backoff.prune(),
      devices: await this.devices.prune(),
      resetLinks: await this.resetLinks.prune(),
    };
  }
}
