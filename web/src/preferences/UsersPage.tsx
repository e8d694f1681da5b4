import { useId, useState } from 'react';
import { useSetUserActive, useUsers } from '../api/admin';
import { errorMessage } from '../api/client';
import type { User } from '../api/types';
import { useDebounced, useTitle } from '../lib/hooks';
import { ErrorBanner, Loading } from '../ui/Feedback';
import { UserDialog } from './UserDialog';

function ActiveToggle({ user }: { user: User }) {
  const save = useSetUserActive();
  return (
    <>
      <button
        type="button"
        className="small"
        aria-label={`${user.active ? 'Deactivate' : 'Activate'} ${user.name}`}
        disabled={save.isPending}
        onClick={() => save.mutate({ id: user.id, active: !user.active })}
      >
        {user.active ? 'Deactivate' : 'Activate'}
      </button>
      {save.isError && <span className="field-error">{errorMessage(save.error)}</span>}
    </>
  );
}

/** Users: list, create, edit, deactivate. */
export function UsersPage() {
  useTitle('Users');
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 250);
  const users = useUsers(query, true, 200);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const searchId = useId();
  const items = users.data?.items ?? [];

  return (
    <>
      <div className="page-head">
        <h1>Users</h1>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          New User
        </button>
      </div>
      <div className="toolbar">
        <label htmlFor={searchId}>Search users</label>
        <input id={searchId} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <ErrorBanner error={users.error} />
      {users.isPending ? (
        <Loading />
      ) : (
        <table className="grid list-grid">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Username</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col" className="col-actions">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((u) => (
              <tr key={u.id} className={u.active ? undefined : 'inactive'}>
                <td>{u.name}</td>
                <td>{u.username}</td>
                <td>{u.role === 'admin' ? 'Administrator' : 'User'}</td>
                <td>{u.active ? 'Active' : 'Inactive'}</td>
                <td className="col-actions nowrap">
                  <button
                    type="button"
                    className="small"
                    aria-label={`Edit ${u.name}`}
                    onClick={() => setEditing(u)}
                  >
                    Edit
                  </button>{' '}
                  <ActiveToggle user={u} />
                </td>
              </tr>
            ))}
            {items.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  No users found.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      {users.data?.hasMore && <p className="muted">Showing the first 200 users; search to find others.</p>}
      {editing && <UserDialog id={editing === 'new' ? null : editing.id} onClose={() => setEditing(null)} />}
    </>
  );
}
