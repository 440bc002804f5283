// The directory port: whose mailbox an address is. Set-up asks it before Tandem may read a mailbox, so a chat
// member cannot point Tandem at someone else's mail (the tenant's Entra directory through Graph; in local mode
// the dev tenant's).

export interface Directory {
  /** Whether `address` is one of the Entra user's own mail addresses (primary or alias); false for an unknown user. */
  owns(userId: string, address: string): Promise<boolean>;
}
