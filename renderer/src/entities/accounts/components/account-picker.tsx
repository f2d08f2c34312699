import { useMemo, useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useAccountPicker, useAccountQuery } from '../queries';

export interface AccountPickerProps {
  label: string;
  value: string;
  onChange: (accountId: string) => void;
  error?: React.ReactNode;
  required?: boolean;
}

/** Searchable account select that queries as you type (never lists the whole collection). */
export function AccountPicker({ label, value, onChange, error, required }: AccountPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const results = useAccountPicker(debounced);
  const selected = useAccountQuery(value || undefined);
  const data = useMemo(() => {
    const options = (results.data ?? []).map((a) => ({ value: a.id, label: a.name }));
    if (selected.data && !options.some((o) => o.value === selected.data?.id))
      options.unshift({ value: selected.data.id, label: selected.data.name });
    return options;
  }, [results.data, selected.data]);
  return (
    <Select
      label={label}
      placeholder={t('common.search')}
      data={data}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      searchable
      clearable
      withAsterisk={required}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={t('common.empty')}
      error={error}
      data-testid="account-picker"
    />
  );
}
