// Per-message rows (the tab's Messages and Waiting views, the CSV, the chat's waiting list, breach warnings
// and the Outlook pane), read straight off the engine's evaluation: each row's status, exclusion reason,
// response time, minutes left and answer author are exactly what the KPI counted.
import { EXCLUSION_REASONS, KIND, type ExclusionReason } from '../kpi/classify.ts';
import { answeredBy, evaluate, STATUS, type AnsweredBy, type KpiInput, type MessageStatus } from '../kpi/engine.ts';
import { minutesLeft } from '../kpi/minutes-left.ts';
import type { MarkDetail } from '../store/marks.ts';

const MINUTE_MS = 60_000;

export interface MessageRow {
  readonly id: string;
  readonly from: string | null;
  readonly subject: string;
  readonly receivedAt: number;
  /** Counted messages have a status; excluded ones a reason. */
  readonly status: MessageStatus | null;
  readonly reason: ExclusionReason | null;
  readonly answeredAt: number | null;
  /** Who sent the answer (`sender`, else `from`). */
  readonly answeredFrom: string | null;
  /** The answer's author as the engine counts it (null: not answered). */
  readonly answeredBy: AnsweredBy | null;
  /** On the pairing's clock: the response time when answered, the time waited so far otherwise. */
  readonly clockMinutes: number | null;
  /** Minutes left in the window for a pending message. */
  readonly remainingMinutes: number | null;
  readonly mark: MarkDetail | null;
  /** Outlook on the web's link to the message (Graph-synced mail only). */
  readonly webLink: string | null;
}

const STATUS_NAMES: Record<number, MessageStatus> = {
  [STATUS.ON_TIME]: 'onTime',
  [STATUS.LATE]: 'late',
  [STATUS.MISSED]: 'missed',
  [STATUS.PENDING]: 'pending',
};

/** Every inbound message received in the input's period, counted or excluded, oldest first. */
export function messageRows(input: KpiInput, marks: ReadonlyMap<string, MarkDetail>): MessageRow[] {
  const evaluation = evaluate(input);
  const rows: MessageRow[] = [];
  input.messages.forEach((message, i) => {
    if (evaluation.week[i]! < 0) return;
    const kind = evaluation.kind[i]!;
    const excluded = kind >= KIND.EXCLUDED_BASE;
    const status = excluded ? null : STATUS_NAMES[evaluation.status[i]!] ?? null;
    const answer = evaluation.answer[i]!;
    const reply = answer >= 0 ? input.messages[answer]! : null;
    rows.push({
      id: message.id,
      from: message.from,
      subject: message.subject,
      receivedAt: message.receivedAt,
      status,
      reason: excluded ? EXCLUSION_REASONS[kind - KIND.EXCLUDED_BASE]! : null,
      answeredAt: reply?.sentAt ?? null,
      answeredFrom: reply === null ? null : (reply.sender ?? reply.from),
      answeredBy: reply === null ? null : answeredBy(reply, input.people),
      clockMinutes: excluded ? null : Math.round(evaluation.clockMs[i]! / MINUTE_MS),
      remainingMinutes: status === 'pending' ? minutesLeft(evaluation.clockMs[i]!, input.settings) : null,
      mark: marks.get(message.id) ?? null,
      webLink: message.webLink ?? null,
    });
  });
  return rows.sort((a, b) => a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : 1));
}

/** Unanswered counted mail, oldest first. */
export function waitingRows(rows: readonly MessageRow[]): MessageRow[] {
  return rows.filter((row) => row.status === 'missed' || row.status === 'pending');
}
