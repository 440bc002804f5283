// What differs between a real tenant and the local stand-ins, as one object the composition root asks for
// once: where mail metadata comes from, how chat posts and the summary mail leave, who signs in to the tab,
// and what the welcome card may offer.
import type { Hono } from 'hono';
import type { TokenValidator } from '../auth/token-validator.ts';
import type { ChatPoster } from '../ports/chat.ts';
import type { Directory } from '../ports/directory.ts';
import type { MailSender } from '../ports/mail.ts';
import type { MailboxDefaults, MailboxSource } from '../ports/mailbox.ts';
import type { TaskChoices, TaskSource } from '../ports/tasks.ts';

export interface Environment {
  readonly mailbox: MailboxSource;
  /** Planner and To Do for pairings with a taskSource (docs/kpi.md §11). */
  readonly tasks?: TaskSource;
  /** The plans and lists the set-up and the settings offer as task sources; absent with `tasks`. */
  readonly taskChoices?: TaskChoices;
  readonly mail: MailSender;
  readonly chat: ChatPoster;
  readonly directory: Directory;
  readonly tab: { readonly validateToken: TokenValidator; readonly signIn?: Hono; readonly note: string };
  /** The admin-consent URL while a tenant has not granted Tandem's Graph permissions, else null. */
  consentUrl(tenantId: string): Promise<string | null>;
  /** The mailbox's own time zone, working hours and language (set-up defaults), or null when unreadable. */
  mailboxDefaults(address: string): Promise<MailboxDefaults | null>;
  /** Local mode's demo: a chat command posts this week's scorecard now, as the schedule would. */
  readonly demo: boolean;
  /** Lines for the start-up banner. */
  readonly notes: readonly string[];
  /** Runs once the server listens (the local demo starts the Agents Playground); returns more banner lines. */
  started(botEndpoint: string): Promise<readonly string[]>;
  close(): Promise<void>;
}
