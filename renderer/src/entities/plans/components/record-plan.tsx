import { docNameFor, type DocKind } from '@shared/sync';
import { accountPlanTemplate } from '../plan-template';
import { CollaborativeEditor } from './collaborative-editor';

/** The account plan (客户计划) of an account: starts from the plan template. */
export function AccountPlan({ accountId, title }: { accountId: string; title: string }) {
  return (
    <CollaborativeEditor
      docName={docNameFor('account-plan', accountId)}
      title={title}
      template={accountPlanTemplate}
    />
  );
}

/** Free notes of a deal or a meeting: start empty. */
export function RecordNotes({
  kind,
  recordId,
  title,
}: {
  kind: Exclude<DocKind, 'account-plan'>;
  recordId: string;
  title: string;
}) {
  return <CollaborativeEditor docName={docNameFor(kind, recordId)} title={title} compact />;
}
