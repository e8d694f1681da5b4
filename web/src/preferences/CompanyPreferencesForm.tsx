import type { FormEvent } from 'react';
import { useState } from 'react';
import { useConversationTypes, usePreferences, useSavePreferences } from '../api/admin';
import { LINK_PLACEHOLDERS, MAX_LINK_NAME_LENGTH, MAX_LINK_TEMPLATES } from '../api/link-templates';
import { TRANSACTION_CODE_OPTIONS, codeKindOf } from '../api/transaction-panel';
import type { Preferences } from '../api/types';
import type { FieldErrors } from '../lib/fields';
import { sentence, useFieldErrors } from '../lib/fields';
import { blankToNull } from '../lib/format';
import { useTitle } from '../lib/hooks';
import { ErrorBanner, FieldError, Loading, StatusNote } from '../ui/Feedback';
import type { LinkRow } from './link-rows';
import {
  emptyLinkRow,
  linkRowErrors,
  linkRowsFrom,
  linkTemplatesOf,
  removeLinkLabel,
  withoutBlankLinkRows,
} from './link-rows';

function timeZones(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}

interface LinksTableProps {
  rows: LinkRow[];
  errors: FieldErrors;
  onChange: (rows: LinkRow[], changedIndex: number | null) => void;
}

/**
 * Company Preferences > Links: the links the composer's "Insert Link" offers, each a name and a
 * URL template filled in from the conversation's linked records.
 */
function LinksTable({ rows, errors, onChange }: LinksTableProps) {
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const set = (i: number, patch: Partial<LinkRow>) =>
    onChange(
      rows.map((r, j) => (j === i ? { ...r, ...patch } : r)),
      i,
    );
  const full = rows.length >= MAX_LINK_TEMPLATES;
  const listError = sentence('Links', errors.linkTemplates);
  return (
    <section className="panel" aria-labelledby="prefs-links">
      <div className="panel-head">
        <h2 id="prefs-links">Links</h2>
        <button
          type="button"
          className="small"
          disabled={full}
          title={full ? `At most ${MAX_LINK_TEMPLATES} links.` : undefined}
          onClick={() => {
            const row = emptyLinkRow();
            setFocusKey(row.key);
            onChange([...rows, row], null);
          }}
        >
          Add Link
        </button>
      </div>
      <p id="prefs-links-hint" className="field-hint">
        Links users can insert into a message (Insert Link in the composer). A URL may hold{' '}
        {LINK_PLACEHOLDERS.map((p, i) => (
          <span key={p}>
            {i > 0 && (i === LINK_PLACEHOLDERS.length - 1 ? ' and ' : ', ')}
            <code>{p}</code>
          </span>
        ))}
        , filled in from the records the conversation is linked to, e.g. https://erp.example.com/orders/
        {'{transactionId}'}. At most {MAX_LINK_TEMPLATES} links.
      </p>
      <table className="grid links-grid">
        <thead>
          <tr>
            <th scope="col" className="col-link-name">
              Name
            </th>
            <th scope="col">URL</th>
            <th scope="col" className="col-actions">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const nameErr = sentence('Link name', errors[`linkTemplates.${i}.name`]);
            const urlErr = sentence('Link URL', errors[`linkTemplates.${i}.url`]);
            const rowErr = sentence('Link', errors[`linkTemplates.${i}`]);
            const ids = { name: `pref-link-${r.key}-name`, url: `pref-link-${r.key}-url` };
            return (
              <tr key={r.key} data-testid="link-template-row">
                <td>
                  <input
                    aria-label="Link name"
                    value={r.name}
                    maxLength={MAX_LINK_NAME_LENGTH}
                    autoFocus={focusKey === r.key}
                    onChange={(e) => set(i, { name: e.target.value })}
                    aria-invalid={!!nameErr || undefined}
                    aria-describedby={nameErr ? `${ids.name}-error` : undefined}
                  />
                  <FieldError id={`${ids.name}-error`} message={nameErr} />
                </td>
                <td>
                  <input
                    aria-label="Link URL"
                    type="url"
                    inputMode="url"
                    spellCheck={false}
                    placeholder="https://erp.example.com/orders/{transactionId}"
                    value={r.url}
                    onChange={(e) => set(i, { url: e.target.value })}
                    aria-invalid={!!urlErr || undefined}
                    aria-describedby={urlErr ? `${ids.url}-error prefs-links-hint` : 'prefs-links-hint'}
                  />
                  <FieldError id={`${ids.url}-error`} message={urlErr} />
                  {rowErr && <div className="field-error">{rowErr}</div>}
                </td>
                <td className="col-actions">
                  <button
                    type="button"
                    className="small danger-text"
                    aria-label={removeLinkLabel(r, i)}
                    onClick={() =>
                      onChange(
                        rows.filter((_, j) => j !== i),
                        null,
                      )
                    }
                  >
                    Remove
                  </button>
                </td>
              </tr>
            );
          })}
          {rows.length === 0 && (
            <tr>
              <td colSpan={3} className="muted">
                No links.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {listError && <div className="field-error">{listError}</div>}
    </section>
  );
}

