/** Dialogflow CX as one channel: its route, its Lambda function, the simulator's requests and its agent files. */
import type { Channel } from '../channel';
import { DIALOGFLOW_LAMBDA } from '../dialogflow-common/dialogflow-lambda';
import { DIALOGFLOW_CX_DIR, writeDialogflowCx } from './model/build-dialogflow-cx';
import { createCxAdapter, dialogflowCxServing } from './serving';
import { createDialogflowCxBridge, CX_TOKEN_PARAMETER } from './simulator/dialogflow-cx-request';

export const dialogflowCxChannel: Channel = {
  ...dialogflowCxServing,
  lambda: DIALOGFLOW_LAMBDA,
  simulator: {
    label: 'Dialogflow CX',
    // The simulated agent passes the account token in a session parameter, whatever the council file says.
    createBridge: (context) => createDialogflowCxBridge(createCxAdapter(context, { accessToken: { parameter: CX_TOKEN_PARAMETER } })),
  },
  models: [{ dir: DIALOGFLOW_CX_DIR, write: ({ model }) => { writeDialogflowCx(model); return []; } }],
};
