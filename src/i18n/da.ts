// Danish, translated module by module from the English catalog (en.ts); untranslated keys fall back to English.
import { COMMON } from './da/common.ts';
import { MAIL } from './da/mail.ts';
import { SYNC } from './da/sync.ts';

export const DA = { ...COMMON, ...MAIL, ...SYNC } as const;
