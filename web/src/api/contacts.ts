import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from './client';
import { conversationKeys } from './conversations';
import { partyKeys } from './parties';
import type { ContactCard, ContactCardDetails, ContactCardInput, PartyKind } from './types';

export const contactKeys = {
  /** Every card and search: invalidated when consent or a card may have changed. */
  all: ['phone-contact'] as const,
  one: (number: string) => ['phone-contact', 'one', number] as const,
  search: (q: string) => ['phone-contact', 'search', q] as const,
};

/** The card's address: the number in any spelling, URL-encoded (the + of E.164 included). */
export const contactPath = (number: string) => `/api/phone-contacts/${encodeURIComponent(number)}`;

/** The consent ledger as a CSV download. */
export const consentCsvUrl = (number: string) => `${contactPath(number)}/consent.csv`;

/** A number's Contact Card with its consent history; off while `number` is null. */
export function useContactCard(number: string | null) {
  return useQuery({
    queryKey: contactKeys.one(number ?? ''),
    queryFn: ({ signal }) => api.get<ContactCardDetails>(contactPath(number!), signal),
    enabled: !!number,
    staleTime: 30_000,
  });
}

/** Contact Cards by name, company, label or digits, for picking a number. */
export function useContactSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: contactKeys.search(q),
    queryFn: ({ signal }) =>
      api.get<{ items: ContactCard[] }>(`/api/phone-contacts${qs({ q, limit: 8 })}`, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** After a card changed: its label shows in conversations, its texting state in their checks. */
function refreshAfterCardChange(qc: ReturnType<typeof useQueryClient>) {
  void qc.invalidateQueries({ queryKey: contactKeys.all });
  void qc.invalidateQueries({ queryKey: conversationKeys.lists });
  void qc.invalidateQueries({ queryKey: ['conversation'] });
}

export function useSaveContactCard(number: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ContactCardInput) => api.put<ContactCard>(contactPath(number), input),
    onSuccess: () => refreshAfterCardChange(qc),
  });
}

export interface AddToExistingInput {
  kind: PartyKind;
  partyId: number;
  type: 'Phone' | 'Cell Phone';
  description: string | null;
}

/** "Add to Existing": puts the number in an existing customer's or vendor's Contact Methods. */
export function useAddToExisting(number: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AddToExistingInput) =>
      api.post<{ kind: PartyKind; id: number }>(`${contactPath(number)}/add-to-existing`, input),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: partyKeys.one(r.kind, r.id) });
      void qc.invalidateQueries({ queryKey: partyKeys.lists(r.kind) });
      void qc.invalidateQueries({ queryKey: contactKeys.all });
    },
  });
}

export interface CreatePartyInput {
  kind: PartyKind;
  name?: string;
  companyName?: string | null;
  type: 'Phone' | 'Cell Phone';
  description: string | null;
}

/** "Add Customer" / "Add Vendor": a new record with the number in its Contact Methods. */
export function useCreatePartyFromContact(number: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePartyInput) =>
      api.post<{ kind: PartyKind; id: number }>(`${contactPath(number)}/create-party`, input),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: partyKeys.lists(r.kind) });
      void qc.invalidateQueries({ queryKey: contactKeys.all });
    },
  });
}
