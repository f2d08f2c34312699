import { z } from 'zod';
import {
  checkpointSchema,
  serverMessageSchema,
  type ServerMessage,
  type WireDoc,
} from '@shared/sync';

export type ParsedServerMessage =
  | { ok: true; message: ServerMessage }
  /** `id`: the request the invalid reply answers, when it says so (its waiter is failed with `error`). */
  | { ok: false; id: number | undefined; error: string };

/** A pull-result with its documents still unchecked: the envelope is validated strictly by zod. */
const pullResultEnvelopeSchema = z.object({
  type: z.literal('pull-result'),
  id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  documents: z.array(z.unknown()),
  checkpoint: checkpointSchema.nullable(),
  remaining: z.number().int().min(0),
});

/**
 * Why `doc` is not a wire document (the rules of `wireDocSchema`: an object with an `id` of 1–64 characters
 * and an optional boolean `_deleted`; other fields are validated per collection by RxDB's schema on write),
 * or null when it is one.
 */
export function wireDocProblem(doc: unknown): string | null {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return 'expected an object';
  const { id, _deleted: deleted } = doc as { id?: unknown; _deleted?: unknown };
  if (typeof id !== 'string') return 'id: expected a string';
  if (id.length < 1 || id.length > 64) return 'id: expected 1–64 characters';
  if (deleted !== undefined && typeof deleted !== 'boolean') return '_deleted: expected a boolean';
  return null;
}

function issuesOf(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.')}: ${i.message}`)
    .join('; ');
}

/**
 * Validates a message from the sync server (parsed JSON). Pull results (up to MAX_PULL_BATCH documents, most
 * of the bytes a client receives) have their envelope checked by zod and every document by `wireDocProblem`,
 * which enforces the same rules as `wireDocSchema` without zod's copy of every document (zod's copies
 * showed up in B1's main-thread profile of an initial download, and as garbage; BENCHMARKS.md B1).
 * The documents are returned as they arrived. Every other message goes through `serverMessageSchema`.
 */
export function parseServerMessage(raw: unknown): ParsedServerMessage {
  const id =
    typeof (raw as { id?: unknown } | null)?.id === 'number'
      ? (raw as { id: number }).id
      : undefined;
  if ((raw as { type?: unknown } | null)?.type === 'pull-result') {
    const envelope = pullResultEnvelopeSchema.safeParse(raw);
    if (!envelope.success)
      return {
        ok: false,
        id,
        error: `invalid pull-result from the server: ${issuesOf(envelope.error)}`,
      };
    const documents = envelope.data.documents;
    for (let i = 0; i < documents.length; i++) {
      const problem = wireDocProblem(documents[i]);
      if (problem)
        return {
          ok: false,
          id,
          error: `invalid pull-result from the server: documents.${i}.${problem}`,
        };
    }
    return { ok: true, message: { ...envelope.data, documents: documents as WireDoc[] } };
  }
  const message = serverMessageSchema.safeParse(raw);
  if (!message.success)
    return { ok: false, id, error: `invalid message from the server: ${issuesOf(message.error)}` };
  return { ok: true, message: message.data };
}
