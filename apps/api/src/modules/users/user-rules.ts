import type { Role } from '@trama/contracts';
import { type AppError, CommonErrors, type FieldProblem } from '../../common/errors/app-error';

/** The role-dependent fields of a user, as they would be after a create or an update. */
export interface RoleFields {
  hiredOn?: string | null;
  contractEnd?: string | null;
  municipalities?: readonly string[];
  territory?: unknown;
}

/** Which roles an actor may create and manage: admins any; coordinators every role of their tenant but admin. */
export function canManageRole(actorRole: Role, targetRole: Role): boolean {
  if (actorRole === 'admin') return true;
  if (actorRole === 'coordinator') return targetRole !== 'admin';
  return false;
}

export { canResetPassword } from '@trama/contracts';

/**
 * Fields that only some roles carry: employment dates and assigned municipalities belong to
 * innovators, a territory to municipality users (and is required for them).
 * `given` holds the fields the client sent (undefined = not sent).
 */
export function roleFieldProblems(role: Role, given: RoleFields, options: { territoryRequired: boolean }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const present = (v: unknown) => v !== undefined && v !== null;
  if (role !== 'innovator') {
    if (present(given.hiredOn))
      problems.push({ field: 'hiredOn', messages: ['hiredOn applies to innovators only'], codes: ['NOT_APPLICABLE'] });
    if (present(given.contractEnd))
      problems.push({ field: 'contractEnd', messages: ['contractEnd applies to innovators only'], codes: ['NOT_APPLICABLE'] });
    if (given.municipalities !== undefined && given.municipalities.length > 0) {
      problems.push({ field: 'municipalities', messages: ['municipalities are assigned to innovators only'], codes: ['NOT_APPLICABLE'] });
    }
  }
  if (role === 'municipality') {
    if (options.territoryRequired && !present(given.territory)) {
      problems.push({
        field: 'territory',
        messages: ['territory is required for a municipality user (a municipality or a social area)'],
        codes: ['REQUIRED'],
      });
    }
  } else if (present(given.territory)) {
    problems.push({ field: 'territory', messages: ['territory applies to municipality users only'], codes: ['NOT_APPLICABLE'] });
  }
  return problems;
}

/** contractEnd cannot precede hiredOn (dates as YYYY-MM-DD, so string order is date order). */
export function employmentDateProblems(hiredOn: string | null, contractEnd: string | null): FieldProblem[] {
  if (hiredOn && contractEnd && contractEnd < hiredOn) {
    return [
      { field: 'contractEnd', messages: [`contractEnd (${contractEnd}) must not be before hiredOn (${hiredOn})`], codes: ['DATE_ORDER'] },
    ];
  }
  return [];
}

/** The requested codes that the lookup did not find, in request order. */
export function missingCodes(requested: readonly string[], found: Iterable<string>): string[] {
  const known = new Set(found);
  return requested.filter((code) => !known.has(code));
}

/** VALIDATION_FAILED naming every field (the same shape as the validation pipe's errors). */
export function validationError(problems: FieldProblem[]): AppError {
  const message = problems.map((p) => `${p.field}: ${p.messages.join('; ')}`).join('; ');
  return CommonErrors.VALIDATION_FAILED(message, problems);
}

/** VALIDATION_FAILED for one field. */
export function fieldError(field: string, message: string): AppError {
  return validationError([{ field, messages: [message] }]);
}

/** Throws VALIDATION_FAILED naming every field when there is any problem. */
export function throwIfProblems(problems: FieldProblem[]): void {
  if (problems.length > 0) throw validationError(problems);
}
