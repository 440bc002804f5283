// The catalogs against each other and against the code: every translation has exactly English's keys, module
// by module, with the same placeholders; every English key is used somewhere; the pseudo-locale covers all.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EN } from '../src/i18n/en.ts';
import { LANGUAGES } from '../src/i18n/locales.ts';
import { argumentNames, mapText, parseMessage } from '../src/i18n/message-format.ts';
import { t, template, TRANSLATIONS, type MessageKey } from '../src/i18n/messages.ts';
import { PSEUDO_CLOSE, PSEUDO_OPEN } from '../src/i18n/pseudo.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const I18N = join(ROOT, 'src/i18n');
const KEYS = Object.keys(EN) as MessageKey[];
const TRANSLATED = LANGUAGES.filter((language) => language !== 'en');

/**
 * Keys the code builds at run time in a way the scan below cannot see (no literal, no `prefix.${…}` template);
 * each entry says where. Keep it short: a literal key in the code is better.
 */
const DYNAMIC_KEYS: ReadonlySet<string> = new Set([]);

type Module = Readonly<Record<string, string>>;

async function modulesOf(language: string): Promise<Map<string, Module>> {
  const modules = new Map<string, Module>();
  for (const file of readdirSync(join(I18N, language)).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).sort()) {
    const exports = (await import(join(I18N, language, file))) as Record<string, Module>;
    const values = Object.values(exports);
    expect(values, `${language}/${file} exports one catalog`).toHaveLength(1);
    modules.set(file, values[0]!);
  }
  return modules;
}

describe('English, the source', () => {
  it('merges every module in en/ once, with no key in two modules (a spread would silently drop one)', async () => {
    const modules = await modulesOf('en');
    const seen = new Map<string, string>();
    for (const [file, module] of modules) {
      for (const key of Object.keys(module)) {
        expect(seen.get(key), `${key} in en/${file} and en/${seen.get(key)}`).toBeUndefined();
        seen.set(key, file);
      }
    }
    expect([...seen.keys()].sort()).toEqual([...KEYS].sort());
  });

  it('parses: every template is valid message syntax', () => {
    for (const key of KEYS) expect(() => parseMessage(EN[key]), key).not.toThrow();
  });
});

describe.each(TRANSLATED)('%s', (language) => {
  const catalog = TRANSLATIONS[language] as Readonly<Partial<Record<string, string>>>;

  it('mirrors English module by module: same files, same keys in each', async () => {
    const english = await modulesOf('en');
    const translated = await modulesOf(language);
    expect([...translated.keys()], `modules in src/i18n/${language}/`).toEqual([...english.keys()]);
    for (const [file, module] of english) {
      const keys = Object.keys(translated.get(file) ?? {});
      expect(Object.keys(module).filter((key) => !keys.includes(key)), `missing in ${language}/${file}`).toEqual([]);
      expect(keys.filter((key) => !(key in module)), `not in en/${file}`).toEqual([]);
    }
  });

  it('has every English key and no other', () => {
    expect(KEYS.filter((key) => catalog[key] === undefined), 'missing').toEqual([]);
    expect(Object.keys(catalog).filter((key) => !(key in EN)), 'not in English').toEqual([]);
  });

  it('uses exactly the English placeholders in every message', () => {
    const mismatched = KEYS.filter((key) => catalog[key] !== undefined)
      .map((key) => ({ key, english: argumentNames(EN[key]).sort(), translated: argumentNames(catalog[key]!).sort() }))
      .filter(({ english, translated }) => english.join() !== translated.join());
    expect(mismatched).toEqual([]);
  });

  it('translates: no message is left as a copy of the English one unless it is language-neutral', () => {
    const copies = KEYS.filter((key) => catalog[key] === EN[key] && !languageNeutral(EN[key]) && !SAME_IN[language].has(key));
    expect(copies).toEqual([]);
  });
});

/** Only placeholders, digits, punctuation, or a name every language uses as is. */
function languageNeutral(message: string): boolean {
  let words = '';
  mapText(message, (text) => (words += text));
  return !/\p{L}/u.test(words.replace(/\b(VA|Tandem|KPI)\b/g, ''));
}

