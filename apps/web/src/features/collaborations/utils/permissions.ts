import type { Role } from '@trama/contracts';

/**
 * What the interface offers to each role (the server decides on every request): everyone but the
 * platform admin reads the suggestions and the network; innovators, who log activities, accept;
 * innovators and coordinators dismiss; coordinators tune the weights.
 */
export const COLLABORATION_READER_ROLES: readonly Role[] = ['coordinator', 'innovator', 'municipality'];
export const COLLABORATION_WEIGHTS_ROLES: readonly Role[] = ['coordinator'];

export const canAcceptSuggestions = (role: Role): boolean => role === 'innovator';
export const canDismissSuggestions = (role: Role): boolean => role === 'innovator' || role === 'coordinator';
export const canEditWeights = (role: Role): boolean => COLLABORATION_WEIGHTS_ROLES.includes(role);
