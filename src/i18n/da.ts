// Danish, translated module by module from the English catalog (en.ts); untranslated keys fall back to English.
import { ADDIN } from './da/addin.ts';
import { BOT } from './da/bot.ts';
import { COMMON } from './da/common.ts';
import { MAIL } from './da/mail.ts';
import { SYNC } from './da/sync.ts';
import { TAB } from './da/tab.ts';

export const DA = { ...COMMON, ...BOT, ...MAIL, ...TAB, ...SYNC, ...ADDIN } as const;
