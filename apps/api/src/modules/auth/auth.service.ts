import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AccessScope } from '../../common/access/access-scope';
import { AccessService } from '../../common/access/access.service';
import { ScopedData, type ScopedTx } from '../../common/access/scoped-data';
import { AuditService } from '../../common/audit/audit.service';
import type { AccessTokenPayload } from '../../common/auth/jwt.strategy';
import { hashPassword, verifyPassword } from '../../common/auth/password';
import { passwordStamp } from '../../common/auth/token-validity';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { CredentialsService, type LoginCandidate } from '../users/credentials.service';
import { fieldError } from '../users/user-rules';
import type { SessionUserDto } from '../users/dto/user.response';
import { UsersService } from '../users/users.service';
import { AuthErrors } from './auth.errors';
import type { ChangePasswordDto } from './dto/change-password.dto';
import type { LoginResponseDto } from './dto/login.response';
import { DEVICE_COOKIE_TTL_DAYS, generateRefreshToken, hashRefreshToken } from './refresh-token';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { type BackoffKeys, type BackoffRule, EVERY_CLIENT, SignInBackoffRepository } from './sign-in-backoff.repository';
import { SignInDevicesRepository } from './sign-in-devices.repository';
import { clientKey, emailKey } from './sign-in-keys';

/** A session to hand to the client: the JSON body, and the refresh token for the cookie. */
export interface IssuedSession {
  body: LoginResponseDto;
  refreshToken: string;
  refreshExpiresAt: Date;
  /** a new device cookie, when the sign-in came from a browser not yet known for this e-mail */
  deviceToken?: string;
}

/** A sign-in attempt as the strategy sees it. */
export interface SignInAttempt {
  email: string;
  password: string;
  /** the client address (req.ip: follows TRUST_PROXY) */
  ip: string | undefined;
  /** the device cookie the browser sent, if any */
  deviceToken: string | undefined;
}

/** Credentials that checked out, and whether the browser was already known for this e-mail. */
export interface AcceptedSignIn extends LoginCandidate {
  knownDevice: boolean;
}

/** A refused attempt during a back-off: the strategy answers 423 ACCOUNT_LOCKED with Retry-After. */
export class SignInBackoff extends Error {
  constructor(readonly until: Date) {
    super('sign-in back-off');
  }
}

const AUDIT_ENTITY = 'user';

type RefreshOutcome =
  { kind: 'ok'; scope: AccessScope; familyId: string; refreshToken: string; refreshExpiresAt: Date } | { kind: 'refused' };

/** The later of two optional dates. */
function latest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a.getTime() >= b.getTime() ? a : b;
}

/**
 * Sign-in, sessions and passwords. Access tokens are short-lived JWTs; refresh tokens rotate on
 * every use, are stored as SHA-256 hashes, and a reused one revokes its whole family.
 */
