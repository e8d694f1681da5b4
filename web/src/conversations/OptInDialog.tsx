import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { useCompany } from '../api/auth';
import { ApiError } from '../api/client';
import { useOptIn } from '../api/conversations';
import type { PhoneEndpoint } from '../api/types';
import { Dialog } from '../ui/Dialog';
import { ErrorBanner, FieldError } from '../ui/Feedback';
import { FormActions } from '../ui/FormActions';
import { phoneLabel } from './texting';

interface OptInDialogProps {
  conversationId: number;
  /** The numbers that have not opted in (E.164). */
  numbers: string[];
  phoneNumbers: readonly PhoneEndpoint[];
  onClose: () => void;
  /** Called with what to tell the user once the choice was recorded. */
  onDone: (note: string) => void;
}

type Method = 'verbal' | 'text';

/** "A, B and C". */
function listOf(words: string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * The opt-in pop-up, shown when a send answers OPT_IN_REQUIRED (the message is held meanwhile).
 * Verbal: the user reads the suggested script (editable) and confirms the customer agreed; the
 * number is opted in, the confirmation text goes out, then the held message. Text: the standard
 * opt-in request is texted, and the number opts in by replying START.
 */
export function OptInDialog({ conversationId, numbers, phoneNumbers, onClose, onDone }: OptInDialogProps) {
  const company = useCompany();
  const optIn = useOptIn(conversationId);
  const [method, setMethod] = useState<Method>('verbal');
  const [script, setScript] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const id = useId();
  const suggested = company.data?.verbalOptInScript ?? '';
  const agreement = script ?? suggested;
  const who = listOf(numbers.map((n) => phoneLabel(phoneNumbers, n)));
  const scriptError = missing
    ? 'Opt-In Agreement is required.'
    : optIn.error instanceof ApiError && optIn.error.fields.some((f) => f.field.endsWith('script'))
      ? 'Opt-In Agreement is required.'
      : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (method === 'verbal' && !agreement.trim()) {
      setMissing(true);
      return;
    }
    optIn.mutate(method === 'verbal' ? { method, script: agreement.trim() } : { method }, {
      onSuccess: () =>
        onDone(
          method === 'verbal'
            ? 'Opt-in recorded. The confirmation text and the held message are on their way.'
            : 'Opt-in request sent. The held message will be sent once they reply START.',
        ),
    });
  };

  return (
    <Dialog title="Opt-In Required" onClose={onClose} className="dialog-wide">
      <form onSubmit={submit} noValidate className="opt-in-form">
        {optIn.isError && !scriptError && <ErrorBanner error={optIn.error} />}
        <p className="opt-in-intro">
          Opt-in is required before texting <strong data-testid="opt-in-numbers">{who}</strong>. Your message
          is held and will be sent once {numbers.length === 1 ? 'the number opts' : 'the numbers opt'} in.
        </p>
        <fieldset className="opt-in-methods">
          <legend>Opt-in method</legend>
          <label className="opt-in-method">
            <input
              type="radio"
              name={`${id}-method`}
              value="verbal"
              checked={method === 'verbal'}
              onChange={() => setMethod('verbal')}
              aria-describedby={`${id}-verbal`}
            />
            <span className="opt-in-method-name">Verbal</span>
          </label>
          <span id={`${id}-verbal`} className="opt-in-method-note">
            Opt-in via verbal agreement
          </span>
          <label className="opt-in-method">
            <input
              type="radio"
              name={`${id}-method`}
              value="text"
              checked={method === 'text'}
              onChange={() => setMethod('text')}
              aria-describedby={`${id}-text`}
            />
            <span className="opt-in-method-name">Text</span>
          </label>
          <span id={`${id}-text`} className="opt-in-method-note">
            Opt-in via SMS message
          </span>
        </fieldset>
        {method === 'verbal' ? (
          <div className="opt-in-agreement">
            <label htmlFor={`${id}-script`}>Opt-In Agreement</label>
            <textarea
              id={`${id}-script`}
              rows={6}
              value={agreement}
              onChange={(e) => {
                setScript(e.target.value);
                setMissing(false);
              }}
              aria-invalid={!!scriptError || undefined}
              aria-describedby={`${id}-script-hint`}
            />
            <FieldError id={`${id}-script-error`} message={scriptError} />
            <div id={`${id}-script-hint`} className="field-hint">
              Read this to the customer. Confirm only once they have agreed: the agreement, who obtained it
              and when are kept in the number&apos;s consent history.
            </div>
          </div>
        ) : (
          <p className="muted">
            The standard opt-in request is texted to {who}. It asks them to reply START (in any case) to
            receive messages.
          </p>
        )}
        <FormActions
          submitLabel={method === 'verbal' ? 'Opt-In and Send Confirmation' : 'Send Opt-In Request'}
          busy={optIn.isPending}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
