import { NavLink, Route, Routes } from 'react-router-dom';
import { CompanyPreferencesForm } from './CompanyPreferencesForm';
import { ConversationsAddOnPage } from './ConversationsAddOnPage';
import { ConversationTypesPage } from './ConversationTypesPage';
import { UserGroupsPage } from './UserGroupsPage';
import { UsersPage } from './UsersPage';

const SECTIONS = [
  { to: '/preferences', label: 'Company Preferences', end: true },
  { to: '/preferences/users', label: 'Users' },
  { to: '/preferences/user-groups', label: 'User Groups' },
  { to: '/preferences/conversation-types', label: 'Conversation Types' },
];

/** Company Preferences > Add-Ons: settings of the optional modules. */
const ADD_ONS = [{ to: '/preferences/add-ons/conversations', label: 'Conversations' }];

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
        <div className="prefs-nav-group" id="prefs-nav-add-ons">
          Add-Ons
        </div>
        <ul className="prefs-nav-sub" aria-labelledby="prefs-nav-add-ons">
          {ADD_ONS.map((s) => (
            <li key={s.to}>
              <NavLink to={s.to}>{s.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main className="page prefs-page">
        <Routes>
          <Route index element={<CompanyPreferencesForm />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="user-groups" element={<UserGroupsPage />} />
          <Route path="conversation-types" element={<ConversationTypesPage />} />
          <Route path="add-ons/conversations" element={<ConversationsAddOnPage />} />
        </Routes>
      </main>
    </div>
  );
}
