// Dutch, translated module by module from the English catalog (en.ts); untranslated keys fall back to English.
import { ADDIN } from './nl/addin.ts';
import { BOT } from './nl/bot.ts';
import { COMMON } from './nl/common.ts';
import { MAIL } from './nl/mail.ts';
import { SYNC } from './nl/sync.ts';
import { TAB } from './nl/tab.ts';

export const NL = { ...COMMON, ...BOT, ...MAIL, ...TAB, ...SYNC, ...ADDIN } as const;
