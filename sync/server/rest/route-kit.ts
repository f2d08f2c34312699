import type { FastifyRequest } from 'fastify';
import type { Principal } from '@shared/sync';
import type { AuthService } from '../auth/auth-service';
import type { AdminService } from '../admin/admin-service';
import type { RecordStore } from '../records/record-store';
import type { Logger } from '../log';
import type { WebhookService } from '../webhooks/webhook-service';
import type { CaptureKeys } from '../capture/capture-keys';
import type { CaptureService } from '../capture/capture-service';
import type { HandoverService } from '../handover/handover-service';
import type { SurveyService } from '../surveys/survey-service';

/** What the REST routes call; the routes themselves only translate HTTP to these services and back. */
export interface HttpApiDeps {
  auth: AuthService;
  admin: AdminService;
  records: RecordStore;
  webhooks: WebhookService;
  /** Capture keys (admin) and the lead-capture post (issue 19). */
  captureKeys: CaptureKeys;
  capture: CaptureService;
  handover: HandoverService;
  /** CSAT and NPS survey tokens and answers (issue 21). */
  surveys: SurveyService;
  log: Logger;
  health: () => Record<string, unknown>;
}

/** Operations that need a session (an access token as `Authorization: Bearer …`). */
export const SIGNED_IN = [{ bearer: [] as string[] }];
/** Operations anyone may call (OpenAPI: an empty security list overrides nothing, it says "none"). */
export const PUBLIC: { bearer: string[] }[] = [];

/** The person acting on this request; throws ApiFailure 401/403 when the token does not hold. */
export function principalOf(auth: AuthService, req: FastifyRequest): Promise<Principal> {
  const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  return auth.authenticate(bearer);
}
