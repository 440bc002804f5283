// WCAG 2.2 contrast, written out here rather than taken from a library, and the colours a host config gives
// each piece of card text: a TextBlock's or TextRun's `color` and `isSubtle` (a heading's from the config's
// heading style), a FactSet's title and value (the config's factSet), all in the foreground colours of the
// nearest container style above them and measured against that style's background.

export interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  /** 0..1 */
  readonly a: number;
}

/** `#RRGGBB`, or `#AARRGGBB` as Adaptive Cards host configs write alpha (first, not last). */
export function parseColour(hex: string): Rgba {
  const digits = hex.replace(/^#/, '');
  if (!/^([0-9a-f]{6}|[0-9a-f]{8})$/i.test(digits)) throw new Error(`not a host config colour: ${hex}`);
  const alpha = digits.length === 8 ? parseInt(digits.slice(0, 2), 16) / 255 : 1;
  const rgb = digits.slice(-6);
  return { r: parseInt(rgb.slice(0, 2), 16), g: parseInt(rgb.slice(2, 4), 16), b: parseInt(rgb.slice(4, 6), 16), a: alpha };
}

/** `fg` painted over an opaque `bg`: what the reader sees of a translucent colour such as Teams' "subtle". */
export function over(fg: Rgba, bg: Rgba): Rgba {
  const mix = (f: number, b: number) => f * fg.a + b * (1 - fg.a);
  return { r: mix(fg.r, bg.r), g: mix(fg.g, bg.g), b: mix(fg.b, bg.b), a: 1 };
}

/** WCAG 2.2 relative luminance (https://www.w3.org/TR/WCAG22/#dfn-relative-luminance). */
export function relativeLuminance({ r, g, b }: Rgba): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** (L1 + 0.05) / (L2 + 0.05), lighter over darker (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio). */
export function contrastRatio(fg: string, bg: string): number {
  const background = over(parseColour(bg), { r: 255, g: 255, b: 255, a: 1 });
  const [lighter, darker] = [relativeLuminance(over(parseColour(fg), background)), relativeLuminance(background)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** WCAG 1.4.3 (AA) for text of any size. */
export const MIN_TEXT_CONTRAST = 4.5;

type Json = Record<string, unknown>;

interface ContainerStyle {
  readonly backgroundColor: string;
  readonly foregroundColors: Record<string, { default: string; subtle: string }>;
}

interface HostColours {
  readonly containerStyles: Record<string, ContainerStyle>;
  readonly factSet?: { title?: { color?: string; isSubtle?: boolean }; value?: { color?: string; isSubtle?: boolean } };
  readonly textStyles?: { heading?: { color?: string; isSubtle?: boolean } };
}

export interface CardText {
  /** The text (its first 60 characters) and where it sits. */
  readonly text: string;
  readonly style: string;
  readonly color: string;
  readonly isSubtle: boolean;
  readonly foreground: string;
  readonly background: string;
  readonly ratio: number;
}

/** Elements that may set a container style for what they hold (Adaptive Cards 1.5). */
const STYLED = new Set(['Container', 'Column', 'ColumnSet', 'Table', 'TableCell', 'TableRow']);

/** Every piece of text on `card` with the colours `config` gives it. */
export function cardTexts(card: object, config: object): CardText[] {
  const host = config as HostColours;
  const out: CardText[] = [];
  const measure = (text: unknown, style: string, color: unknown, isSubtle: unknown) => {
    const colours = host.containerStyles[style];
    if (colours === undefined) throw new Error(`host config has no container style ${style}`);
    const name = typeof color === 'string' ? color.toLowerCase() : 'default';
    const pair = colours.foregroundColors[name];
    if (pair === undefined) throw new Error(`host config has no foreground colour ${name}`);
    const subtle = isSubtle === true;
    const foreground = subtle ? pair.subtle : pair.default;
    out.push({ text: String(text).slice(0, 60), style, color: name, isSubtle: subtle, foreground, background: colours.backgroundColor, ratio: contrastRatio(foreground, colours.backgroundColor) });
  };
  const walk = (node: unknown, style: string): void => {
    if (Array.isArray(node)) return node.forEach((item) => walk(item, style));
    if (typeof node !== 'object' || node === null) return;
    const element = node as Json;
    const type = element.type;
    const own = STYLED.has(String(type)) && typeof element.style === 'string' ? element.style.toLowerCase() : style;
    if (type === 'TextBlock' || type === 'TextRun') {
      const heading = type === 'TextBlock' && element.style === 'heading' ? host.textStyles?.heading : undefined;
      measure(element.text, own, element.color ?? heading?.color, element.isSubtle ?? heading?.isSubtle);
    } else if (type === 'FactSet' && Array.isArray(element.facts)) {
      for (const fact of element.facts as Json[]) {
        measure(fact.title, own, host.factSet?.title?.color, host.factSet?.title?.isSubtle);
        measure(fact.value, own, host.factSet?.value?.color, host.factSet?.value?.isSubtle);
      }
    }
    // Inlines, items, columns, rows, cells, and the fallback other hosts show instead.
    for (const [key, value] of Object.entries(element)) if (key !== 'actions' && key !== 'refresh') walk(value, own);
  };
  walk((card as Json).body, 'default');
  return out;
}
