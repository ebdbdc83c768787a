import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { LoginResponse, SessionUser } from '@trama/contracts';
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
import { UsersService } from '../users/users.service';
import { AuthErrors } from './auth.errors';
import type { ChangePasswordDto } from './dto/change-password.dto';
import { generateRefreshToken, hashRefreshToken, lockMessage } from './refresh-token';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/** A session to hand to the client: the JSON body, and the refresh token for the cookie. */
export interface IssuedSession {
  body: LoginResponse;
  refreshToken: string;
  refreshExpiresAt: Date;
}

const AUDIT_ENTITY = 'user';

type RefreshOutcome = { kind: 'ok'; scope: AccessScope; refreshToken: string; refreshExpiresAt: Date } | { kind: 'refused' };

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
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks an email and password (called by the local strategy). Unknown email, wrong password and
   * deactivated account get the same INVALID_CREDENTIALS; the failure that reaches the limit
   * locks the account, and a locked account is refused even with the right password.
   */
  async validateCredentials(email: string, password: string, ip: string | undefined): Promise<LoginCandidate> {
    const candidate = await this.credentials.findForLogin(email);
    if (!candidate) {
      await verifyPassword(await (this.dummyHash ??= hashPassword(generateRefreshToken())), password);
      await this.door.transaction((tx) =>
        this.audit.record(tx, null, {
          tenantId: null,
          entity: AUDIT_ENTITY,
          entityId: 'unknown',
          action: 'login_failure',
          after: { email, reason: 'unknown_email', ip },
        }),
      );
      throw AuthErrors.INVALID_CREDENTIALS();
    }
    const now = new Date();
    if (candidate.lockedUntil && new Date(candidate.lockedUntil) > now) {
      await this.recordFailureEntry(candidate, { reason: 'locked', ip });
      throw AuthErrors.ACCOUNT_LOCKED(lockMessage(new Date(candidate.lockedUntil), now));
    }
    const matches = await verifyPassword(candidate.passwordHash, password);
    if (!candidate.active) {
      // Not revealed to the caller: a deactivated account answers like a wrong password.
      await this.recordFailureEntry(candidate, { reason: 'inactive', ip });
      throw AuthErrors.INVALID_CREDENTIALS();
    }
    if (matches) return candidate;

    const outcome = await this.door.transaction(async (tx) => {
      const result = await this.credentials.recordFailure(tx, candidate.id, this.config.loginMaxFailures, this.config.lockoutMinutes);
      await this.recordFailureEntry(
        candidate,
        { reason: 'wrong_password', ip, consecutiveFailures: result.lockedUntil ? this.config.loginMaxFailures : result.failedLogins },
        tx,
      );
      if (result.lockedUntil) {
        await this.audit.record(tx, null, {
          tenantId: candidate.tenantId,
          entity: AUDIT_ENTITY,
          entityId: candidate.id,
          action: 'lockout',
          after: { lockedUntil: result.lockedUntil, failures: this.config.loginMaxFailures, ip },
        });
      }
      return result;
    });
    if (outcome.lockedUntil) throw AuthErrors.ACCOUNT_LOCKED(lockMessage(outcome.lockedUntil, new Date()));
    throw AuthErrors.INVALID_CREDENTIALS();
  }

  /** After validateCredentials: clears the failure count, opens a refresh-token family, issues the tokens. */
  async login(candidate: LoginCandidate, ip: string | undefined): Promise<IssuedSession> {
    const scope = await this.access.scopeFor(candidate.id);
    if (!scope) throw AuthErrors.INVALID_CREDENTIALS();
    const refreshToken = generateRefreshToken();
    const refreshExpiresAt = this.refreshExpiry();
    await this.door.transaction(async (tx) => {
      await this.credentials.recordSuccess(tx, candidate.id);
      await this.refreshTokens.insert(tx, {
        userId: candidate.id,
        tenantId: candidate.tenantId,
        familyId: randomUUID(),
        tokenHash: hashRefreshToken(refreshToken),
        expiresAt: refreshExpiresAt,
      });
      await this.audit.record(tx, scope, {
        tenantId: candidate.tenantId,
        entity: AUDIT_ENTITY,
        entityId: candidate.id,
        action: 'login_success',
        after: { ip },
      });
    });
    return this.issue(scope, refreshToken, refreshExpiresAt);
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
      return { kind: 'ok', scope, refreshToken, refreshExpiresAt };
    });
    if (outcome.kind === 'refused') throw AuthErrors.SESSION_EXPIRED();
    return this.issue(outcome.scope, outcome.refreshToken, outcome.refreshExpiresAt);
  }

  /** Ends the session of the presented refresh token (its whole family). Idempotent: unknown tokens are ignored. */
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

  getSessionUser(scope: AccessScope): Promise<SessionUser> {
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
      await this.credentials.setPassword(tx, userId, newHash);
      const sessionsRevoked = await this.refreshTokens.revokeAllOfUser(tx, userId, 'password_change');
      await this.audit.record(tx, scope, {
        tenantId: scope.actor.tenantId,
        entity: AUDIT_ENTITY,
        entityId: userId,
        action: 'password_change',
        after: { sessionsRevoked },
      });
    });
  }

  /** The audit entry of a failed sign-in, in `tx` or in a transaction of its own. */
  private async recordFailureEntry(candidate: LoginCandidate, details: Record<string, unknown>, tx?: ScopedTx): Promise<void> {
    const record = (t: ScopedTx) =>
      this.audit.record(t, null, {
        tenantId: candidate.tenantId,
        entity: AUDIT_ENTITY,
        entityId: candidate.id,
        action: 'login_failure',
        after: details,
      });
    await (tx ? record(tx) : this.door.transaction(record));
  }

  private refreshExpiry(): Date {
    return new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000);
  }

  private async issue(scope: AccessScope, refreshToken: string, refreshExpiresAt: Date): Promise<IssuedSession> {
    const user = await this.users.getSessionUser(scope);
    const passwordChangedAt = await this.credentials.passwordChangedAt(scope.actor.id);
    if (!passwordChangedAt) throw AuthErrors.SESSION_EXPIRED();
    const payload: AccessTokenPayload = {
      sub: scope.actor.id,
      role: scope.actor.role,
      tenant: scope.actor.tenantId,
      pwdChangedAt: passwordStamp(passwordChangedAt),
    };
    const accessToken = await this.jwt.signAsync(payload, { expiresIn: this.config.accessTokenTtlSeconds });
    return { body: { accessToken, expiresIn: this.config.accessTokenTtlSeconds, user }, refreshToken, refreshExpiresAt };
  }
}
