/**
 * The staff simulator as an Express router, mounted at /simulator: the page, the turns API,
 * and the platform APIs (device address, reminders) the simulated devices answer themselves.
 * Only the machine it runs on may use it, unless a council chooses otherwise.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import { CHANNELS } from '../channels';
import type { Channel } from '../channels/channel';
import { createChannelContext } from '../channels/channel-context';
import type { LanguageModel } from '../language-model/language-model';
import { loadLanguageModel } from '../language-model/load-language-model';
import type { Composition } from '../server/composition';
import { createCallRecorder } from './call-recorder';
import { createNlu, type Nlu } from './nlu/create-nlu';
import type { PlatformBridge } from './platform-bridge';
import { runTurn, type TurnContext } from './run-turn';
import { SessionStore } from './sessions';
import { readTurnRequest } from './turn-request';

export const PUBLIC_DIR = path.resolve(__dirname, 'public');

export interface SimulatorOptions {
  /** Answer requests from other machines too (SIMULATOR_ALLOW_REMOTE=1). Off by default. */
  allowRemote?: boolean;
  /** The channels the page offers, in its order; default every channel in src/channels/index.ts that has a simulator. */
  channels?: readonly Channel[];
  /** The bridges to drive; by default each channel's own, over the same skill and logging as production. */
  bridges?: PlatformBridge[];
  /** Model per locale; by default read from interaction-models/source. */
  loadModel?: (locale: string) => LanguageModel;
}

/** Each channel's bridge, built the way the server builds the channel (createChannelContext). */
function defaultBridges(composition: Composition, channels: readonly Channel[], model: LanguageModel): PlatformBridge[] {
  return channels.flatMap((channel) => channel.simulator?.createBridge
    ? [channel.simulator.createBridge(createChannelContext(composition, channel.name, { loadModel: () => model }))]
    : []);
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** 403 for any caller that is not this machine: the simulator can act as any resident. */
const loopbackOnly: RequestHandler = (req, res, next) => {
  if (LOOPBACK.has(req.socket.remoteAddress ?? '')) return next();
  res.status(403).json({ error: 'The simulator only answers this computer. Set SIMULATOR_ALLOW_REMOTE=1 to share it.' });
};

const answerJsonErrors: ErrorRequestHandler = (error: { status?: number; type?: string }, _req, res, next) => {
  if (res.headersSent) return next(error);
  if (error.type === 'entity.parse.failed') {
    res.status(400).json({ error: 'The body is not valid JSON.' });
    return;
  }
  const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
  res.status(status).json({ error: status === 500 ? 'The simulator could not run that turn.' : 'The request was refused.' });
};

/**
 * With several councils: the council a simulated resident's turns go to (the one staff picked,
 * else the one saved with the address under the user id the channel gave the skill: each platform
 * writes the resident's id its own way), and the picker itself.
 */
function councilPicker(composition: Composition): Pick<TurnContext, 'councilOf' | 'councils' | 'asCouncil'> {
  const { councils, profiles } = composition.services;
  if (!councils) return {};
  // The picked council travels with the turn's own async work into the skill, so turns of
  // different sessions at the same time never see each other's pick.
  const picked = new AsyncLocalStorage<string | undefined>();
  councils.chooseWith(() => picked.getStore());
  let lastUser: string | undefined;
  composition.watchTurns?.((userId) => { lastUser = userId; });
  return {
    councils: councils.all.map(({ id, info: { name } }) => ({ id, name })),
    asCouncil: (councilId, run) => picked.run(councilId, run),
    councilOf: async (userId, councilId) => {
      const home = councils.forResident(lastUser ?? userId, await profiles.get(lastUser ?? userId));
      lastUser = undefined;
      const answered = (councilId === undefined ? undefined : councils.find(councilId)) ?? home;
      return answered && { id: answered.id, name: answered.info.name };
    },
  };
}

export function createSimulator(composition: Composition, options: SimulatorOptions = {}): Router {
  const loadModel = options.loadModel ?? ((locale: string) => loadLanguageModel(locale));
  const info = composition.services.info;
  const now = () => composition.services.clock.now();
  const languages = new Map<string, { nlu: Nlu; model: LanguageModel } | undefined>();
  function nluFor(locale: string): { nlu: Nlu; model: LanguageModel } | undefined {
    if (!languages.has(locale)) {
      let language: { nlu: Nlu; model: LanguageModel } | undefined;
      try {
        const model = loadModel(locale);
        language = { model, nlu: createNlu(model, { now, timeZone: info.timeZone }) };
      } catch {
        language = undefined;
      }
      languages.set(locale, language);
    }
    return languages.get(locale);
  }
  const defaultModel = nluFor('en-GB')?.model ?? loadModel('en-GB');
  const channels = (options.channels ?? CHANNELS).filter((channel) => channel.simulator);
  const bridges = options.bridges ?? defaultBridges(composition, channels, defaultModel);
  const sessions = new SessionStore();
  const context: TurnContext = {
    nluFor,
    platforms: channels.filter(({ simulator }) => simulator?.createBridge)
      .map(({ name, simulator }) => ({ name, label: simulator?.label ?? name, bridge: bridges.find((b) => b.name === name) })),
    sessions,
    recorder: createCallRecorder(composition.watchCalls),
    invocationName: info.invocationName,
    now,
    ...councilPicker(composition),
  };

  const router = express.Router();
  if (!(options.allowRemote ?? process.env.SIMULATOR_ALLOW_REMOTE === '1')) router.use(loopbackOnly);
  // The platforms' own APIs (Alexa's device address, reminders), answered here as /<channel>-api.
  for (const { name, simulator } of channels) {
    const routes = simulator?.createApiRoutes?.(sessions);
    if (routes) router.use(`/${name}-api`, routes);
  }

  router.get('/api/platforms', (_req, res) => {
    res.json({
      council: info.name,
      invocationName: info.invocationName,
      // With several councils, which ones this service answers for.
      councils: context.councils,
      platforms: context.platforms.map(({ name, label, bridge }) => ({ name, label, available: bridge !== undefined })),
    });
  });

  router.post('/api/turns', express.json({ limit: '64kb' }), async (req, res) => {
    const read = readTurnRequest(req.body);
    if (!read.ok) {
      res.status(400).json({ error: read.error });
      return;
    }
    // The platform's own APIs are this router's /<channel>-api, reached over HTTP like Amazon's.
    const apiEndpoint = `${req.protocol}://${req.get('host')}${req.baseUrl}/${read.request.platform}-api`;
    const result = await runTurn(context, read.request, apiEndpoint);
    res.status(result.status).json(result.body);
  });

  router.use('/api', (_req, res) => {
    res.status(404).json({ error: 'No such simulator API.' });
  });
  router.use(express.static(PUBLIC_DIR, { index: 'index.html', fallthrough: true }));
  router.use(answerJsonErrors);
  return router;
}
