import { Group, Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { INDUSTRY_SECTIONS, divisionsOf, sectionOf } from '@shared/domain';

export interface IndustrySelectProps {
  value: string;
  onChange: (code: string) => void;
  error?: React.ReactNode;
}

/**
 * Two-level industry choice (GB/T 4754-2017): section (门类) then division (大类). The stored value is the
 * division code, or the section letter while no division is chosen.
 */
export function IndustrySelect({ value, onChange, error }: IndustrySelectProps) {
  const { t, i18n } = useTranslation();
  const section = value ? sectionOf(value) : '';
  const sections = useMemo(
    () =>
      INDUSTRY_SECTIONS.map((code) => ({ value: code, label: `${code} ${t(`industry.${code}`)}` })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [i18n.language],
  );
  const divisions = useMemo(
    () =>
      divisionsOf(section).map((code) => ({
        value: code,
        label: `${code.slice(1)} ${t(`industry.${code}`)}`,
      })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [section, i18n.language],
  );
  return (
    <Group grow align="flex-start">
      <Select
        label={t('fields.industrySection')}
        data={sections}
        value={section || null}
        onChange={(code) => onChange(code ?? '')}
        searchable
        clearable
        error={error}
        data-testid="industry-section"
      />
      <Select
        label={t('fields.industryDivision')}
        data={divisions}
        value={value.length > 1 ? value : null}
        onChange={(code) => onChange(code ?? section)}
        searchable
        clearable
        disabled={!section}
        data-testid="industry-division"
      />
    </Group>
  );
}
