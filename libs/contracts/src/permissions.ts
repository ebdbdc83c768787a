import type { Role } from './vocabularies';

/**
 * Who may reset whose password (and so see the temporary password it makes): an admin anyone but
 * themselves; a coordinator only innovators and municipality users (another coordinator's or an
 * admin's password only an admin resets). Nobody resets their own: they change it, knowing the
 * current one. The API enforces it; the web app hides what it would refuse.
 */
export function canResetPassword(actor: { id: string; role: Role }, target: { id: string; role: Role }): boolean {
  if (actor.id === target.id) return false;
  if (actor.role === 'admin') return true;
  if (actor.role === 'coordinator') return target.role === 'innovator' || target.role === 'municipality';
  return false;
}
