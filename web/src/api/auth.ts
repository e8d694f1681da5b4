import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, request, setCsrf } from './client';
import type { Company, Session } from './types';

export const sessionKey = ['session'] as const;

/** The signed-in session, or null when signed out (a 401 is an answer here, not an error). */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async (): Promise<Session | null> => {
      try {
        const s = await request<Session>('GET', '/api/auth/session', { quiet401: true });
        setCsrf(s.csrfToken, s.csrfHeader);
        return s;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: Infinity,
    retry: 1,
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) =>
      request<Session>('POST', '/api/auth/login', { body: input, quiet401: true }),
    onSuccess: (s) => {
      setCsrf(s.csrfToken, s.csrfHeader);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      qc.setQueryData(sessionKey, s);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => request<void>('POST', '/api/auth/logout', { body: {}, quiet401: true }),
    onSettled: () => {
      setCsrf('');
      qc.setQueryData(sessionKey, null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    },
  });
}

export const companyKey = ['company'] as const;

/** What every user may know of the company: name, time zone, region, texting (emulator or not). */
export function useCompany() {
  return useQuery({
    queryKey: companyKey,
    queryFn: () => api.get<Company>('/api/company'),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** The company's time zone, in which times are shown; undefined (the browser's) until it is known. */
export function useTimeZone(): string | undefined {
  return useCompany().data?.timeZone;
}
