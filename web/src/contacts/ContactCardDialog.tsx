import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTimeZone } from '../api/auth';
import { consentCsvUrl, useContactCard, useSaveContactCard } from '../api/contacts';
import type { ContactCard, ContactCardDetails } from '../api/types';
import { consentEventLabel, consentMethodLabel } from '../conversations/texting';
import { sentence, useFieldErrors } from '../lib/fields';
import { blankToNull, fullTime, longTime } from '../lib/format';
import { Dialog } from '../ui/Dialog';
import { ErrorBanner, FieldError, Loading, StatusNote } from '../ui/Feedback';
import { PartyOptions } from './PartyOptions';

/** The customer whose details window opened the card ("Use Contact Name" copies these). */
export interface CustomerName {
  name: string;
  companyName: string | null;
}

interface ContactCardDialogProps {
  number: string;
  customer?: CustomerName;
  onClose: () => void;
}

interface CardForm {
  name: string;
  companyName: string;
  label: string;
  notes: string;
  textingDisabled: boolean;
}

const formOf = (c: ContactCard): CardForm => ({
  name: c.name ?? '',
  companyName: c.companyName ?? '',
  label: c.label ?? '',
  notes: c.notes ?? '',
  textingDisabled: c.textingDisabled,
});

function ConsentHistory({ card }: { card: ContactCardDetails }) {
  const timeZone = useTimeZone();
  return (
    <section className="card-section" aria-labelledby="card-history-title">
      <div className="card-section-head">
        <h3 id="card-history-title">Consent history</h3>
        <a href={consentCsvUrl(card.phoneNumber)} download>
          Export consent history (CSV)
        </a>
      </div>
      {card.history.length === 0 ? (
        <p className="muted">No consent changes recorded.</p>
      ) : (
        <ol className="consent-history" aria-label="Consent history">
          {[...card.history].reverse().map((h) => (
            <li key={h.id} data-testid="consent-entry">
              <span className="consent-history-event">{consentEventLabel(h.event)}</span>
              <span className="muted">
                {' '}
                · {consentMethodLabel(h.method)}
                {h.user ? ` · ${h.user.name}` : ''} ·{' '}
                <time dateTime={h.createdAt} title={fullTime(h.createdAt, timeZone)}>
                  {longTime(h.createdAt, timeZone)}
                </time>
              </span>
              {h.text && <div className="consent-history-text">{h.text}</div>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function ContactCardBody({
  card,
  customer,
  onClose,
}: {
  card: ContactCardDetails;
  customer?: CustomerName;
  onClose: () => void;
}) {
  const save = useSaveContactCard(card.phoneNumber);
  const [form, setForm] = useState<CardForm>(() => formOf(card));
  const [note, setNote] = useState<string | null>(null);
  const fe = useFieldErrors();
  const id = useId();
  const ids = {
    name: `${id}-name`,
    company: `${id}-company`,
    label: `${id}-label`,
    notes: `${id}-notes`,
    disabled: `${id}-disabled`,
  };

  const update = (patch: Partial<CardForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    fe.clear(...Object.keys(patch));
    setNote(null);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        name: blankToNull(form.name),
        companyName: blankToNull(form.companyName),
        label: blankToNull(form.label),
        notes: blankToNull(form.notes),
        textingDisabled: form.textingDisabled,
      },
      {
        onSuccess: (saved) => {
          setForm(formOf(saved));
          setNote('Saved.');
        },
        onError: fe.fromError,
      },
    );
  };

  const text = (key: 'name' | 'companyName' | 'label', label: string, htmlId: string, hint?: string) => {
    const message = sentence(label, fe.errors[key]);
    return (
      <>
        <label htmlFor={htmlId}>{label}</label>
        <div>
          <input
            id={htmlId}
            value={form[key]}
            maxLength={key === 'label' ? 100 : 200}
            onChange={(e) => update({ [key]: e.target.value })}
            aria-invalid={!!message || undefined}
            aria-describedby={hint ? `${htmlId}-hint` : undefined}
          />
          <FieldError id={`${htmlId}-error`} message={message} />
          {hint && (
            <div id={`${htmlId}-hint`} className="field-hint">
              {hint}
            </div>
          )}
        </div>
      </>
    );
  };

  const state = card.consent.state;
  return (
    <div className="contact-card">
      <div className="card-summary">
        <span className="card-number" data-testid="contact-card-number">
          {card.formatted}
        </span>
        <span className="card-consent-caption" id={`${id}-consent`}>
          Opt-in status
        </span>
        <span
          className={`consent-pill consent-${state.replace('_', '-')}`}
          data-testid="consent-status"
          aria-describedby={`${id}-consent`}
        >
          {card.consent.label}
        </span>
        {card.textingDisabled && <span className="consent-pill texting-disabled">Texting disabled</span>}
      </div>
      {card.links.length > 0 && (
        <ul className="card-links" aria-label="Linked records">
          {card.links.map((l) => (
            <li key={`${l.kind}:${l.id}:${l.via}`}>
              <span className={`chip-kind chip-kind-${l.kind}`}>
                {l.kind === 'customer' ? 'Customer' : 'Vendor'}
              </span>{' '}
              <Link to={`/${l.kind}s/${l.id}`} onClick={onClose}>
                {l.name}
              </Link>{' '}
              <span className="muted">({l.via})</span>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate className="form-grid">
        {save.isError && !fe.any && <ErrorBanner error={save.error} />}
        {text('name', 'Name', ids.name)}
        {text('companyName', 'Company Name', ids.company)}
        {text('label', 'Label', ids.label, 'Shown wherever the number appears in conversations.')}
        <label htmlFor={ids.notes}>Notes</label>
        <div>
          <textarea
            id={ids.notes}
            rows={3}
            maxLength={2000}
            value={form.notes}
            onChange={(e) => update({ notes: e.target.value })}
          />
          <FieldError id={`${ids.notes}-error`} message={sentence('Notes', fe.errors.notes)} />
        </div>
        <span className="form-label" aria-hidden="true" />
        <div>
          <label className="checkbox">
            <input
              id={ids.disabled}
              type="checkbox"
              checked={form.textingDisabled}
              onChange={(e) => update({ textingDisabled: e.target.checked })}
              aria-describedby={`${ids.disabled}-hint`}
            />
            Disable Texting This Number
          </label>
          <div id={`${ids.disabled}-hint`} className="field-hint">
            Blocks every text to this number (for a landline, or a number that is not the preferred one).
            Unlike an unsubscribe, staff can turn it back on.
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save'}
          </button>
          {customer && (
            <button
              type="button"
              onClick={() => update({ name: customer.name, companyName: customer.companyName ?? '' })}
            >
              Use Contact Name
            </button>
          )}
          <button type="button" onClick={onClose}>
            Close
          </button>
          <StatusNote text={note} />
        </div>
      </form>
      <PartyOptions
        card={card}
        form={{ name: form.name, companyName: form.companyName }}
        onNavigate={onClose}
      />
      <ConsentHistory card={card} />
    </div>
  );
}

/**
 * The Contact Card window: everything stored about one external phone number (the number is the
 * card's identity, so every entry point opens the same card). Name, Company Name, Label, Notes,
 * Disable Texting This Number; the opt-in status and its history; adding the number to a
 * customer or vendor.
 */
export function ContactCardDialog({ number, customer, onClose }: ContactCardDialogProps) {
  const card = useContactCard(number);
  return (
    <Dialog title="Contact Card" onClose={onClose} className="dialog-wide">
      {card.isPending ? (
        <Loading />
      ) : card.isError ? (
        <>
          <ErrorBanner error={card.error} />
          <div className="form-actions">
            <button type="button" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      ) : (
        <ContactCardBody key={card.data.phoneNumber} card={card.data} customer={customer} onClose={onClose} />
      )}
    </Dialog>
  );
}
