import type { FormEvent } from 'react';
import { useState } from 'react';
import { useSaveUser, useUser } from '../api/admin';
import type { Role, User, UserInput } from '../api/types';
import { sentence, useFieldErrors } from '../lib/fields';
import type { FieldErrors } from '../lib/fields';
import { blankToNull } from '../lib/format';
import { Dialog } from '../ui/Dialog';
import { ErrorBanner, FieldError, Loading } from '../ui/Feedback';
import { FormActions } from '../ui/FormActions';

function UserForm({ user, onClose }: { user: User | null; onClose: () => void }) {
  const save = useSaveUser(user?.id ?? null);
  const [form, setForm] = useState({
    name: user?.name ?? '',
    username: user?.username ?? '',
    email: user?.email ?? '',
    role: (user?.role ?? 'user') as Role,
    active: user?.active ?? true,
    password: '',
  });
  const fe = useFieldErrors();
  const errors = fe.errors;
  const update = (patch: Partial<typeof form>) => {
    setForm((f) => ({ ...f, ...patch }));
    fe.clear(...Object.keys(patch));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    if (!form.name.trim()) found.name = 'Name is required.';
    if (!form.username.trim()) found.username = 'Username is required.';
    if (!user && !form.password) found.password = 'Password is required for a new user.';
    fe.setErrors(found);
    if (Object.keys(found).length) return;
    const input: UserInput = {
      name: form.name.trim(),
      username: form.username.trim(),
      email: blankToNull(form.email),
      role: form.role,
      active: form.active,
      ...(form.password ? { password: form.password } : {}),
    };
    save.mutate(input, { onSuccess: onClose, onError: fe.fromError });
  };

  const field = (key: 'name' | 'username' | 'email' | 'password', label: string, type = 'text') => (
    <>
      <label htmlFor={`user-${key}`}>{label}</label>
      <div>
        <input
          id={`user-${key}`}
          type={type}
          value={form[key]}
          autoComplete={key === 'password' ? 'new-password' : 'off'}
          onChange={(e) => update({ [key]: e.target.value })}
          aria-invalid={!!errors[key] || undefined}
          aria-describedby={errors[key] ? `user-${key}-error` : undefined}
        />
        <FieldError id={`user-${key}-error`} message={sentence(label, errors[key])} />
      </div>
    </>
  );

  return (
    <form onSubmit={submit} noValidate className="form-grid">
      {save.isError && !fe.any && <ErrorBanner error={save.error} />}
      {field('name', 'Name')}
      {field('username', 'Username')}
      {field('email', 'Email', 'email')}
      <label htmlFor="user-role">Role</label>
      <div>
        <select id="user-role" value={form.role} onChange={(e) => update({ role: e.target.value as Role })}>
          <option value="user">User</option>
          <option value="admin">Administrator</option>
        </select>
      </div>
      {field('password', user ? 'New password' : 'Password', 'password')}
      <span className="form-label" />
      <label className="checkbox">
        <input type="checkbox" checked={form.active} onChange={(e) => update({ active: e.target.checked })} />
        Active
      </label>
      <FormActions submitLabel="Save" busyLabel="Saving…" busy={save.isPending} onCancel={onClose} />
    </form>
  );
}

/** Creates a user (id null) or edits one; the password is required only for a new user. */
export function UserDialog({ id, onClose }: { id: number | null; onClose: () => void }) {
  const user = useUser(id);
  return (
    <Dialog
      title={id === null ? 'New User' : `Edit User${user.data ? ` — ${user.data.name}` : ''}`}
      onClose={onClose}
    >
      {id === null ? (
        <UserForm user={null} onClose={onClose} />
      ) : user.isPending ? (
        <Loading />
      ) : user.isError ? (
        <ErrorBanner error={user.error} />
      ) : (
        <UserForm user={user.data} onClose={onClose} />
      )}
    </Dialog>
  );
}
