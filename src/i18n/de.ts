// German, translated module by module from the English catalog (en.ts); untranslated keys fall back to English.
import { ADDIN } from './de/addin.ts';
import { BOT } from './de/bot.ts';
import { COMMON } from './de/common.ts';
import { MAIL } from './de/mail.ts';
import { SYNC } from './de/sync.ts';
import { TAB } from './de/tab.ts';

export const DE = { ...COMMON, ...BOT, ...MAIL, ...TAB, ...SYNC, ...ADDIN } as const;
