import { SearchHost, type HostReply, type HostRequest } from './search-host';

/**
 * The search index's Web Worker: building, querying and saving the index never blocks the UI thread.
 * Messages are handled one at a time in arrival order, so a query sent after a change sees that change.
 */
const host = new SearchHost();
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<HostRequest>) => void) | null;
  postMessage(message: HostReply): void;
};
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event) => {
  const message = event.data;
  queue = queue.then(async () => {
    try {
      const value = await host.handle(message);
      if ('reqId' in message) scope.postMessage({ reqId: message.reqId, ok: true, value });
    } catch (error) {
      if ('reqId' in message)
        scope.postMessage({
          reqId: message.reqId,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        });
    }
  });
};
