import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { useSetTwilioKey } from '../api/admin';
import type { TwilioSettings } from '../api/types';
import { sentence, useFieldErrors } from '../lib/fields';
import { blankToNull } from '../lib/format';
import { Dialog } from '../ui/Dialog';
import { ErrorBanner, FieldError } from '../ui/Feedback';
import { FormActions } from '../ui/FormActions';

interface SetTwilioKeyDialogProps {
  current: TwilioSettings;
  onClose: () => void;
  onSaved: () => void;
}

const FIELDS = {
  accountSid: 'Account SID',
  authToken: 'Auth Token',
  apiKeySid: 'API Key SID',
  apiKeySecret: 'API Key Secret',
} as const;
type Field = keyof typeof FIELDS;

/**
 * "Set Twilio API Key": the Account SID and Auth Token from the Twilio console, and optionally an
 * API key the REST calls use instead of the token. Secrets are write-only: the form never shows a
 * stored one, so the token is typed again each time the key is set.
 */
export function SetTwilioKeyDialog({ current, onClose, onSaved }: SetTwilioKeyDialogProps) {
  const save = useSetTwilioKey();
  const [form, setForm] = useState<Record<Field, string>>({
    accountSid: current.accountSid ?? '',
    authToken: '',
    apiKeySid: current.apiKeySid ?? '',
    apiKeySecret: '',
  });
  const fe = useFieldErrors();
  const baseId = useId();
  const idOf = (f: Field) => `${baseId}-${f}`;

  const update = (f: Field, value: string) => {
    setForm((cur) => ({ ...cur, [f]: value }));
    fe.clear(f);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing: Partial<Record<Field, string>> = {};
    if (!form.accountSid.trim()) missing.accountSid = 'Account SID is required.';
    if (!form.authToken.trim()) missing.authToken = 'Auth Token is required.';
    if (Object.keys(missing).length) {
      fe.setErrors(missing);
      document.getElementById(idOf(missing.accountSid ? 'accountSid' : 'authToken'))?.focus();
      return;
    }
    fe.setErrors({});
    save.mutate(
      {
        accountSid: form.accountSid.trim(),
        authToken: form.authToken.trim(),
        apiKeySid: blankToNull(form.apiKeySid),
        apiKeySecret: blankToNull(form.apiKeySecret),
      },
      { onSuccess: onSaved, onError: fe.fromError },
    );
  };

  const input = (f: Field, props: { type?: string; placeholder?: string; autoFocus?: boolean }) => {
    const message = sentence(FIELDS[f], fe.errors[f]);
    return (
      <>
        <label htmlFor={idOf(f)}>{FIELDS[f]}</label>
        <div>
          <input
            id={idOf(f)}
            value={form[f]}
            onChange={(e) => update(f, e.target.value)}
            spellCheck={false}
            autoComplete={props.type === 'password' ? 'new-password' : 'off'}
            aria-invalid={!!message || undefined}
            aria-describedby={message ? `${idOf(f)}-error` : undefined}
            {...props}
          />
          <FieldError id={`${idOf(f)}-error`} message={message} />
        </div>
      </>
    );
  };

  return (
    <Dialog title="Set Twilio API Key" onClose={onClose} className="dialog-wide">
      <form onSubmit={submit} noValidate className="form-grid">
        {save.isError && !fe.any && <ErrorBanner error={save.error} />}
        <p className="form-note">
          The Account SID and Auth Token are on the Twilio console&apos;s home page. The Auth Token is stored
          encrypted and never shown again.
        </p>
        {input('accountSid', { placeholder: 'AC…', autoFocus: true })}
        {input('authToken', {
          type: 'password',
          placeholder: current.authTokenSet ? 'Type it again to replace it' : '',
        })}
        <p className="form-note">
          Optional: an API key (Twilio console › API keys) for sending, so the Auth Token is used only to
          check Twilio&apos;s webhook signatures.
        </p>
        {input('apiKeySid', { placeholder: 'SK…' })}
        {input('apiKeySecret', { type: 'password' })}
        <FormActions submitLabel="Save" busyLabel="Saving…" busy={save.isPending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
