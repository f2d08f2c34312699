import { merge } from 'rxjs';
import type { Member } from '@shared/domain';
import {
  approvalDecidedItem,
  approvalInboxItem,
  approvalWaitsOn,
  type InboxItem,
} from '@shared/rules';
import type { ApprovalRepository } from '../../repositories/approval-repository';
import type { MemberRepository } from '../../repositories/member-repository';
import type { InboxSource } from './inbox-source';

/** How long a decided request stays in its requester's inbox (unless they mark it done first). */
const DECIDED_WINDOW_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * Approvals waiting on the viewer (issue 18; routed by steps since issue 20): the pending ones (an index on
 * status, a few hundred at most), and the viewer's own requests decided in the last 14 days; recomputed when an
 * approval or a member changes.
 */
export class ApprovalSource implements InboxSource {
  readonly name = 'approvals';

  constructor(
    private readonly repos: { approvals: ApprovalRepository; members: MemberRepository },
    private readonly onError?: (what: string, error: unknown) => void,
  ) {}

  start(
    viewerId: string,
    now: () => number,
    onItems: (items: readonly InboxItem[]) => void,
  ): () => void {
    let running = false;
    let again = false;
    let stopped = false;
    const compute = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          const items = await this.items(viewerId, now());
          if (!stopped) onItems(items);
        } while (again && !stopped);
      } catch (error) {
        this.onError?.('compute approvals waiting', error);
      } finally {
        running = false;
      }
    };
    const subscription = merge(
      this.repos.approvals.changes$(),
      this.repos.members.changes$(),
    ).subscribe(() => void compute());
    void compute();
    return () => {
      stopped = true;
      subscription.unsubscribe();
    };
  }

  private async items(viewerId: string, now: number): Promise<InboxItem[]> {
    const [pending, me, decided] = await Promise.all([
      this.repos.approvals.pending(),
      this.repos.members.get(viewerId),
      this.repos.approvals.decidedFor(viewerId, now - DECIDED_WINDOW_MS),
    ]);
    if (!me || (pending.length === 0 && decided.length === 0)) return [];
    const [users, teams] = await Promise.all([
      this.repos.members.users(),
      this.repos.members.teams(),
    ]);
    const byId = new Map<string, Member>(users.map((user) => [user.id, user]));
    const tree = teams.map((team) => ({ id: team.id, parentTeamId: team.parentTeamId }));
    const waiting = pending
      .filter((approval) =>
        approvalWaitsOn(approval, me, byId.get(approval.requesterId) ?? null, tree),
      )
      .map((approval) =>
        approvalInboxItem(approval, viewerId, byId.get(approval.requesterId)?.name ?? ''),
      );
    const results = decided.flatMap((approval) => {
      const item = approvalDecidedItem(approval, byId.get(approval.decidedBy)?.name ?? '');
      return item ? [item] : [];
    });
    return [...waiting, ...results];
  }
}
