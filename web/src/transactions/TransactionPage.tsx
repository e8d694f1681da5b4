import type { FormEvent } from 'react';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { partyKindFor } from '../../../core/transactions';
import type { TransactionStatus, TransactionType } from '../../../core/transactions';
import { useSaveTransaction, useTransaction } from '../api/transactions';
import type { Transaction, TransactionInput } from '../api/types';
import { ConversationSidePanel } from '../conversations/ConversationSidePanel';
import type { FieldErrors } from '../lib/fields';
import { sentence, useFieldErrors } from '../lib/fields';
import { formatCents } from '../../../core/money';
import { parseMoney, today } from '../lib/format';
import { useTitle } from '../lib/hooks';
import { ErrorBanner, FieldError, Loading, StatusNote } from '../ui/Feedback';
import { STATUS_OPTIONS, TYPE_OPTIONS } from './labels';
import { PartySelect } from './PartySelect';

interface FormState {
  type: TransactionType;
  partyId: number | null;
  status: TransactionStatus;
  date: string;
  total: string;
  memo: string;
}

const initial = (t: Transaction | null): FormState =>
  t
    ? {
        type: t.type,
        partyId: t.party.id,
        status: t.status,
        date: t.date,
        total: formatCents(t.totalCents),
        memo: t.memo,
      }
    : { type: 'sales_order', partyId: null, status: 'open', date: today(), total: '0.00', memo: '' };

