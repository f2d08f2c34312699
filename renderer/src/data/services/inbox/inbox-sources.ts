import type { Repositories } from '../../repositories';
import { ApprovalSource } from './approval-source';
import { AssignmentSource } from './assignment-source';
import { createFollowUpSource } from './follow-up-source';
import type { InboxSource } from './inbox-source';
import { MentionSource } from './mention-source';
import { RoutingSource } from './routing-source';
import { SlaSource } from './sla-source';

/**
 * The producers of the signed-in member's inbox (issue 18). Each computes from the replica alone, so the inbox works
 * offline: follow-up reminders, escalations and key dates (shared/rules follow-up and key-dates), approvals waiting
 * on the person, @mentions and replies in comments, leads the server's rules assigned to them (issue 19), tickets
 * its routing gave them, and SLA warnings, breaches and escalations of tickets (issue 21).
 */
export function createInboxSources(
  repos: Repositories,
  onError?: (what: string, error: unknown) => void,
): InboxSource[] {
  return [
    createFollowUpSource({ repos }),
    new MentionSource(repos),
    new ApprovalSource(repos, onError),
    new AssignmentSource(repos),
    new RoutingSource(repos),
    new SlaSource(repos),
  ];
}
