/**
 * The list of channels: the server serves their routes, the simulator offers them, `npm run models`
 * builds their console files and `npm run bundle` their Lambda functions, in this order.
 * A new channel is a new folder under src/channels and one line here.
 */
import { createAlexaChannel } from './alexa/channel';
import type { Channel } from './channel';
import { dialogflowCxChannel } from './dialogflow-cx/channel';
import { dialogflowEsChannel } from './dialogflow-es/channel';
import { mcpChannel } from './mcp/channel';

export const CHANNELS: readonly Channel[] = [
  createAlexaChannel(),
  dialogflowCxChannel,
  dialogflowEsChannel,
  mcpChannel,
];
