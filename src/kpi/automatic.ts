// The spec's rule 1 (`auto`): which header and item-type signals mark a message as automatic mail.
// Sources call this once at import so the rule lives in one place and the engine reads a flag.

export interface HeaderField {
  readonly name: string;
  readonly value: string;
}

export interface ItemTypeSignals {
  /** Graph `@odata.type`, e.g. `#microsoft.graph.eventMessageRequest`. */
  readonly odataType?: string | null | undefined;
  /** Graph `meetingMessageType`; any value but `none` marks a meeting message. */
  readonly meetingMessageType?: string | null | undefined;
}

const SUPPRESS_VALUES = new Set(['all', 'oof', 'autoreply']);
const BULK_PRECEDENCE = new Set(['bulk', 'list', 'junk']);
/** Content types of delivery reports, read receipts and calendar items. */
const REPORT_CONTENT_TYPE = /^\s*(multipart\/report|message\/disposition-notification|message\/delivery-status|text\/calendar)\b/i;
const CALENDAR_CONTENT_CLASS = /urn:content-classes:calendarmessage/i;

function firstToken(value: string): string {
  return value.split(/[;(]/, 1)[0]!.trim().toLowerCase();
}

function isAutomaticHeader(name: string, value: string): boolean {
  switch (name.toLowerCase()) {
    case 'auto-submitted':
      return firstToken(value) !== 'no';
    case 'x-auto-response-suppress':
      return value.split(/[,;\s]+/).some((token) => SUPPRESS_VALUES.has(token.toLowerCase()));
    case 'precedence':
      return BULK_PRECEDENCE.has(firstToken(value));
    case 'list-id':
    case 'list-unsubscribe':
      return true;
    case 'content-type':
      return REPORT_CONTENT_TYPE.test(value);
    case 'content-class':
      return CALENDAR_CONTENT_CLASS.test(value);
    default:
      return false;
  }
}

function isMeetingOrReport(signals: ItemTypeSignals): boolean {
  const type = signals.odataType?.toLowerCase() ?? '';
  if (type.includes('eventmessage')) return true;
  const meeting = signals.meetingMessageType;
  return meeting != null && meeting !== '' && meeting.toLowerCase() !== 'none';
}

/** True when the headers or item type say a machine, not a person, wrote the message. */
export function detectAutomatic(headers: readonly HeaderField[], signals: ItemTypeSignals = {}): boolean {
  return isMeetingOrReport(signals) || headers.some((header) => isAutomaticHeader(header.name, header.value));
}
