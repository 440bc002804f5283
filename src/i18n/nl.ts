// Dutch, translated module by module from the English catalog (en.ts); untranslated keys fall back to English.
import { COMMON } from './nl/common.ts';
import { MAIL } from './nl/mail.ts';
import { SYNC } from './nl/sync.ts';

export const NL = { ...COMMON, ...MAIL, ...SYNC } as const;
