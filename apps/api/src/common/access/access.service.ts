import { Injectable } from '@nestjs/common';
import type { Role } from '@trama/contracts';
import { isIssuedAfterPasswordChange } from '../auth/token-validity';
import { AccessScope } from './access-scope';
import { ScopedData } from './scoped-data';

interface UserRow {
  id: string;
  email: string;
  full_name: string;
  role: Role;
  tenant_id: string | null;
  active: boolean;
  scope_municipality_id: string | null;
  scope_social_area_id: string | null;
  password_changed_at: Date;
  temporary_password_expires_at: Date | null;
  session_live: boolean | null;
}

export interface ScopeOptions {
  /**
   * When the scope is for an access token: the password stamp it carries (`pwdChangedAt`). A token
   * issued before the user's last password change (or without a stamp: null) gets no scope.
   * See common/auth/token-validity.ts.
   */
  tokenPasswordStamp?: number | null;
  /**
   * When the scope is for an access token: the session it belongs to (`sid`, its refresh-token
   * family). A session whose family is revoked (sign-out, a reused refresh token, a password
   * change or reset, deactivation), or a token without one (null), gets no scope.
   */
  sessionId?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Builds the AccessScope of a user from the database, once per request. */
@Injectable()
export class AccessService {
  constructor(private readonly door: ScopedData) {}

  /**
   * The scope of an active user, or null (unknown or deactivated user, a token older than the last
   * password change, or of a session that ended). The session is checked in the same query.
   */
  async scopeFor(userId: string, options: ScopeOptions = {}): Promise<AccessScope | null> {
    if (options.sessionId !== undefined && !(options.sessionId && UUID.test(options.sessionId))) return null;
    // there is no scope yet: this is what builds it
    const db = this.door.unscoped('the access loader: it builds the scope that every other query is bound with');
    const rows: UserRow[] = await db.query(
      `SELECT u.id, u.email, u.full_name, u.role, u.tenant_id, u.active, u.scope_municipality_id, u.scope_social_area_id,
              u.password_changed_at, u.temporary_password_expires_at,
              CASE WHEN $2::uuid IS NULL THEN NULL ELSE EXISTS (
                SELECT 1 FROM refresh_tokens rt WHERE rt.family_id = $2::uuid AND rt.user_id = u.id AND rt.revoked_at IS NULL
              ) END AS session_live
         FROM users u WHERE u.id = $1`,
      [userId, options.sessionId ?? null],
    );
    const user = rows[0];
    if (!user || !user.active) return null;
    if (options.sessionId !== undefined && user.session_live !== true) return null;
    if (
      options.tokenPasswordStamp !== undefined &&
      !isIssuedAfterPasswordChange(options.tokenPasswordStamp, new Date(user.password_changed_at))
    )
      return null;
    let visible: string[] | null = null;
    let assigned: string[] = [];
    if (user.role === 'municipality') {
      if (user.scope_municipality_id) {
        visible = [user.scope_municipality_id];
      } else if (user.scope_social_area_id) {
        const munis: { id: string }[] = await db.query('SELECT id FROM municipalities WHERE tenant_id = $1 AND social_area_id = $2', [
          user.tenant_id,
          user.scope_social_area_id,
        ]);
        visible = munis.map((m) => m.id);
      } else {
        visible = [];
      }
    }
    if (user.role === 'innovator') {
      const munis: { municipality_id: string }[] = await db.query(
        'SELECT municipality_id FROM user_municipalities WHERE tenant_id = $1 AND user_id = $2',
        [user.tenant_id, user.id],
      );
      assigned = munis.map((m) => m.municipality_id);
    }
    return new AccessScope(
      { id: user.id, email: user.email, fullName: user.full_name, role: user.role, tenantId: user.tenant_id },
      visible,
      assigned,
      user.temporary_password_expires_at !== null,
    );
  }
}
