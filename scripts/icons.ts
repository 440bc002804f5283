// Renders the app's two icons from the one SVG source (manifest/icon.svg) with resvg: the colour icon
// (192×192) from the whole drawing, the outline icon (32×32) from the glyph alone, white on transparent,
// cropped to the glyph so it stays legible at Teams' smallest size.
import { Resvg } from '@resvg/resvg-js';

export const COLOR_ICON_PX = 192;
export const OUTLINE_ICON_PX = 32;
/** The glyph's box in the source's 192-unit canvas, with a little margin. */
const GLYPH_VIEWBOX = '28 26 136 136';

export function render(svg: string, size: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)', font: { loadSystemFonts: false } }).render().asPng());
}

/** The glyph alone: the background shape removed, everything painted white, viewBox on the glyph. */
export function outlineSvg(svg: string): string {
  const withoutBackground = svg.replace(/<rect id="background"[^>]*\/>/, '');
  if (withoutBackground === svg) throw new Error('icon.svg must have a <rect id="background" …/> to drop for the outline icon');
  return withoutBackground
    .replace(/viewBox="[^"]*"/, `viewBox="${GLYPH_VIEWBOX}"`)
    .replace(/(stroke|fill)="#(?!FFFFFF")[0-9A-Fa-f]{3,6}"/g, '$1="#FFFFFF"');
}

export function renderIcons(svg: string): { color: Buffer; outline: Buffer } {
  return { color: render(svg, COLOR_ICON_PX), outline: render(outlineSvg(svg), OUTLINE_ICON_PX) };
}
