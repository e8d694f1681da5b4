import { z } from 'zod';
import { optionalText, pageQuery, requiredText } from '../http/schemas.js';

/** Usernames are stored lower-cased; sign-in lower-cases what is typed, so case never matters. */
const username = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'is required')
  .max(100)
  .regex(/^[a-z0-9][a-z0-9._@-]*$/, 'may contain only letters, digits and . _ @ -');

const email = optionalText(200).refine((v) => v === null || /^[^\s@]+@[^\s@]+$/.test(v), 'must be an email address');

const password = z.string().min(8, 'must be at least 8 characters').max(1000);

const userFields = {
  name: requiredText(200),
  username,
  email,
  role: z.enum(['admin', 'user']).default('user'),
  active: z.boolean().default(true),
};

export const userCreateIn = z.object({ ...userFields, password });
export type UserCreateInput = z.output<typeof userCreateIn>;

/** Replaces a user's details; the password changes only when one is given. */
export const userUpdateIn = z.object({ ...userFields, password: password.optional() });
export type UserUpdateInput = z.output<typeof userUpdateIn>;

export const userListQuery = pageQuery.extend({
  /** Only active (true) or only deactivated (false) users; both when absent. */
  active: z.stringbool().optional(),
});
export type UserListInput = z.output<typeof userListQuery>;

export const userGroupIn = z.object({
  name: requiredText(100),
  description: optionalText(500),
  /** The complete membership: users not listed are removed from the group. */
  memberIds: z.array(z.number().int().positive()).max(1000).default([]),
});
export type UserGroupInput = z.output<typeof userGroupIn>;

export const userGroupListQuery = z.object({ q: z.string().max(200).optional() });
