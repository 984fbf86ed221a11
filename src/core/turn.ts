/**
 * A Turn is what the resident did this time, with every platform detail translated away.
 * Adapters build one per request; handlers read nothing else.
 */
import type { SessionState } from './session';

export type TurnKind = 'launch' | 'intent' | 'session-end' | 'can-fulfil';

/** A slot as heard (`value`) and as resolved to one of our ids (`id`), when resolution matched. */
export interface SlotValue {
  value?: string;
  id?: string;
}

export type Confirmation = 'NONE' | 'CONFIRMED' | 'DENIED';

/** Outcome of asking the device for the resident's postcode (Alexa's Device Address API). */
export type PostcodeLookup =
  | { kind: 'found'; postcode: string }
  | { kind: 'no-permission' }
  | { kind: 'unavailable' };

/**
 * What the device and platform let us do this turn. Each capability is optional: an adapter
 * provides only what its platform has, so handlers ask "can I?" instead of "which platform?".
 */
export interface DeviceServices {
  /** The postcode the resident set on the device, when the platform can tell. */
  lookupPostcode?: () => Promise<PostcodeLookup>;
  /** Speak something while a slow back end is still working (Alexa progressive response). */
  sendProgress?: (speech: string) => Promise<void>;
  /** The platform can create reminders on the resident's behalf. */
  reminders?: ReminderService;
  /** The device has a screen that can show a visual answer. */
  hasScreen?: boolean;
}

export interface ReminderRequest {
  /** Local time in the council's zone, `YYYY-MM-DDTHH:mm:ss`. */
  scheduledLocalTime: string;
  timeZone: string;
  text: string;
  locale: string;
}

export type ReminderResult =
  | { kind: 'created'; id: string }
  | { kind: 'no-permission' }
  | { kind: 'rate-limited' }
  | { kind: 'failed' };

export interface ReminderService {
  hasPermission: boolean;
  create(request: ReminderRequest): Promise<ReminderResult>;
  remove(id: string): Promise<boolean>;
}

export interface Turn {
  kind: TurnKind;
  /** Our intent name (see interaction-models), present when kind is 'intent' or 'can-fulfil'. */
  intent?: string;
  slots: Record<string, SlotValue>;
  /** The resident's answer to a confirmation the skill asked for. */
  confirmation: Confirmation;
  /** BCP 47, e.g. en-GB. */
  locale: string;
  /** Stable per resident and platform; empty for name-free (can-fulfil) requests. */
  userId: string;
  /** The platform's request id, used for idempotency and logs. */
  requestId: string;
  isNewSession: boolean;
  /** State the skill asked the platform to carry from the previous turn. */
  session: SessionState;
  /** Account-link access token, when the resident has linked a council account. */
  accessToken?: string;
  /** Why the session ended, for kind 'session-end'. */
  endReason?: string;
  device: DeviceServices;
  /**
   * The property this turn is about, when the caller named one (an MCP tool given a UPRN):
   * handlers use it instead of the resident's saved address, and save nothing. Voice turns
   * leave it unset and the saved address is used. In a deployment of several councils its
   * postcode (and the gazetteer's custodian code, when known) says which council answers; a
   * report may name only the postcode, with `uprn` empty.
   */
  property?: { uprn: string; label?: string; postcode?: string; custodianCode?: number };
}

/** A Turn with defaults, for adapters and tests that only know part of it. */
export function createTurn(partial: Partial<Turn> & Pick<Turn, 'kind'>): Turn {
  return {
    slots: {},
    confirmation: 'NONE',
    locale: 'en-GB',
    userId: '',
    requestId: '',
    isNewSession: false,
    session: {},
    device: {},
    ...partial,
  };
}
