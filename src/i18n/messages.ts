// The message catalog: every user-facing string of cards, chat posts, the tab and e-mails, keyed, English
// first, with Danish, Dutch, Norwegian Bokmål and German translations and a pseudo-locale for testing.
// Templates are ICU-style (message-format.ts): `{name}` placeholders and `{n, plural, one {…} other {…}}`.
// Importing this module registers all five languages, so server code (bot, mail, jobs) can ask t() for any
// of them synchronously. The tab's build replaces it with catalog.ts and loads only the reader's language.
import { addCatalog } from './catalog.ts';
import { DA } from './da.ts';
import { DE } from './de.ts';
import { EN } from './en.ts';
import type { Language } from './locales.ts';
import { NB } from './nb.ts';
import { NL } from './nl.ts';
import type { Translation } from './translation.ts';

export { t, template, type MessageKey, type Params } from './catalog.ts';

/** The translations, by language; English is the source and the fallback. */
export const TRANSLATIONS: Readonly<Record<Exclude<Language, 'en'>, Translation<typeof EN>>> = { da: DA, nl: NL, nb: NB, de: DE };

addCatalog('en', EN);
for (const [language, catalog] of Object.entries(TRANSLATIONS)) addCatalog(language as Exclude<Language, 'en'>, catalog);
