import type { FormEvent } from 'react';
import { useState } from 'react';
import {
  useConversationTypes,
  usePreferences,
  useUserGroups,
  useSavePreferences,
  useSetTwilioSender,
  useTestTwilio,
  useTwilioSettings,
} from '../api/admin';
import type { Preferences, TwilioSettings } from '../api/types';
import type { FieldErrors } from '../lib/fields';
import { fieldErrorsOf, sentence, useFieldErrors } from '../lib/fields';
import { blankToNull } from '../lib/format';
import { useTitle } from '../lib/hooks';
import { ErrorBanner, FieldError, Loading, StatusNote } from '../ui/Feedback';
import { CopyField } from './CopyField';
import { SetTwilioKeyDialog } from './SetTwilioKeyDialog';

const LABELS = {
  messagingServiceSid: 'Twilio Messaging Service SID',
  fromNumber: 'From number',
  publicBaseUrl: 'Conversation Attachment URL',
  mmsSizeLimitKb: 'MMS size limit (KB)',
  defaultRegion: 'Default region',
  privacyPolicyUrl: 'Privacy Policy',
  termsUrl: 'Terms & Conditions',
  optInRequestText: 'Opt-in request text',
  optInConfirmationText: 'Opt-in confirmation text',
  helpReplyText: 'HELP reply text',
  verbalOptInScript: 'Verbal opt-in script',
  orphanUserGroupId: 'Orphan Conversation User Group',
  orphanConversationTypeId: 'Orphan Conversation Type',
} as const;

export const ORPHAN_SETTINGS_MISSING =
  'Orphan conversation settings are missing: texts from unknown numbers are shown to administrators until both are set.';
type Field = keyof typeof LABELS;

/** The Company Preferences this page edits (the sender is the Twilio settings' own resource). */
const PREF_FIELDS = [
  'publicBaseUrl',
  'mmsSizeLimitKb',
  'defaultRegion',
  'privacyPolicyUrl',
  'termsUrl',
  'optInRequestText',
  'optInConfirmationText',
  'helpReplyText',
  'verbalOptInScript',
  'orphanUserGroupId',
  'orphanConversationTypeId',
] as const satisfies readonly Field[];

const ID_FIELDS = new Set<Field>(['orphanUserGroupId', 'orphanConversationTypeId']);
const NUMBER_FIELDS = new Set<Field>(['mmsSizeLimitKb']);

/** What the preferences hold for a field as the form shows it. */
function prefValue(p: Preferences, f: (typeof PREF_FIELDS)[number]): string {
  if (f === 'defaultRegion') return p.defaultRegion ?? 'US';
  const v = p[f];
  return v === null || v === undefined ? '' : String(v);
}

/** A field as the API takes it: region upper-cased, URLs blank → null, texts trimmed. */
function prefInput(form: Record<Field, string>, f: (typeof PREF_FIELDS)[number]): string | number | null {
  if (ID_FIELDS.has(f)) return form[f] ? Number(form[f]) : null;
  if (NUMBER_FIELDS.has(f)) return form[f].trim() === '' ? null : Number(form[f]);
  if (f === 'defaultRegion') return form.defaultRegion.trim().toUpperCase();
  if (f === 'publicBaseUrl' || f === 'privacyPolicyUrl' || f === 'termsUrl') return blankToNull(form[f]);
  return form[f].trim();
}

/** "United States" for "US", when the browser knows the region. */
function regionName(code: string): string | null {
  if (!/^[A-Za-z]{2}$/.test(code)) return null;
  try {
    const name = new Intl.DisplayNames(undefined, { type: 'region' }).of(code.toUpperCase());
    return name && name !== code.toUpperCase() ? name : null;
  } catch {
    return null;
  }
}

/** Twilio cannot call a server on this machine or a private network. */
function isPrivateUrl(url: string | null): boolean {
  if (!url) return false;
  try {
    const host = new URL(url).hostname;
    return (
      /^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|\[::1\]|0\.0\.0\.0)/.test(host) ||
      host.endsWith('.local')
    );
  } catch {
    return false;
  }
}

function formFrom(t: TwilioSettings, p: Preferences): Record<Field, string> {
  return {
    messagingServiceSid: t.messagingServiceSid ?? '',
    fromNumber: t.fromNumber ?? '',
    ...(Object.fromEntries(PREF_FIELDS.map((f) => [f, prefValue(p, f)])) as Record<
      (typeof PREF_FIELDS)[number],
      string
    >),
  };
}

