import { Navigate, Route, Routes } from 'react-router-dom';
import { useSession } from '../api/auth';
import { useLiveEvents } from '../api/events';
import type { SessionUser } from '../api/types';
import { ConversationsPage } from '../conversations/ConversationsPage';
import { PartyDetailsPage } from '../customers/PartyDetailsPage';
import { PartyListPage } from '../customers/PartyListPage';
import { PreferencesLayout } from '../preferences/PreferencesLayout';
import { TransactionListPage } from '../transactions/TransactionListPage';
import { TransactionPage } from '../transactions/TransactionPage';
import { ErrorBanner, Loading } from '../ui/Feedback';
import { SignIn } from './SignIn';
import { TopBar } from './TopBar';

function NotFound() {
  return (
    <main className="page">
      <h1>Not found</h1>
      <p>There is no screen at this address.</p>
    </main>
  );
}

function SignedIn({ user }: { user: SessionUser }) {
  const live = useLiveEvents(true);
  return (
    <div className="app">
      <TopBar user={user} live={live} />
      <Routes>
        <Route path="/" element={<Navigate to="/conversations" replace />} />
        <Route path="/conversations" element={<ConversationsPage />} />
        <Route path="/conversations/:id" element={<ConversationsPage />} />
        <Route path="/customers" element={<PartyListPage kind="customer" />} />
        <Route path="/customers/:id" element={<PartyDetailsPage kind="customer" />} />
        <Route path="/vendors" element={<PartyListPage kind="vendor" />} />
        <Route path="/vendors/:id" element={<PartyDetailsPage kind="vendor" />} />
        <Route path="/transactions" element={<TransactionListPage />} />
        <Route path="/transactions/:id" element={<TransactionPage />} />
        <Route
          path="/preferences/*"
          element={user.role === 'admin' ? <PreferencesLayout /> : <Navigate to="/conversations" replace />}
        />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </div>
  );
}

/** Shows the sign-in screen until there is a session, then the application. */
export function App() {
  const session = useSession();
  if (session.isPending) return <Loading label="Starting Switchboard…" />;
  if (session.isError) {
    return (
      <main className="page">
        <ErrorBanner error={session.error} />
        <button type="button" onClick={() => void session.refetch()}>
          Try again
        </button>
      </main>
    );
  }
  if (!session.data) return <SignIn />;
  return <SignedIn user={session.data.user} />;
}
