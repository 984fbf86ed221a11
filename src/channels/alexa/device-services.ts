/**
 * What an Alexa device lets the skill do this turn, as the core's DeviceServices. Alexa's own
 * APIs (device address here; progressive responses and reminders beside it) are called with
 * the `apiAccessToken` Alexa put in the request, so handlers never see a platform detail.
 */
import type { RequestEnvelope } from 'ask-sdk-model';
import { CouncilApiError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { DeviceServices, PostcodeLookup } from '../../core/turn';
import type { HttpClient } from '../../connectors/http';
import { APL_INTERFACE } from './apl/render-visual';
import { createProgressSender } from './progressive-response';
import { createReminderService } from './reminders-api';

export interface DeviceServiceDeps {
  /** Calls Alexa's APIs (service 'device'). */
  http: HttpClient;
  logger: Logger;
  /** Calls the Reminders API (service 'reminders'); `http` when not given. */
  remindersHttp?: HttpClient;
  /** Calls the Directive service for progressive responses; `http` when not given. */
  directivesHttp?: HttpClient;
}

export { ADDRESS_PERMISSION, REMINDERS_PERMISSION } from './permissions';

interface DeviceAddress {
  countryCode?: string | null;
  postalCode?: string | null;
}

/**
 * Asks the Device Address API for the postcode the resident set on their device.
 * Alexa answers 403 when the resident has not granted the permission; every other failure means
 * "ask by voice instead", so none of them is worth an apology.
 */
export async function lookupDevicePostcode(envelope: RequestEnvelope, deps: DeviceServiceDeps): Promise<PostcodeLookup> {
  const system = envelope.context?.System;
  const token = system?.apiAccessToken;
  // Alexa leaves the token out when the skill may not call its APIs (e.g. some test consoles).
  if (!token) return { kind: 'no-permission' };
  const deviceId = system?.device?.deviceId;
  const endpoint = system?.apiEndpoint;
  if (!deviceId || !endpoint) return { kind: 'unavailable' };
  const url = `${endpoint.replace(/\/+$/, '')}/v1/devices/${encodeURIComponent(deviceId)}/settings/address/countryAndPostalCode`;
  try {
    const { body } = await deps.http.getJson<DeviceAddress>(url, { headers: { authorization: `Bearer ${token}` } });
    const postcode = typeof body?.postalCode === 'string' ? body.postalCode.trim() : '';
    return postcode ? { kind: 'found', postcode } : { kind: 'unavailable' };
  } catch (error) {
    if (error instanceof CouncilApiError && error.status === 403) return { kind: 'no-permission' };
    deps.logger.warn({ err: error, requestId: envelope.request.requestId }, 'device address lookup failed');
    return { kind: 'unavailable' };
  }
}

/** The device services for one request. The postcode is looked up at most once per turn. */
export function createDeviceServices(envelope: RequestEnvelope, deps: DeviceServiceDeps): DeviceServices {
  let postcode: Promise<PostcodeLookup> | undefined;
  const interfaces = envelope.context?.System?.device?.supportedInterfaces as Record<string, unknown> | undefined;
  const services: DeviceServices = {
    lookupPostcode: () => (postcode ??= lookupDevicePostcode(envelope, deps)),
    hasScreen: Boolean(interfaces?.[APL_INTERFACE]),
  };
  // Progressive responses and reminders, from the same apiEndpoint and token (none without them).
  const sendProgress = createProgressSender(envelope, { http: deps.directivesHttp ?? deps.http });
  if (sendProgress) services.sendProgress = sendProgress;
  const reminders = createReminderService(envelope, { http: deps.remindersHttp ?? deps.http, logger: deps.logger });
  if (reminders) services.reminders = reminders;
  return services;
}
