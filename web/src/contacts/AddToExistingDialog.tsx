import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { useAddToExisting } from '../api/contacts';
import { usePartyList } from '../api/parties';
import type { ContactCard, PartyKind, PartySummary } from '../api/types';
import { blankToNull } from '../lib/format';
import { useDebounced } from '../lib/hooks';
import { Dialog } from '../ui/Dialog';
import { ErrorBanner, FieldError } from '../ui/Feedback';
import { FormActions } from '../ui/FormActions';

const WORDS: Record<PartyKind, { one: string; many: string }> = {
  customer: { one: 'Customer', many: 'customers' },
  vendor: { one: 'Vendor', many: 'vendors' },
};

interface AddToExistingDialogProps {
  kind: PartyKind;
  card: ContactCard;
  onClose: () => void;
  /** Called with the name of the record the number was added to. */
  onAdded: (name: string) => void;
}

/**
 * "Add to Existing": choose the customer or vendor, and what its new Contact Methods row says
 * (type Phone or Cell Phone, a description).
 */
export function AddToExistingDialog({ kind, card, onClose, onAdded }: AddToExistingDialogProps) {
  const words = WORDS[kind];
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 200);
  const list = usePartyList(kind, query, 0, 8);
  const [picked, setPicked] = useState<PartySummary | null>(null);
  const [type, setType] = useState<'Phone' | 'Cell Phone'>('Cell Phone');
  const [description, setDescription] = useState('');
  const [missing, setMissing] = useState(false);
  const add = useAddToExisting(card.phoneNumber);
  const id = useId();
  const items = list.data?.items ?? [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!picked) {
      setMissing(true);
      return;
    }
    add.mutate(
      { kind, partyId: picked.id, type, description: blankToNull(description) },
      { onSuccess: () => onAdded(picked.name) },
    );
  };

  return (
    <Dialog title={`Add to Existing ${words.one}`} onClose={onClose}>
      <form onSubmit={submit} noValidate className="form-grid">
        <ErrorBanner error={add.error} />
        <div className="form-note">
          Adds {card.formatted} to the Contact Methods of the {words.one.toLowerCase()} you choose.
        </div>
        <label htmlFor={`${id}-search`}>Search {words.many}</label>
        <div>
          <input
            id={`${id}-search`}
            type="search"
            autoFocus
            autoComplete="off"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <div
            className="pick-list"
            role="radiogroup"
            aria-label={words.one}
            aria-describedby={`${id}-missing`}
          >
            {items.map((p) => (
              <label key={p.id} className={`pick-item${picked?.id === p.id ? ' checked' : ''}`}>
                <input
                  type="radio"
                  name={`${id}-party`}
                  checked={picked?.id === p.id}
                  onChange={() => {
                    setPicked(p);
                    setMissing(false);
                  }}
                />
                <span>
                  {p.name}
                  {p.companyName && <span className="muted"> — {p.companyName}</span>}
                </span>
              </label>
            ))}
            {items.length === 0 && (
              <div className="muted">{list.isFetching ? 'Searching…' : `No ${words.many} found.`}</div>
            )}
          </div>
          <FieldError
            id={`${id}-missing`}
            message={missing ? `Choose a ${words.one.toLowerCase()}.` : undefined}
          />
        </div>
        <label htmlFor={`${id}-type`}>Type</label>
        <div>
          <select
            id={`${id}-type`}
            value={type}
            onChange={(e) => setType(e.target.value as 'Phone' | 'Cell Phone')}
          >
            <option>Cell Phone</option>
            <option>Phone</option>
          </select>
        </div>
        <label htmlFor={`${id}-description`}>Description</label>
        <div>
          <input
            id={`${id}-description`}
            value={description}
            maxLength={200}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <FormActions submitLabel="Add" busyLabel="Adding…" busy={add.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
