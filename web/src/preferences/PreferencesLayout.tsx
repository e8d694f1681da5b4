import { NavLink, Route, Routes } from 'react-router-dom';
import { CompanyPreferencesForm } from './CompanyPreferencesForm';
import { ConversationTypesPage } from './ConversationTypesPage';
import { UserGroupsPage } from './UserGroupsPage';
import { UsersPage } from './UsersPage';

const SECTIONS = [
  { to: '/preferences', label: 'Company Preferences', end: true },
  { to: '/preferences/users', label: 'Users' },
  { to: '/preferences/user-groups', label: 'User Groups' },
  { to: '/preferences/conversation-types', label: 'Conversation Types' },
];

/** Administration: Company Preferences and the lists it manages. */
export function PreferencesLayout() {
  return (
    <div className="prefs-layout">
      <nav className="prefs-nav" aria-label="Preferences">
        {SECTIONS.map((s) => (
          <NavLink key={s.to} to={s.to} end={s.end}>
            {s.label}
          </NavLink>
        ))}
      </nav>
      <main className="page prefs-page">
        <Routes>
          <Route index element={<CompanyPreferencesForm />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="user-groups" element={<UserGroupsPage />} />
          <Route path="conversation-types" element={<ConversationTypesPage />} />
        </Routes>
      </main>
    </div>
  );
}
