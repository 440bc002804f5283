// Danish strings shared by every surface (durations, placeholders).
import type { COMMON as EN } from '../en/common.ts';
import type { Translation } from '../translation.ts';

export const COMMON = {
  'duration.minutes': '{minutes} min.',
  'duration.hours': '{hours} t. {minutes} min.',
  'duration.long.minutes': '{minutes, plural, one {# minut} other {# minutter}}',
  'duration.long.hours': '{hours, plural, one {# time} other {# timer}}',
  'duration.long.hoursMinutes': '{hours, plural, one {# time} other {# timer}} og {minutes, plural, one {# minut} other {# minutter}}',
  'none': '–',
} as const satisfies Translation<typeof EN>;
