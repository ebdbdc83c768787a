import { Injectable } from '@nestjs/common';
import type { Predicate, ScopedSource } from '../../common/access/scope-rules';
import { CollaborationSuggestion } from './collaboration.entity';

/**
 * Who sees which suggestions (docs/collaborations.md, "Access"); the door binds the tenant first:
 * - coordinators (and admins): every suggestion of the tenant;
 * - innovators: the suggestions involving an organization of a municipality assigned to them;
 * - municipality users: those involving an organization of their municipality or social area (read only).
 * A suggestion belongs to both organizations' municipalities: visible when either is in the territory.
 */
const territoryOf =
  (rule: 'visible' | 'assigned'): Predicate =>
  (c, s) =>
    c.or(c.territory(s, { municipality: `${s}.municipality_a`, rule }), c.territory(s, { municipality: `${s}.municipality_b`, rule }));

const readableSuggestions: Predicate = (c, s) => territoryOf(c.scope.role === 'innovator' ? 'assigned' : 'visible')(c, s);

/** Deciding (accept, dismiss): innovators in their assigned municipalities, coordinators in the tenant; municipality users never. */
const decidableSuggestions: Predicate = (c, s) => (c.scope.role === 'municipality' ? c.never : territoryOf('assigned')(c, s));

@Injectable()
export class CollaborationsPolicy {
  readonly readable: ScopedSource<CollaborationSuggestion> = { target: CollaborationSuggestion, rule: readableSuggestions };
  readonly decidable: ScopedSource<CollaborationSuggestion> = { target: CollaborationSuggestion, rule: decidableSuggestions };
  /** The open suggestions of the last recompute (migration 1764870000000), read by the same rule on their own municipality columns. */
  readonly open: ScopedSource = { target: 'collaboration_open_suggestions', rule: readableSuggestions };
}
