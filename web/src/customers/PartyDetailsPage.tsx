import type { FormEvent, KeyboardEvent } from 'react';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useParty, useSaveParty } from '../api/parties';
import type { Party, PartyKind } from '../api/types';
import { LinkedConversations } from '../conversations/LinkedConversations';
import { sentence, useFieldErrors } from '../lib/fields';
import { blankToNull } from '../lib/format';
import { useTitle } from '../lib/hooks';
import { ErrorBanner, FieldError, Loading, StatusNote } from '../ui/Feedback';
import { ContactMethodsTable } from './ContactMethodsTable';
import { CustomerContactsTable } from './CustomerContactsTable';
import { partyPhones, sameState, stateFromParty, toInput, validate, withoutBlankRows } from './party-form';
import type { PartyFormState } from './party-form';

export const PARTY_WORDS: Record<PartyKind, { one: string; many: string; path: string }> = {
  customer: { one: 'Customer', many: 'Customers', path: '/customers' },
  vendor: { one: 'Vendor', many: 'Vendors', path: '/vendors' },
};

function PartyForm({ kind, party }: { kind: PartyKind; party: Party | null }) {
  const words = PARTY_WORDS[kind];
  const navigate = useNavigate();
  const location = useLocation();
  const save = useSaveParty(kind, party?.id ?? null);
  const [saved, setSaved] = useState<PartyFormState>(() => stateFromParty(party));
  const [form, setForm] = useState<PartyFormState>(saved);
  const fe = useFieldErrors();
  const errors = fe.errors;
  const [note, setNote] = useState<string | null>(
    (location.state as { saved?: boolean } | null)?.saved ? 'Saved.' : null,
  );
  const dirty = !sameState(form, saved);

  const FIELD_KEYS: Record<keyof PartyFormState, string> = {
    name: 'name',
    companyName: 'companyName',
    methods: 'contactMethods',
    contacts: 'contacts',
  };
  const update = (patch: Partial<PartyFormState>) => {
    setForm((f) => ({ ...f, ...patch }));
    fe.clear(...Object.keys(patch).map((k) => FIELD_KEYS[k as keyof PartyFormState]));
    setNote(null);
  };

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const cleaned = withoutBlankRows(form);
    setForm(cleaned);
    const found = validate(cleaned);
    fe.setErrors(found);
    if (Object.keys(found).length) {
      setNote(null);
      return;
    }
    save.mutate(toInput(kind, cleaned), {
      onSuccess: (p) => {
        const next = stateFromParty(p);
        setSaved(next);
        setForm(next);
        setNote('Saved.');
        if (!party) navigate(`${words.path}/${p.id}`, { replace: true, state: { saved: true } });
      },
      onError: fe.fromError,
    });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      submit();
    }
  };

  const hasFieldErrors = fe.any;
  return (
    <form className="details-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <div className="toolbar">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save'}
        </button>
        <StatusNote text={note ?? (dirty ? 'Unsaved changes' : null)} tone={note ? 'ok' : 'pending'} />
      </div>
      {save.isError && (
        <ErrorBanner>
          {hasFieldErrors ? 'Please correct the highlighted fields.' : save.error.message}
        </ErrorBanner>
      )}
      {!save.isError && hasFieldErrors && <ErrorBanner>Please correct the highlighted fields.</ErrorBanner>}
      <section className="panel" aria-label={`${words.one} information`}>
        <div className="form-grid">
          <label htmlFor="party-name">Name</label>
          <div>
            <input
              id="party-name"
              value={form.name}
              autoFocus={!party}
              onChange={(e) => update({ name: e.target.value })}
              aria-invalid={!!errors.name || undefined}
              aria-describedby={errors.name ? 'party-name-error' : undefined}
            />
            <FieldError id="party-name-error" message={sentence('Name', errors.name)} />
          </div>
          <label htmlFor="party-company">Company Name</label>
          <div>
            <input
              id="party-company"
              value={form.companyName}
              onChange={(e) => update({ companyName: e.target.value })}
              aria-invalid={!!errors.companyName || undefined}
              aria-describedby={errors.companyName ? 'party-company-error' : undefined}
            />
            <FieldError id="party-company-error" message={sentence('Company Name', errors.companyName)} />
          </div>
        </div>
      </section>
      <ContactMethodsTable
        rows={form.methods}
        errors={errors}
        onChange={(methods) => update({ methods })}
        customer={
          kind === 'customer'
            ? { name: form.name.trim(), companyName: blankToNull(form.companyName) }
            : undefined
        }
      />
      {kind === 'customer' && (
        <CustomerContactsTable
          rows={form.contacts}
          errors={errors}
          onChange={(contacts) => update({ contacts })}
        />
      )}
    </form>
  );
}

/** Customer Details / Vendor Details at /customers/:id and /vendors/:id ("new" creates one). */
export function PartyDetailsPage({ kind }: { kind: PartyKind }) {
  const words = PARTY_WORDS[kind];
  const params = useParams();
  const isNew = params.id === 'new';
  const id = !isNew && params.id && /^\d+$/.test(params.id) ? Number(params.id) : null;
  const party = useParty(kind, id);
  const name = party.data?.name;
  useTitle(isNew ? `New ${words.one}` : (name ?? `${words.one} Details`));

  let body;
  if (isNew) body = <PartyForm key="new" kind={kind} party={null} />;
  else if (id === null) body = <ErrorBanner>There is no such {words.one.toLowerCase()}.</ErrorBanner>;
  else if (party.isPending) body = <Loading />;
  else if (party.isError) body = <ErrorBanner error={party.error} />;
  else body = <PartyForm key={party.data.id} kind={kind} party={party.data} />;

  return (
    <main className="page">
      <div className="page-head">
        <div>
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <Link to={words.path}>{words.many}</Link>
          </nav>
          <h1>
            {words.one} Details{name && !isNew ? <span className="h1-sub"> — {name}</span> : null}
          </h1>
        </div>
      </div>
      <div className={id !== null ? 'details-layout' : undefined}>
        <div>{body}</div>
        {id !== null && party.data && (
          <LinkedConversations tag={{ kind, id, label: party.data.name }} phones={partyPhones(party.data)} />
        )}
      </div>
    </main>
  );
}
