// English, the source catalog. Keys are stable ids; wording may change freely. One module per surface so
// work on one surface does not touch another's strings; keys must stay unique across them.
import { ADDIN } from './en/addin.ts';
import { BOT } from './en/bot.ts';
import { COMMON } from './en/common.ts';
import { MAIL } from './en/mail.ts';
import { SYNC } from './en/sync.ts';
import { TAB } from './en/tab.ts';

export const EN = { ...COMMON, ...BOT, ...MAIL, ...TAB, ...SYNC, ...ADDIN } as const;
