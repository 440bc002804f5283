// Norwegian Bokmål, translated module by module from the English catalog (en.ts); untranslated keys fall back to English.
import { COMMON } from './nb/common.ts';
import { MAIL } from './nb/mail.ts';
import { SYNC } from './nb/sync.ts';

export const NB = { ...COMMON, ...MAIL, ...SYNC } as const;
