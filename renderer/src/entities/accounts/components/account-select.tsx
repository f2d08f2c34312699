import { useMemo, useState } from 'react';
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useAccountPicker, useAccountQuery } from '../queries';

export interface AccountSelectProps extends Omit<
  SelectProps,
  'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange'
> {
  value: string;
  onChange: (accountId: string) => void;
}

/**
 * Searchable account picker (link a ticket or task to an account). Searches the replica as the person types;
 * the selected account stays in the options even when it is not among the matches.
 */
export function AccountSelect({ value, onChange, ...props }: AccountSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const { data: matches } = useAccountPicker(debounced);
  const { data: selected } = useAccountQuery(value || undefined);
  const data = useMemo(() => {
    const options = (matches ?? []).map((a) => ({ value: a.id, label: a.name }));
    if (selected && !options.some((o) => o.value === selected.id))
      options.unshift({ value: selected.id, label: selected.name });
    return options;
  }, [matches, selected]);
  return (
    <Select
      {...props}
      data={data}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The replica already filtered by name; don't filter the matches a second time by label.
      filter={({ options }) => options}
      nothingFoundMessage={t('activities.noAccountFound')}
      clearable
    />
  );
}
