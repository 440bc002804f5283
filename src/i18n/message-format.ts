// A small ICU-style message formatter for the catalog: `{name}` placeholders (as before), plus
// `{n, plural, =0 {…} one {# …} other {# …}}`, `{n, selectordinal, …}` and `{x, select, a {…} other {…}}`.
// Written here rather than pulled in so `{name}` keeps its old behaviour exactly (value inserted as
// String(value), a missing value leaves `{name}` visible) and apostrophes stay plain text: ICU quoting
// would eat the apostrophe in Dutch "VA's" or German "geht's".

import { numberFormat, pluralRules } from './intl-cache.ts';

export type Params = Readonly<Record<string, string | number>>;

type Node =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'pound' }
  | { readonly kind: 'arg'; readonly name: string }
  | { readonly kind: 'plural'; readonly name: string; readonly ordinal: boolean; readonly offset: number; readonly cases: ReadonlyMap<string, readonly Node[]> }
  | { readonly kind: 'select'; readonly name: string; readonly cases: ReadonlyMap<string, readonly Node[]> };

export type Message = readonly Node[];

/** A catalog template that does not parse; tests parse every template, so this is a developer error. */
export class MessageSyntaxError extends Error {
  override readonly name = 'MessageSyntaxError';
}

const NAME = /[A-Za-z_][\w]*/y;
const SELECTOR = /=?[\w-]+/y;
const OFFSET = /offset:\s*(\d+)/y;

class Parser {
  private at = 0;
  constructor(private readonly source: string) {}

  parse(): Message {
    const nodes = this.nodes(false);
    if (this.at < this.source.length) this.fail('unmatched "}"');
    return nodes;
  }

  private fail(why: string): never {
    throw new MessageSyntaxError(`${why} at ${this.at} in "${this.source}"`);
  }

  private spaces(): void {
    while (/\s/.test(this.source[this.at] ?? '')) this.at += 1;
  }

  private match(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = this.at;
    const found = pattern.exec(this.source);
    if (found !== null) this.at = pattern.lastIndex;
    return found;
  }

  private expect(char: string): void {
    this.spaces();
    if (this.source[this.at] !== char) this.fail(`expected "${char}"`);
    this.at += 1;
  }

  /** Text, `#` and arguments up to an unmatched `}` or the end. */
  private nodes(inPlural: boolean): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text !== '') nodes.push({ kind: 'text', text });
      text = '';
    };
    while (this.at < this.source.length) {
      const char = this.source[this.at]!;
      if (char === '}') break;
      if (char === '#' && inPlural) {
        flush();
        nodes.push({ kind: 'pound' });
        this.at += 1;
      } else if (char === '{') {
        flush();
        nodes.push(this.argument(inPlural));
      } else {
        text += char;
        this.at += 1;
      }
    }
    flush();
    return nodes;
  }

  private argument(inPlural: boolean): Node {
    this.at += 1;
    this.spaces();
    const name = this.match(NAME)?.[0] ?? this.fail('expected an argument name');
    this.spaces();
    if (this.source[this.at] === '}') {
      this.at += 1;
      return { kind: 'arg', name };
    }
    this.expect(',');
    this.spaces();
    const type = this.match(NAME)?.[0] ?? this.fail('expected plural, selectordinal or select');
    if (type !== 'plural' && type !== 'selectordinal' && type !== 'select') this.fail(`unknown argument type "${type}"`);
    this.expect(',');
    this.spaces();
    const offset = type === 'select' ? null : this.match(OFFSET);
    const cases = new Map<string, Node[]>();
    for (;;) {
      this.spaces();
      if (this.at >= this.source.length) this.fail('expected "}"');
      if (this.source[this.at] === '}') break;
      const selector = this.match(SELECTOR)?.[0] ?? this.fail('expected a case selector');
      if (cases.has(selector)) this.fail(`case "${selector}" given twice`);
      this.expect('{');
      cases.set(selector, this.nodes(type !== 'select' || inPlural));
      this.expect('}');
    }
    this.at += 1;
    if (!cases.has('other')) this.fail(`"${name}" has no "other" case`);
    return type === 'select'
      ? { kind: 'select', name, cases }
      : { kind: 'plural', name, ordinal: type === 'selectordinal', offset: Number(offset?.[1] ?? 0), cases };
  }
}

const parsed = new Map<string, Message>();

/** The template parsed once and kept: catalogs are finite, so the cache is bounded by their size. */
export function parseMessage(template: string): Message {
  let message = parsed.get(template);
  if (message === undefined) {
    message = new Parser(template).parse();
    parsed.set(template, message);
  }
  return message;
}

function rules(locale: string, ordinal: boolean): Intl.PluralRules {
  return pluralRules(locale, { type: ordinal ? 'ordinal' : 'cardinal' });
}

/** `pound` is what `#` prints inside a plural branch: its number, formatted; null outside plurals. */
function render(message: Message, locale: string, params: Params, pound: string | null): string {
  let out = '';
  for (const node of message) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'pound') out += pound ?? '#';
    else if (!(node.name in params)) out += `{${node.name}}`;
    else if (node.kind === 'arg') out += String(params[node.name]);
    else if (node.kind === 'select') {
      const value = String(params[node.name]);
      out += render(node.cases.get(value) ?? node.cases.get('other')!, locale, params, pound);
    } else {
      const raw = params[node.name]!;
      const value = typeof raw === 'number' ? raw : Number(raw);
      // A count passed already formatted ("1,234") cannot be classified: it reads as "other", printed as given.
      if (Number.isNaN(value)) {
        out += render(node.cases.get('other')!, locale, params, String(raw));
        continue;
      }
      const shown = value - node.offset;
      const branch = node.cases.get(`=${value}`) ?? node.cases.get(rules(locale, node.ordinal).select(shown)) ?? node.cases.get('other')!;
      out += render(branch, locale, params, numberFormat(locale).format(shown));
    }
  }
  return out;
}

/** `template` filled from `params`, plural categories and `#` following `locale`'s rules. */
export function formatMessage(template: string, locale: string, params: Params = {}): string {
  return render(parseMessage(template), locale, params, null);
}

/** The argument names a template uses, plain or plural/select, in order of first use. */
export function argumentNames(template: string): string[] {
  const names = new Set<string>();
  const walk = (message: Message) => {
    for (const node of message) {
      if (node.kind === 'arg' || node.kind === 'plural' || node.kind === 'select') names.add(node.name);
      if (node.kind === 'plural' || node.kind === 'select') for (const branch of node.cases.values()) walk(branch);
    }
  };
  walk(parseMessage(template));
  return [...names];
}

/** The template with every piece of literal text passed through `change`; syntax and names untouched. */
export function mapText(template: string, change: (text: string) => string): string {
  const write = (message: Message): string =>
    message
      .map((node) => {
        if (node.kind === 'text') return change(node.text);
        if (node.kind === 'pound') return '#';
        if (node.kind === 'arg') return `{${node.name}}`;
        const head = node.kind === 'select' ? 'select' : node.ordinal ? 'selectordinal' : 'plural';
        const offset = node.kind === 'plural' && node.offset !== 0 ? ` offset:${node.offset}` : '';
        const cases = [...node.cases].map(([selector, branch]) => `${selector} {${write(branch)}}`).join(' ');
        return `{${node.name}, ${head},${offset} ${cases}}`;
      })
      .join('');
  return write(parseMessage(template));
}
