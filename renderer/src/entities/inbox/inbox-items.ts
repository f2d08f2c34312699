import { createContext, useContext, useSyncExternalStore } from 'react';
import type { InboxService, InboxSnapshot } from '../../data/services/inbox/inbox-service';

/** The signed-in member's inbox service (started by the app layout once the workspace is open), or null. */
export const InboxServiceContext = createContext<InboxService | null>(null);

export function useInboxService(): InboxService | null {
  return useContext(InboxServiceContext);
}

const noSubscribe = () => () => undefined;
const noSnapshot = () => null;

/** The live inbox (items with marks applied, counts by kind); null without a service. */
export function useInboxSnapshot(): InboxSnapshot | null {
  const service = useInboxService();
  return useSyncExternalStore(
    service ? service.subscribe : noSubscribe,
    service ? service.getSnapshot : noSnapshot,
  );
}
