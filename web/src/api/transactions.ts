import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from './client';
import type { Page, Transaction, TransactionInput } from './types';

export interface TransactionFilter {
  q?: string;
  type?: string;
  customerId?: number;
  vendorId?: number;
  offset?: number;
  limit?: number;
}

export function useTransactions(filter: TransactionFilter, enabled = true) {
  return useQuery({
    queryKey: ['transactions', filter],
    queryFn: ({ signal }) => api.get<Page<Transaction>>(`/api/transactions${qs({ ...filter })}`, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTransaction(id: number | null) {
  return useQuery({
    queryKey: ['transaction', id ?? 0],
    queryFn: ({ signal }) => api.get<Transaction>(`/api/transactions/${id}`, signal),
    enabled: id !== null,
    refetchOnWindowFocus: false,
  });
}

export function useSaveTransaction(id: number | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TransactionInput) =>
      id === null
        ? api.post<Transaction>('/api/transactions', input)
        : api.put<Transaction>(`/api/transactions/${id}`, input),
    onSuccess: (t) => {
      qc.setQueryData(['transaction', t.id], t);
      void qc.invalidateQueries({ queryKey: ['transactions'] });
    },
  });
}
