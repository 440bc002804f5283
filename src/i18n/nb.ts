// Norwegian Bokmål, translated module by module from the English catalog (en.ts); untranslated keys fall back to English.
import { ADDIN } from './nb/addin.ts';
import { BOT } from './nb/bot.ts';
import { COMMON } from './nb/common.ts';
import { MAIL } from './nb/mail.ts';
import { SYNC } from './nb/sync.ts';
import { TAB } from './nb/tab.ts';

export const NB = { ...COMMON, ...BOT, ...MAIL, ...TAB, ...SYNC, ...ADDIN } as const;
