import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isValidTaxCode, normalizeTaxCode } from '../tax-code';

/** Normalises a tax code (spaces, case, IT prefix); null and other types pass through. */
export const NormalizeTaxCode = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeTaxCode(value) || null : value));

/** A codice fiscale of 11 digits or 16 characters whose check character is right. */
export function IsTaxCode(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isTaxCode',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `${String(propertyName)} must be a valid codice fiscale (11 digits, or 16 characters for a person) or partita IVA`,
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidTaxCode(value) },
    });
}
