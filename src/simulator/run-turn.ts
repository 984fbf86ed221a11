/**
 * One simulated turn: understand the words, write the request as the platform would, run it
 * through that platform's real adapter, and report what the resident would hear with everything
 * staff need to see why.
 */
import type { HttpCall } from '../connectors/http';
import { FALLBACK, LAUNCH, SESSION_END } from '../core/intents';
import type { LanguageModel } from '../language-model/language-model';
import type { CallRecorder } from './call-recorder';
import { readIntentCommand } from './intent-command';
import type { Nlu, NluResult, NluSlot } from './nlu/create-nlu';
import { readInvocation } from './invocation';
import type { Awaiting, PlatformBridge, PlatformOutcome, SimulatedTurn } from './platform-bridge';
import type { SessionStore } from './sessions';
import type { TurnRequest } from './turn-request';
import { findWarnings, type Warning } from './warnings';

export interface TurnContext {
  nluFor(locale: string): { nlu: Nlu; model: LanguageModel } | undefined;
  /** Every platform the simulator knows, wired or not. */
  platforms: { name: string; label: string; bridge?: PlatformBridge }[];
  sessions: SessionStore;
  recorder: CallRecorder;
  invocationName: string;
  now: () => Date;
  /** In a deployment of several councils: the council a resident's turns now go to, if one is known. */
  councilOf?: (userId: string, picked: string | undefined) => Promise<{ id: string; name: string } | undefined>;
  /** In a deployment of several councils: the ones staff may pick from. */
  councils?: { id: string; name: string }[];
  /** Runs a turn as a resident of `councilId` (staff picked it), or by address when undefined. */
  asCouncil?: <T>(councilId: string | undefined, run: () => Promise<T>) => Promise<T>;
}

/** The answer of POST /simulator/api/turns (see issue 5 for the contract). */
export interface TurnAnswer {
  sessionId: string;
  platform: string;
  intent: { name: string; confidence: number };
  slots: Record<string, { value: string; id?: string }>;
  reply: PlatformOutcome['reply'];
  platformRequest: unknown;
  platformResponse: unknown;
  calls: HttpCall[];
  ms: number;
  /** When the turn happened on the service's clock (a saved test replays on this day). */
  at: string;
  /** What the resident heard while waiting (Alexa progressive responses), before the reply. */
  progress: string[];
  warnings: Warning[];
  /** How the words were understood: the nearest other intents, the sample that matched. */
  understanding?: { alternatives: NluResult['alternatives']; reason: NluResult['reason'] };
  /** The slot the skill is now waiting for, if any. */
  awaiting: Awaiting | null;
  sessionEnded: boolean;
  /**
   * In a deployment of several councils, the council that answers this resident (the one saved
   * with their address); null while the service answers under its own name. Absent with one council.
   */
  council?: { id: string; name: string } | null;
}

export type TurnResult = { status: 200; body: TurnAnswer } | { status: number; body: { error: string; detail?: unknown } };

type Understood = Pick<SimulatedTurn, 'kind' | 'intent' | 'slots' | 'confidence' | 'answers' | 'text'> & { nlu?: NluResult };

function understand(request: TurnRequest, nlu: Nlu, invocationName: string, awaiting: Awaiting | undefined): Understood {
  if (request.event === 'end') return { kind: 'end', slots: {} };
  const said = request.text?.trim() ?? '';
  const invocation = said ? readInvocation(said, invocationName) : { kind: 'none' as const };
  if (request.event === 'launch' || invocation.kind === 'launch') return { kind: 'launch', slots: {}, text: said || undefined };
  const typed = said && !request.intent ? readIntentCommand(said, nlu.model.intents.map((i) => i.name)) : undefined;
  if (request.intent || typed) {
    const intent = request.intent ?? typed?.intent ?? '';
    const slots: Record<string, NluSlot> = {};
    for (const [name, given] of Object.entries(request.slots ?? typed?.slots ?? {})) {
      const words = typeof given === 'string' ? given : given.value ?? given.id ?? '';
      slots[name] = typeof given === 'object' && given.id ? { value: words, id: given.id } : nlu.resolveSlot(intent, name, words);
    }
    return { kind: 'intent', intent, slots, confidence: 1, text: said || undefined };
  }
  const words = invocation.kind === 'ask' ? invocation.text : said;
  const result = nlu.understand(words, { awaiting });
  // A full sentence naming the awaited slot answers it too, as a platform's form filling would.
  const answers = awaiting && (result.reason.how === 'answer to a question'
    || (result.intent.name === awaiting.intent && awaiting.slot in result.slots)) ? awaiting : undefined;
  return { kind: 'intent', intent: result.intent.name, slots: result.slots, confidence: result.intent.confidence, answers, text: said, nlu: result };
}

