/**
 * Every intent the skill answers, by name. Routing is a lookup in this map (see skill.ts).
 */
import type { HandlerMap } from '../skill';
import { addressHandlers, needingCouncil } from './address';
import { binCollectionHandlers } from './bin-collection';
import { binReminderHandlers } from './bin-reminders';
import { builtinHandlers } from './builtins';
import { canFulfilHandlers } from './can-fulfil';
import { councilTaxHandlers } from './council-tax';
import { privacyHandlers } from './privacy';
import { reportIssueHandlers } from './report-issue';
import { reportStatusHandlers } from './report-status';

export const allHandlers: HandlerMap = {
  ...builtinHandlers,
  ...addressHandlers,
  ...canFulfilHandlers,
  ...privacyHandlers,
  // In a deployment of several councils these wait for the resident's address, which says whose they are.
  ...needingCouncil({
    ...binCollectionHandlers,
    ...binReminderHandlers,
    ...reportIssueHandlers,
    ...reportStatusHandlers,
    ...councilTaxHandlers,
  }),
};
