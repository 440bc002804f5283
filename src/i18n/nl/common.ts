// Dutch strings shared by every surface (durations, placeholders).
import type { COMMON as EN } from '../en/common.ts';
import type { Translation } from '../translation.ts';

export const COMMON = {
  'duration.minutes': '{minutes} min',
  'duration.hours': '{hours} u {minutes} min',
  'duration.long.minutes': '{minutes, plural, one {# minuut} other {# minuten}}',
  'duration.long.hours': '{hours, plural, one {# uur} other {# uur}}',
  'duration.long.hoursMinutes': '{hours, plural, one {# uur} other {# uur}} en {minutes, plural, one {# minuut} other {# minuten}}',
  'none': '–',
} as const satisfies Translation<typeof EN>;
