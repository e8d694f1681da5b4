import { useId } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTransactions } from '../api/transactions';
import { money } from '../lib/format';
import { useDebounced, useTitle, useListParams } from '../lib/hooks';
import { ErrorBanner, Loading } from '../ui/Feedback';
import { Pager } from '../ui/Pager';
import { STATUS_LABELS, TYPE_OPTIONS } from './labels';

const PAGE = 50;

/** All transactions, searchable by Transaction ID, party or memo, filtered by type. */
export function TransactionListPage() {
  useTitle('Transactions');
  const navigate = useNavigate();
  const { sp, offset, setParam } = useListParams();
  const q = sp.get('q') ?? '';
  const type = sp.get('type') ?? '';
  const query = useDebounced(q.trim(), 250);
  const list = useTransactions({ q: query, type, offset, limit: PAGE });
  const ids = { search: useId(), type: useId() };
  const items = list.data?.items ?? [];

  return (
    <main className="page">
      <div className="page-head">
        <h1>Transactions</h1>
        <button type="button" className="primary" onClick={() => navigate('/transactions/new')}>
          New Transaction
        </button>
      </div>
      <div className="toolbar">
        <label htmlFor={ids.search}>Search transactions</label>
        <input
          id={ids.search}
          type="search"
          value={q}
          placeholder="Transaction ID, customer, vendor, memo…"
          onChange={(e) => setParam({ q: e.target.value || null, offset: null })}
        />
        <label htmlFor={ids.type}>Type</label>
        <select
          id={ids.type}
          value={type}
          onChange={(e) => setParam({ type: e.target.value || null, offset: null })}
        >
          <option value="">All types</option>
          {TYPE_OPTIONS.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      <ErrorBanner error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : (
        <table className="grid list-grid">
          <thead>
            <tr>
              <th scope="col">Transaction ID</th>
              <th scope="col">Type</th>
              <th scope="col">Customer / Vendor</th>
              <th scope="col">Status</th>
              <th scope="col">Date</th>
              <th scope="col" className="num">
                Total
              </th>
              <th scope="col">Memo</th>
            </tr>
          </thead>
          <tbody>
            {items.map((t) => (
              <tr key={t.id}>
                <td>
                  <Link to={`/transactions/${t.id}`}>{t.transactionId}</Link>
                </td>
                <td>{t.typeLabel}</td>
                <td>
                  <Link to={`/${t.party.kind}s/${t.party.id}`}>{t.party.name}</Link>
                </td>
                <td>{STATUS_LABELS[t.status] ?? t.status}</td>
                <td>{t.date}</td>
                <td className="num">{money(t.totalCents)}</td>
                <td className="cell-ellipsis">{t.memo}</td>
              </tr>
            ))}
            {items.length === 0 && (
              <tr>
                <td colSpan={7} className="muted">
                  {query || type ? 'No transactions match.' : 'No transactions yet.'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      <Pager offset={offset} pageSize={PAGE} page={list.data} onOffset={(o) => setParam({ offset: o })} />
    </main>
  );
}
