import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useCreatePartyFromContact } from '../api/contacts';
import type { ContactCard, PartyKind } from '../api/types';
import { blankToNull } from '../lib/format';
import { ErrorBanner, StatusNote } from '../ui/Feedback';
import { AddToExistingDialog } from './AddToExistingDialog';

const WORDS: Record<PartyKind, string> = { customer: 'Customer', vendor: 'Vendor' };

/**
 * The card's "Customer" and "Vendor" buttons. Each opens its options: "Add to Existing" (put the
 * number in an existing record's Contact Methods) and "Add Customer" / "Add Vendor" (create one
 * with the number, and open it).
 */
export function PartyOptions({
  card,
  form,
  onNavigate,
}: {
  card: ContactCard;
  /** The card's Name and Company Name as currently typed: a new record is named after them. */
  form: { name: string; companyName: string };
  /** Called before opening another window (the card closes). */
  onNavigate: () => void;
}) {
  const [open, setOpen] = useState<PartyKind | null>(null);
  const [adding, setAdding] = useState<PartyKind | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const create = useCreatePartyFromContact(card.phoneNumber);
  const navigate = useNavigate();

  const createParty = (kind: PartyKind) => {
    create.mutate(
      {
        kind,
        ...(form.name.trim() ? { name: form.name.trim() } : {}),
        companyName: blankToNull(form.companyName),
        type: 'Cell Phone',
        description: null,
      },
      {
        onSuccess: (r) => {
          onNavigate();
          navigate(`/${r.kind}s/${r.id}`);
        },
      },
    );
  };

  return (
    <section className="card-section" aria-labelledby="card-parties-title">
      <div className="card-section-head">
        <h3 id="card-parties-title">Customer or Vendor</h3>
        <StatusNote text={note} />
      </div>
      <ErrorBanner error={create.error} />
      <div className="card-party-buttons">
        {(['customer', 'vendor'] as const).map((kind) => (
          <div key={kind} className="card-party-group">
            <button
              type="button"
              aria-expanded={open === kind}
              aria-controls={`card-options-${kind}`}
              onClick={() => setOpen((o) => (o === kind ? null : kind))}
            >
              {WORDS[kind]}
              <span aria-hidden="true"> ▾</span>
            </button>
            {open === kind && (
              <div
                className="card-party-options"
                id={`card-options-${kind}`}
                role="group"
                aria-label={`${WORDS[kind]} options`}
              >
                <button type="button" className="small" onClick={() => setAdding(kind)}>
                  Add to Existing
                </button>
                <button
                  type="button"
                  className="small"
                  onClick={() => createParty(kind)}
                  disabled={create.isPending}
                >
                  {create.isPending && create.variables?.kind === kind ? 'Creating…' : `Add ${WORDS[kind]}`}
                </button>
              </div>
            )}
          </div>
        ))}
      </div>
      {adding && (
        <AddToExistingDialog
          kind={adding}
          card={card}
          onClose={() => setAdding(null)}
          onAdded={(name) => {
            setAdding(null);
            setOpen(null);
            setNote(`Added to ${name}'s Contact Methods.`);
          }}
        />
      )}
    </section>
  );
}