/** Messages that are rightly the same words as English in a language (loanwords, product names). */
const SAME_IN: Readonly<Record<(typeof TRANSLATED)[number], ReadonlySet<string>>> = {
  // UTC, DD and MM are what these languages write too.
  da: new Set(['timeZone.offset', 'date.pattern.day', 'date.pattern.month', 'command.feedback', 'feedback.action.submit', 'welcome.action.start', 'tab.nav.feedback', 'tab.week.median', 'tab.column.status', 'tab.signIn.vaOf']),
  nl: new Set(['timeZone.offset', 'date.pattern.day', 'date.pattern.month', 'command.feedback', 'tab.settings.privacy', 'duration.minutes', 'scorecard.trend.xAxis', 'mail.week', 'tab.nav.feedback', 'tab.column.status', 'tab.column.week', 'tab.messages.week']),
  nb: new Set(['timeZone.offset', 'date.pattern.day', 'date.pattern.month', 'duration.minutes', 'feedback.action.submit', 'welcome.action.start', 'tab.signIn.vaOf', 'tab.week.median', 'tab.column.status']),
  de: new Set(['timeZone.offset', 'date.pattern.month', 'command.feedback', 'tab.nav.feedback', 'tab.week.median', 'tab.column.status']),
};

describe('the pseudo-locale', () => {
  it('accents, pads and brackets every key, keeping its placeholders', () => {
    for (const key of KEYS) {
      const pseudo = template('qps-ploc', key);
      expect(pseudo.startsWith(PSEUDO_OPEN) && pseudo.endsWith(PSEUDO_CLOSE), key).toBe(true);
      expect(argumentNames(pseudo).sort(), key).toEqual(argumentNames(EN[key]).sort());
      const texts: string[] = [];
      mapText(pseudo, (text) => {
        texts.push(text);
        return text;
      });
      expect(texts.join('').match(/[A-Za-z]/g), `${key} has unaccented letters`).toBeNull();
      expect(pseudo.length, key).toBeGreaterThan(EN[key].length);
    }
  });

  it('reaches users through t() for qps-ploc and en-XA', () => {
    expect(t('qps-ploc', 'mail.title')).toMatch(/^\[Ýöûŕ Ţåñðéɱ ŵééķ·+\]$/);
    expect(t('en-XA', 'mail.inboxZero.pass', { count: 2, cutoff: '17:00' })).toContain('2');
  });
});

/** Source files that may use keys: everything but the catalogs themselves and tests. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('English keys in the code', () => {
  const catalogDirs = [...LANGUAGES.map((language) => join(I18N, language)), ...LANGUAGES.map((language) => join(I18N, `${language}.ts`))];
  const files = ['src', 'bot', 'tab/src', 'scripts'].flatMap((dir) => sources(join(ROOT, dir))).filter((file) => !catalogDirs.some((dir) => file.startsWith(dir)));
  const code = files.map((file) => readFileSync(file, 'utf8')).join('\n');
  /** Prefixes of keys built at run time: `day.${day}`, `feedback.choice.involved${value}`, 'tab.status.' + status. */
  const prefixes = [...code.matchAll(/`([a-z]\w*\.[\w.]*)\$\{/g), ...code.matchAll(/['"]([a-z]\w*\.[\w.]*)['"]\s*\+/g)].map((match) => match[1]!);

  it('scans the code (sanity: it finds the code that calls t())', () => {
    expect(files.map((file) => relative(ROOT, file))).toContain('src/i18n/format.ts');
    expect(code).toContain("t(locale, 'none')");
  });

  it('uses every key, literally or through a built prefix', () => {
    const unused = KEYS.filter((key) => {
      if (DYNAMIC_KEYS.has(key)) return false;
      if (code.includes(`'${key}'`) || code.includes(`"${key}"`) || code.includes(`\`${key}\``)) return false;
      return !prefixes.some((prefix) => key.startsWith(prefix) && /^[\w]+$/.test(key.slice(prefix.length)));
    });
    expect(unused).toEqual([]);
  });
});
