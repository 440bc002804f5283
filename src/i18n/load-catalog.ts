// The browser's catalog: only the reader's language, fetched as its own chunk before the first render, so
// the tab and the Outlook pane do not download five languages to show one. English serves the pseudo-locale
// and any language Tandem does not speak.
import { addCatalog, type Catalog } from './catalog.ts';
import { PSEUDO_LOCALE, resolveLocale, type Language } from './locales.ts';

const LOADERS: Readonly<Record<Language, () => Promise<Catalog>>> = {
  en: () => import('./en.ts').then((module) => module.EN),
  da: () => import('./da.ts').then((module) => module.DA),
  nl: () => import('./nl.ts').then((module) => module.NL),
  nb: () => import('./nb.ts').then((module) => module.NB),
  de: () => import('./de.ts').then((module) => module.DE),
};

/** Loads, or is loading, by language; a failed load is forgotten so a later call tries again. */
const loading = new Map<Language, Promise<void>>();

/** Loads the catalog `locale` reads (e.g. "da-DK" → Danish; "qps-ploc" and "fr" → English) for t(). */
export function loadCatalog(locale: string): Promise<void> {
  const resolved = resolveLocale(locale);
  const language = resolved === PSEUDO_LOCALE ? 'en' : resolved;
  let load = loading.get(language);
  if (load === undefined) {
    load = LOADERS[language]().then((catalog) => addCatalog(language, catalog));
    load.catch(() => loading.delete(language));
    loading.set(language, load);
  }
  return load;
}
