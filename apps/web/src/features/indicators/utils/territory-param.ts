import { formatTerritoryParam, parseTerritoryParam } from '@trama/contracts';
import type { SessionUser } from '../../../lib/api/types';

export { formatTerritoryParam, parseTerritoryParam };

/** A territory of the indicators (the contracts' parsed `tenant` | `socialArea:<code>` | `municipality:<istat>`). */
export type IndicatorTerritory = NonNullable<ReturnType<typeof parseTerritoryParam>>;

/** A municipality user's own territory (they see nothing else), or null for the roles that see the whole tenant. */
export function ownTerritory(user: Pick<SessionUser, 'role' | 'territory'>): IndicatorTerritory | null {
  if (user.role !== 'municipality' || !user.territory) return null;
  return user.territory.kind === 'municipality'
    ? { kind: 'municipality', istatCode: user.territory.code }
    : { kind: 'social_area', code: user.territory.code };
}

/** The territory a page opens on: the address's, else the user's own, else the whole metropolitan city. */
export function initialTerritory(param: string | null, user: Pick<SessionUser, 'role' | 'territory'>): string {
  const own = ownTerritory(user);
  const parsed = param ? parseTerritoryParam(param) : null;
  if (parsed) return formatTerritoryParam(parsed);
  return own ? formatTerritoryParam(own) : 'tenant';
}

/** The ISTAT code when the territory is one municipality. */
export function municipalityOf(territory: string): string | null {
  const ref = parseTerritoryParam(territory);
  return ref?.kind === 'municipality' ? ref.istatCode : null;
}
