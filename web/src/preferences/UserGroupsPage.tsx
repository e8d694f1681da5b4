import { useState } from 'react';
import { useUserGroups } from '../api/admin';
import { useTitle } from '../lib/hooks';
import { ErrorBanner, Loading } from '../ui/Feedback';
import { GroupDialog } from './GroupDialog';

/** User Groups: who sees the conversations a group is tagged in. */
export function UserGroupsPage() {
  useTitle('User Groups');
  const groups = useUserGroups();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const items = groups.data?.items ?? [];
  return (
    <>
      <div className="page-head">
        <h1>User Groups</h1>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          New User Group
        </button>
      </div>
      <ErrorBanner error={groups.error} />
      {groups.isPending ? (
        <Loading />
      ) : (
        <table className="grid list-grid">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Description</th>
              <th scope="col" className="num">
                Members
              </th>
              <th scope="col" className="col-actions">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((g) => (
              <tr key={g.id}>
                <td>{g.name}</td>
                <td>{g.description}</td>
                <td className="num">{g.memberCount}</td>
                <td className="col-actions">
                  <button
                    type="button"
                    className="small"
                    aria-label={`Edit ${g.name}`}
                    onClick={() => setEditing(g.id)}
                  >
                    Edit
                  </button>
                </td>
              </tr>
            ))}
            {items.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  No user groups yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      {editing !== null && (
        <GroupDialog id={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
