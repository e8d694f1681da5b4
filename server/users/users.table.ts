import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type Role = 'admin' | 'user';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  name: string;
  email: string | null;
  role: Role;
  password_hash: string;
  active: number;
  created_at: string;
  updated_at: string;
}
export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
