// How the translations write numbers, durations and counts: with `Intl`, in their own language.
import type { MediaKind } from '../strings.js';

/** The forms of a sentence by plural category (`Intl.PluralRules`); `other` for any category left out. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * How a language writes its units: as `Intl` abbreviates them, in full (`long`) where a reader
 * would not write the abbreviation ("3 menit"), or its own words written right after the number
 * ("45秒", where `Intl` puts a space).
 */
type Units = 'short' | 'long' | Record<'second' | 'minute', string>;

/** Formatters for `lang`, made once per translation. */
export function formats(lang: string, units: Units = 'short') {
  const number = new Intl.NumberFormat(lang);
  const twoDigits = new Intl.NumberFormat(lang, { minimumIntegerDigits: 2 });
  const plurals = new Intl.PluralRules(lang);
  const unit = (unit: 'second' | 'minute') =>
    typeof units === 'object'
      ? { format: (n: number) => number.format(n) + units[unit] }
      : new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: units });
  const seconds = unit('second');
  const minutes = unit('minute');
  /** A duration's count: seconds under a minute, else whole minutes. */
  const count = (s: number) => (s < 60 ? s : Math.round(s / 60));
  return {
    number: (n: number) => number.format(n),
    /** The form for `n` things. */
    plural: (n: number, forms: PluralForms) => forms[plurals.select(n)] ?? forms.other,
    count,
    /** Seconds under a minute ("45 Sek."), else whole minutes ("3 Min."). */
    duration: (s: number) => (s < 60 ? seconds : minutes).format(count(s)),
    /** An exact span: whole minutes when it is some, else seconds ("30 Min.", "90 Sek."). */
    span: (s: number) => (s % 60 ? seconds.format(s) : minutes.format(s / 60)),
    /** Minutes and seconds, as a clock shows them ("1:05"). */
    clock: (s: number) => `${number.format(Math.floor(s / 60))}:${twoDigits.format(s % 60)}`,
  };
}

/**
 * How Chinese names result `n` of `total`: "第2张图片（共4张）", with the measure word of its kind;
 * a single result by its noun alone.
 */
export const chineseResult =
  (number: (n: number) => string, nouns: Record<MediaKind, readonly [noun: string, measure: string]>) =>
  (n: number, total: number, kind: MediaKind) => {
    const [noun, measure] = nouns[kind];
    return total > 1 ? `第${number(n)}${measure}${noun}（共${number(total)}${measure}）` : noun;
  };
