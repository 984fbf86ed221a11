/**
 * The core's own words for what a resident did, whatever the platform calls it. Channels
 * translate their platform's names into these (each channel keeps its own table); the
 * language model (interaction-models/source) uses them too. Custom intents keep their own names
 * (GetBinCollectionIntent, ReportIssueIntent, ...).
 */

/** Route keys for turns that are not intents. */
export const LAUNCH = 'launch';
export const SESSION_END = 'session-end';
export const CAN_FULFIL = 'can-fulfil';

/** The built-in intents every channel maps its platform's own onto. */
export const HELP = 'help';
export const STOP = 'stop';
export const CANCEL = 'cancel';
/** Back to the start ("main menu"). */
export const HOME = 'home';
export const YES = 'yes';
export const NO = 'no';
/** Words that matched no intent. */
export const FALLBACK = 'fallback';

/** Every built-in intent name. */
export const BUILT_IN_INTENTS: readonly string[] = [HELP, STOP, CANCEL, HOME, YES, NO, FALLBACK];