const ENDED: PlatformOutcome = {
  reply: { text: '', ssml: '', reprompt: null, endSession: true, card: null },
  carry: undefined,
  hasReprompts: false,
};

export async function runTurn(context: TurnContext, request: TurnRequest, apiEndpoint: string): Promise<TurnResult> {
  const platform = context.platforms.find((p) => p.name === request.platform);
  if (!platform) {
    return { status: 400, body: { error: `unknown platform "${request.platform}"; use one of ${context.platforms.map((p) => p.name).join(', ')}` } };
  }
  const bridge = platform.bridge;
  if (!bridge) return { status: 501, body: { error: `${platform.label} is not available yet: its adapter is not wired into this server.` } };
  const language = context.nluFor(request.locale);
  if (!language) return { status: 400, body: { error: `there is no language model for locale ${request.locale}` } };

  const picked = request.council;
  if (picked !== undefined && !context.councils?.some((c) => c.id === picked)) {
    const known = context.councils?.map((c) => c.id).join(', ');
    return { status: 400, body: { error: known ? `unknown council "${picked}"; use one of ${known}, or leave it out to go by address` : 'this service answers for one council: leave "council" out' } };
  }

  const started = performance.now();
  const device = { postcode: request.device.postcode, permissions: request.device.permissions, hasScreen: request.device.hasScreen };
  const { session, isNew } = context.sessions.open(request.sessionId, bridge.name, request.userId, device);
  const understood = understand(request, language.nlu, context.invocationName, session.awaiting);
  const turn: SimulatedTurn = {
    ...understood,
    sessionId: session.id,
    userId: request.userId,
    locale: request.locale,
    isNewSession: isNew,
    carry: session.carry,
    device,
    accessToken: request.accessToken,
    apiEndpoint,
    apiAccessToken: session.apiAccessToken,
    requestId: `simulator-${session.id}-${session.turns + 1}`,
    now: context.now(),
  };
  session.progress = [];
  const platformRequest = bridge.buildRequest(turn, language.model);
  const send = (): Promise<{ status: number; body: unknown }> => platformRequest === undefined ? Promise.resolve({ status: 200, body: undefined })
    : context.asCouncil ? context.asCouncil(picked, () => bridge.send(platformRequest)) : bridge.send(platformRequest);
  const { result: response, calls } = await context.recorder.record(send);
  if (response.status !== 200) {
    context.sessions.end(session.id);
    return { status: 502, body: { error: `the ${bridge.label} adapter answered ${response.status}`, detail: { platformRequest, platformResponse: response.body } } };
  }
  const outcome = platformRequest === undefined ? ENDED : bridge.readResponse(response.body, turn, language.model);
  const progress = [...session.progress];
  session.turns += 1;
  session.carry = outcome.carry;
  session.awaiting = outcome.awaiting;
  if (outcome.reply.endSession) context.sessions.end(session.id);
  const ms = Math.round((performance.now() - started) * 10) / 10;

  const council = context.councilOf ? (await context.councilOf(turn.userId, picked)) ?? null : undefined;
  const intentName = turn.kind === 'launch' ? LAUNCH : turn.kind === 'end' ? SESSION_END : turn.intent ?? FALLBACK;
  return {
    status: 200,
    body: {
      sessionId: session.id,
      platform: bridge.name,
      intent: { name: intentName, confidence: turn.confidence ?? 1 },
      slots: Object.fromEntries(Object.entries(turn.slots).map(([name, slot]) => [name, slot.id ? { value: slot.value, id: slot.id } : { value: slot.value }])),
      reply: outcome.reply,
      platformRequest: platformRequest ?? null,
      platformResponse: response.body ?? null,
      calls,
      ms,
      at: turn.now.toISOString(),
      progress,
      warnings: findWarnings(outcome.reply, calls, ms, outcome.hasReprompts),
      understanding: understood.nlu && { alternatives: understood.nlu.alternatives, reason: understood.nlu.reason },
      awaiting: outcome.awaiting ?? null,
      sessionEnded: outcome.reply.endSession,
      ...(council === undefined ? {} : { council }),
    },
  };
}
