import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from './client';
import type { Page, Party, PartyInput, PartyKind, PartySummary } from './types';

const base = (kind: PartyKind) => `/api/${kind}s`;

export const partyKeys = {
  lists: (kind: PartyKind) => ['parties', kind] as const,
  list: (kind: PartyKind, q: string, offset: number, limit: number) =>
    ['parties', kind, q, offset, limit] as const,
  one: (kind: PartyKind, id: number) => ['party', kind, id] as const,
};

/** Customers or vendors by name, one page at a time. */
export function usePartyList(kind: PartyKind, q: string, offset = 0, limit = 50, enabled = true) {
  return useQuery({
    queryKey: partyKeys.list(kind, q, offset, limit),
    queryFn: ({ signal }) => api.get<Page<PartySummary>>(`${base(kind)}${qs({ q, offset, limit })}`, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useParty(kind: PartyKind, id: number | null) {
  return useQuery({
    queryKey: partyKeys.one(kind, id ?? 0),
    queryFn: ({ signal }) => api.get<Party>(`${base(kind)}/${id}`, signal),
    enabled: id !== null,
    // An open form must not be replaced under the user's hands by a refetch.
    refetchOnWindowFocus: false,
  });
}

/** Creates (id null) or saves a customer or vendor with its whole Contact Methods / Contacts grids. */
export function useSaveParty(kind: PartyKind, id: number | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PartyInput) =>
      id === null ? api.post<Party>(base(kind), input) : api.put<Party>(`${base(kind)}/${id}`, input),
    onSuccess: (p) => {
      qc.setQueryData(partyKeys.one(kind, p.id), p);
      void qc.invalidateQueries({ queryKey: partyKeys.lists(kind) });
    },
  });
}
