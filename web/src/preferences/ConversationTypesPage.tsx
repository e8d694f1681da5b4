import type { FormEvent } from 'react';
import { useState } from 'react';
import { useConversationTypes, useSaveConversationType } from '../api/admin';
import { errorMessage } from '../api/client';
import type { ConversationType } from '../api/types';
import { useTitle } from '../lib/hooks';
import { ErrorBanner, Loading } from '../ui/Feedback';

interface RowProps {
  t: ConversationType;
  index: number;
  count: number;
  onMove: (index: number, by: -1 | 1) => void;
  busy: boolean;
}

function TypeRow({ t, index, count, onMove, busy }: RowProps) {
  const save = useSaveConversationType();
  const [name, setName] = useState(t.name);
  const changed = name.trim() !== t.name && name.trim() !== '';
  const rename = (e: FormEvent) => {
    e.preventDefault();
    if (changed) save.mutate({ id: t.id, name: name.trim(), active: t.active, position: t.position });
  };
  return (
    <tr className={t.active ? undefined : 'inactive'} data-testid="conversation-type-row">
      <td>
        <form onSubmit={rename} className="inline-form">
          <input aria-label={`Name of ${t.name}`} value={name} onChange={(e) => setName(e.target.value)} />
          <button
            type="submit"
            className="small"
            disabled={!changed || save.isPending}
            aria-label={`Rename ${t.name}`}
          >
            Rename
          </button>
        </form>
        {save.isError && <div className="field-error">{errorMessage(save.error)}</div>}
      </td>
      <td>{t.active ? 'Active' : 'Inactive'}</td>
      <td className="col-actions nowrap">
        <button
          type="button"
          className="small"
          disabled={busy || index === 0}
          aria-label={`Move ${t.name} up`}
          onClick={() => onMove(index, -1)}
        >
          ↑ Up
        </button>{' '}
        <button
          type="button"
          className="small"
          disabled={busy || index === count - 1}
          aria-label={`Move ${t.name} down`}
          onClick={() => onMove(index, 1)}
        >
          ↓ Down
        </button>{' '}
        <button
          type="button"
          className="small"
          aria-label={`${t.active ? 'Deactivate' : 'Activate'} ${t.name}`}
          disabled={save.isPending}
          onClick={() => save.mutate({ id: t.id, name: t.name, active: !t.active, position: t.position })}
        >
          {t.active ? 'Deactivate' : 'Activate'}
        </button>
      </td>
    </tr>
  );
}

/** Conversation Types: add, rename, deactivate and put in order. */
export function ConversationTypesPage() {
  useTitle('Conversation Types');
  const types = useConversationTypes(true);
  const save = useSaveConversationType();
  const [newName, setNewName] = useState('');
  const [moving, setMoving] = useState(false);
  const [moveError, setMoveError] = useState<unknown>(null);
  const items = types.data ?? [];

  const add = (e: FormEvent) => {
    e.preventDefault();
    const name = newName.trim();
    if (!name) return;
    const position = items.length ? Math.max(...items.map((t) => t.position)) + 1 : 0;
    save.mutate({ id: null, name, active: true, position }, { onSuccess: () => setNewName('') });
  };

  /** Renumbers the whole list in its new order, so positions stay distinct whatever they were. */
  const move = async (index: number, by: -1 | 1) => {
    const order = [...items];
    const [moved] = order.splice(index, 1);
    order.splice(index + by, 0, moved!);
    setMoving(true);
    setMoveError(null);
    try {
      for (const [position, t] of order.entries()) {
        if (t.position !== position)
          await save.mutateAsync({ id: t.id, name: t.name, active: t.active, position });
      }
    } catch (err) {
      setMoveError(err);
    } finally {
      setMoving(false);
    }
  };

  return (
    <>
      <div className="page-head">
        <h1>Conversation Types</h1>
      </div>
      <form className="toolbar" onSubmit={add}>
        <label htmlFor="new-type-name">New type</label>
        <input
          id="new-type-name"
          value={newName}
          onChange={(e) => setNewName(e.target.value)}
          placeholder="e.g. Order Question"
        />
        <button type="submit" className="primary" disabled={!newName.trim() || save.isPending}>
          Add Type
        </button>
      </form>
      <ErrorBanner error={types.error ?? moveError ?? (save.isError && !moving ? save.error : null)} />
      {types.isPending ? (
        <Loading />
      ) : (
        <table className="grid list-grid">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col" className="col-actions">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((t, i) => (
              <TypeRow
                key={`${t.id}:${t.name}`}
                t={t}
                index={i}
                count={items.length}
                onMove={(a, b) => void move(a, b)}
                busy={moving}
              />
            ))}
            {items.length === 0 && (
              <tr>
                <td colSpan={3} className="muted">
                  No conversation types yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </>
  );
}
