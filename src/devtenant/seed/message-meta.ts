// Seeded-tenant data in the KPI engine's terms: a DevMessage as MessageMeta (the same mapping the Graph sync
// makes from Graph JSON: lower-cased addresses, well-known folder names, `detectAutomatic` on headers and
// meeting type) and the pairing's people from the seed's users.
import { detectAutomatic } from '../../kpi/automatic.ts';
import { FOLDER_KINDS, type FolderKind, type MessageMeta, type PairingPeople } from '../../kpi/message.ts';
import type { DevAddress, DevMessage, TenantSeed } from '../tenant-seed.ts';

const KNOWN_FOLDERS: ReadonlySet<string> = new Set(FOLDER_KINDS.filter((kind) => kind !== 'other'));

function address(value: DevAddress): string {
  return value.address.trim().toLowerCase();
}

/** A well-known folder key is its own kind; custom folders are `other`. */
export function folderKindOf(folder: string): FolderKind {
  return KNOWN_FOLDERS.has(folder) ? (folder as FolderKind) : 'other';
}

/** The engine's view of a message in `folder` with `categories` (its state at the time the sync saw it). */
export function toMessageMeta(message: DevMessage, folder: string = message.folder, categories: readonly string[] = message.categories): MessageMeta {
  return {
    id: message.id,
    conversationId: message.conversationId,
    receivedAt: message.receivedDateTime,
    sentAt: message.sentDateTime,
    from: address(message.from),
    sender: address(message.sender),
    to: [...new Set(message.toRecipients.map(address))],
    cc: [...new Set(message.ccRecipients.map(address))],
    folder: folderKindOf(folder),
    isDraft: message.isDraft,
    categories,
    inference: message.inferenceClassification,
    automatic: detectAutomatic(message.internetMessageHeaders, { meetingMessageType: message.meetingMessageType ?? null }),
    subject: message.subject,
  };
}

/** The ground truth's pairing as the engine's PairingPeople (the mailbox is the owner's own). */
export function seedPairingPeople(seed: TenantSeed): PairingPeople {
  const mailOf = (userId: string) => {
    const user = seed.users.find((candidate) => candidate.id === userId);
    if (user === undefined) throw new RangeError(`seed has no user ${userId}`);
    return user.mail.toLowerCase();
  };
  const { pairing } = seed.groundTruth;
  return {
    mailbox: [mailOf(pairing.mailboxUserId)],
    owner: [mailOf(pairing.ownerUserId)],
    va: [mailOf(pairing.vaUserId)],
    internalDomains: seed.verifiedDomains.map((domain) => domain.toLowerCase()),
  };
}
