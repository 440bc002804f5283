// English strings of mailbox sync: progress and errors shown in the CLI and the tab.
export const SYNC = {} as const;
