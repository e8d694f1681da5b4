import { useId } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTimeZone } from '../api/auth';
import { usePartyList } from '../api/parties';
import type { PartyKind } from '../api/types';
import { shortTime } from '../lib/format';
import { useDebounced, useTitle, useListParams } from '../lib/hooks';
import { ErrorBanner, Loading } from '../ui/Feedback';
import { Pager } from '../ui/Pager';
import { PARTY_WORDS } from './PartyDetailsPage';

const PAGE = 50;

/** The Customers or Vendors list: search by name, company or contact method, and page. */
export function PartyListPage({ kind }: { kind: PartyKind }) {
  const words = PARTY_WORDS[kind];
  useTitle(words.many);
  const navigate = useNavigate();
  const { sp, offset, setParam } = useListParams();
  const q = sp.get('q') ?? '';
  const query = useDebounced(q.trim(), 250);
  const list = usePartyList(kind, query, offset, PAGE);
  const searchId = useId();
  const timeZone = useTimeZone();
  const items = list.data?.items ?? [];

  return (
    <main className="page">
      <div className="page-head">
        <h1>{words.many}</h1>
        <button type="button" className="primary" onClick={() => navigate(`${words.path}/new`)}>
          New {words.one}
        </button>
      </div>
      <div className="toolbar">
        <label htmlFor={searchId}>Search {words.many.toLowerCase()}</label>
        <input
          id={searchId}
          type="search"
          value={q}
          placeholder="Name, company, phone, email…"
          onChange={(e) => setParam({ q: e.target.value || null, offset: null })}
        />
      </div>
      <ErrorBanner error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : (
        <table className="grid list-grid">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Company Name</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`${words.path}/${p.id}`}>{p.name}</Link>
                </td>
                <td>{p.companyName}</td>
                <td>{shortTime(p.updatedAt, timeZone)}</td>
              </tr>
            ))}
            {items.length === 0 && (
              <tr>
                <td colSpan={3} className="muted">
                  {query
                    ? `No ${words.many.toLowerCase()} match “${query}”.`
                    : `No ${words.many.toLowerCase()} yet.`}
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
