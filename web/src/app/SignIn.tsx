import type { FormEvent } from 'react';
import { useState } from 'react';
import { useLogin } from '../api/auth';
import { ErrorBanner } from '../ui/Feedback';
import { useTitle } from '../lib/hooks';

/** The sign-in screen: username, password, and the server's message when it refuses. */
export function SignIn() {
  useTitle('Sign in');
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) return;
    login.mutate({ username: username.trim(), password });
  };

  return (
    <main className="signin">
      <form className="signin-card" onSubmit={submit} noValidate>
        <div className="signin-brand" aria-hidden="true">
          Switchboard
        </div>
        <h1>Sign in</h1>
        <ErrorBanner error={login.error} />
        <label htmlFor="signin-username">Username</label>
        <input
          id="signin-username"
          name="username"
          autoComplete="username"
          autoFocus
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor="signin-password">Password</label>
        <input
          id="signin-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="primary" disabled={login.isPending || !username.trim() || !password}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
