import { z } from 'zod';
import type { Actor } from '../context.js';
import type { UserGroupRow } from './user-groups.table.js';
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

/** What the user list (and the tag picker) shows of each user. */
export const userSummaryOut = userOut.omit({ email: true });
export type UserSummaryOut = z.infer<typeof userSummaryOut>;

export function presentUserSummary(u: Pick<UserRow, 'id' | 'username' | 'name' | 'role' | 'active'>): UserSummaryOut {
  return { id: u.id, username: u.username, name: u.name, role: u.role, active: u.active === 1 };
}

export const actorOut = z.object({ id: z.number(), username: z.string(), name: z.string(), role: z.enum(['admin', 'user']) });
export const presentActor = (a: Actor) => ({ id: a.id, username: a.username, name: a.name, role: a.role });

export const userGroupSummaryOut = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  memberCount: z.number(),
});
export type UserGroupSummaryOut = z.infer<typeof userGroupSummaryOut>;

export const groupMemberOut = z.object({ id: z.number(), name: z.string(), username: z.string() });

export const userGroupOut = userGroupSummaryOut.extend({
  createdAt: z.string(),
  members: z.array(groupMemberOut),
});
export type UserGroupOut = z.infer<typeof userGroupOut>;

export function presentUserGroupSummary(g: UserGroupRow, memberCount: number): UserGroupSummaryOut {
  return { id: g.id, name: g.name, description: g.description, memberCount };
}

export function presentUserGroup(g: UserGroupRow, members: Pick<UserRow, 'id' | 'name' | 'username'>[]): UserGroupOut {
  return {
    ...presentUserGroupSummary(g, members.length),
    createdAt: g.created_at,
    members: members.map((m) => ({ id: m.id, name: m.name, username: m.username })),
  };
}
