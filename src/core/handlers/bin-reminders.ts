/**
 * "Remind me the night before bin day" and "stop my bin reminders". Collections move on bank
 * holidays and alternate weeks, so reminders are set for the actual next collections from the
 * council's calendar (a few ahead), not for a naive weekly rule.
 */
import { happening } from '../bins/collection-status';
import { sayBins, streamsOf } from '../bins/describe-collections';
import { sayWhen } from '../bins/speak-dates';
import type { Collection } from '../council';
import { addDays, localDate } from '../dates';
import type { SavedAddress } from '../profile';
import type { Reply } from '../reply';
import { answerThenOfferMore } from '../replies';
import type { HandlerContext, HandlerMap } from '../skill';
import type { Speech } from '../speech';
import type { ReminderResult, ReminderService, Turn } from '../turn';
import { requireAddress } from './address';

export const SET_BIN_REMINDER = 'SetBinReminderIntent';
export const STOP_BIN_REMINDERS = 'StopBinRemindersIntent';

/** Far enough ahead to find `reminderCount` collections even with fortnightly streams. */
const LOOKAHEAD_DAYS = 42;

function answer(speech: Speech, ctx: HandlerContext, more: Partial<Reply> = {}): Reply {
  return answerThenOfferMore(ctx.t, speech, {}, more);
}

/** "7pm", "6:30pm": how a time is said. */
function sayTime(hhmm: string): string {
  const [h = 19, m = 0] = hhmm.split(':').map(Number);
  const suffix = h < 12 ? 'am' : 'pm';
  const hour = h % 12 === 0 ? 12 : h % 12;
  return m === 0 ? `${hour}${suffix}` : `${hour}:${String(m).padStart(2, '0')}${suffix}`;
}

/** The next collections whose evening-before reminder is still in the future. */
function collectionsToRemind(collections: Collection[], ctx: HandlerContext): Collection[] {
  const now = ctx.clock.now();
  const today = localDate(now, ctx.info.timeZone);
  const nowLocal = new Intl.DateTimeFormat('en-GB', { timeZone: ctx.info.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
  return happening(collections)
    .filter((c) => {
      const evening = addDays(c.date, -1);
      return evening > today || (evening === today && nowLocal < ctx.info.reminderTime);
    })
    .slice(0, ctx.info.reminderCount);
}

async function createAll(reminders: ReminderService, due: Collection[], ctx: HandlerContext): Promise<{ ids: string[]; problem?: ReminderResult['kind'] }> {
  const ids: string[] = [];
  for (const collection of due) {
    const bins = sayBins(streamsOf(collection, ctx.info.binStreams), ctx.t);
    const result = await reminders.create({
      scheduledLocalTime: `${addDays(collection.date, -1)}T${ctx.info.reminderTime}:00`,
      timeZone: ctx.info.timeZone,
      text: ctx.t.text('reminders:text', { bins }),
      locale: ctx.t.locale,
    });
    if (result.kind !== 'created') return { ids, problem: result.kind };
    ids.push(result.id);
  }
  return { ids };
}

async function setReminders(turn: Turn, ctx: HandlerContext, address: SavedAddress): Promise<Reply> {
  const reminders = turn.device.reminders;
  if (!reminders) {
    const url = ctx.council.bins.calendarUrl?.(address);
    const speech = url ? ctx.t.speak('reminders:notHere', { url }) : ctx.t.speak('reminders:notHereNoLink', { website: ctx.info.website });
    return answer(speech, ctx, url ? { card: { title: ctx.t.text('bins:cardTitle', { address: address.label }), text: url } } : {});
  }
  if (!reminders.hasPermission) return answer(ctx.t.speak('reminders:needPermission'), ctx, { permissionCard: 'reminders' });

  const today = localDate(ctx.clock.now(), ctx.info.timeZone);
  const collections = await ctx.council.bins.upcomingCollections(address, today, LOOKAHEAD_DAYS);
  const due = collectionsToRemind(collections, ctx);
  if (due.length === 0) return answer(ctx.t.speak('reminders:nothingToRemind', { website: ctx.info.website }), ctx);

  // Replace reminders we set before, so asking twice does not double every reminder.
  const profile = (await ctx.profiles.get(turn.userId)) ?? { userId: turn.userId };
  for (const id of profile.reminderIds ?? []) await reminders.remove(id);
  const { ids, problem } = await createAll(reminders, due, ctx);
  await ctx.profiles.put({ ...profile, reminderIds: ids, remindersUntil: ids.length > 0 ? due[ids.length - 1]?.date : undefined });

  if (problem === 'no-permission') return answer(ctx.t.speak('reminders:needPermission'), ctx, { permissionCard: 'reminders' });
  if (problem === 'rate-limited') return answer(ctx.t.speak('reminders:rateLimited'), ctx);
  if (problem) return answer(ctx.t.speak('reminders:failed'), ctx);
  const first = sayWhen(due[0]?.date ?? today, today, ctx.t);
  const key = ids.length === 1 ? 'reminders:createdOne' : 'reminders:created';
  return answer(ctx.t.speak(key, { time: sayTime(ctx.info.reminderTime), count: ids.length, first }), ctx);
}

async function handleSetReminder(turn: Turn, ctx: HandlerContext): Promise<Reply> {
  const found = await requireAddress(turn, ctx, { intent: SET_BIN_REMINDER, slots: turn.slots });
  if ('reply' in found) return found.reply;
  return setReminders(turn, ctx, found.address);
}

async function handleStopReminders(turn: Turn, ctx: HandlerContext): Promise<Reply> {
  const profile = turn.userId ? await ctx.profiles.get(turn.userId) : undefined;
  const ids = profile?.reminderIds ?? [];
  const reminders = turn.device.reminders;
  if (!profile || ids.length === 0 || !reminders) return answer(ctx.t.speak('reminders:noneToStop'), ctx);
  for (const id of ids) await reminders.remove(id);
  await ctx.profiles.put({ ...profile, reminderIds: [], remindersUntil: undefined });
  return answer(ctx.t.speak('reminders:stopped'), ctx);
}

/** A line to add to the bin-day answer when the reminders the resident set have all fired. */
export function renewalHint(remindersUntil: string | undefined, today: string, ctx: HandlerContext): Speech | undefined {
  return remindersUntil && remindersUntil < today ? ctx.t.speak('reminders:renewHint') : undefined;
}

export const binReminderHandlers: HandlerMap = {
  [SET_BIN_REMINDER]: handleSetReminder,
  [STOP_BIN_REMINDERS]: handleStopReminders,
};
