// How the translations write numbers and durations: with `Intl`, in their own language.

/** Formatters for `lang`, made once per translation. */
export function formats(lang: string) {
  const number = new Intl.NumberFormat(lang);
  const twoDigits = new Intl.NumberFormat(lang, { minimumIntegerDigits: 2 });
  const unit = (unit: string) => new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short' });
  const seconds = unit('second');
  const minutes = unit('minute');
  return {
    number: (n: number) => number.format(n),
    /** Seconds under a minute ("45 Sek."), else whole minutes ("3 Min."). */
    duration: (s: number) => (s < 60 ? seconds.format(s) : minutes.format(Math.round(s / 60))),
    /** Minutes and seconds, as a clock shows them ("1:05"). */
    clock: (s: number) => `${number.format(Math.floor(s / 60))}:${twoDigits.format(s % 60)}`,
  };
}
