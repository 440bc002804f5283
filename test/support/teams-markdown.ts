// A stand-in for the Markdown Teams applies to a TextBlock's text and a Fact's title and value, for rendering
// cards in Chromium the way a reader sees them. Teams documents the subset it supports — bold, italic, bulleted
// and numbered lists, links ("Format cards in Teams",
// https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format) — on a CommonMark
// parser; this follows CommonMark for that subset and, to be stricter than Teams, also for headings, autolinks and
// character references. Raw HTML is never passed through (Teams supports none in Adaptive Cards).
//
// The function is self-contained (no imports, no outer names) so card-page.ts can hand its source to the browser.

/** Markdown → HTML for one TextBlock. */
export function teamsMarkdown(source: string): string {
  const ESCAPABLE = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
  const html = (value: string) => value.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
  const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

  /** Index of the next `marker` at or after `from` that no backslash escapes, or -1. */
  function closing(text: string, from: number, marker: string): number {
    for (let i = from; i <= text.length - marker.length; i++) {
      if (text[i] === '\\') {
        i++;
        continue;
      }
      if (text.startsWith(marker, i) && text[i - 1] !== ' ' && i > from) return i;
    }
    return -1;
  }

  function inline(text: string): string {
    let out = '';
    let i = 0;
    while (i < text.length) {
      const c = text[i]!;
      const rest = text.slice(i);
      if (c === '\\' && i + 1 < text.length && ESCAPABLE.includes(text[i + 1]!)) {
        out += html(text[i + 1]!);
        i += 2;
        continue;
      }
      if (c === '[') {
        const link = /^\[((?:\\.|[^\\[\]])*)\]\(\s*([^\s()]*)(?:\s+"[^"]*")?\s*\)/.exec(rest);
        if (link !== null) {
          out += `<a href="${html(link[2]!)}">${inline(link[1]!)}</a>`;
          i += link[0].length;
          continue;
        }
      }
      if (c === '<') {
        const auto = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>/.exec(rest);
        if (auto !== null) {
          const target = auto[1]!.includes(':') ? auto[1]! : `mailto:${auto[1]!}`;
          out += `<a href="${html(target)}">${html(auto[1]!)}</a>`;
          i += auto[0].length;
          continue;
        }
      }
      if (c === '&') {
        const reference = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]+));/.exec(rest);
        const decoded =
          reference === null ? undefined : reference[1] !== undefined ? String.fromCodePoint(Number(reference[1])) : reference[2] !== undefined ? String.fromCodePoint(parseInt(reference[2], 16)) : NAMED[reference[3]!];
        if (reference !== null && decoded !== undefined) {
          out += html(decoded);
          i += reference[0].length;
          continue;
        }
      }
      if ((c === '*' || c === '_') && text[i + 1] !== ' ') {
        const marker = text[i + 1] === c ? c + c : c;
        const end = closing(text, i + marker.length, marker);
        if (end > 0) {
          const inner = inline(text.slice(i + marker.length, end));
          out += marker.length === 2 ? `<strong>${inner}</strong>` : `<em>${inner}</em>`;
          i = end + marker.length;
          continue;
        }
      }
      if (c === '~' && text[i + 1] === '~') {
        const end = closing(text, i + 2, '~~');
        if (end > 0) {
          out += `<del>${inline(text.slice(i + 2, end))}</del>`;
          i = end + 2;
          continue;
        }
      }
      if (c === '`') {
        const end = text.indexOf('`', i + 1);
        if (end > i + 1) {
          out += `<code>${html(text.slice(i + 1, end))}</code>`;
          i = end + 1;
          continue;
        }
      }
      out += html(c);
      i++;
    }
    return out;
  }

  const blocks: string[] = [];
  let paragraph: string[] = [];
  let list: { tag: 'ul' | 'ol'; items: string[] } | null = null;
  const flush = () => {
    if (paragraph.length > 0) blocks.push(`<p>${inline(paragraph.join('\n'))}</p>`);
    if (list !== null) blocks.push(`<${list.tag}>${list.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${list.tag}>`);
    paragraph = [];
    list = null;
  };
  for (const line of source.split(/\r\n|\r|\n/)) {
    const bullet = /^ {0,3}[-+*][ \t]+(.*)$/.exec(line);
    const numbered = /^ {0,3}\d{1,9}[.)][ \t]+(.*)$/.exec(line);
    const headingLine = /^ {0,3}(#{1,6})[ \t]+(.*)$/.exec(line);
    const quote = /^ {0,3}>[ \t]?(.*)$/.exec(line);
    if (line.trim() === '') flush();
    else if (headingLine !== null) {
      flush();
      blocks.push(`<h${headingLine[1]!.length}>${inline(headingLine[2]!)}</h${headingLine[1]!.length}>`);
    } else if (quote !== null) {
      flush();
      blocks.push(`<blockquote>${inline(quote[1]!)}</blockquote>`);
    } else if (bullet !== null || numbered !== null) {
      const tag = bullet !== null ? 'ul' : 'ol';
      if (paragraph.length > 0 || (list !== null && list.tag !== tag)) flush();
      list ??= { tag, items: [] };
      list.items.push((bullet ?? numbered)![1]!);
    } else if (list !== null) {
      flush();
      paragraph.push(line);
    } else paragraph.push(line);
  }
  flush();
  return blocks.join('');
}
