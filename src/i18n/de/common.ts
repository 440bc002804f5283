// German strings shared by every surface (durations, placeholders).
import type { COMMON as EN } from '../en/common.ts';
import type { Translation } from '../translation.ts';

export const COMMON = {
  'duration.minutes': '{minutes} Min.',
  'duration.hours': '{hours} Std. {minutes} Min.',
  'duration.long.minutes': '{minutes, plural, one {# Minute} other {# Minuten}}',
  'duration.long.hours': '{hours, plural, one {# Stunde} other {# Stunden}}',
  'duration.long.hoursMinutes': '{hours, plural, one {# Stunde} other {# Stunden}} und {minutes, plural, one {# Minute} other {# Minuten}}',
  'none': '–',
} as const satisfies Translation<typeof EN>;
