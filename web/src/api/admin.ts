import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from './client';
import { companyKey } from './auth';
import type {
  ConversationType,
  Preferences,
  TwilioKeyInput,
  TwilioSenderInput,
  TwilioSettings,
  User,
  UserGroup,
  UserGroupDetails,
  UserInput,
} from './types';

const twilioKey = ['preferences', 'twilio'] as const;

export function useUsers(q = '', enabled = true, limit = 50) {
  return useQuery({
    queryKey: ['users', q, limit],
    queryFn: ({ signal }) =>
      api.get<{ items: User[]; hasMore: boolean }>(`/api/users${qs({ q, limit })}`, signal),
    enabled,
  });
}

/** One user with every field (the list leaves out the email address). */
export function useUser(id: number | null) {
  return useQuery({
    queryKey: ['user', id ?? 0],
    queryFn: ({ signal }) => api.get<User>(`/api/users/${id}`, signal),
    enabled: id !== null,
    refetchOnWindowFocus: false,
  });
}

/** Activates or deactivates a user; PUT replaces the record, so the full user is read first. */
export function useSetUserActive() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, active }: { id: number; active: boolean }) => {
      const u = await api.get<User>(`/api/users/${id}`);
      return api.put<User>(`/api/users/${id}`, {
        name: u.name,
        username: u.username,
        email: u.email ?? null,
        role: u.role,
        active,
      } satisfies UserInput);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['users'] });
      void qc.invalidateQueries({ queryKey: ['user'] });
    },
  });
}

export function useSaveUser(id: number | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<UserInput>) =>
      id === null ? api.post<User>('/api/users', input) : api.put<User>(`/api/users/${id}`, input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['users'] });
      void qc.invalidateQueries({ queryKey: ['user'] });
    },
  });
}

export function useUserGroups(q = '', enabled = true) {
  return useQuery({
    queryKey: ['user-groups', q],
    queryFn: ({ signal }) => api.get<{ items: UserGroup[] }>(`/api/user-groups${qs({ q })}`, signal),
    enabled,
  });
}

export function useUserGroup(id: number | null) {
  return useQuery({
    queryKey: ['user-group', id ?? 0],
    queryFn: ({ signal }) => api.get<UserGroupDetails>(`/api/user-groups/${id}`, signal),
    enabled: id !== null,
    refetchOnWindowFocus: false,
  });
}

export function useSaveUserGroup(id: number | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; description: string | null; memberIds: number[] }) =>
      id === null
        ? api.post<UserGroupDetails>('/api/user-groups', input)
        : api.put<UserGroupDetails>(`/api/user-groups/${id}`, input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['user-groups'] });
      void qc.invalidateQueries({ queryKey: ['user-group'] });
    },
  });
}

/** Conversation types in their configured order; retired ones too for admins who ask (settings page). */
export function useConversationTypes(includeInactive = false) {
  return useQuery({
    queryKey: ['conversation-types', includeInactive],
    queryFn: ({ signal }) =>
      api.get<{ items: ConversationType[] }>(
        `/api/conversation-types${qs({ includeInactive: includeInactive ? 'true' : null })}`,
        signal,
      ),
    select: (d) => [...d.items].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name)),
  });
}

/** Creates (id null) or replaces a conversation type: PUT takes the whole record. */
export function useSaveConversationType() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: { id: number | null; name: string; active: boolean; position: number }) =>
      id === null
        ? api.post<ConversationType>('/api/conversation-types', input)
        : api.put<ConversationType>(`/api/conversation-types/${id}`, input),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['conversation-types'] }),
  });
}

export function usePreferences(enabled = true) {
  return useQuery({
    queryKey: ['preferences'],
    queryFn: ({ signal }) => api.get<Preferences>('/api/preferences', signal),
    enabled,
    refetchOnWindowFocus: false,
  });
}

export function useSavePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<Preferences>) => api.put<Preferences>('/api/preferences', input),
    onSuccess: (p) => {
      qc.setQueryData(['preferences'], p);
      void qc.invalidateQueries({ queryKey: companyKey });
      // The webhook URLs follow the public base URL.
      void qc.invalidateQueries({ queryKey: twilioKey });
    },
  });
}

/** Company Preferences > Add-Ons > Conversations: the Twilio integration as the server has it. */
export function useTwilioSettings() {
  return useQuery({
    queryKey: twilioKey,
    queryFn: ({ signal }) => api.get<TwilioSettings>('/api/preferences/twilio', signal),
    refetchOnWindowFocus: false,
  });
}

function useTwilioMutation<TInput>(call: (input: TInput) => Promise<TwilioSettings>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (t) => {
      qc.setQueryData(twilioKey, t);
      // Whether texting runs on the emulator (the top bar's Phone Simulator link) may have changed.
      void qc.invalidateQueries({ queryKey: companyKey });
    },
  });
}

/** "Set Twilio API Key": the Auth Token (and API key secret) are write-only. */
export function useSetTwilioKey() {
  return useTwilioMutation((input: TwilioKeyInput) =>
    api.put<TwilioSettings>('/api/preferences/twilio/api-key', input),
  );
}

export function useSetTwilioSender() {
  return useTwilioMutation((input: TwilioSenderInput) =>
    api.put<TwilioSettings>('/api/preferences/twilio/sender', input),
  );
}

/** "Test connection": asks Twilio (or the emulator) whether the credentials work. */
export function useTestTwilio() {
  return useMutation({
    mutationFn: () => api.post<{ ok: boolean; message: string }>('/api/preferences/twilio/test'),
  });
}
