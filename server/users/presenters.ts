import { z } from 'zod';
import type { Actor } from '../context.js';
import type { UserRow } from './users.table.js';

export const userOut = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role: z.enum(['admin', 'user']),
  active: z.boolean(),
});
export type UserOut = z.infer<typeof userOut>;

/** A user as the API shows it: never the password hash. */
export function presentUser(u: UserRow): UserOut {
  return { id: u.id, username: u.username, name: u.name, email: u.email, role: u.role, active: u.active === 1 };
}

export const actorOut = z.object({ id: z.number(), username: z.string(), name: z.string(), role: z.enum(['admin', 'user']) });
export const presentActor = (a: Actor) => ({ id: a.id, username: a.username, name: a.name, role: a.role });
