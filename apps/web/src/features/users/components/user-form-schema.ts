import { MIN_PASSWORD_LENGTH, ROLES, type Role } from '@trama/contracts';
import type { CreateUserRequest, UpdateUserRequest, UserDto } from '../api/types';
import { z } from 'zod';

/** Field messages are catalogue keys; the form translates them. */
const required = { error: 'validation.required' } as const;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const optionalDate = z.string().refine((v) => v === '' || isoDate.test(v), { error: 'validation.date' });

export const TERRITORY_KINDS = ['municipality', 'social_area'] as const;

function checkRoleFields(
  values: { role?: Role; hiredOn: string; contractEnd: string; territory: { kind: string; code: string } },
  ctx: z.RefinementCtx,
): void {
  if (values.role === 'innovator' && values.hiredOn && values.contractEnd && values.contractEnd < values.hiredOn) {
    ctx.addIssue({ code: 'custom', path: ['contractEnd'], message: 'validation.contractBeforeHire' });
  }
  if (values.role === 'municipality' && !values.territory.code) {
    ctx.addIssue({ code: 'custom', path: ['territory', 'code'], message: 'validation.required' });
  }
}

export const createUserSchema = z
  .object({
    email: z.email({ error: (issue) => (issue.input === '' ? 'validation.required' : 'validation.email') }),
    fullName: z.string().trim().min(1, required).max(200, { error: 'validation.tooLong' }),
    role: z.enum(ROLES, { error: 'validation.required' }),
    tenant: z.string().trim(),
    password: z.string().refine((v) => v === '' || v.length >= MIN_PASSWORD_LENGTH, { error: 'validation.passwordTooShort' }),
    hiredOn: optionalDate,
    contractEnd: optionalDate,
    municipalities: z.array(z.string()),
    territory: z.object({ kind: z.enum(TERRITORY_KINDS), code: z.string() }),
  })
  .superRefine(checkRoleFields);

export type CreateUserValues = z.input<typeof createUserSchema>;

export const CREATE_USER_FIELDS = [
  'email',
  'fullName',
  'role',
  'tenant',
  'password',
  'hiredOn',
  'contractEnd',
  'municipalities',
  'territory.kind',
  'territory.code',
] as const satisfies readonly (keyof CreateUserValues | 'territory.kind' | 'territory.code')[];

export const emptyCreateUser: CreateUserValues = {
  email: '',
  fullName: '',
  role: 'innovator',
  tenant: '',
  password: '',
  hiredOn: '',
  contractEnd: '',
  municipalities: [],
  territory: { kind: 'municipality', code: '' },
};

/** Only the fields that belong to the chosen role are sent (the API rejects the others). */
export function toCreateUserRequest(values: CreateUserValues, options: { isAdmin: boolean }): CreateUserRequest {
  const request: CreateUserRequest = { email: values.email.trim(), fullName: values.fullName.trim(), role: values.role };
  if (options.isAdmin && values.tenant.trim()) request.tenant = values.tenant.trim();
  if (values.password) request.password = values.password;
  if (values.role === 'innovator') {
    request.hiredOn = values.hiredOn || null;
    request.contractEnd = values.contractEnd || null;
    request.municipalities = [...values.municipalities];
  }
  if (values.role === 'municipality') request.territory = { kind: values.territory.kind, code: values.territory.code };
  return request;
}

export const editUserSchema = z
  .object({
    role: z.enum(ROLES),
    fullName: z.string().trim().min(1, required).max(200, { error: 'validation.tooLong' }),
    hiredOn: optionalDate,
    contractEnd: optionalDate,
    territory: z.object({ kind: z.enum(TERRITORY_KINDS), code: z.string() }),
  })
  .superRefine(checkRoleFields);

export type EditUserValues = z.input<typeof editUserSchema>;

export function editValuesOf(user: UserDto): EditUserValues {
  return {
    role: user.role,
    fullName: user.fullName,
    hiredOn: user.hiredOn?.slice(0, 10) ?? '',
    contractEnd: user.contractEnd?.slice(0, 10) ?? '',
    territory: { kind: user.territory?.kind ?? 'municipality', code: user.territory?.code ?? '' },
  };
}

export function toUpdateUserRequest(values: EditUserValues, version: number): UpdateUserRequest {
  const request: UpdateUserRequest = { version, fullName: values.fullName.trim() };
  if (values.role === 'innovator') {
    request.hiredOn = values.hiredOn || null;
    request.contractEnd = values.contractEnd || null;
  }
  if (values.role === 'municipality') request.territory = { kind: values.territory.kind, code: values.territory.code };
  return request;
}
