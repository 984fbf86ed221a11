/**
 * Every intent the skill answers, by name. Routing is a lookup in this map (see skill.ts).
 */
import type { HandlerMap } from '../skill';
import { addressHandlers } from './address';
import { binCollectionHandlers } from './bin-collection';
import { builtinHandlers } from './builtins';

export const allHandlers: HandlerMap = {
  ...builtinHandlers,
  ...addressHandlers,
  ...binCollectionHandlers,
};
