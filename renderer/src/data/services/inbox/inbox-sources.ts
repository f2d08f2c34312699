import type { Repositories } from '../../repositories';
import { ApprovalSource } from './approval-source';
import type { InboxSource } from './inbox-source';

/**
 * The producers of the signed-in member's inbox (issue 18). Each computes from the replica alone, so the inbox works
 * offline; the follow-up rules and @mentions join here as their sources land.
 */
export function createInboxSources(
  repos: Repositories,
  onError?: (what: string, error: unknown) => void,
): InboxSource[] {
  return [new ApprovalSource(repos, onError)];
}
