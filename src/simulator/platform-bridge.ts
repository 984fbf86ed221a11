/**
 * What the simulator needs from each platform: build the request JSON the platform would send
 * for a turn, hand it to that platform's real adapter, and read back what residents would hear.
 * One file per platform beside this one does it; nothing else in the simulator knows a format.
 */
import type { LanguageModel } from '../language-model/language-model';
import type { NluSlot } from './nlu/create-nlu';

/** The slot the skill asked for, so a bare answer can fill it. */
export interface Awaiting {
  intent: string;
  slot: string;
}

/** What the simulated device allows and knows (the page's device panel). */
export interface SimulatedDevice {
  /** The postcode set on the device (only Alexa's Device Address API can tell the skill). */
  postcode?: string;
  permissions: ('address' | 'reminders')[];
  hasScreen?: boolean;
}

/** One turn, before it is written in a platform's words. */
export interface SimulatedTurn {
  kind: 'launch' | 'intent' | 'end';
  /** Our intent name, for kind 'intent'. */
  intent?: string;
  slots: Record<string, NluSlot>;
  confidence?: number;
  /** What the resident said, when they said something. */
  text?: string;
  /** The turn fills the slot the skill asked for (a bare answer). */
  answers?: Awaiting;
  sessionId: string;
  userId: string;
  locale: string;
  isNewSession: boolean;
  /** The platform's own carried state from the previous response (attributes, parameters, contexts). */
  carry: unknown;
  device: SimulatedDevice;
  accessToken?: string;
  /** Where the platform's own APIs (device address, reminders) are answered: the simulator. */
  apiEndpoint: string;
  apiAccessToken: string;
  requestId: string;
  now: Date;
}

/** What a resident would hear and see, in the same words on every platform. */
export interface SimulatedReply {
  text: string;
  ssml: string;
  reprompt: string | null;
  endSession: boolean;
  card: { type: string; title?: string; text?: string } | null;
}

export interface PlatformOutcome {
  reply: SimulatedReply;
  /** The state the platform carries to the next turn. */
  carry: unknown;
  /** The slot the skill asked for, if it asked. */
  awaiting?: Awaiting;
  /** False for platforms with no reprompt (Dialogflow ES): no warning for a missing one. */
  hasReprompts: boolean;
}

/** A platform as the simulator drives it. */
export interface PlatformBridge {
  name: string;
  /** The label staff see on the page. */
  label: string;
  buildRequest(turn: SimulatedTurn, model: LanguageModel): unknown;
  /** Runs the request through the platform's real adapter. */
  send(request: unknown): Promise<{ status: number; body: unknown }>;
  readResponse(body: unknown, turn: SimulatedTurn, model: LanguageModel): PlatformOutcome;
}

/** Slot names of an intent in the model, in model order. */
export function slotNamesOf(model: LanguageModel, intent: string): string[] {
  return model.intents.find((i) => i.name === intent)?.slots.map((s) => s.name) ?? [];
}

/** The slot type of an intent's slot. */
export function slotTypeOf(model: LanguageModel, intent: string, slot: string): string | undefined {
  return model.intents.find((i) => i.name === intent)?.slots.find((s) => s.name === slot)?.type;
}
