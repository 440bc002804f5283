// German, translated module by module from the English catalog (en.ts); untranslated keys fall back to English.
import { COMMON } from './de/common.ts';
import { MAIL } from './de/mail.ts';
import { SYNC } from './de/sync.ts';

export const DE = { ...COMMON, ...MAIL, ...SYNC } as const;
