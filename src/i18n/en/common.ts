// English strings shared by every surface (durations, placeholders).
export const COMMON = {
  'duration.minutes': '{minutes} min',
  'duration.hours': '{hours} h {minutes} min',
  'none': '–',
} as const;
