// Rules for Tandem's filled app manifest that its JSON schema cannot express: real GUIDs, icon sizes and
// transparency, every tab URL inside validDomains, the SSO resource matching the domain, the exact
// commands and resource-specific permissions the bot needs, and the store's naming rules.
import { KPI_TAB_ENTITY_ID } from '../src/reports/tab-link.ts';
import { COLOR_ICON_PX, OUTLINE_ICON_PX } from './icons.ts';
import { decodePng, type Pixels } from './png.ts';

/** The parts of a Teams manifest these rules read (the schema checks the rest). */
export interface AppManifest {
  readonly id: string;
  readonly name: { readonly short: string; readonly full?: string };
  readonly description: { readonly short: string; readonly full: string };
  readonly icons: { readonly color: string; readonly outline: string };
  readonly bots?: readonly { readonly botId: string; readonly commandLists?: readonly { readonly commands: readonly { readonly title: string }[] }[] }[];
  readonly staticTabs?: readonly { readonly entityId: string; readonly contentUrl?: string; readonly websiteUrl?: string }[];
  readonly configurableTabs?: readonly { readonly configurationUrl: string }[];
  readonly validDomains?: readonly string[];
  readonly webApplicationInfo?: { readonly id: string; readonly resource?: string };
  readonly authorization?: { readonly permissions?: { readonly resourceSpecific?: readonly { readonly name: string; readonly type: string }[] } };
}

/** The bot's commands (issue #6), in every command list. */
export const BOT_COMMANDS = ['scorecard', 'waiting', 'feedback', 'settings', 'leave', 'review', 'help', 'offboard'] as const;
/**
 * The only resource-specific consent the bot asks for: reading the chat's messages, so a retried
 * scorecard post can find the card an earlier attempt already posted (exactly-once delivery).
 */
export const RSC_PERMISSIONS = ['ChatMessage.Read.Chat'] as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Words the Teams store refuses in an app's name. */
const RESERVED_NAME_WORDS = /\b(microsoft|teams|outlook|office)\b/i;

/** Whether `host` (host[:port]) is covered by one of the validDomains (exact, or `*.` wildcard). */
export function domainCovers(validDomains: readonly string[], host: string): boolean {
  const bare = host.toLowerCase();
  return validDomains.some((domain) => {
    const entry = domain.toLowerCase();
    return entry === bare || (entry.startsWith('*.') && bare.endsWith(entry.slice(1)) && bare.length > entry.length - 1);
  });
}

function iconProblems(name: string, pixels: Pixels, size: number, outline: boolean): string[] {
  if (pixels.width !== size || pixels.height !== size) return [`${name} is ${pixels.width}×${pixels.height}, must be ${size}×${size}`];
  const problems: string[] = [];
  let transparent = 0;
  let painted = 0;
  for (let i = 0; i < pixels.rgba.length; i += 4) {
    const [r, g, b, a] = [pixels.rgba[i]!, pixels.rgba[i + 1]!, pixels.rgba[i + 2]!, pixels.rgba[i + 3]!];
    if (a === 0) transparent++;
    else painted++;
    if (outline && a > 0 && (r !== 255 || g !== 255 || b !== 255)) {
      problems.push(`${name} has a non-white pixel (${r},${g},${b}) at ${(i / 4) % size},${Math.floor(i / 4 / size)}: outline icons are white on transparent`);
      break;
    }
  }
  if (outline && transparent === 0) problems.push(`${name} has no transparent background`);
  if (painted === 0) problems.push(`${name} is empty`);
  if (!outline && transparent > 0) problems.push(`${name} has ${transparent} transparent pixels: the colour icon fills its square`);
  return problems;
}

function urlsOf(manifest: AppManifest): string[] {
  return [
    ...(manifest.staticTabs ?? []).flatMap((tab) => [tab.contentUrl, tab.websiteUrl]),
    ...(manifest.configurableTabs ?? []).map((tab) => tab.configurationUrl),
  ].filter((url): url is string => url !== undefined);
}

/** Every rule broken, as readable lines; empty when the manifest is fine. */
export function manifestProblems(
  manifest: AppManifest,
  icons: { readonly color: Uint8Array; readonly outline: Uint8Array },
  env: { readonly TAB_DOMAIN: string; readonly TAB_ENDPOINT: string; readonly AAD_APP_CLIENT_ID: string },
): string[] {
  const problems: string[] = [];
  const text = JSON.stringify(manifest);
  if (text.includes('${{')) problems.push('a ${{PLACEHOLDER}} is left unfilled');

  const ids: [string, string | undefined][] = [
    ['id', manifest.id],
    ['webApplicationInfo.id', manifest.webApplicationInfo?.id],
    ...(manifest.bots ?? []).map((bot, index): [string, string] => [`bots[${index}].botId`, bot.botId]),
  ];
  for (const [path, value] of ids) if (value === undefined || !GUID.test(value)) problems.push(`${path} must be a GUID (got ${JSON.stringify(value)})`);

  const validDomains = manifest.validDomains ?? [];
  for (const url of urlsOf(manifest)) {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:') problems.push(`${url} is not https`);
    if (!domainCovers(validDomains, parsed.host)) problems.push(`${url}: ${parsed.host} is not in validDomains`);
  }
  const resource = manifest.webApplicationInfo?.resource;
  const expectedResource = `api://${env.TAB_DOMAIN}/${env.AAD_APP_CLIENT_ID}`;
  if (resource !== expectedResource) problems.push(`webApplicationInfo.resource must be ${expectedResource} (the tab's domain and the SSO app), got ${resource}`);

  const kpiTab = manifest.staticTabs?.find((tab) => tab.entityId === KPI_TAB_ENTITY_ID);
  if (kpiTab?.contentUrl !== `${env.TAB_ENDPOINT}/tab/`) problems.push(`the static tab "${KPI_TAB_ENTITY_ID}" (the summary mail links to it) must show ${env.TAB_ENDPOINT}/tab/`);

  for (const [index, bot] of (manifest.bots ?? []).entries()) {
    for (const list of bot.commandLists ?? []) {
      const titles = list.commands.map((command) => command.title);
      if (titles.join() !== BOT_COMMANDS.join()) problems.push(`bots[${index}] commands must be ${BOT_COMMANDS.join(', ')}; got ${titles.join(', ')}`);
    }
  }
  // The bot's application permissions; the Outlook add-in's delegated ones are checked in addin-manifest.ts.
  const rsc = (manifest.authorization?.permissions?.resourceSpecific ?? []).filter((permission) => permission.type === 'Application').map((permission) => permission.name);
  if (rsc.join() !== RSC_PERMISSIONS.join()) problems.push(`resource-specific permissions must be exactly ${RSC_PERMISSIONS.join(', ')}; got ${rsc.join(', ') || 'none'}`);

  for (const name of [manifest.name.short, manifest.name.full ?? '']) if (RESERVED_NAME_WORDS.test(name)) problems.push(`the app name "${name}" uses a word the store reserves`);
  if (manifest.description.short === manifest.description.full) problems.push('description.full must say more than description.short');

  problems.push(...iconProblems(manifest.icons.color, decodePng(icons.color), COLOR_ICON_PX, false));
  problems.push(...iconProblems(manifest.icons.outline, decodePng(icons.outline), OUTLINE_ICON_PX, true));
  return problems;
}
