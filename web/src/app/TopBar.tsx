import { NavLink } from 'react-router-dom';
import { useCompany, useLogout } from '../api/auth';
import type { LiveStatus } from '../api/events';
import type { SessionUser } from '../api/types';

const LINKS = [
  { to: '/conversations', label: 'Conversations' },
  { to: '/customers', label: 'Customers' },
  { to: '/vendors', label: 'Vendors' },
  { to: '/transactions', label: 'Transactions' },
];

/**
 * The application bar: name, company, navigation, who is signed in; while texting runs on the
 * built-in emulator, a link to the phone simulator so anyone can text themselves.
 */
export function TopBar({ user, live }: { user: SessionUser; live: LiveStatus }) {
  const company = useCompany();
  const logout = useLogout();
  const links = user.role === 'admin' ? [...LINKS, { to: '/preferences', label: 'Preferences' }] : LINKS;
  return (
    <header className="topbar">
      <div className="topbar-brand">
        <span className="app-name">Switchboard</span>
        {company.data?.companyName && <span className="company-name">{company.data.companyName}</span>}
      </div>
      <nav aria-label="Main" className="topbar-nav">
        {links.map((l) => (
          <NavLink key={l.to} to={l.to}>
            {l.label}
          </NavLink>
        ))}
      </nav>
      {company.data?.texting.usingEmulator && (
        <a
          className="topbar-simulator"
          href={company.data.texting.simulatorUrl ?? '/simulator'}
          target="_blank"
          rel="noopener"
          title="Texting runs on the built-in Twilio emulator: play the customers' phones here"
        >
          Phone Simulator
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
      )}
      <div className="topbar-user">
        <span
          className={`live-dot live-${live}`}
          title={live === 'live' ? 'Live updates on' : 'Reconnecting to live updates…'}
          aria-label={live === 'live' ? 'Live updates on' : 'Reconnecting to live updates'}
          role="img"
        />
        <span className="user-name">{user.name}</span>
        <button
          type="button"
          className="link-button"
          onClick={() => logout.mutate()}
          disabled={logout.isPending}
        >
          Sign out
        </button>
      </div>
    </header>
  );
}
