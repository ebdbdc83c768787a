import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectThrottlerStorage, type ThrottlerStorage } from '@nestjs/throttler';
import { ScopedData } from '../../common/access/scoped-data';
import { AuditService } from '../../common/audit/audit.service';
import { hashPassword } from '../../common/auth/password';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { MailService } from '../mail/mail.service';
import { CredentialsService } from '../users/credentials.service';
import { AuthErrors } from './auth.errors';
import type { ConfirmPasswordResetDto, MailLanguage } from './dto/password-reset.dto';
import { passwordResetMail } from './password-reset-mail';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository';
import { generateRefreshToken, hashRefreshToken } from './refresh-token';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { SignInBackoffRepository } from './sign-in-backoff.repository';
import { emailKey } from './sign-in-keys';

/** Requests of one e-mail string (any account or none) in an hour: more answer 429 PASSWORD_RESET_THROTTLED. */
export const RESET_REQUESTS_PER_EMAIL = 5;
export const RESET_EMAIL_WINDOW_MS = 60 * 60_000;

/** The path of the web page that reads the link's token. */
export const RESET_PAGE_PATH = '/reimposta-password';

/** A request refused by the per-e-mail throttle: the controller answers 429 with Retry-After. */
export interface ResetRequestOutcome {
  retryAfterSeconds?: number;
}

/**
 * "Password dimenticata?" (docs/sign-in.md): a request answers the same whatever the e-mail
 * (202 at once; the account lookup, the link and the e-mail happen after the answer, so neither
 * the status, the body nor the time tells whether an account exists), throttled per client address
 * (AuthThrottlerGuard) and per e-mail string; the link carries a single-use token valid
 * PASSWORD_RESET_TTL_MINUTES, stored hashed; using it sets the new password, ends every session of
 * the user, lifts the sign-in back-off of their e-mail and replaces a temporary password.
 */
@Injectable()
export class PasswordResetService implements OnModuleDestroy {
  private readonly logger = new Logger(PasswordResetService.name);
  /** requests answered whose link and e-mail are still being made: awaited at shutdown */
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly door: ScopedData,
    private readonly credentials: CredentialsService,
    private readonly tokens: PasswordResetTokensRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly backoff: SignInBackoffRepository,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    @InjectThrottlerStorage() private readonly throttle: ThrottlerStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async request(email: string, language: MailLanguage, ip: string | undefined): Promise<ResetRequestOutcome> {
    const hit = await this.throttle.increment(
      `password-reset:${emailKey(email)}`,
      RESET_EMAIL_WINDOW_MS,
      RESET_REQUESTS_PER_EMAIL,
      0,
      'default',
    );
    if (hit.isBlocked) return { retryAfterSeconds: Math.max(1, hit.timeToBlockExpire) };
    const work = this.issueAndSend(email, language, ip)
      .catch((error: unknown) => this.logger.error(`password reset for a requested e-mail failed: ${(error as Error).message}`))
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
    return {};
  }

  async confirm(dto: ConfirmPasswordResetDto, ip: string | undefined): Promise<void> {
    const tokenHash = hashRefreshToken(dto.token);
    // A cheap look first, so that unknown tokens cost no password hash.
    if (!(await this.door.transaction((tx) => this.tokens.findUsableForUpdate(tx, tokenHash)))) throw AuthErrors.RESET_TOKEN_INVALID();
    const passwordHash = await hashPassword(dto.newPassword);
    await this.door.transaction(async (tx) => {
      const token = await this.tokens.findUsableForUpdate(tx, tokenHash);
      const account = token ? await this.credentials.findForReset({ id: token.userId }, tx) : null;
      if (!token || !account?.active) throw AuthErrors.RESET_TOKEN_INVALID();
      await this.credentials.setPassword(tx, account.id, passwordHash, null);
      const linksUsed = await this.tokens.useAllOfUser(tx, account.id);
      const sessionsRevoked = await this.refreshTokens.revokeAllOfUser(tx, account.id, 'password_reset');
      const backoffsLifted = await this.backoff.lift(tx, emailKey(account.email));
      await this.audit.record(tx, null, {
        tenantId: account.tenantId,
        entity: 'user',
        entityId: account.id,
        action: 'password_reset_by_email',
        after: { ip, sessionsRevoked, backoffsLifted, linksUsed, ...(account.temporary ? { temporaryReplaced: true } : {}) },
      });
    });
  }

  /** Resolves once every answered request has made its link and sent its e-mail (or given up). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  onModuleDestroy(): Promise<void> {
    return this.idle();
  }

  /** After the answer: a link and an e-mail for an active account; nothing (but a log line) otherwise. */
  private async issueAndSend(email: string, language: MailLanguage, ip: string | undefined): Promise<void> {
    const account = await this.credentials.findForReset({ email });
    if (!account || !account.active) {
      this.logger.log(`password reset requested for an e-mail without an active account (${account ? 'deactivated' : 'unknown'})`);
      return;
    }
    const token = generateRefreshToken();
    const expiresAt = new Date(Date.now() + this.config.passwordResetTtlMinutes * 60_000);
    await this.door.transaction(async (tx) => {
      await this.tokens.insert(tx, { userId: account.id, tenantId: account.tenantId, tokenHash: hashRefreshToken(token), expiresAt });
      await this.audit.record(tx, null, {
        tenantId: account.tenantId,
        entity: 'user',
        entityId: account.id,
        action: 'password_reset_requested',
        after: { ip, expiresAt, language },
      });
    });
    // The origin is the configured one, never the request's Host header (a forged Host would send the token elsewhere).
    const link = `${this.config.appOrigin}${RESET_PAGE_PATH}?token=${token}`;
    const message = passwordResetMail(language, account.fullName, link, this.config.passwordResetTtlMinutes);
    await this.mail.send({ to: account.email, language, ...message });
  }
}
