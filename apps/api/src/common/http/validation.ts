import { type ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, FieldProblem } from '../errors/app-error';
import { NOT_NULL } from './fields';

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    // a null where a value is required: "must not be null" says it all (not also "must be a string")
    const messages = error.constraints?.[NOT_NULL] ? [error.constraints[NOT_NULL]] : Object.values(error.constraints ?? {});
    const own: FieldProblem[] = messages.length > 0 ? [{ field, messages }] : [];
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
    if (DROPPED_KEYS.includes(key)) out.push({ field, messages: [`property ${field} should not exist`] });
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
    exceptionFactory: (errors) => failure(flatten(errors)),
  });
}
