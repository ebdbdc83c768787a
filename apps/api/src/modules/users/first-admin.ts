import { MIN_PASSWORD_LENGTH } from '@trama/contracts';
import { isEmail } from 'class-validator';
import { type DataSource, QueryFailedError } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
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
export async function createFirstAdmin(dataSource: DataSource, request: FirstAdminRequest): Promise<FirstAdminResult> {
  const email = request.email.trim().toLowerCase();
  const fullName = request.fullName.trim();
  if (!isEmail(email)) throw new FirstAdminError(`"${request.email}" is not a valid email address`);
  if (fullName.length === 0 || fullName.length > 200) throw new FirstAdminError('the name must have 1 to 200 characters');
  if (request.password !== undefined && (request.password.length < MIN_PASSWORD_LENGTH || request.password.length > MAX_PASSWORD_LENGTH)) {
    throw new FirstAdminError(`the password must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`);
  }
  const generatedPassword = request.password === undefined ? generateTemporaryPassword() : undefined;
  const passwordHash = await hashPassword(request.password ?? generatedPassword!);
  const audit = new AuditService();
  const taken = () => new FirstAdminError(`a user with email ${email} already exists: nothing was created`);
  const id = await dataSource
    .transaction(async (manager) => {
      if (await manager.createQueryBuilder(User, 'u').where('u.email = :email', { email }).getExists()) throw taken();
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(User)
        .values({ tenantId: null, email, fullName, role: 'admin', passwordHash })
        .returning('id')
        .execute();
      const newId = (result.raw as { id: string }[])[0].id;
      await audit.record(manager, null, {
        tenantId: null,
        entity: 'user',
        entityId: newId,
        action: 'create',
        after: { email, fullName, role: 'admin', source: 'create-admin', generatedPassword: generatedPassword !== undefined },
      });
      return newId;
    })
    .catch((error: unknown) => {
      // A concurrent run that inserted the same email first: the unique index decides.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') throw taken();
      throw error;
    });
  return { id, email, generatedPassword };
}
