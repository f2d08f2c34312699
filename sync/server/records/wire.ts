import type { Stamp, WireDoc } from '@shared/sync';
import type { Entity, PullJsonResult } from './types';

/**
 * The wire document for a stored entity given as JSON object text (jsonb::text): the entity's fields plus
 * `_deleted`, spliced as text so a pull neither parses nor re-serializes what the database already holds.
 * (Stored entities never carry `_`-fields, entityOf strips them; were one there, JSON.parse keeps the last
 * `_deleted`, so this one wins as in `{ ...data, _deleted }`.)
 */
export function wireJsonOf(entityJson: string, deleted: boolean): string {
  const body = entityJson.trimEnd();
  if (!body.startsWith('{') || !body.endsWith('}'))
    throw new Error('stored record data is not a JSON object');
  const inner = body.slice(1, -1).trim();
  return `{${inner}${inner ? ',' : ''}"_deleted":${deleted ? 'true' : 'false'}}`;
}

/**
 * The `pull-result` message for a serialized pull answer (JSON text, equal to JSON.stringify of the message),
 * with the server's clock when given.
 */
export function pullResultMessageJson(id: number, result: PullJsonResult, clock?: Stamp): string {
  const tail = clock === undefined ? '' : `,"clock":${JSON.stringify(clock)}`;
  return `{"type":"pull-result","id":${JSON.stringify(id)},"documents":${result.documentsJson},"checkpoint":${JSON.stringify(result.checkpoint)},"remaining":${JSON.stringify(result.remaining)}${tail}}`;
}

/** Strips replication bookkeeping (`_deleted`, `_meta`, `_rev`, `_attachments`) from a wire document. */
export function entityOf(doc: Record<string, unknown>): Entity {
  return Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('_'))) as Entity;
}

/** A stored entity as a wire document. */
export function toWire(data: Entity, deleted: boolean): WireDoc {
  return { ...data, _deleted: deleted };
}
