// Inputs that follow the app's language, not the browser's: native time and date inputs show "05:00 PM" and
// mm/dd/yyyy in a German tab when the browser is English. Times are picked from a list labelled as the cards
// write them, dates typed in the reader's order and read strictly, time zones found by typing a city or a name.
// What they hand back is what settings store: HH:MM, YYYY-MM-DD, IANA ids.
import { Combobox, Dropdown, Input, Option } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { clockTime, datePattern, numericDate, parseDate, text, zoneList } from '../i18n.ts';

const STEP_MINUTES = 15;
const pad = (n: number) => String(n).padStart(2, '0');
const STEPS = Array.from({ length: (24 * 60) / STEP_MINUTES }, (_, i) => `${pad(Math.floor((i * STEP_MINUTES) / 60))}:${pad((i * STEP_MINUTES) % 60)}`);

/** A time of day (HH:MM) from the day's quarter hours, and the stored time if it falls between them. */
export function TimePicker({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const times = STEPS.includes(value) || !/^\d\d:\d\d$/.test(value) ? STEPS : [...STEPS, value].sort();
  return (
    <Dropdown value={/^\d\d:\d\d$/.test(value) ? clockTime(value) : value} selectedOptions={[value]} onOptionSelect={(_e, d) => d.optionValue !== undefined && onChange(d.optionValue)}>
      {times.map((time) => <Option key={time} value={time}>{clockTime(time)}</Option>)}
    </Dropdown>
  );
}

/** Lower case without accents, so "kobenhavn" finds "København" and "zurich" "Zürich". */
const folded = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A time zone (IANA id), found by typing any part of its friendly name, city or id. */
export function ZonePicker({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const choices = useMemo(() => zoneList([value]), [value]);
  const [query, setQuery] = useState<string | null>(null);
  const selected = choices.find((choice) => choice.value === value);
  const shown = query === null || query.trim() === '' ? choices : choices.filter((choice) => folded(`${choice.label} ${choice.value}`).includes(folded(query.trim())));
  return (
    <Combobox
      value={query ?? selected?.label ?? value}
      selectedOptions={[value]}
      placeholder={text('tab.settings.timeZone.placeholder')}
      onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
      onOptionSelect={(_e, d) => {
        if (d.optionValue !== undefined && d.optionValue !== '') onChange(d.optionValue);
        setQuery(null);
      }}
      onOpenChange={(_e, d) => !d.open && setQuery(null)}
    >
      {shown.map((choice) => <Option key={choice.value} value={choice.value} text={choice.label}>{choice.label}</Option>)}
      {shown.length === 0 && <Option key="none" value="" disabled text={text('tab.settings.timeZone.none')}>{text('tab.settings.timeZone.none')}</Option>}
    </Combobox>
  );
}

/** The message under a date field typed in a way that is not a date. */
export const dateProblem = (): string => text('tab.date.invalid', { pattern: datePattern(), example: numericDate('2026-10-13') });

/** A date typed in the reader's order ("13.10.2026" in German); `onChange` gets YYYY-MM-DD, or null while it is not a date. */
export function DateInput({ typed, onType }: { typed: string; onType: (typed: string, value: string | null) => void }) {
  return <Input value={typed} placeholder={datePattern()} onChange={(_e, d) => onType(d.value, parseDate(d.value))} />;
}
