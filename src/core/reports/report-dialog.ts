/**
 * The state of the "report a problem" dialog, kept in the session between turns: the report as
 * far as the resident has told it, and which question the skill asked last.
 */
import type { IssueReport, ReportQuestion } from '../council';
import type { DialogState, SessionState } from '../session';
import type { SlotValue, Turn } from '../turn';

export const REPORT_ISSUE = 'ReportIssueIntent';

/** The intent's own slots (see interaction-models/source/en-GB/reports.yaml). */
export type ReportSlot = 'issueType' | 'location' | 'description';
export const REPORT_SLOTS: ReportSlot[] = ['issueType', 'location', 'description'];

/** What the skill asked last; an attribute question is `attribute:<code>`. */
export type Asking = ReportSlot | 'confirm' | 'change' | `attribute:${string}`;

export interface ReportDraft {
  issueType?: string;
  location?: string;
  /** Set when the location is the resident's saved address. */
  uprn?: string;
  description?: string;
  /** Answers to the council's questions, by attribute code. */
  attributes: Record<string, string>;
}

export interface ReportDialogData {
  draft: ReportDraft;
  asking?: Asking;
  /** The council's required questions for the draft's issue type, once looked up. */
  questions?: ReportQuestion[];
  /** Slots as last heard, so a value the platform echoes back is not taken as new. */
  heard: Partial<Record<ReportSlot, SlotValue>>;
  /** Answers not understood in a row, so the skill stops asking after a few. */
  misses: number;
}

export function emptyReportDialog(): ReportDialogData {
  return { draft: { attributes: {} }, heard: {}, misses: 0 };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The dialog in progress, or a fresh one; session data that is not ours is ignored, never trusted. */
export function readReportDialog(session: SessionState): ReportDialogData {
  const dialog = session.dialog;
  const data = dialog?.intent === REPORT_ISSUE ? dialog.data : undefined;
  if (!isRecord(data) || !isRecord(data.draft)) return emptyReportDialog();
  const draft = data.draft as Partial<ReportDraft>;
  return {
    draft: { ...draft, attributes: isRecord(draft.attributes) ? (draft.attributes as Record<string, string>) : {} },
    asking: typeof data.asking === 'string' ? (data.asking as Asking) : undefined,
    questions: Array.isArray(data.questions) ? (data.questions as ReportQuestion[]) : undefined,
    heard: isRecord(data.heard) ? (data.heard as ReportDialogData['heard']) : {},
    misses: typeof data.misses === 'number' ? data.misses : 0,
  };
}

/** The slot a question's answer arrives in: attribute answers and "what to change" come as free text. */
export function slotFor(asking: Asking | undefined): ReportSlot | undefined {
  if (!asking || asking === 'confirm') return undefined;
  if (asking === 'change' || asking.startsWith('attribute:')) return 'description';
  return asking as ReportSlot;
}

/**
 * The slots the resident said this turn. A slot equal to what the skill last handed the platform
 * is an echo (platforms send the whole intent back), except the slot the skill just asked for.
 */
export function newSlots(turn: Turn, data: ReportDialogData): Partial<Record<ReportSlot, SlotValue>> {
  const asked = slotFor(data.asking);
  const found: Partial<Record<ReportSlot, SlotValue>> = {};
  for (const name of REPORT_SLOTS) {
    const slot = turn.slots[name];
    if (!slot || (slot.value === undefined && slot.id === undefined)) continue;
    const before = data.heard[name];
    // Platforms echo a slot the skill set without its resolved id: same words, no id, is still an echo.
    const echo = name !== asked && before !== undefined && before.value === slot.value && (slot.id === undefined || slot.id === before.id);
    if (!echo) found[name] = slot;
  }
  return found;
}

/**
 * Session state for the next turn: the slots heard, minus the one being asked for. `yesNo` marks a
 * question a plain "yes" or "no" answers (the skill routes those back here).
 */
export function reportSession(session: SessionState, data: ReportDialogData, yesNo = false): SessionState {
  const asked = slotFor(data.asking);
  const slots: Record<string, SlotValue> = {};
  for (const name of REPORT_SLOTS) {
    const slot = data.heard[name];
    if (slot && name !== asked) slots[name] = slot;
  }
  const dialog: DialogState = {
    intent: REPORT_ISSUE,
    slots,
    awaitingSlot: asked,
    awaitingConfirmation: data.asking === 'confirm' || yesNo || undefined,
    data: { ...data },
  };
  return { ...session, dialog };
}

/** The report to send, once the draft is complete. */
export function toIssueReport(draft: ReportDraft): IssueReport {
  return {
    issueType: draft.issueType ?? '',
    location: draft.location ?? '',
    description: draft.description ?? '',
    attributes: Object.keys(draft.attributes).length > 0 ? { ...draft.attributes } : undefined,
    uprn: draft.uprn,
  };
}

/** What the resident wants to change after saying no to the read-back, from their own words. */
export function changeChoice(said: string | undefined): ReportSlot | 'cancel' | undefined {
  const text = said?.toLowerCase() ?? '';
  if (/\b(cancel|nothing|never mind|forget|don't send|do not send|stop|scrap)\b/.test(text)) return 'cancel';
  if (/\b(descri\w*|details?|what i said|words|wording|message)\b/.test(text)) return 'description';
  if (/\b(where|place|location|street|road|address|position|spot)\b/.test(text)) return 'location';
  if (/\b(kind|type|sort|problem|issue|category|what it is)\b/.test(text)) return 'issueType';
  return undefined;
}

/** "Outside my house", "by my front door": the resident means their saved address. */
export function meansMyHome(location: string | undefined): boolean {
  return /\b(my|our) (own )?(house|home|address|property|flat|door|front door|front|drive|driveway|gate|place)\b|\boutside mine\b/i.test(location ?? '');
}