@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so that answer takes as long as a wrong password. */
  private dummyHash?: Promise<string>;

  constructor(
    private readonly door: ScopedData,
    private readonly jwt: JwtService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly credentials: CredentialsService,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly resetLinks: PasswordResetTokensRepository,
    private readonly backoff: SignInBackoffRepository,
    private readonly devices: SignInDevicesRepository,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks an email and password (called by the local strategy), with the back-off of
   * docs/sign-in.md. Unknown email, wrong password and deactivated account get the same
   * INVALID_CREDENTIALS and count the same failures, so an unknown email backs off exactly like a
   * known one: the same statuses, bodies and work (one user lookup, one password hash check or
   * none while backing off, the same counter updates and audit entry).
   * - this e-mail from this client: LOGIN_MAX_FAILURES failures, then 1, 2, 4 … minutes (up to LOCKOUT_MINUTES);
   * - this e-mail from every client together: LOGIN_EMAIL_MAX_FAILURES failures, then 1, 2, 3 …
   *   minutes, for clients without a device cookie of this e-mail only: a stranger cannot lock
   *   the owner's own browser out.
   * Throws SignInBackoff (→ 423 ACCOUNT_LOCKED with Retry-After) or INVALID_CREDENTIALS.
   */
  async validateCredentials(attempt: SignInAttempt): Promise<AcceptedSignIn> {
    const keys: BackoffKeys = { email: emailKey(attempt.email), client: clientKey(attempt.ip) };
    const candidate = await this.credentials.findForLogin(attempt.email);
    const knownDevice = attempt.deviceToken ? await this.devices.isKnown(hashRefreshToken(attempt.deviceToken), keys.email) : false;
    const state = await this.backoff.state(keys);
    const blockedUntil = latest(state.clientBlockedUntil, knownDevice ? null : state.emailBlockedUntil);
    if (blockedUntil) {
      await this.recordFailureEntry(candidate, attempt, { reason: 'backing_off', knownDevice, blockedUntil });
      throw new SignInBackoff(blockedUntil);
    }
    const matches = await verifyPassword(
      candidate?.passwordHash ?? (await (this.dummyHash ??= hashPassword(generateRefreshToken()))),
      attempt.password,
    );
    if (candidate && candidate.active && matches) {
      if (candidate.temporaryPasswordExpiresAt && new Date(candidate.temporaryPasswordExpiresAt) <= new Date()) {
        // Only the holder of the right password gets here: no failure is counted (it guesses nothing).
        await this.recordFailureEntry(candidate, attempt, { reason: 'temporary_password_expired', knownDevice });
        throw AuthErrors.TEMPORARY_PASSWORD_EXPIRED();
      }
      return { ...candidate, knownDevice };
    }

    const reason = !candidate ? 'unknown_email' : !candidate.active ? 'inactive' : 'wrong_password';
    const newBlock = await this.door.transaction(async (tx) => {
      const client = await this.backoff.recordFailure(tx, keys.email, keys.client, this.clientRule());
      // A known device's mistakes are its owner's: they do not push the e-mail towards a back-off for everyone.
      const email = knownDevice ? null : await this.backoff.recordFailure(tx, keys.email, EVERY_CLIENT, this.emailRule());
      const until = latest(client.blockedUntil, email?.blockedUntil ?? null);
      await this.recordFailureEntry(
        candidate,
        attempt,
        { reason, knownDevice, failuresFromClient: client.failures, failuresOfEmail: email?.failures ?? null },
        tx,
      );
      if (until) {
        await this.audit.record(tx, null, {
          tenantId: candidate?.tenantId ?? null,
          entity: AUDIT_ENTITY,
          entityId: candidate?.id ?? 'unknown',
          action: 'lockout',
          after: {
            ...(candidate ? {} : { email: attempt.email }),
            blockedUntil: until,
            scope: client.blockedUntil && until === client.blockedUntil ? 'client' : 'email',
            ip: attempt.ip,
          },
        });
      }
      return until;
    });
    if (newBlock) throw new SignInBackoff(newBlock);
    throw AuthErrors.INVALID_CREDENTIALS();
  }

  /**
   * After validateCredentials: restarts this client's failure count, opens a refresh-token family
   * (the session: access tokens carry its id), remembers the browser if it was not known yet,
   * issues the tokens.
   */
  async login(accepted: AcceptedSignIn, ip: string | undefined): Promise<IssuedSession> {
    const scope = await this.access.scopeFor(accepted.id);
    if (!scope) throw AuthErrors.INVALID_CREDENTIALS();
    const refreshToken = generateRefreshToken();
    const refreshExpiresAt = this.refreshExpiry();
    const familyId = randomUUID();
    const deviceToken = accepted.knownDevice ? undefined : generateRefreshToken();
    await this.door.transaction(async (tx) => {
      await this.credentials.recordSuccess(tx, accepted.id);
      await this.backoff.recordSuccess(tx, { email: emailKey(accepted.email), client: clientKey(ip) });
      await this.refreshTokens.insert(tx, {
        userId: accepted.id,
        tenantId: accepted.tenantId,
        familyId,
        tokenHash: hashRefreshToken(refreshToken),
        expiresAt: refreshExpiresAt,
      });
      if (deviceToken) {
        await this.devices.insert(tx, {
          tokenHash: hashRefreshToken(deviceToken),
          userId: accepted.id,
          tenantId: accepted.tenantId,
          emailKey: emailKey(accepted.email),
          expiresAt: new Date(Date.now() + DEVICE_COOKIE_TTL_DAYS * 86_400_000),
        });
      }
      await this.audit.record(tx, scope, {
        tenantId: accepted.tenantId,
        entity: AUDIT_ENTITY,
        entityId: accepted.id,
        action: 'login_success',
        after: { ip, knownDevice: accepted.knownDevice },
      });
    });
    return { ...(await this.issue(scope, familyId, refreshToken, refreshExpiresAt)), ...(deviceToken ? { deviceToken } : {}) };
  }

  /**
   * Exchanges a refresh token for a new access token and a new refresh token of the same family.
   * A token already used means it was copied: the whole family is revoked and the caller refused.
   */
  async refresh(presented: string | undefined): Promise<IssuedSession> {
    if (!presented) throw AuthErrors.SESSION_EXPIRED();
    const outcome = await this.door.transaction(async (tx): Promise<RefreshOutcome> => {
      const stored = await this.refreshTokens.findByHashForUpdate(tx, hashRefreshToken(presented));
      if (!stored || stored.revokedAt) return { kind: 'refused' };
      if (stored.usedAt) {
        const revoked = await this.refreshTokens.revokeFamily(tx, stored.familyId, 'reuse');
        await this.audit.record(tx, null, {
          tenantId: stored.tenantId,
          entity: AUDIT_ENTITY,
          entityId: stored.userId,
          action: 'refresh_reuse',
          after: { familyId: stored.familyId, tokensRevoked: revoked },
        });
        return { kind: 'refused' };
      }
      if (new Date(stored.expiresAt) <= new Date()) return { kind: 'refused' };
      const scope = await this.access.scopeFor(stored.userId);
      if (!scope) {
        await this.refreshTokens.revokeFamily(tx, stored.familyId, 'inactive');
        return { kind: 'refused' };
      }
      await this.refreshTokens.markUsed(tx, stored.id);
      const refreshToken = generateRefreshToken();
      const refreshExpiresAt = this.refreshExpiry();
      await this.refreshTokens.insert(tx, {
        userId: stored.userId,
        tenantId: stored.tenantId,
        familyId: stored.familyId,
        tokenHash: hashRefreshToken(refreshToken),
        expiresAt: refreshExpiresAt,
      });
      return { kind: 'ok', scope, familyId: stored.familyId, refreshToken, refreshExpiresAt };
    });
    if (outcome.kind === 'refused') throw AuthErrors.SESSION_EXPIRED();
    return this.issue(outcome.scope, outcome.familyId, outcome.refreshToken, outcome.refreshExpiresAt);
  }

  /**
   * Ends the session of the presented refresh token (its whole family). Its access tokens stop
   * at once too: they carry the family id, and the per-request scope load needs it unrevoked.
   * Idempotent: unknown tokens are ignored.
   */
  async logout(presented: string | undefined): Promise<void> {
    if (!presented) return;
    await this.door.transaction(async (tx) => {
      const stored = await this.refreshTokens.findByHashForUpdate(tx, hashRefreshToken(presented));
      if (!stored) return;
      const revoked = await this.refreshTokens.revokeFamily(tx, stored.familyId, 'logout');
      if (revoked === 0) return;
      await this.audit.record(tx, await this.access.scopeFor(stored.userId), {
        tenantId: stored.tenantId,
        entity: AUDIT_ENTITY,
        entityId: stored.userId,
        action: 'logout',
        after: { familyId: stored.familyId },
      });
    });
  }

  getSessionUser(scope: AccessScope): Promise<SessionUserDto> {
    return this.users.getSessionUser(scope);
  }

  /**
   * The signed-in user changes their password: every session ends (refresh tokens revoked, access
   * tokens issued before now refused), so they sign in again with the new one.
   */
  async changePassword(scope: AccessScope, dto: ChangePasswordDto): Promise<void> {
    const userId = scope.actor.id;
    const hash = await this.credentials.passwordHashOf(userId);
    if (!hash || !(await verifyPassword(hash, dto.currentPassword))) {
      throw AuthErrors.CURRENT_PASSWORD_WRONG(undefined, [{ field: 'currentPassword', messages: ['The current password is not correct'] }]);
    }
    if (dto.newPassword === dto.currentPassword) throw fieldError('newPassword', 'the new password must differ from the current one');
    const newHash = await hashPassword(dto.newPassword);
    await this.door.transaction(async (tx) => {
      await this.credentials.setPassword(tx, userId, newHash, null);
      const sessionsRevoked = await this.refreshTokens.revokeAllOfUser(tx, userId, 'password_change');
      // a reset link sent before would replace the password just chosen
      await this.resetLinks.useAllOfUser(tx, userId);
      await this.audit.record(tx, scope, {
        tenantId: scope.actor.tenantId,
        entity: AUDIT_ENTITY,
        entityId: userId,
        action: 'password_change',
        after: { sessionsRevoked, ...(scope.passwordChangeRequired ? { temporaryReplaced: true } : {}) },
      });
    });
  }

  private clientRule(): BackoffRule {
    return { threshold: this.config.loginMaxFailures, growth: 'doubling', capMinutes: this.config.lockoutMinutes };
  }

  private emailRule(): BackoffRule {
    return { threshold: this.config.loginEmailMaxFailures, growth: 'linear', capMinutes: this.config.lockoutMinutes };
  }

  /** One audit entry per failed or refused attempt, on the user when the e-mail is theirs (the unknown e-mail is kept in it otherwise), in `tx` or in a transaction of its own. */
  private async recordFailureEntry(
    candidate: LoginCandidate | null,
    attempt: SignInAttempt,
    details: Record<string, unknown>,
    tx?: ScopedTx,
  ): Promise<void> {
    const record = (t: ScopedTx) =>
      this.audit.record(t, null, {
        tenantId: candidate?.tenantId ?? null,
        entity: AUDIT_ENTITY,
        entityId: candidate?.id ?? 'unknown',
        action: 'login_failure',
        after: { ...(candidate ? {} : { email: attempt.email }), ...details, ip: attempt.ip },
      });
    await (tx ? record(tx) : this.door.transaction(record));
  }

  private refreshExpiry(): Date {
    return new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000);
  }

  private async issue(scope: AccessScope, familyId: string, refreshToken: string, refreshExpiresAt: Date): Promise<IssuedSession> {
    const user = await this.users.getSessionUser(scope);
    const passwordChangedAt = await this.credentials.passwordChangedAt(scope.actor.id);
    if (!passwordChangedAt) throw AuthErrors.SESSION_EXPIRED();
    const payload: AccessTokenPayload = {
      sub: scope.actor.id,
      role: scope.actor.role,
      tenant: scope.actor.tenantId,
      pwdChangedAt: passwordStamp(passwordChangedAt),
      sid: familyId,
    };
    const accessToken = await this.jwt.signAsync(payload, { expiresIn: this.config.accessTokenTtlSeconds });
    return { body: { accessToken, expiresIn: this.config.accessTokenTtlSeconds, user }, refreshToken, refreshExpiresAt };
  }
}