function PreferencesForm({ prefs }: { prefs: Preferences }) {
  const types = useConversationTypes(true);
  const save = useSavePreferences();
  const [form, setForm] = useState({
    companyName: prefs.companyName ?? '',
    companyPhone: prefs.companyPhone ?? '',
    timeZone: prefs.timeZone ?? 'UTC',
    defaultConversationTypeId: prefs.defaultConversationTypeId ? String(prefs.defaultConversationTypeId) : '',
    transactionCode: codeKindOf(prefs.transactionCode),
  });
  const [links, setLinks] = useState<LinkRow[]>(() => linkRowsFrom(prefs.linkTemplates));
  const [note, setNote] = useState<string | null>(null);
  const fe = useFieldErrors();
  const errors = fe.errors;
  const update = (patch: Partial<typeof form>) => {
    setForm((f) => ({ ...f, ...patch }));
    fe.clear(...Object.keys(patch));
    setNote(null);
  };

  const updateLinks = (rows: LinkRow[], changedIndex: number | null) => {
    setLinks(rows);
    // Removing or adding a row moves the others: their server errors no longer match.
    fe.clear(changedIndex === null ? 'linkTemplates' : `linkTemplates.${changedIndex}`);
    setNote(null);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cleanedLinks = withoutBlankLinkRows(links);
    setLinks(cleanedLinks);
    const found: FieldErrors = linkRowErrors(cleanedLinks);
    if (!form.companyName.trim()) found.companyName = 'Company Name is required.';
    fe.setErrors(found);
    if (Object.keys(found).length) {
      setNote(null);
      return;
    }
    save.mutate(
      {
        companyName: form.companyName.trim(),
        companyPhone: blankToNull(form.companyPhone),
        timeZone: form.timeZone,
        defaultConversationTypeId: form.defaultConversationTypeId
          ? Number(form.defaultConversationTypeId)
          : null,
        transactionCode: form.transactionCode,
        linkTemplates: linkTemplatesOf(cleanedLinks),
      },
      {
        onSuccess: (p) => {
          // The server's copy (trimmed as saved); keys are new, so the rows are rebuilt.
          if (Array.isArray(p?.linkTemplates)) setLinks(linkRowsFrom(p.linkTemplates));
          setNote('Saved.');
        },
        onError: fe.fromError,
      },
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
      {fe.any && <ErrorBanner>Please correct the highlighted fields.</ErrorBanner>}
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
          <span className="form-label" id="pref-transaction-code-label">
            Transaction code in texts
          </span>
          <div>
            <div
              className="radio-inline"
              role="radiogroup"
              aria-labelledby="pref-transaction-code-label"
              aria-describedby="pref-transaction-code-hint"
            >
              {TRANSACTION_CODE_OPTIONS.map((o) => (
                <label key={o.value} className="radio-row">
                  <input
                    type="radio"
                    name="transactionCode"
                    value={o.value}
                    checked={form.transactionCode === o.value}
                    onChange={() => update({ transactionCode: o.value })}
                  />
                  {o.label}
                </label>
              ))}
            </div>
            <div id="pref-transaction-code-hint" className="field-hint">
              What the button beside the paper clip in a transaction&apos;s Conversation Side Panel attaches:
              a picture of the Transaction ID.
            </div>
            <FieldError
              id="pref-transaction-code-error"
              message={sentence('Transaction code in texts', errors.transactionCode)}
            />
          </div>
        </div>
      </section>
      <LinksTable rows={links} errors={errors} onChange={updateLinks} />
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
