/**
 * "Delete my data" / "forget my address": after a yes, everything the skill keeps about the
 * resident goes — the profile (address, reminders, last report), the reminders it set on the
 * device, and their details on reports in the outbox. A report that has not reached the council
 * yet is still sent, because the resident was told it would be, and is scrubbed once it has.
 */
import type { ForgetOutcome } from '../outbox';
import type { Reply } from '../reply';
import { answerThenOfferMore, ask } from '../replies';
import type { HandlerContext, HandlerMap } from '../skill';
import { joinSpeech, type Speech } from '../speech';
import type { Turn } from '../turn';

export const DELETE_DATA = 'DeleteDataIntent';

function finish(ctx: HandlerContext, speech: Speech): Reply {
  return answerThenOfferMore(ctx.t, speech, {});
}

function askFirst(ctx: HandlerContext): Reply {
  return ask(ctx.t.speak('privacy:confirm'), ctx.t.speak('privacy:confirmReprompt'), {
    next: { type: 'confirm-intent', intent: DELETE_DATA, slots: {} },
    session: { dialog: { intent: DELETE_DATA, slots: {}, awaitingConfirmation: true } },
  });
}

/** Removes the reminders this skill set; true when every one of them is gone. */
async function removeReminders(turn: Turn, ctx: HandlerContext, ids: string[]): Promise<boolean> {
  if (ids.length === 0) return true;
  const reminders = turn.device.reminders;
  if (!reminders?.hasPermission) return false;
  let all = true;
  for (const id of ids) {
    try {
      all = (await reminders.remove(id)) && all;
    } catch (error) {
      ctx.logger.warn({ err: error }, 'could not remove a reminder while deleting data');
      all = false;
    }
  }
  return all;
}

async function forget(turn: Turn, ctx: HandlerContext): Promise<Reply> {
  const profile = await ctx.profiles.get(turn.userId);
  const remindersGone = await removeReminders(turn, ctx, profile?.reminderIds ?? []);
  const outbox = ctx.outbox;
  const lastReport = profile?.lastReport?.outboxId;
  const reports: ForgetOutcome = outbox ? await outbox.forgetUser(turn.userId, lastReport ? [lastReport] : []) : { scrubbed: 0, stillSending: 0 };
  // Last, so a failure above leaves the reminder ids behind for the resident's next try.
  await ctx.profiles.delete(turn.userId);
  ctx.logger.info({ reportsScrubbed: reports.scrubbed, reportsStillSending: reports.stillSending, remindersGone }, 'resident data deleted');

  const { stillSending, scrubbed } = reports;
  return finish(ctx, joinSpeech(
    ctx.t.speak('privacy:done'),
    stillSending === 1 ? ctx.t.speak('privacy:stillSendingOne') : undefined,
    stillSending > 1 ? ctx.t.speak('privacy:stillSendingMany', { count: stillSending }) : undefined,
    scrubbed + stillSending > 0 ? ctx.t.speak('privacy:councilRecords', { phone: ctx.info.phone }) : undefined,
    remindersGone ? undefined : ctx.t.speak('privacy:remindersKept'),
  ));
}

async function deleteData(turn: Turn, ctx: HandlerContext): Promise<Reply> {
  // With no user id (some Google requests) nothing was ever stored against this resident.
  if (!turn.userId) return finish(ctx, ctx.t.speak('privacy:nothingKept'));
  // Only a yes to our own question deletes anything: a request that merely claims to be confirmed is asked again.
  const asked = turn.session.dialog?.intent === DELETE_DATA && turn.session.dialog.awaitingConfirmation === true;
  if (asked && turn.confirmation === 'CONFIRMED') return forget(turn, ctx);
  if (asked && turn.confirmation === 'DENIED') return finish(ctx, ctx.t.speak('privacy:kept'));
  return askFirst(ctx);
}

export const privacyHandlers: HandlerMap = {
  [DELETE_DATA]: deleteData,
};
