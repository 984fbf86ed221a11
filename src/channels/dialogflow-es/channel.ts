/** Dialogflow ES as one channel: its route, its Lambda function, the simulator's requests and its agent files. */
import type { Channel } from '../channel';
import { DIALOGFLOW_LAMBDA } from '../dialogflow-common/dialogflow-lambda';
import { DIALOGFLOW_ES_DIR, writeDialogflowEs } from './model/build-dialogflow-es';
import { createEsAdapter, dialogflowEsServing } from './serving';
import { createDialogflowEsBridge } from './simulator/dialogflow-es-request';

export const dialogflowEsChannel: Channel = {
  ...dialogflowEsServing,
  lambda: DIALOGFLOW_LAMBDA,
  simulator: {
    label: 'Dialogflow ES',
    createBridge: (context) => createDialogflowEsBridge(createEsAdapter(context)),
  },
  models: [{ dir: DIALOGFLOW_ES_DIR, write: ({ model }) => { writeDialogflowEs(model); return []; } }],
};
