/**
 * The core's ReminderService over the Alexa Reminders API (`POST /v1/alerts/reminders`,
 * `DELETE /v1/alerts/reminders/{alertToken}`), with the request's own API token. Every answer is
 * turned into one of the few outcomes a handler can say something useful about.
 */
import type { RequestEnvelope, services } from 'ask-sdk-model';
import type { HttpClient } from '../../connectors/http';
import { CouncilApiError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { ReminderRequest, ReminderResult, ReminderService } from '../../core/turn';
import { alexaApiHeaders, readApiAccess, type AlexaApiAccess } from './alexa-api';
import { REMINDERS_PERMISSION } from './permissions';

export interface RemindersApiDeps {
  /** Calls the Reminders API: one attempt only, since a retried POST could set a reminder twice. */
  http: HttpClient;
  logger: Logger;
  /** For `requestTime`; the real clock unless a test says otherwise. */
  now?: () => Date;
}

/**
 * Whether the resident granted the reminders permission. Alexa lists each permission scope the
 * skill declares under `user.permissions.scopes` with GRANTED or DENIED. The older `consentToken`
 * appears as soon as any permission (the address, say) is granted, so it is only a hint: with it
 * and no scopes at all, the skill tries, and a 401 from the API asks for the permission after all.
 */
export function hasRemindersPermission(envelope: RequestEnvelope): boolean {
  const permissions = envelope.context?.System?.user?.permissions;
  if (permissions?.scopes) return permissions.scopes[REMINDERS_PERMISSION]?.status === 'GRANTED';
  return Boolean(permissions?.consentToken);
}

/** The body Alexa expects for a one-off reminder at a local time in the council's zone. */
export function toReminderBody(request: ReminderRequest, now: Date): services.reminderManagement.ReminderRequest {
  return {
    requestTime: now.toISOString(),
    trigger: {
      type: 'SCHEDULED_ABSOLUTE',
      // Local wall-clock time; Alexa applies timeZoneId, so a reminder in BST stays at 7pm.
      scheduledTime: `${request.scheduledLocalTime}.000`,
      timeZoneId: request.timeZone,
    },
    alertInfo: { spokenInfo: { content: [{ locale: request.locale, text: request.text }] } },
    // A phone notification too: the resident may be out when the Echo speaks.
    pushNotification: { status: 'ENABLED' },
  };
}

/** What a failed call means to the resident: asked again for permission, try later, or sorry. */
function failureOf(error: unknown): ReminderResult {
  if (error instanceof CouncilApiError) {
    // 401: no permission or a token without it; 403: the resident or device may not have reminders.
    if (error.status === 401 || error.status === 403) return { kind: 'no-permission' };
    if (error.status === 429) return { kind: 'rate-limited' };
  }
  return { kind: 'failed' };
}

async function createReminder(access: AlexaApiAccess, request: ReminderRequest, deps: RemindersApiDeps, requestId: string): Promise<ReminderResult> {
  const url = `${access.endpoint}/v1/alerts/reminders`;
  const body = toReminderBody(request, (deps.now ?? (() => new Date()))());
  try {
    const response = await deps.http.request(url, { method: 'POST', headers: alexaApiHeaders(access), body: JSON.stringify(body) });
    const answer = deps.http.parseJson<services.reminderManagement.ReminderResponse>(url, response.text);
    if (typeof answer?.alertToken === 'string' && answer.alertToken !== '') return { kind: 'created', id: answer.alertToken };
    deps.logger.warn({ requestId, status: response.status }, 'Reminders API answered without an alertToken');
    return { kind: 'failed' };
  } catch (error) {
    const result = failureOf(error);
    deps.logger.warn({ err: error, requestId, outcome: result.kind }, 'reminder not created');
    return result;
  }
}

async function removeReminder(access: AlexaApiAccess, id: string, deps: RemindersApiDeps, requestId: string): Promise<boolean> {
  const url = `${access.endpoint}/v1/alerts/reminders/${encodeURIComponent(id)}`;
  try {
    // 404: the reminder has already gone (it fired and expired, or the resident deleted it).
    await deps.http.request(url, { method: 'DELETE', headers: alexaApiHeaders(access), acceptStatuses: [404] });
    return true;
  } catch (error) {
    deps.logger.warn({ err: error, requestId }, 'reminder not deleted');
    return false;
  }
}

/**
 * The reminder service for one request, or undefined when Alexa gave no API endpoint and token
 * (then no reminder can be set this turn, and the skill offers the council's calendar instead).
 */
export function createReminderService(envelope: RequestEnvelope, deps: RemindersApiDeps): ReminderService | undefined {
  const access = readApiAccess(envelope);
  if (!access) return undefined;
  const requestId = envelope.request.requestId;
  return {
    hasPermission: hasRemindersPermission(envelope),
    create: (request) => createReminder(access, request, deps, requestId),
    remove: (id) => removeReminder(access, id, deps, requestId),
  };
}
