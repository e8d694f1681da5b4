import type { FormEvent } from 'react';
import { useState } from 'react';
import { useSaveUserGroup, useUserGroup, useUsers } from '../api/admin';
import type { UserGroupDetails } from '../api/types';
import { sentence, useFieldErrors } from '../lib/fields';
import { blankToNull } from '../lib/format';
import { Dialog } from '../ui/Dialog';
import { ErrorBanner, FieldError, Loading } from '../ui/Feedback';
import { FormActions } from '../ui/FormActions';

function GroupForm({ group, onClose }: { group: UserGroupDetails | null; onClose: () => void }) {
  const users = useUsers('', true, 200);
  const save = useSaveUserGroup(group?.id ?? null);
  const [name, setName] = useState(group?.name ?? '');
  const [description, setDescription] = useState(group?.description ?? '');
  const [members, setMembers] = useState<Set<number>>(() => new Set(group?.members.map((m) => m.id) ?? []));
  const [filter, setFilter] = useState('');
  const fe = useFieldErrors();
  const errors = fe.errors;
  const nameMessage = sentence('Name', errors.name);

  const toggle = (id: number, on: boolean) =>
    setMembers((cur) => {
      const next = new Set(cur);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      fe.setErrors({ name: 'Name is required.' });
      return;
    }
    fe.setErrors({});
    save.mutate(
      { name: name.trim(), description: blankToNull(description), memberIds: [...members] },
      { onSuccess: onClose, onError: fe.fromError },
    );
  };

  const lf = filter.trim().toLowerCase();
  const all = (users.data?.items ?? []).filter(
    (u) =>
      (u.active || members.has(u.id)) &&
      (!lf || u.name.toLowerCase().includes(lf) || u.username.toLowerCase().includes(lf)),
  );

  return (
    <form onSubmit={submit} noValidate className="form-grid">
      {save.isError && !fe.any && <ErrorBanner error={save.error} />}
      <label htmlFor="group-name">Name</label>
      <div>
        <input
          id="group-name"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            fe.clear('name');
          }}
          aria-invalid={!!nameMessage || undefined}
          autoFocus
        />
        <FieldError id="group-name-error" message={nameMessage} />
      </div>
      <label htmlFor="group-description">Description</label>
      <div>
        <input id="group-description" value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <span className="form-label">Members</span>
      <fieldset className="member-picker">
        <legend className="sr-only">Members</legend>
        <label htmlFor="group-member-filter" className="sr-only">
          Filter users
        </label>
        <input
          id="group-member-filter"
          type="search"
          placeholder={`Filter users (${members.size} selected)`}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <div className="member-list">
          {users.isPending && <Loading />}
          {all.map((u) => (
            <label key={u.id} className="checkbox">
              <input
                type="checkbox"
                checked={members.has(u.id)}
                onChange={(e) => toggle(u.id, e.target.checked)}
              />
              {u.name} <span className="muted">({u.username})</span>
            </label>
          ))}
        </div>
        <FieldError id="group-members-error" message={sentence('Members', errors.memberIds)} />
      </fieldset>
      <FormActions submitLabel="Save" busyLabel="Saving…" busy={save.isPending} onCancel={onClose} />
    </form>
  );
}

/** Creates a user group (id null) or edits one and its members. */
export function GroupDialog({ id, onClose }: { id: number | null; onClose: () => void }) {
  const group = useUserGroup(id);
  return (
    <Dialog
      title={id === null ? 'New User Group' : `Edit User Group${group.data ? ` — ${group.data.name}` : ''}`}
      onClose={onClose}
      className="dialog-wide"
    >
      {id === null ? (
        <GroupForm group={null} onClose={onClose} />
      ) : group.isPending ? (
        <Loading />
      ) : group.isError ? (
        <ErrorBanner error={group.error} />
      ) : (
        <GroupForm group={group.data} onClose={onClose} />
      )}
    </Dialog>
  );
}
