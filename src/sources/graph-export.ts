// A Microsoft Graph message export (JSON text) → SourceMessages; one bad message never spoils the file.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { detectAutomatic } from '../kpi/automatic.ts';
import type { FolderKind, InferenceClass } from '../kpi/message.ts';
import type { InvalidMessage } from './import-result.ts';
import { folderKindFromName } from './folders.ts';
import {
  graphExportSchema,
  graphMessageSchema,
  graphPageSchema,
  type GraphMessage,
  type GraphPage,
  type GraphRecipient,
} from './graph-schema.ts';
import { errorText, graphIdKey, messageIdKey, type SourceMessage } from './source-message.ts';
import { KEY_PREFIX, messageIds } from './threading.ts';

export interface GraphExportContent {
  readonly messages: SourceMessage[];
  readonly invalid: InvalidMessage[];
  readonly warnings: string[];
}

/** The file is JSON of a known shape (`content`), or it is not (`error`, why). */
export type GraphExportResult =
  | { readonly ok: true; readonly content: GraphExportContent }
  | { readonly ok: false; readonly error: string };

/** Messages of one page (or of the export's `messages`) with what the page says about them. */
interface Batch {
  readonly items: readonly unknown[];
  /** Folder named in a page's `@odata.context` (`.../mailFolders('sentitems')/messages`). */
  readonly contextFolder: FolderKind | null;
}

interface FileShape {
  readonly batches: readonly Batch[];
  readonly folderIds: ReadonlyMap<string, FolderKind>;
  /** The last page still pointed at a next one: the export stopped early. */
  readonly incomplete: boolean;
}

const CONTEXT_FOLDER = /\/mailFolders\('([^']*)'\)/i;

function contextFolder(context: string | null | undefined): FolderKind | null {
  const match = context == null ? null : CONTEXT_FOLDER.exec(context);
  if (match === null) return null;
  // Well-known names (`inbox`, `sentitems`) map to their kind; a folder id maps to `other`.
  return folderKindFromName(match[1]!);
}

function pageBatch(page: GraphPage): Batch {
  return { items: page.value, contextFolder: contextFolder(page['@odata.context']) };
}

/** Recognises the accepted shapes: Tandem's export object, a Graph page, an array of pages, a bare message array. */
function fileShape(json: unknown): FileShape | string {
  const noFolders = new Map<string, FolderKind>();
  if (Array.isArray(json)) {
    const pages: GraphPage[] = [];
    for (const element of json) {
      const page = graphPageSchema.safeParse(element);
      if (!page.success) break;
      pages.push(page.data);
    }
    const last = pages.at(-1);
    if (last !== undefined && pages.length === json.length) {
      // Earlier pages link to the next one by design; only the last page's link means pages are missing.
      return { batches: pages.map(pageBatch), folderIds: noFolders, incomplete: last['@odata.nextLink'] != null };
    }
    return { batches: [{ items: json, contextFolder: null }], folderIds: noFolders, incomplete: false };
  }
  const exported = graphExportSchema.safeParse(json);
  if (exported.success) {
    const folderIds = new Map(Object.entries(exported.data.folders ?? {}).map(([name, id]) => [id, folderKindFromName(name)]));
    return {
      batches: [{ items: exported.data.messages, contextFolder: null }],
      folderIds,
      incomplete: exported.data['@odata.nextLink'] != null,
    };
  }
  const page = graphPageSchema.safeParse(json);
  if (page.success) {
    return { batches: [pageBatch(page.data)], folderIds: noFolders, incomplete: page.data['@odata.nextLink'] != null };
  }
  return 'not a Graph export: expected {"messages": [...]}, a page {"value": [...]}, or an array of messages or pages';
}

/** Graph returns UTC instants (`...Z`); a zone-less one is read as UTC like everything else. */
function instant(value: string | null | undefined): number | null {
  if (value == null) return null;
  const date = DateTime.fromISO(value, { zone: 'utc' });
  return date.isValid ? date.toMillis() : null;
}

