// A Microsoft Graph message export (JSON text) → SourceMessages; one bad message never spoils the file.
import { z } from 'zod';
import type { FolderKind } from '../kpi/message.ts';
import type { InvalidMessage } from './import-result.ts';
import { folderKindFromName } from './folders.ts';
import { graphMessageMeta } from './graph-message.ts';
import {
  graphExportSchema,
  graphMessageSchema,
  graphPageSchema,
  type GraphMessage,
  type GraphPage,
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

function toSourceMessage(message: GraphMessage, location: string, shape: FileShape, batch: Batch): SourceMessage | string {
  const id = message.id ?? location;
  const parent = message.parentFolderId;
  const folder = (parent == null ? undefined : shape.folderIds.get(parent)) ?? batch.contextFolder ?? 'other';
  const meta = graphMessageMeta(message, id, folder);
  if (typeof meta === 'string') return meta;
  const internetMessageId = messageIds(message.internetMessageId)[0];
  const identity = [graphIdKey(id)];
  if (internetMessageId !== undefined) identity.push(messageIdKey(internetMessageId));
  return {
    meta,
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
