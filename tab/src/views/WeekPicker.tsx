// The week a list view shows (Messages, Tasks): picked among the trend's weeks, newest first, this week until
// another is chosen.
import { Dropdown, Field, Option } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../api.ts';
import { text, weekLabel } from '../i18n.ts';
import type { TrendResponse } from '../types.ts';
import { useApi } from '../use-api.ts';

/**
 * The trend (whose weeks the picker offers) and the week picked: `first` (a deep link's week) while the trend
 * offers it, else this week; null until the trend is in.
 */
export function usePickedWeek(api: ApiClient, base: string, first: string | null = null) {
  const trend = useApi<TrendResponse>(api, `${base}/trend`);
  const [picked, setPicked] = useState<string | null>(null);
  const weeks = trend.data?.weeks;
  const linked = first !== null && weeks?.some((w) => w.week === first) ? first : null;
  return { trend, week: picked ?? linked ?? weeks?.at(-1)?.week ?? null, pick: setPicked };
}

export function WeekPicker({ weeks, week, onPick }: { weeks: TrendResponse['weeks']; week: string | null; onPick: (week: string | null) => void }) {
  return (
    <Field label={text('tab.messages.week')}>
      <Dropdown value={week === null ? '' : weekLabel(week)} selectedOptions={week ? [week] : []} onOptionSelect={(_e, d) => onPick(d.optionValue ?? null)}>
        {[...weeks].reverse().map((w) => <Option key={w.week} value={w.week}>{weekLabel(w.week)}</Option>)}
      </Dropdown>
    </Field>
  );
}
