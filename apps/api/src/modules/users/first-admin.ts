import { MIN_PASSWORD_LENGTH } from '@trama/contracts';
import { isEmail } from 'class-validator';
import { AuditService } from '../../common/audit/audit.service';
import { ScopedData } from '../../common/access/scoped-data';
import { generateTemporaryPassword, hashPassword } from '../../common/auth/password';
import { MAX_PASSWORD_LENGTH } from './dto/create-user.dto';
import { User } from './user.entity';

export class FirstAdminError extends Error {}

export interface FirstAdminRequest {
  email: string;
  fullName: string;
  /** when absent a password is generated and returned (to be shown once) */
  password?: string;
}

export interface FirstAdminResult {
  id: string;
  email: string;
  generatedPassword?: string;
}

/**
 * Creates a platform admin outside any session (the `create-admin` command of a fresh
 * installation). Refuses an email already in use. The creation is audited (no actor: the system).
 */
export async function createFirstAdmin(door: ScopedData, request: FirstAdminRequest): Promise<FirstAdminResult> {
  const email = request.email.trim().toLowerCase();
  const fullName = request.fullName.trim();
  if (!isEmail(email)) throw new FirstAdminError(`"${request.email}" is not a valid email address`);
  if (fullName.length === 0 || fullName.length > 200) throw new FirstAdminError('the name must have 1 to 200 characters');
  if (request.password !== undefined && (request.password.length < MIN_PASSWORD_LENGTH || request.password.length > MAX_PASSWORD_LENGTH)) {
    throw new FirstAdminError(`the password must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`);
  }
  const generatedPassword = request.password === undefined ? generateTemporaryPassword() : undefined;
  const passwordHash = await hashPassword(request.password ?? generatedPassword!);
  const audit = new AuditService(door);
  const id = await door.transaction(async (tx) => {
    // ON CONFLICT DO NOTHING: a taken email (even by a concurrent run) inserts nothing and fails no query (failed queries are logged with their parameters).
    const result = await tx
      .unscoped('create-admin CLI: the first platform admin, created before anyone can sign in')
      .createQueryBuilder()
      .insert()
      .into(User)
      .values({ tenantId: null, email, fullName, role: 'admin', passwordHash })
      .orIgnore()
      .returning('id')
      .execute();
    const newId = (result.raw as { id: string }[])[0]?.id;
    if (!newId) throw new FirstAdminError(`a user with email ${email} already exists: nothing was created`);
    await audit.record(tx, null, {
      tenantId: null,
      entity: 'user',
      entityId: newId,
      action: 'create',
      after: { email, fullName, role: 'admin', source: 'create-admin', generatedPassword: generatedPassword !== undefined },
    });
    return newId;
  });
  return { id, email, generatedPassword };
}
