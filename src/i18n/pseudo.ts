// The pseudo-locale (qps-ploc): every English string accented, padded about 30% longer and bracketed, so a
// screen shows at a glance which text bypassed the catalog (plain ASCII) and which got clipped (no "]").
import { mapText } from './message-format.ts';

const ACCENTED: Readonly<Record<string, string>> = {
  a: 'å', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'î', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Å', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};
/** German and Dutch run about a third longer than English; the padding makes room for them visible now. */
const GROWTH = 0.3;
const PAD = '·';
export const PSEUDO_OPEN = '[';
export const PSEUDO_CLOSE = ']';

/** Every ASCII letter accented: the pseudo-locale's mark on text that went through the catalog or format.ts. */
export function accent(text: string): string {
  return text.replace(/[A-Za-z]/g, (letter) => ACCENTED[letter] ?? letter);
}

/** The pseudo-localised form of an English catalog template; placeholders and plural syntax are kept. */
export function pseudoLocalize(template: string): string {
  let letters = 0;
  mapText(template, (text) => {
    letters += text.replace(/[^A-Za-z]/g, '').length;
    return text;
  });
  const padding = PAD.repeat(Math.max(1, Math.ceil(letters * GROWTH)));
  return `${PSEUDO_OPEN}${mapText(template, accent)}${padding}${PSEUDO_CLOSE}`;
}
