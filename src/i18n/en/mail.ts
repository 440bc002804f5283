// English strings of the weekly Outlook summary e-mail.
export const MAIL = {
  'mail.subject': 'Tandem: week {week}, {rate} answered within {window} h',
} as const;
