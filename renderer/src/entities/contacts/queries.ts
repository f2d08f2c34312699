import { useQuery } from '@tanstack/react-query';
import { useRepositories } from '../../hooks/use-workspace';
import { usePagedList } from '../../hooks/use-paged-list';

export const contactKeys = {
  all: ['contacts'] as const,
  lists: () => [...contactKeys.all, 'list'] as const,
  list: (text: string) => [...contactKeys.lists(), text] as const,
  byAccount: (accountId: string) => [...contactKeys.all, 'byAccount', accountId] as const,
  detail: (id: string) => [...contactKeys.all, 'detail', id] as const,
  duplicates: (mobile: string, email: string, excludeId?: string) =>
    [...contactKeys.all, 'duplicates', mobile, email, excludeId ?? ''] as const,
};

export function useContactList(text: string) {
  const repos = useRepositories();
  return usePagedList(contactKeys.list(text), (limit, skip) =>
    repos.contacts.listPage(text, limit, skip),
  );
}

export function useContactsByAccount(accountId: string | undefined) {
  const repos = useRepositories();
  return useQuery({
    queryKey: contactKeys.byAccount(accountId ?? ''),
    queryFn: () => repos.contacts.byAccount(accountId ?? ''),
    enabled: !!accountId,
  });
}

export function useContactDuplicates(mobile: string, email: string, excludeId?: string) {
  const repos = useRepositories();
  return useQuery({
    queryKey: contactKeys.duplicates(mobile, email, excludeId),
    queryFn: () => repos.contacts.findDuplicates({ mobile, email }, excludeId),
    enabled: mobile.length >= 11 || email.includes('@'),
    placeholderData: (previous) => previous,
  });
}
