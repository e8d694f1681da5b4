import type { FormEvent } from 'react';
import { useState } from 'react';
import { useConversationTypes, usePreferences, useSavePreferences } from '../api/admin';
import type { Preferences } from '../api/types';
import { sentence, useFieldErrors } from '../lib/fields';
import { blankToNull } from '../lib/format';
import { useTitle } from '../lib/hooks';
import { ErrorBanner, FieldError, Loading, StatusNote } from '../ui/Feedback';

function timeZones(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}

function PreferencesForm({ prefs }: { prefs: Preferences }) {
  const types = useConversationTypes(true);
  const save = useSavePreferences();
  const [form, setForm] = useState({
    companyName: prefs.companyName ?? '',
    companyPhone: prefs.companyPhone ?? '',
    timeZone: prefs.timeZone ?? 'UTC',
    defaultConversationTypeId: prefs.defaultConversationTypeId ? String(prefs.defaultConversationTypeId) : '',
  });
  const [note, setNote] = useState<string | null>(null);
  const fe = useFieldErrors();
  const errors = fe.errors;
  const update = (patch: Partial<typeof form>) => {
    setForm((f) => ({ ...f, ...patch }));
    fe.clear(...Object.keys(patch));
    setNote(null);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.companyName.trim()) {
      fe.setErrors({ companyName: 'Company Name is required.' });
      return;
    }
    fe.setErrors({});
    save.mutate(
      {
        companyName: form.companyName.trim(),
        companyPhone: blankToNull(form.companyPhone),
        timeZone: form.timeZone,
        defaultConversationTypeId: form.defaultConversationTypeId
          ? Number(form.defaultConversationTypeId)
          : null,
      },
      { onSuccess: () => setNote('Saved.'), onError: fe.fromError },
    );
  };

  const nameMessage = sentence('Company Name', errors.companyName);
  return (
    <form onSubmit={submit} noValidate className="details-form">
      <div className="toolbar">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save'}
        </button>
        <StatusNote text={note} />
      </div>
      {save.isError && !fe.any && <ErrorBanner error={save.error} />}
      <section className="panel" aria-labelledby="prefs-general">
        <h2 id="prefs-general">General</h2>
        <div className="form-grid">
          <label htmlFor="pref-company-name">Company Name</label>
          <div>
            <input
              id="pref-company-name"
              value={form.companyName}
              onChange={(e) => update({ companyName: e.target.value })}
              aria-invalid={!!nameMessage || undefined}
            />
            <FieldError id="pref-company-name-error" message={nameMessage} />
          </div>
          <label htmlFor="pref-company-phone">Company Phone</label>
          <div>
            <input
              id="pref-company-phone"
              type="tel"
              value={form.companyPhone}
              onChange={(e) => update({ companyPhone: e.target.value })}
            />
            <FieldError
              id="pref-company-phone-error"
              message={sentence('Company Phone', errors.companyPhone)}
            />
          </div>
          <label htmlFor="pref-time-zone">Time Zone</label>
          <div>
            <select
              id="pref-time-zone"
              value={form.timeZone}
              onChange={(e) => update({ timeZone: e.target.value })}
            >
              {timeZones(form.timeZone).map((z) => (
                <option key={z}>{z}</option>
              ))}
            </select>
            <FieldError id="pref-time-zone-error" message={sentence('Time Zone', errors.timeZone)} />
          </div>
        </div>
      </section>
      <section className="panel" aria-labelledby="prefs-conversations">
        <h2 id="prefs-conversations">Conversations</h2>
        <div className="form-grid">
          <label htmlFor="pref-default-type">Default Conversation Type</label>
          <div>
            <select
              id="pref-default-type"
              value={form.defaultConversationTypeId}
              onChange={(e) => update({ defaultConversationTypeId: e.target.value })}
            >
              <option value="">(None)</option>
              {(types.data ?? []).map((t) => (
                <option key={t.id} value={t.id} disabled={!t.active}>
                  {t.name}
                  {t.active ? '' : ' (inactive)'}
                </option>
              ))}
            </select>
            <FieldError
              id="pref-default-type-error"
              message={sentence('Default Conversation Type', errors.defaultConversationTypeId)}
            />
          </div>
        </div>
      </section>
    </form>
  );
}

/** Company Preferences: company name and phone, time zone, conversation defaults. */
export function CompanyPreferencesForm() {
  useTitle('Company Preferences');
  const prefs = usePreferences();
  return (
    <>
      <h1>Company Preferences</h1>
      {prefs.isPending ? (
        <Loading />
      ) : prefs.isError ? (
        <ErrorBanner error={prefs.error} />
      ) : (
        <PreferencesForm prefs={prefs.data} />
      )}
    </>
  );
}
