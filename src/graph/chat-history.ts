// The ChatHistory port over Microsoft Graph: `GET /chats/{chat-id}/messages`, newest first by creation, 50 a page
// (the documented maximum), following @odata.nextLink (https://learn.microsoft.com/en-us/graph/api/chat-list-messages).
// Tandem reads with its Entra app's token; the Teams app's resource-specific consent ChatMessage.Read.Chat, granted
// where the app is installed, is what lets it read that chat. A chat Graph does not show (404) or will not show
// (403: consent missing or app removed) is ChatHistoryUnavailableError, never a reason to stop a pairing.
import { z } from 'zod';
import { ChatHistoryUnavailableError, type ChatHistory } from '../ports/chat.ts';
import { GraphError, type GraphClient } from './graph-client.ts';

/** "Maximum allowed $top value is 50." */
const PAGE_SIZE = 50;

const pageSchema = z.object({
  value: z.array(
    z.object({
      id: z.string(),
      attachments: z.array(z.object({ contentType: z.string().nullish(), content: z.string().nullish() })).nullish(),
    }),
  ),
  '@odata.nextLink': z.string().nullish(),
});

export function graphChatHistory(graph: Pick<GraphClient, 'get'>): ChatHistory {
  return {
    async *recent(chatId, limit) {
      // createdDateTime rather than the default lastModifiedDateTime: a card updated later keeps its place.
      let next: string | null = `/chats/${encodeURIComponent(chatId)}/messages?$top=${PAGE_SIZE}&$orderby=createdDateTime%20desc`;
      let seen = 0;
      while (next !== null && seen < limit) {
        let page: z.infer<typeof pageSchema>;
        try {
          page = pageSchema.parse(await graph.get(next));
        } catch (error) {
          if (error instanceof GraphError && (error.statusCode === 403 || error.statusCode === 404)) {
            throw new ChatHistoryUnavailableError(error.statusCode, `Graph answered ${error.statusCode} (${error.code ?? 'no code'}) for chat ${chatId}: ${error.message}`);
          }
          throw error;
        }
        for (const message of page.value) {
          if (seen++ >= limit) return;
          yield { id: message.id, attachments: (message.attachments ?? []).map((attachment) => ({ contentType: attachment.contentType ?? '', content: attachment.content ?? null })) };
        }
        next = page['@odata.nextLink'] ?? null;
      }
    },
  };
}
