import { Foundation1764000000000 } from './1764000000000-foundation';

/** Every migration, in order. The API is bundled-free but explicit lists keep the CLI and the app identical. */
export const MIGRATIONS = [Foundation1764000000000];
