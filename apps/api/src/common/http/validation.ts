import { type ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldErrorCode } from '@trama/contracts';
import { getMetadataStorage } from 'class-validator';
import { AppError, FieldProblem } from '../errors/app-error';
import { NOT_NULL } from './fields';

/**
 * class-validator's constraint names (and ours, `registerDecorator({ name })`) → the closed list of
 * field codes the web has texts for. A constraint not listed here is `INVALID` (a generic text):
 * add it when a new validator is written.
 */
const FIELD_CODES: Record<string, FieldErrorCode> = {
  [NOT_NULL]: 'REQUIRED',
  isDefined: 'REQUIRED',
  isNotEmpty: 'REQUIRED',
  arrayNotEmpty: 'REQUIRED',
  arrayMinSize: 'REQUIRED',
  whitelistValidation: 'UNKNOWN_FIELD',
  isString: 'WRONG_TYPE',
  isInt: 'WRONG_TYPE',
  isNumber: 'WRONG_TYPE',
  isBoolean: 'WRONG_TYPE',
  isArray: 'WRONG_TYPE',
  isObject: 'WRONG_TYPE',
  nestedValidation: 'WRONG_TYPE',
  maxLength: 'TOO_LONG',
  minLength: 'TOO_SHORT',
  isLength: 'INVALID_FORMAT',
  arrayMaxSize: 'TOO_MANY',
  min: 'OUT_OF_RANGE',
  max: 'OUT_OF_RANGE',
  isIn: 'NOT_ALLOWED',
  isEnum: 'NOT_ALLOWED',
  matches: 'INVALID_FORMAT',
  isEmail: 'INVALID_FORMAT',
  isUuid: 'INVALID_FORMAT',
  isTaxCode: 'INVALID_FORMAT',
  bbox: 'INVALID_FORMAT',
  isDateOnly: 'INVALID_DATE',
  arrayUnique: 'DUPLICATE',
  notBefore: 'DATE_ORDER',
  isPeriodEnd: 'DATE_ORDER',
  onlyWith: 'NOT_APPLICABLE',
  groupsWithinTotal: 'GROUPS_EXCEED_TOTAL',
};

export function fieldErrorCode(constraint: string): FieldErrorCode {
  return FIELD_CODES[constraint] ?? 'INVALID';
}

/** The numbers a field's texts name, read from its validators' declarations (`@MaxLength(200)` → `{ max: 200 }`). */
function limitsOf(error: ValidationError, constraints: string[]): Record<string, number> | undefined {
  const target = error.target?.constructor;
  if (!target) return undefined;
  const params: Record<string, number> = {};
  for (const meta of getMetadataStorage().getTargetValidationMetadatas(target, '', true, false)) {
    if (meta.propertyName !== error.property || !meta.name || !constraints.includes(meta.name)) continue;
    const limit: unknown = meta.constraints?.[0];
    if (typeof limit !== 'number') continue;
    if (['maxLength', 'arrayMaxSize', 'max'].includes(meta.name)) params.max = limit;
    if (['minLength', 'arrayMinSize', 'min'].includes(meta.name)) params.min = limit;
  }
  return Object.keys(params).length > 0 ? params : undefined;
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    // a null where a value is required: "must not be null" says it all (not also "must be a string")
    const constraints = error.constraints?.[NOT_NULL] ? [NOT_NULL] : Object.keys(error.constraints ?? {});
    const messages = constraints.map((name) => error.constraints![name]);
    const params = limitsOf(error, constraints);
    const own: FieldProblem[] =
      messages.length > 0 ? [{ field, messages, codes: constraints.map(fieldErrorCode), ...(params ? { params } : {}) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function failure(details: FieldProblem[]): AppError {
  const message = details.map((d) => d.messages.join('; ')).join('; ');
  return new AppError('VALIDATION_FAILED', 400, message || 'The request is not valid', details);
}

/**
 * Keys that class-transformer drops without a word (prototype-pollution guard), so that the
 * whitelist never sees them: refused here like any other unknown field.
 */
const DROPPED_KEYS = ['__proto__', 'constructor'];

function droppedKeys(value: unknown, parent: string, out: FieldProblem[]): FieldProblem[] {
  if (value === null || typeof value !== 'object' || out.length >= 20) return out;
  for (const key of Object.keys(value)) {
    const field = parent ? `${parent}.${key}` : key;
    if (DROPPED_KEYS.includes(key)) out.push({ field, messages: [`property ${field} should not exist`], codes: ['UNKNOWN_FIELD'] });
    // depth is bounded by the body parser (MAX_JSON_DEPTH)
    droppedKeys((value as Record<string, unknown>)[key], field, out);
  }
  return out;
}

class TramaValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const problems = droppedKeys(value, '', []);
      if (problems.length > 0) throw failure(problems);
    }
    return super.transform(value, metadata);
  }
}

/** whitelist + forbidNonWhitelisted + transform; problems are reported per field, with a message naming them. */
export function createValidationPipe(): ValidationPipe {
  return new TramaValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    // Nest leaves the target out of each error unless told: limitsOf() reads the DTO class from it
    // (our factory never sends the target or the value back).
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => failure(flatten(errors)),
  });
}