function TransactionForm({ tx }: { tx: Transaction | null }) {
  const navigate = useNavigate();
  const location = useLocation();
  const save = useSaveTransaction(tx?.id ?? null);
  const [form, setForm] = useState<FormState>(() => initial(tx));
  const fe = useFieldErrors();
  const [note, setNote] = useState<string | null>(
    (location.state as { saved?: boolean } | null)?.saved ? 'Saved.' : null,
  );
  const errors = fe.errors;
  const partyKind = partyKindFor(form.type);
  const partyLabel = partyKind === 'customer' ? 'Customer' : 'Vendor';
  const partyError = errors.customerId ?? errors.vendorId;

  const FIELD_KEYS: Record<keyof FormState, string[]> = {
    type: ['type', 'customerId', 'vendorId'],
    partyId: ['customerId', 'vendorId'],
    status: ['status'],
    date: ['date'],
    total: ['totalCents'],
    memo: ['memo'],
  };
  const update = (patch: Partial<FormState>) => {
    setForm((f) => ({ ...f, ...patch }));
    fe.clear(...Object.keys(patch).flatMap((k) => FIELD_KEYS[k as keyof FormState]));
    setNote(null);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    const cents = parseMoney(form.total);
    if (cents === null || cents < 0) found.totalCents = 'Total must be an amount such as 1,234.56.';
    if (!tx && form.partyId === null) found.customerId = `Choose a ${partyLabel.toLowerCase()}.`;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date)) found.date = 'Date is required.';
    fe.setErrors(found);
    if (Object.keys(found).length) return;
    const input: TransactionInput = {
      status: form.status,
      date: form.date,
      totalCents: cents ?? 0,
      memo: form.memo,
    };
    if (!tx) {
      input.type = form.type;
      if (partyKind === 'customer') input.customerId = form.partyId!;
      else input.vendorId = form.partyId!;
    }
    save.mutate(input, {
      onSuccess: (t) => {
        setForm(initial(t));
        setNote('Saved.');
        if (!tx) navigate(`/transactions/${t.id}`, { replace: true, state: { saved: true } });
      },
      onError: fe.fromError,
    });
  };

  const hasFieldErrors = fe.any;
  return (
    <form className="details-form" onSubmit={submit} noValidate>
      <div className="toolbar">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save'}
        </button>
        <StatusNote text={note} />
      </div>
      {(save.isError || hasFieldErrors) && (
        <ErrorBanner>
          {hasFieldErrors ? 'Please correct the highlighted fields.' : save.error?.message}
        </ErrorBanner>
      )}
      <section className="panel" aria-label="Transaction">
        <div className="form-grid">
          <span className="form-label">Transaction ID</span>
          <div className="form-static" data-testid="transaction-id">
            {tx ? tx.transactionId : <span className="muted">Assigned when saved</span>}
          </div>
          <label htmlFor="tx-type">Type</label>
          <div>
            <select
              id="tx-type"
              value={form.type}
              disabled={!!tx}
              onChange={(e) => update({ type: e.target.value as TransactionType, partyId: null })}
            >
              {TYPE_OPTIONS.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label} ({t.side === 'AR' ? 'A/R' : 'A/P'})
                </option>
              ))}
            </select>
          </div>
          <span className="form-label">{partyLabel}</span>
          <div>
            {tx ? (
              <div className="form-static">
                <Link to={`/${tx.party.kind}s/${tx.party.id}`}>{tx.party.name}</Link>
              </div>
            ) : (
              <PartySelect
                kind={partyKind}
                value={form.partyId}
                onChange={(partyId) => update({ partyId })}
                invalid={!!partyError}
                describedBy={partyError ? 'tx-party-error' : undefined}
              />
            )}
            <FieldError id="tx-party-error" message={sentence(partyLabel, partyError)} />
          </div>
          <label htmlFor="tx-status">Status</label>
          <div>
            <select
              id="tx-status"
              value={form.status}
              onChange={(e) => update({ status: e.target.value as TransactionStatus })}
            >
              {STATUS_OPTIONS.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          <label htmlFor="tx-date">Date</label>
          <div>
            <input
              id="tx-date"
              type="date"
              value={form.date}
              onChange={(e) => update({ date: e.target.value })}
              aria-invalid={!!errors.date || undefined}
            />
            <FieldError id="tx-date-error" message={sentence('Date', errors.date)} />
          </div>
          <label htmlFor="tx-total">Total</label>
          <div>
            <input
              id="tx-total"
              className="num"
              inputMode="decimal"
              value={form.total}
              onChange={(e) => update({ total: e.target.value })}
              aria-invalid={!!errors.totalCents || undefined}
            />
            <FieldError id="tx-total-error" message={sentence('Total', errors.totalCents)} />
          </div>
          <label htmlFor="tx-memo">Memo</label>
          <div>
            <textarea
              id="tx-memo"
              rows={3}
              value={form.memo}
              onChange={(e) => update({ memo: e.target.value })}
            />
            <FieldError id="tx-memo-error" message={sentence('Memo', errors.memo)} />
          </div>
        </div>
      </section>
    </form>
  );
}

/** The transaction window at /transactions/:id ("new" creates one). */
export function TransactionPage() {
  const params = useParams();
  const isNew = params.id === 'new';
  const id = !isNew && params.id && /^\d+$/.test(params.id) ? Number(params.id) : null;
  const tx = useTransaction(id);
  useTitle(isNew ? 'New Transaction' : (tx.data?.transactionId ?? 'Transaction'));

  let body;
  if (isNew) body = <TransactionForm key="new" tx={null} />;
  else if (id === null) body = <ErrorBanner>There is no such transaction.</ErrorBanner>;
  else if (tx.isPending) body = <Loading />;
  else if (tx.isError) body = <ErrorBanner error={tx.error} />;
  else body = <TransactionForm key={tx.data.id} tx={tx.data} />;

  return (
    <main className="page">
      <div className="page-head">
        <div>
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <Link to="/transactions">Transactions</Link>
          </nav>
          <h1>
            {isNew
              ? 'New Transaction'
              : tx.data
                ? `${tx.data.typeLabel} ${tx.data.transactionId}`
                : 'Transaction'}
          </h1>
        </div>
      </div>
      <div className={id !== null ? 'details-layout transaction-layout' : undefined}>
        <div>{body}</div>
        {id !== null && tx.data && <ConversationSidePanel tx={tx.data} />}
      </div>
    </main>
  );
}
