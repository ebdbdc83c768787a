/**
 * A coordinate as stored, in the locale's decimal separator: every digit the number has (the
 * shortest text that reads back as the same double), never rounded. The shared number formatter
 * keeps two decimals, which moved a point by up to ~500 m on the detail page.
 */
export function formatCoordinate(value: number, locale: string): string {
  const separator = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
  return String(value).replace('.', separator);
}