function address(recipient: GraphRecipient | null | undefined): string | null {
  const value = recipient?.emailAddress?.address?.trim().toLowerCase() ?? '';
  return value === '' ? null : value;
}

function addresses(recipients: readonly GraphRecipient[] | null | undefined): string[] {
  const out: string[] = [];
  for (const recipient of recipients ?? []) {
    const value = address(recipient);
    if (value !== null && !out.includes(value)) out.push(value);
  }
  return out;
}

function inference(value: string | null | undefined): InferenceClass | null {
  const lower = value?.toLowerCase();
  return lower === 'focused' || lower === 'other' ? lower : null;
}

interface Instants {
  readonly receivedAt: number;
  readonly sentAt: number;
}

/** Received and sent instants, or why there are none; drafts fall back to when they were written. */
function instants(message: GraphMessage, isDraft: boolean): Instants | string {
  const received = instant(message.receivedDateTime);
  const sent = instant(message.sentDateTime);
  if (!isDraft) {
    const raw = message.receivedDateTime;
    if (received === null) return raw == null ? 'no receivedDateTime' : `unparseable receivedDateTime ${JSON.stringify(raw)}`;
    return { receivedAt: received, sentAt: sent ?? received };
  }
  const written = received ?? sent ?? instant(message.createdDateTime) ?? instant(message.lastModifiedDateTime);
  if (written === null) return 'draft without any parseable date';
  return { receivedAt: written, sentAt: sent ?? written };
}

function toSourceMessage(message: GraphMessage, location: string, shape: FileShape, batch: Batch): SourceMessage | string {
  const isDraft = message.isDraft === true;
  const when = instants(message, isDraft);
  const from = address(message.from);
  const problems: string[] = [];
  if (typeof when === 'string') problems.push(when);
  if (from === null && !isDraft) problems.push('no from address');
  if (typeof when === 'string' || problems.length > 0) return problems.join('; ');

  const id = message.id ?? location;
  const internetMessageId = messageIds(message.internetMessageId)[0];
  const identity = [graphIdKey(id)];
  if (internetMessageId !== undefined) identity.push(messageIdKey(internetMessageId));
  const parent = message.parentFolderId;
  return {
    meta: {
      id,
      receivedAt: when.receivedAt,
      sentAt: when.sentAt,
      from,
      sender: address(message.sender),
      to: addresses(message.toRecipients),
      cc: addresses(message.ccRecipients),
      folder: (parent == null ? undefined : shape.folderIds.get(parent)) ?? batch.contextFolder ?? 'other',
      isDraft,
      categories: message.categories ?? [],
      inference: inference(message.inferenceClassification),
      automatic: detectAutomatic(message.internetMessageHeaders ?? [], {
        odataType: message['@odata.type'],
        meetingMessageType: message.meetingMessageType,
      }),
      subject: message.subject ?? '',
    },
    conversation: { kind: 'given', conversationId: message.conversationId ?? KEY_PREFIX.self + id },
    identity,
    matchByContent: false,
  };
}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'not a Graph message';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `not a Graph message (${where}${issue.message})`;
}

/** Parses a whole export file's text; `path` names it in locations (`path#index`) and warnings. */
export function parseGraphExport(text: string, path: string): GraphExportResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, error: `not valid JSON: ${errorText(error)}` };
  }
  const shape = fileShape(json);
  if (typeof shape === 'string') return { ok: false, error: shape };

  const content: GraphExportContent = { messages: [], invalid: [], warnings: [] };
  let index = 0;
  for (const batch of shape.batches) {
    for (const item of batch.items) {
      const location = `${path}#${index}`;
      index += 1;
      const parsed = graphMessageSchema.safeParse(item);
      const result = parsed.success ? toSourceMessage(parsed.data, location, shape, batch) : issueText(parsed.error);
      if (typeof result === 'string') content.invalid.push({ location, reason: result });
      else content.messages.push(result);
    }
  }
  if (shape.incomplete) {
    content.warnings.push(
      `${path}: the last page has an @odata.nextLink, so the export looks incomplete (later pages are missing)`,
    );
  }
  return { ok: true, content };
}
