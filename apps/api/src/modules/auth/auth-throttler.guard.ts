import { Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { ExecutionContext } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuthErrors } from './auth.errors';

/**
 * Per-address throttling of the sign-in endpoints: `LOGIN_RATE_PER_MINUTE` requests per route in
 * any sliding minute from one client address (`req.ip`: the socket's peer, or what the proxies
 * named by TRUST_PROXY say). The default of 30 leaves room for a whole municipal office behind one
 * NAT address. Counters live in PostgreSQL (PgThrottlerStorage), shared by every replica.
 */
@Injectable()
export class AuthThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(options, storage, reflector);
  }

  protected override handleRequest(request: ThrottlerRequest): Promise<boolean> {
    // A sliding window without extra blocking: an attempt is refused only while `limit` others of the last minute still count.
    return super.handleRequest({ ...request, limit: this.config.loginRatePerMinute, ttl: 60_000, blockDuration: 0 });
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, detail.timeToBlockExpire);
    throw AuthErrors.RATE_LIMITED(`Too many attempts from your network address: try again in ${seconds} second${seconds === 1 ? '' : 's'}`);
  }
}
