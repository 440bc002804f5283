// Teams chat items in the owner's mailbox, as Exchange keeps them: Teams stores a copy of each chat message
// in a hidden folder of the user's mailbox, and `GET /users/{id}/messages` lists them beside the mail.
// Graph's known issues say so and call reading them this way unsupported; Exchange's troubleshooting page
// says third-party apps may not use the Teams data in mailboxes, which Teams may move at any time
// (https://learn.microsoft.com/exchange/troubleshoot/send-emails/ews-not-support-access-teams-data). Their
// documented "IM" subject has been reported empty, so these carry an empty subject and nothing but their
// folder tells them from mail. They come from the people who write to the owner (external customers too,
// as federated chats do), so a sync that counted them would count them as unanswered mail.
import { seededRandom } from '../seeded-random.ts';
import type { DevAddress, DevFolderSeed, DevMessage, TenantSeed, TimelineEvent } from '../tenant-seed.ts';

/** The hidden folder Teams keeps its copies in. */
export const TEAMS_CHAT_FOLDER: DevFolderSeed = { key: 'teamsmessagesdata', displayName: 'TeamsMessagesData', hidden: true };

export interface TeamsChatOptions {
  /** Chat items per day of the timeline, on average; 6 when absent. */
  readonly perDay?: number;
  readonly seed?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The seed with Teams chat items delivered into a hidden folder of the pairing's mailbox; its ground truth is unchanged. */
export function withTeamsChatItems(seed: TenantSeed, options: TeamsChatOptions = {}): TenantSeed {
  const random = seededRandom(options.seed ?? 1);
  const mailboxId = seed.groundTruth.pairing.mailboxUserId;
  const owner = seed.users.find((user) => user.id === mailboxId);
  if (!owner) throw new Error(`seed has no user ${mailboxId}`);
  const senders = chatPartners(seed, mailboxId, owner.mail);
  if (senders.length === 0) throw new Error('the seed has no inbound mail to take chat partners from');
  const count = Math.round(((seed.end - seed.start) / DAY_MS) * (options.perDay ?? 6));
  const items: TimelineEvent[] = Array.from({ length: count }, (_, index) => {
    const at = seed.start + Math.floor(random() * (seed.end - seed.start));
    const from = senders[Math.floor(random() * senders.length)]!;
    const message: DevMessage = {
      id: `teams-chat-${String(index).padStart(5, '0')}-${Math.floor(random() * 2 ** 32).toString(16)}`,
      conversationId: `teams-chat-thread-${senders.indexOf(from)}`,
      internetMessageId: `<teams-chat-${index}@teams.example>`,
      subject: '',
      from,
      sender: from,
      toRecipients: [{ name: owner.displayName, address: owner.mail }],
      ccRecipients: [],
      receivedDateTime: at,
      sentDateTime: at,
      folder: TEAMS_CHAT_FOLDER.key,
      isDraft: false,
      isRead: true,
      categories: [],
      inferenceClassification: 'focused',
      internetMessageHeaders: [],
      body: 'Quick question on the chat',
    };
    return { at, kind: 'deliver', mailbox: mailboxId, message };
  });
  return {
    ...seed,
    mailboxes: seed.mailboxes.map((mailbox) => (mailbox.userId === mailboxId ? { ...mailbox, folders: [...mailbox.folders, TEAMS_CHAT_FOLDER] } : mailbox)),
    // Stable: the seed's own events keep their order at equal instants.
    events: [...seed.events, ...items].sort((a, b) => a.at - b.at),
  };
}

/** Distinct senders of the mail delivered to the mailbox, the owner aside. */
function chatPartners(seed: TenantSeed, mailboxId: string, ownerAddress: string): DevAddress[] {
  const byAddress = new Map<string, DevAddress>();
  for (const event of seed.events) {
    if (event.kind !== 'deliver' || event.mailbox !== mailboxId || event.message.folder !== 'inbox') continue;
    const from = event.message.from;
    if (from.address.toLowerCase() !== ownerAddress.toLowerCase()) byAddress.set(from.address.toLowerCase(), from);
  }
  return [...byAddress.values()].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}
