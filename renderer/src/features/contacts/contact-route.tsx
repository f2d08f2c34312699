import { useEffect } from 'react';
import { Center, Loader } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useRepositories } from '../../hooks/use-workspace';
import { contactKeys } from '../../entities/contacts/queries';

/** /contacts/:id (deep links, search): a contact lives on its account's page; without one, on the list. */
export function ContactRoute() {
  const { id = '' } = useParams();
  const repos = useRepositories();
  const navigate = useNavigate();
  const contact = useQuery({
    queryKey: contactKeys.detail(id),
    queryFn: () => repos.contacts.get(id),
  });
  useEffect(() => {
    if (contact.isLoading) return;
    // Merged away (issue 19): the survivor's place.
    if (contact.data?.mergedIntoId) {
      void navigate(`/contacts/${contact.data.mergedIntoId}`, { replace: true });
      return;
    }
    const accountId = contact.data?.accountId;
    void navigate(accountId ? `/accounts/${accountId}` : '/contacts', { replace: true });
  }, [contact.isLoading, contact.data, navigate]);
  return (
    <Center py="xl">
      <Loader size="sm" />
    </Center>
  );
}
