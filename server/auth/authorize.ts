import type { Actor } from '../context.js';
import { AppError } from '../errors.js';

/** Admin-only actions: commands call this, so the rule holds whatever route or job calls them. */
export function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an administrator can do that.');
}
