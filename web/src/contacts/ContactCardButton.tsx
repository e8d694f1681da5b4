import { useState } from 'react';
import { useContactCard } from '../api/contacts';
import type { ConsentState } from '../api/types';
import { ContactCardDialog } from './ContactCardDialog';
import type { CustomerName } from './ContactCardDialog';

interface ContactCardButtonProps {
  /** The phone number: E.164 when known, else as typed (the card accepts any spelling). */
  number: string;
  /** How the number is shown (its display label or formatted number); else the card's label. */
  label?: string;
  /** The number's consent when the caller knows it; otherwise the card is fetched for it. */
  consent?: ConsentState;
  textingDisabled?: boolean;
  /** Show the label beside the icon (the header's list, above inbound messages). */
  showLabel?: boolean;
  /** Opened from Customer Details: the card offers "Use Contact Name" with these. */
  customer?: CustomerName;
  className?: string;
}

const isE164 = (n: string) => /^\+\d{6,15}$/.test(n);

/**
 * The contact card button: opens the one Contact Card of a number, wherever the number shows.
 * It turns green (class `opted-in`) once the number has opted in to texts.
 */
export function ContactCardButton({
  number,
  label,
  consent,
  textingDisabled,
  showLabel = false,
  customer,
  className,
}: ContactCardButtonProps) {
  const [open, setOpen] = useState(false);
  // Only a stored number is worth asking about; a value being typed has no card yet.
  const card = useContactCard(consent === undefined && isE164(number) ? number : null);
  const state: ConsentState = consent ?? card.data?.consent.state ?? 'none';
  const disabled = textingDisabled ?? card.data?.textingDisabled ?? false;
  const shown = label ?? card.data?.displayLabel ?? number;
  const classes = ['contact-card-button', `consent-${state.replace('_', '-')}`];
  if (state === 'opted_in') classes.push('opted-in');
  if (disabled) classes.push('texting-disabled');
  if (showLabel) classes.push('with-label');
  if (className) classes.push(className);
  const status = disabled ? 'texting disabled' : (STATUS_WORDS[state] ?? '');

  return (
    <>
      <button
        type="button"
        className={classes.join(' ')}
        data-testid="contact-card-button"
        data-consent={state}
        data-phone={isE164(number) ? number : undefined}
        aria-label={`Contact card for ${shown}`}
        title={`Contact card for ${shown}${status ? ` (${status})` : ''}`}
        onClick={() => setOpen(true)}
      >
        <span className="contact-card-icon" aria-hidden="true">
          ☎
        </span>
        {showLabel && <span className="contact-card-label">{shown}</span>}
      </button>
      {open && <ContactCardDialog number={number} customer={customer} onClose={() => setOpen(false)} />}
    </>
  );
}

const STATUS_WORDS: Partial<Record<ConsentState, string>> = {
  opted_in: 'opted in',
  pending: 'opt-in requested',
  opted_out: 'unsubscribed',
};
