// English strings shared by every surface (durations, placeholders).
export const COMMON = {
  'duration.minutes': '{minutes} min',
  'duration.hours': '{hours} h {minutes} min',
  'duration.long.minutes': '{minutes, plural, one {# minute} other {# minutes}}',
  'duration.long.hours': '{hours, plural, one {# hour} other {# hours}}',
  'duration.long.hoursMinutes': '{hours, plural, one {# hour} other {# hours}} {minutes, plural, one {# minute} other {# minutes}}',
  'none': '–',
} as const;
