import { useMemo, useState } from 'react';
import {
  Checkbox,
  Divider,
  Fieldset,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import {
  INDUSTRY_SECTIONS,
  LEAD_SOURCES,
  REGIONS,
  SIZE_BANDS,
  divisionsOf,
  sectionOf,
  type Lead,
} from '@shared/domain';
import { useListOptions } from '../../../components/list-options';
import { notifySaved, reportWriteError } from '../../../components/write-errors';
import { useDuplicateCheck } from '../../../entities/duplicates/queries';
import {
  DuplicateWarning,
  duplicateItems,
} from '../../../entities/accounts/components/duplicate-warning';
import { PendingMark } from '../../../entities/sync/components/pending-mark';
import { ActivityList } from '../../../entities/activities/components/activity-list';
import { LogActivityButton } from '../../../entities/activities/components/log-activity-button';
import { useCreateLeadMutation, useUpdateLeadMutation } from '../../../entities/leads/mutations';
import { FormActions } from '../../../components/form-actions';
import { CommentThread } from '../../../entities/comments/components/comment-thread';
import { useWriteAccess } from '../../../hooks/use-write-access';
import { HiddenFieldInput } from '../../../components/hidden-field-input';
import { useHiddenFields, withoutHidden } from '../../../entities/settings/field-policy';
import { CampaignSelect } from '../../../entities/campaigns/components/campaign-select';
import { useLeadScoringQuery, useRecentContactsQuery } from '../../../entities/leads/scoring';
import { LeadScoreBreakdown } from '../../../entities/leads/components/lead-score-breakdown';
import { useLeadAssignmentQuery } from '../../../entities/settings/lead-assignment';
import { useWorkspace } from '../../../hooks/use-workspace';

export interface LeadFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** Edit this lead instead of creating one. */
  lead?: Lead;
  onSaved?: (lead: Lead) => void;
}

/** Statuses a person sets by hand; 'converted' is only ever set by the conversion. */
const EDITABLE_STATUSES = ['new', 'contacted', 'qualified', 'disqualified'] as const;
const ALL_STATUSES = [...EDITABLE_STATUSES, 'converted'] as const;

