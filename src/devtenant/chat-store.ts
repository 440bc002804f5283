// The dev tenant's Teams chats, shared by the two stand-ins that see them: the bot connector writes what a bot
// posts (and refuses a bot that is not in the chat's roster), the dev Graph lists the messages to apps that hold
// resource-specific consent there. One store, so a card the connector accepted is what Graph lists.

/** Graph's chatMessageAttachment as listed: a card's `content` is a JSON string. */
export interface DevChatAttachment {
  readonly id: string;
  readonly contentType: string;
  readonly contentUrl: string | null;
  readonly content: string | null;
  readonly name: string | null;
  readonly thumbnailUrl: string | null;
}

export interface DevChatMessage {
  /** Teams' message id: the epoch milliseconds of its arrival, the same id the connector answers with. */
  readonly id: string;
  readonly chatId: string;
  readonly createdDateTime: string;
  readonly lastModifiedDateTime: string;
  /** The bot that posted it (Entra app id of its registration) and its name. */
  readonly from: { readonly id: string; readonly displayName: string };
  readonly text: string | null;
  readonly attachments: readonly DevChatAttachment[];
}

export interface DevChat {
  readonly id: string;
  readonly tenantId: string;
  /** Bot ids in the chat's roster: the bots of the Teams apps installed in it. */
  readonly bots: Set<string>;
  /** Resource-specific consent granted with an installation: Entra app id → permissions (`ChatMessage.Read.Chat`). */
  readonly grants: Map<string, Set<string>>;
  readonly messages: DevChatMessage[];
}

/** A Teams app as the chat sees it: its bot, and the Entra app (`webApplicationInfo.id`) its RSC permissions go to. */
export interface DevTeamsApp {
  readonly botId: string;
  readonly aadAppId: string;
  readonly rsc: readonly string[];
}

export interface PostedPart {
  readonly text: string | null;
  readonly attachments: ReadonlyArray<{ readonly contentType: string; readonly content?: unknown }>;
}

export class ChatStore {
  private readonly chats = new Map<string, DevChat>();
  private lastId = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** A chat with nothing installed yet. */
  create(id: string, tenantId: string): DevChat {
    const chat: DevChat = { id, tenantId, bots: new Set(), grants: new Map(), messages: [] };
    this.chats.set(id, chat);
    return chat;
  }

  get(id: string): DevChat | undefined {
    return this.chats.get(id);
  }

  /** Installing an app adds its bot to the roster and grants the RSC permissions its manifest asks for. */
  install(chatId: string, app: DevTeamsApp): void {
    const chat = this.required(chatId);
    chat.bots.add(app.botId);
    if (app.rsc.length > 0) chat.grants.set(app.aadAppId, new Set(app.rsc));
  }

  /** Removing the app takes its bot out of the roster and its grants with it. */
  uninstall(chatId: string, app: Pick<DevTeamsApp, 'botId' | 'aadAppId'>): void {
    const chat = this.required(chatId);
    chat.bots.delete(app.botId);
    chat.grants.delete(app.aadAppId);
  }

  /** Stores one message per part a post became; returns their ids. */
  post(chatId: string, from: DevChatMessage['from'], parts: readonly PostedPart[]): string[] {
    const chat = this.required(chatId);
    return parts.map((part) => {
      const id = this.nextId();
      const at = new Date(Number(id)).toISOString();
      chat.messages.push({
        id,
        chatId,
        createdDateTime: at,
        lastModifiedDateTime: at,
        from,
        text: part.text,
        attachments: part.attachments.map((attachment, index) => ({
          id: `${id}-${index}`,
          contentType: attachment.contentType,
          contentUrl: null,
          content: typeof attachment.content === 'string' ? attachment.content : JSON.stringify(attachment.content ?? null),
          name: null,
          thumbnailUrl: null,
        })),
      });
      return id;
    });
  }

  /** Forgets every message (chats and installations stay): benches start each run from empty chats. */
  clearMessages(): void {
    for (const chat of this.chats.values()) chat.messages.length = 0;
  }

  /** Every message of every chat, in arrival order. */
  allMessages(): DevChatMessage[] {
    return [...this.chats.values()].flatMap((chat) => chat.messages).sort((a, b) => Number(a.id) - Number(b.id));
  }

  private required(chatId: string): DevChat {
    const chat = this.chats.get(chatId);
    if (chat === undefined) throw new Error(`no chat ${chatId} in the dev tenant`);
    return chat;
  }

  /** Milliseconds of arrival, strictly increasing so two messages never share an id. */
  private nextId(): string {
    this.lastId = Math.max(this.lastId + 1, this.now());
    return String(this.lastId);
  }
}
