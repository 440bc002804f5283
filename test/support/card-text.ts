// The text a reader sees on an Adaptive Card, from its JSON: for checks that every word came from the catalog.

/** Card properties a reader sees (a Teams chart's axis titles and bar labels among them). */
const VISIBLE = new Set(['text', 'title', 'label', 'value', 'fallbackText', 'placeholder', 'errorMessage', 'xAxisTitle', 'yAxisTitle', 'x']);

/** Every visible string of a card, depth first. */
export function visibleStrings(node: unknown, property = '', into: string[] = []): string[] {
  if (typeof node === 'string') {
    if (VISIBLE.has(property)) into.push(node);
  } else if (Array.isArray(node)) {
    for (const item of node) visibleStrings(item, property, into);
  } else if (typeof node === 'object' && node !== null) {
    const object = node as Record<string, unknown>;
    // A choice's value and a choice set's selection are ids the reader never sees; its title is the text.
    const ids = object.type === 'Input.ChoiceSet' || (object.type === undefined && 'title' in object && 'value' in object);
    for (const [key, value] of Object.entries(object)) if (!(ids && key === 'value')) visibleStrings(value, key, into);
  }
  return into;
}