function TestConnection() {
  const test = useTestTwilio();
  const result = test.data;
  return (
    <div className="inline-form">
      <button type="button" onClick={() => test.mutate()} disabled={test.isPending}>
        {test.isPending ? 'Testing…' : 'Test connection'}
      </button>
      <span
        role="status"
        aria-live="polite"
        className={`test-result${result ? (result.ok ? ' test-ok' : ' test-failed') : ''}`}
      >
        {test.isError ? (
          <span className="test-failed">{test.error.message}</span>
        ) : result ? (
          result.message
        ) : null}
      </span>
    </div>
  );
}

function KeyStatus({ t }: { t: TwilioSettings }) {
  return (
    <ul className="key-status" aria-label="Twilio API key">
      <li>Account SID: {t.accountSid ? <span className="mono">{t.accountSid}</span> : 'not set'}</li>
      <li>Auth Token: {t.authTokenSet ? 'set' : 'not set'}</li>
      {t.apiKeySid && (
        <li>
          API Key SID: <span className="mono">{t.apiKeySid}</span>
        </li>
      )}
    </ul>
  );
}

function ConversationsForm({ twilio: t, prefs: p }: { twilio: TwilioSettings; prefs: Preferences }) {
  const groupsQuery = useUserGroups();
  const typesQuery = useConversationTypes(true);
  const groups = groupsQuery.data?.items ?? [];
  const types = (typesQuery.data ?? []).map((ct) => ({
    id: ct.id,
    name: ct.active ? ct.name : `${ct.name} (inactive)`,
  }));
  const saveSender = useSetTwilioSender();
  const savePrefs = useSavePreferences();
  const [form, setForm] = useState(() => formFrom(t, p));
  const [settingKey, setSettingKey] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const fe = useFieldErrors();

  const update = (f: Field, value: string) => {
    setForm((cur) => ({ ...cur, [f]: value }));
    fe.clear(f);
    setNote(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = formFrom(t, p);
    const senderChanged =
      form.messagingServiceSid.trim() !== saved.messagingServiceSid ||
      form.fromNumber.trim() !== saved.fromNumber;
    const changedPrefs = PREF_FIELDS.filter((f) => String(prefInput(form, f) ?? '') !== saved[f]);
    const prefsChanged = changedPrefs.length > 0;
    fe.setErrors({});
    setFailure(null);
    setNote(null);
    if (!senderChanged && !prefsChanged) {
      setNote('Nothing to save.');
      return;
    }
    setSaving(true);
    // The sender and the general preferences are separate resources; save both, report both.
    const [sender, general] = await Promise.allSettled([
      senderChanged
        ? saveSender.mutateAsync({
            messagingServiceSid: blankToNull(form.messagingServiceSid),
            fromNumber: blankToNull(form.fromNumber),
          })
        : Promise.resolve(t),
      prefsChanged
        ? savePrefs.mutateAsync(
            Object.fromEntries(changedPrefs.map((f) => [f, prefInput(form, f)])) as Partial<Preferences>,
          )
        : Promise.resolve(p),
    ]);
    setSaving(false);
    const errors: FieldErrors = {};
    let other: unknown = null;
    for (const r of [sender, general]) {
      if (r.status === 'fulfilled') continue;
      const fields = fieldErrorsOf(r.reason);
      if (Object.keys(fields).length) Object.assign(errors, fields);
      else other ??= r.reason;
    }
    // Show what the server stored (numbers in E.164, the URL without a trailing slash).
    setForm((cur) => ({
      ...cur,
      ...(sender.status === 'fulfilled'
        ? {
            messagingServiceSid: sender.value.messagingServiceSid ?? '',
            fromNumber: sender.value.fromNumber ?? '',
          }
        : {}),
      ...(general.status === 'fulfilled'
        ? Object.fromEntries(PREF_FIELDS.map((f) => [f, prefValue(general.value, f)]))
        : {}),
    }));
    fe.setErrors(errors);
    setFailure(other);
    if (!other && Object.keys(errors).length === 0) setNote('Saved.');
  };

  const field = (
    f: Field,
    props: { placeholder?: string; type?: string; maxLength?: number } = {},
    hint?: string,
    multiline = false,
  ) => {
    const message = sentence(LABELS[f], fe.errors[f]);
    const id = `twilio-${f}`;
    const describedBy = [message ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
    return (
      <>
        <label htmlFor={id}>{LABELS[f]}</label>
        <div>
          {multiline ? (
            <textarea
              id={id}
              rows={4}
              value={form[f]}
              onChange={(e) => update(f, e.target.value)}
              aria-invalid={!!message || undefined}
              aria-describedby={describedBy || undefined}
              maxLength={props.maxLength}
            />
          ) : (
            <input
              id={id}
              value={form[f]}
              onChange={(e) => update(f, e.target.value)}
              spellCheck={false}
              aria-invalid={!!message || undefined}
              aria-describedby={describedBy || undefined}
              {...props}
            />
          )}
          <FieldError id={`${id}-error`} message={message} />
          {hint && (
            <div id={`${id}-hint`} className="field-hint">
              {hint}
            </div>
          )}
        </div>
      </>
    );
  };

  const select = (
    f: 'orphanUserGroupId' | 'orphanConversationTypeId',
    options: { id: number; name: string }[],
    hint: string,
  ) => {
    const message = sentence(LABELS[f], fe.errors[f]);
    const id = `twilio-${f}`;
    return (
      <>
        <label htmlFor={id}>{LABELS[f]}</label>
        <div>
          <select
            id={id}
            value={form[f]}
            onChange={(e) => update(f, e.target.value)}
            aria-invalid={!!message || undefined}
            aria-describedby={[message ? `${id}-error` : '', `${id}-hint`].filter(Boolean).join(' ')}
          >
            <option value="">(not set)</option>
            {options.map((o) => (
              <option key={o.id} value={String(o.id)}>
                {o.name}
              </option>
            ))}
            {form[f] && !options.some((o) => String(o.id) === form[f]) && (
              <option value={form[f]}>#{form[f]}</option>
            )}
          </select>
          <FieldError id={`${id}-error`} message={message} />
          <div id={`${id}-hint`} className="field-hint">
            {hint}
          </div>
        </div>
      </>
    );
  };
  const orphanMissing = p.orphanUserGroupId == null || p.orphanConversationTypeId == null;

  const region = regionName(form.defaultRegion);
  const unreachable = !t.usingEmulator && isPrivateUrl(t.publicBaseUrl);

  return (
    <>
      <form onSubmit={(e) => void submit(e)} noValidate className="details-form">
        <div className="toolbar">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
          <StatusNote text={note} />
        </div>
        <ErrorBanner error={failure} />
        {t.usingEmulator ? (
          <div className="banner banner-info" role="note">
            Texting uses the built-in Twilio emulator until a Twilio API key is set. Play the customers&apos;
            phones on the{' '}
            <a href="/simulator" target="_blank" rel="noopener">
              Phone Simulator
              <span className="sr-only"> (opens in a new tab)</span>
            </a>
            .
          </div>
        ) : (
          !t.configured && (
            <div className="banner banner-warn" role="note">
              Texting is off: set the Twilio API key and a Messaging Service SID or From number.
            </div>
          )
        )}

        <section className="panel" aria-labelledby="twilio-integration">
          <h2 id="twilio-integration">Twilio Integration</h2>
          <p className="muted panel-intro">
            To set up the external messaging integration with Twilio, contact Paragon Support. Texts are sent
            from the Messaging Service when one is set, otherwise from the From number.
          </p>
          <div className="form-grid">
            <span className="form-label">Twilio API Key</span>
            <div className="key-row">
              <KeyStatus t={t} />
              <button type="button" onClick={() => setSettingKey(true)}>
                Set Twilio API Key
              </button>
            </div>
            {field('messagingServiceSid', { placeholder: 'MG…' })}
            {field('fromNumber', { type: 'tel', placeholder: '+12015550100', maxLength: 20 })}
            <span className="form-label">Connection</span>
            <TestConnection />
          </div>
        </section>

        <section className="panel" aria-labelledby="twilio-links">
          <h2 id="twilio-links">Attachments and Phone Numbers</h2>
          <div className="form-grid">
            {field(
              'publicBaseUrl',
              { type: 'url', placeholder: t.publicBaseUrl ?? 'https://switchboard.example.com' },
              'The public base URL at which Twilio reaches this server: it is used for the webhooks below, ' +
                'for delivery status callbacks, and for the download links of attachments that are not ' +
                'pictures (MMS is too small for them). Leave it blank to use the address the server runs at' +
                (t.publicBaseUrl ? ` (${t.publicBaseUrl}).` : '.'),
            )}
            {field(
              'mmsSizeLimitKb',
              { type: 'number', placeholder: '5120' },
              'Pictures larger than this are re-encoded and made smaller until they fit before they are texted ' +
                '(the original is kept here). 5,120 KB (5 MB) is the most Twilio accepts; a picture that cannot ' +
                'be made to fit is sent as a download link.',
            )}
            {field(
              'defaultRegion',
              { maxLength: 2, placeholder: 'US' },
              `The country of phone numbers typed without a country code${region ? `: ${region}` : ''}.`,
            )}
          </div>
          {t.usingEmulator && p.publicBaseUrl && (
            <div className="banner banner-warn" role="note">
              The built-in emulator also sends incoming texts and delivery reports to {p.publicBaseUrl}. If
              that address does not reach this server, texts stay queued and replies never arrive: leave the
              Conversation Attachment URL blank while using the emulator.
            </div>
          )}
        </section>

        <section className="panel" aria-labelledby="opt-in-settings">
          <h2 id="opt-in-settings">Opt-In and Opt-Out</h2>
          <p className="muted panel-intro">
            People opting in to texts can read the legal documentation of what they agree to at these links.
            The texts below are sent (or read out) by the opt-in process; in them{' '}
            <span className="mono">{'{company}'}</span>, <span className="mono">{'{companyPhone}'}</span>,{' '}
            <span className="mono">{'{privacyPolicyUrl}'}</span> and{' '}
            <span className="mono">{'{termsUrl}'}</span> are replaced with the Company Name, the Company Phone
            and the two links. A short line whose placeholder has no value is left out.
          </p>
          <div className="form-grid">
            {field('privacyPolicyUrl', { type: 'url', placeholder: 'https://example.com/privacy' })}
            {field('termsUrl', { type: 'url', placeholder: 'https://example.com/terms' })}
            {field(
              'optInRequestText',
              { maxLength: 1000 },
              'Texted by “Send Opt-In Request”. It must ask the person to reply START.',
              true,
            )}
            {field(
              'optInConfirmationText',
              { maxLength: 1000 },
              'Texted once a number has opted in (verbal agreement or a START reply).',
              true,
            )}
            {field('helpReplyText', { maxLength: 1000 }, 'The answer to a text that says HELP.', true)}
            {field(
              'verbalOptInScript',
              { maxLength: 1000 },
              'Suggested in the “Opt-In Agreement” box for a user to read to the customer.',
              true,
            )}
          </div>
        </section>

        <section className="panel" aria-labelledby="orphan-settings">
          <h2 id="orphan-settings">Orphan Conversation Settings</h2>
          <p className="muted panel-intro">
            A text from an unknown number that has no open conversation starts an orphan conversation. It is
            tagged with the Orphan Conversation User Group, whose members can Claim it or assign it to one of
            them, and given the Orphan Conversation Type.
          </p>
          {orphanMissing && (
            <div className="banner banner-warn" role="note" data-testid="orphan-settings-warning">
              {ORPHAN_SETTINGS_MISSING}
            </div>
          )}
          <div className="form-grid">
            {select(
              'orphanUserGroupId',
              groups,
              'The user group tagged in conversations created by texts from unknown numbers.',
            )}
            {select('orphanConversationTypeId', types, 'The type given to orphan conversations.')}
          </div>
        </section>

        <section className="panel" aria-labelledby="twilio-webhooks">
          <h2 id="twilio-webhooks">Webhooks</h2>
          {t.webhookUrls ? (
            <>
              <p className="muted panel-intro">
                Paste these into the Twilio console, on the Messaging Service (Integration) or the phone
                number (Messaging configuration), both with the method HTTP POST.
              </p>
              {unreachable && (
                <div className="banner banner-warn" role="note">
                  These addresses point at a private network: Twilio cannot reach them. Set the Conversation
                  Attachment URL to this server&apos;s public address.
                </div>
              )}
              <div className="form-grid form-grid-wide">
                <CopyField
                  label="Incoming messages webhook"
                  copyLabel="Copy messages URL"
                  value={t.webhookUrls.messages}
                  hint="“A message comes in”: Twilio posts every text a phone sends us here."
                />
                <CopyField
                  label="Status callback URL"
                  copyLabel="Copy status URL"
                  value={t.webhookUrls.status}
                  hint="Delivery reports (sent, delivered, undelivered). Switchboard also names it on every text it sends."
                />
              </div>
            </>
          ) : (
            <p className="muted">The webhook addresses appear once texting is set up.</p>
          )}
        </section>
      </form>
      {/* Outside the form: React bubbles the dialog's submit through the portal to its parents. */}
      {settingKey && (
        <SetTwilioKeyDialog
          current={t}
          onClose={() => setSettingKey(false)}
          onSaved={() => {
            setSettingKey(false);
            setNote('Twilio API key saved.');
          }}
        />
      )}
    </>
  );
}

/** Company Preferences > Add-Ons > Conversations: the Twilio integration and texting settings. */
export function ConversationsAddOnPage() {
  useTitle('Conversations · Add-Ons');
  const twilio = useTwilioSettings();
  const prefs = usePreferences();
  return (
    <>
      <div className="breadcrumb muted">Company Preferences › Add-Ons</div>
      <h1>Conversations</h1>
      {twilio.isPending || prefs.isPending ? (
        <Loading />
      ) : twilio.isError || prefs.isError ? (
        <ErrorBanner error={twilio.error ?? prefs.error} />
      ) : (
        <ConversationsForm twilio={twilio.data} prefs={prefs.data} />
      )}
    </>
  );
}