export function LeadFormModal({ opened, onClose, lead, onSaved }: LeadFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        lead ? (
          <Group gap="xs" component="span">
            {t('leads.edit')}
            <PendingMark collection="leads" id={lead.id} />
          </Group>
        ) : (
          t('leads.new')
        )
      }
      size="lg"
    >
      {opened && <LeadForm lead={lead} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

interface FormValues {
  name: string;
  company: string;
  title: string;
  mobile: string;
  email: string;
  source: string;
  campaign: string;
  campaignId: string;
  region: string;
  industry: string;
  sizeBand: string;
  score: number | string;
  status: Lead['status'];
  notes: string;
}

function LeadForm({ lead, onClose, onSaved }: Omit<LeadFormModalProps, 'opened'>) {
  const { t, i18n } = useTranslation();
  const access = useWriteAccess('leads', lead ?? null);
  // A record this person may not change: values shown, fields disabled, no save (FormActions).
  const readOnly = !access.canWrite;
  // Fields the field policy hides from this person: shown as hidden, never edited or sent.
  const hidden = useHiddenFields('leads', lead);
  const createLead = useCreateLeadMutation();
  const updateLead = useUpdateLeadMutation();
  const sourceOptions = useListOptions('source', LEAD_SOURCES);
  const regionOptions = useListOptions('region', REGIONS);
  const sizeOptions = useListOptions('sizeBand', SIZE_BANDS);
  const statusOptions = useListOptions(
    'leadStatus',
    lead?.status === 'converted' ? ALL_STATUSES : EDITABLE_STATUSES,
  );
  // With scoring on, the score follows the rules (shared/rules/lead-scoring.ts) and is shown with its parts.
  const scoring = useLeadScoringQuery().data;
  const recentContacts = useRecentContactsQuery(lead?.id).data ?? 0;
  // Assignment by the server's rules (issue 19): a new lead may be left without an owner for them to place.
  const team = useWorkspace().session.mode === 'team';
  const assignment = useLeadAssignmentQuery();
  const canAssignAutomatically = !lead && team && assignment.data?.enabled === true;
  const [assignAutomatically, setAssignAutomatically] = useState(false);

  const form = useForm<FormValues>({
    initialValues: {
      name: lead?.name ?? '',
      company: lead?.company ?? '',
      title: lead?.title ?? '',
      mobile: lead?.mobile ?? '',
      email: lead?.email ?? '',
      source: lead?.source ?? '',
      campaign: lead?.campaign ?? '',
      campaignId: lead?.campaignId ?? '',
      region: lead?.region ?? '',
      industry: lead?.industry ?? '',
      sizeBand: lead?.sizeBand ?? '',
      score: lead?.score ?? 0,
      status: lead?.status ?? 'new',
      notes: lead?.notes ?? '',
    },
    validate: {
      name: (value) => (value.trim() ? null : t('validation.required')),
      source: (value) => (value ? null : t('validation.required')),
    },
  });
  const values = form.getValues();
  const [section, setSection] = useState(lead?.industry ? sectionOf(lead.industry) : '');

  const sectionOptions = useMemo(
    () =>
      INDUSTRY_SECTIONS.map((code) => ({ value: code, label: `${code} ${t(`industry.${code}`)}` })),
    // Labels change with the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [i18n.language],
  );
  const divisionOptions = useMemo(
    () =>
      divisionsOf(section).map((code) => ({
        value: code,
        label: `${code.slice(1)} ${t(`industry.${code}`)}`,
      })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [section, i18n.language],
  );

  // 撞单: the company (or the person's mobile, e-mail) is already an account, a contact or someone's open lead —
  // in the replica, and (online) anywhere in the workspace, named by owner and team.
  const [company] = useDebouncedValue(values.company, 300);
  const [mobile] = useDebouncedValue(values.mobile, 300);
  const [email] = useDebouncedValue(values.email, 300);
  const duplicates = useDuplicateCheck({ name: company, mobile, email }, lead?.id);

  const handleSectionChange = (value: string | null) => {
    setSection(value ?? '');
    // A section alone is a valid industry until the division is known.
    form.setFieldValue('industry', value ?? '');
  };

  const handleSubmit = (v: FormValues) => {
    const fields = {
      name: v.name,
      company: v.company,
      title: v.title,
      mobile: v.mobile,
      email: v.email,
      source: v.source as Lead['source'],
      campaign: v.campaign,
      campaignId: v.campaignId,
      region: v.region as Lead['region'],
      industry: v.industry,
      sizeBand: v.sizeBand as Lead['sizeBand'],
      score: typeof v.score === 'number' ? v.score : Number(v.score) || 0,
      notes: v.notes,
    };
    const onSuccess = (saved: Lead) => {
      notifySaved(t);
      onSaved?.(saved);
      onClose();
    };
    const onError = (error: unknown) => reportWriteError(error, t, form);
    if (lead) {
      updateLead.mutate(
        { id: lead.id, patch: { ...withoutHidden(fields, hidden), status: v.status } },
        { onSuccess, onError },
      );
    } else {
      createLead.mutate(
        {
          ...fields,
          companyKey: '',
          status: 'new',
          convertedAccountId: '',
          convertedContactId: '',
          convertedDealId: '',
          // Left empty, the server gives it an owner by the assignment rules when it arrives.
          ...(canAssignAutomatically && assignAutomatically ? { ownerId: '' } : {}),
        },
        { onSuccess, onError },
      );
    }
  };

  return (
    <Stack gap="md">
      <form onSubmit={form.onSubmit(handleSubmit)} data-testid="lead-form">
        <Fieldset variant="unstyled" disabled={readOnly}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('fields.contactName')}
                withAsterisk
                {...form.getInputProps('name')}
                data-testid="lead-name"
                data-autofocus={!readOnly || undefined}
              />
              <TextInput
                label={t('fields.title')}
                {...form.getInputProps('title')}
                data-testid="lead-title"
              />
            </SimpleGrid>
            <TextInput
              label={t('fields.company')}
              {...form.getInputProps('company')}
              data-testid="lead-company"
            />
            <DuplicateWarning
              items={duplicateItems(duplicates.matches)}
              elsewhere={duplicates.elsewhere}
              testId="lead-duplicates"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {hidden.has('mobile') ? (
                <HiddenFieldInput label={t('fields.mobile')} testId="lead-mobile" />
              ) : (
                <TextInput
                  label={t('fields.mobile')}
                  inputMode="tel"
                  {...form.getInputProps('mobile')}
                  data-testid="lead-mobile"
                />
              )}
              {hidden.has('email') ? (
                <HiddenFieldInput label={t('fields.email')} testId="lead-email" />
              ) : (
                <TextInput
                  label={t('fields.email')}
                  type="email"
                  {...form.getInputProps('email')}
                  data-testid="lead-email"
                />
              )}
              <Select
                label={t('fields.source')}
                data={sourceOptions}
                withAsterisk
                allowDeselect={false}
                {...form.getInputProps('source')}
                value={values.source || null}
                data-testid="lead-source"
              />
              <CampaignSelect
                value={values.campaignId}
                onChange={(id) => form.setFieldValue('campaignId', id)}
                testId="lead-campaign-id"
              />
              {/* Free text from before campaigns were records: kept while no campaign is picked. */}
              {values.campaignId === '' && values.campaign !== '' && (
                <TextInput
                  label={t('campaigns.legacyText')}
                  {...form.getInputProps('campaign')}
                  data-testid="lead-campaign"
                />
              )}
              <Select
                label={t('fields.region')}
                data={regionOptions}
                searchable
                clearable
                {...form.getInputProps('region')}
                value={values.region || null}
                onChange={(value: string | null) => form.setFieldValue('region', value ?? '')}
                data-testid="lead-region"
              />
              {scoring?.enabled === false && (
                <NumberInput
                  label={t('fields.score')}
                  description={t('leads.scoreHint')}
                  min={0}
                  max={100}
                  clampBehavior="strict"
                  allowDecimal={false}
                  {...form.getInputProps('score')}
                  data-testid="lead-score"
                />
              )}
              <Select
                label={t('fields.industrySection')}
                data={sectionOptions}
                searchable
                clearable
                value={section || null}
                onChange={handleSectionChange}
                data-testid="lead-industry-section"
              />
              <Select
                label={t('fields.industryDivision')}
                data={divisionOptions}
                searchable
                clearable
                disabled={!section}
                value={values.industry.length > 1 ? values.industry : null}
                onChange={(value) => form.setFieldValue('industry', value ?? section)}
                error={form.errors.industry}
                data-testid="lead-industry-division"
              />
              <Select
                label={t('fields.sizeBand')}
                data={sizeOptions}
                clearable
                {...form.getInputProps('sizeBand')}
                value={values.sizeBand || null}
                onChange={(value: string | null) => form.setFieldValue('sizeBand', value ?? '')}
                data-testid="lead-size-band"
              />
              {lead?.captureSource ? (
                <TextInput
                  label={t('leads.captureSource')}
                  description={t('leads.captureSourceHint')}
                  value={lead.captureSource}
                  readOnly
                  data-testid="lead-capture-source"
                />
              ) : null}
              {canAssignAutomatically && (
                <Checkbox
                  label={t('leads.assignAutomatically')}
                  description={t('leads.assignAutomaticallyHint')}
                  checked={assignAutomatically}
                  onChange={(e) => setAssignAutomatically(e.currentTarget.checked)}
                  data-testid="lead-assign-automatically"
                />
              )}
              {lead && (
                <Select
                  label={t('fields.status')}
                  data={statusOptions}
                  allowDeselect={false}
                  disabled={lead.status === 'converted'}
                  {...form.getInputProps('status')}
                  data-testid="lead-status"
                />
              )}
            </SimpleGrid>
            {scoring?.enabled && (
              <LeadScoreBreakdown
                lead={{
                  ...values,
                  source: values.source as Lead['source'],
                  region: values.region as Lead['region'],
                  sizeBand: values.sizeBand as Lead['sizeBand'],
                }}
                rules={scoring}
                recentActivities={recentContacts}
              />
            )}
            <Textarea
              label={t('fields.notes')}
              autosize
              minRows={2}
              maxRows={8}
              {...form.getInputProps('notes')}
              data-testid="lead-notes"
            />
          </Stack>
        </Fieldset>
        <FormActions
          onCancel={onClose}
          saving={createLead.isPending || updateLead.isPending}
          saveTestId="lead-save"
          access={access}
        />
      </form>
      {/* Outside the form: the activity dialog has its own form, and React events bubble through portals. */}
      {lead && (
        <Stack gap="xs">
          <Divider label={t('leads.followUps')} labelPosition="left" />
          <Group justify="flex-end">
            <LogActivityButton
              size="xs"
              related={{
                type: 'lead',
                id: lead.id,
                accountId: lead.convertedAccountId,
                label: lead.company ? `${lead.name} · ${lead.company}` : lead.name,
              }}
            />
          </Group>
          <ActivityList relatedId={lead.id} />
          <CommentThread
            target={{ collection: 'leads', id: lead.id, teamId: lead.teamId, accountId: '' }}
          />
        </Stack>
      )}
    </Stack>
  );
}
