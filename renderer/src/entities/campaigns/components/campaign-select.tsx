import { useMemo } from 'react';
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCampaignsQuery } from '../queries';

export interface CampaignSelectProps {
  /** The campaign id, '' for none. */
  value: string;
  onChange: (campaignId: string) => void;
  testId: string;
}

/** Picks the campaign (市场活动) a lead or deal came from; '' when cleared. */
export function CampaignSelect({ value, onChange, testId }: CampaignSelectProps) {
  const { t } = useTranslation();
  const campaigns = useCampaignsQuery();
  const data = useMemo(() => {
    const options = (campaigns.data ?? []).map((c) => ({ value: c.id, label: c.value.name }));
    // A campaign that is gone (deleted, not yet synced) still shows as its id rather than as nothing.
    if (value && !options.some((o) => o.value === value)) options.push({ value, label: value });
    return options;
  }, [campaigns.data, value]);
  return (
    <Select
      label={t('fields.campaign')}
      placeholder={t('campaigns.pick')}
      data={data}
      searchable
      clearable
      nothingFoundMessage={t('campaigns.noneYet')}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      data-testid={testId}
    />
  );
}
