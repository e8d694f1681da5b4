import type { Generated, Insertable, Selectable } from 'kysely';

export interface UserGroupsTable {
  id: Generated<number>;
  name: string;
  description: string | null;
  created_at: string;
}
export interface UserGroupMembersTable {
  group_id: number;
  user_id: number;
}
export type UserGroupRow = Selectable<UserGroupsTable>;
export type NewUserGroupRow = Insertable<UserGroupsTable>;
