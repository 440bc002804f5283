// The app manifest in Tandem's other languages: one Teams localization file per language, written from the
// message catalog, so the command menu offers the same words the bot parses and the help card shows. The
// English manifest must say what the catalog's English says, so the two cannot drift apart.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { commandHints, commandWord, commandWordOf } from '../bot/command-words.ts';
import { LANGUAGES, type Language } from '../src/i18n/locales.ts';
import { t, type MessageKey } from '../src/i18n/messages.ts';

/** The parts of the filled manifest that are text a reader sees. */
export interface LocalizableManifest {
  readonly manifestVersion: string;
  readonly name: { readonly short: string; readonly full?: string };
  readonly description: { readonly short: string; readonly full: string };
  readonly staticTabs?: readonly { readonly name?: string }[];
  readonly bots?: readonly { readonly commandLists?: readonly { readonly commands: readonly { readonly title: string; readonly description: string }[] }[] }[];
  readonly extensions?: readonly { readonly ribbons?: readonly { readonly tabs: readonly { readonly groups?: readonly { readonly controls?: readonly { readonly supertip?: { readonly description: string } }[] }[] }[] }[] }[];
  readonly localizationInfo?: { readonly defaultLanguageTag: string; readonly additionalLanguages?: readonly { readonly languageTag: string; readonly file: string }[] };
}

/** The languages besides English, as the manifest lists them. */
export const ADDITIONAL_LANGUAGES = LANGUAGES.filter((language): language is Exclude<Language, 'en'> => language !== 'en');

/** The version's localization schema, shipped offline with @microsoft/app-manifest like the manifest's. */
async function localizationSchema(manifestVersion: string): Promise<Record<string, unknown>> {
  const build = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest'));
  return JSON.parse(await readFile(join(build, 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.Localization.schema.json'), 'utf8')) as Record<string, unknown>;
}

/**
 * Every reader-facing string of the manifest in `language`, by the localization file's key. A suffix the
 * environment adds to the names (" (dev)") stays on them; a command the catalog has no word for is a problem.
 */
export function manifestStrings(language: Language, manifest: LocalizableManifest, suffix: string): Record<string, string> {
  const text = (key: MessageKey, params?: Record<string, string>) => t(language, key, params);
  const strings: Record<string, string> = {
    'name.short': manifest.name.short,
    'name.full': `${text('manifest.name.full')}${suffix}`,
    'description.short': text('manifest.description.short'),
    'description.full': text('manifest.description.full'),
  };
  manifest.staticTabs?.forEach((tab, index) => {
    if (tab.name !== undefined) strings[`staticTabs[${index}].name`] = text('manifest.tab.kpi');
  });
  manifest.bots?.[0]?.commandLists?.forEach((list, listIndex) =>
    list.commands.forEach((command, index) => {
      const word = commandWordOf(command.title);
      if (word === null) throw new Error(`bots[0] command "${command.title}" is not a command the bot understands`);
      const path = `bots[0].commandLists[${listIndex}].commands[${index}]`;
      strings[`${path}.title`] = commandWord(language, word);
      const hints = commandHints(language);
      strings[`${path}.description`] = text(`manifest.command.${word}` as MessageKey, { last: hints.scorecardLast, example: hints.leaveExample });
    }),
  );
  const supertip = manifest.extensions?.[0]?.ribbons?.[0]?.tabs[0]?.groups?.[0]?.controls?.[0]?.supertip;
  if (supertip !== undefined) strings['extensions[0].ribbons[0].tabs[0].groups[0].controls[0].supertip.description'] = text('manifest.addin.description');
  return strings;
}

/** The value at a localization key's path in the manifest ("bots[0].commandLists[0].commands[2].title"). */
function valueAt(manifest: LocalizableManifest, path: string): unknown {
  return path
    .split(/\.|(?=\[)/)
    .reduce<unknown>((node, part) => {
      if (node === undefined || node === null) return undefined;
      const index = /^\[(\d+)\]$/.exec(part);
      return index !== null ? (node as unknown[])[Number(index[1])] : (node as Record<string, unknown>)[part];
    }, manifest);
}

export interface ManifestLocalization {
  /** File name → the localization file's content. */
  readonly files: Readonly<Record<string, object>>;
  readonly problems: readonly string[];
}

/** The localization files the manifest lists, checked against the official schema and the English catalog. */
export async function localizeManifest(manifest: LocalizableManifest, suffix: string): Promise<ManifestLocalization> {
  const problems: string[] = [];
  const english = manifestStrings('en', manifest, suffix);
  for (const [path, value] of Object.entries(english)) {
    if (valueAt(manifest, path) !== value) problems.push(`manifest ${path} must say what the catalog's English says: ${JSON.stringify(value)}`);
  }
  const listed = manifest.localizationInfo?.additionalLanguages ?? [];
  const expected = ADDITIONAL_LANGUAGES.map((language) => ({ languageTag: language, file: `${language}.json` }));
  if (JSON.stringify(listed) !== JSON.stringify(expected)) problems.push(`localizationInfo.additionalLanguages must be ${JSON.stringify(expected)}`);
  // The schema is draft-04, and some of its patterns ("[\b…\b]") are not valid in unicode mode.
  const ajv = new Ajv04.default({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats.default(ajv, ['uri']);
  const validate = ajv.compile(await localizationSchema(manifest.manifestVersion));
  const files: Record<string, object> = {};
  for (const language of ADDITIONAL_LANGUAGES) {
    const file = { $schema: `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.Localization.schema.json`, ...manifestStrings(language, manifest, suffix) };
    if (!validate(file)) problems.push(...(validate.errors ?? []).map((error) => `${language}.json: ${error.instancePath || '/'} ${error.message ?? 'is not valid'}`));
    files[`${language}.json`] = file;
  }
  return { files, problems };
}
