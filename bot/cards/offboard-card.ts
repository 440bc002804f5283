// Asks the owner to confirm offboarding: everything Tandem holds about the pairing is deleted, for good.
import { t } from '../../src/i18n/messages.ts';
import { card, execute, heading, statusText, text, type Card } from './card-parts.ts';

export interface OffboardCardInput {
  readonly locale: string;
  readonly pairingId: string;
  readonly mailbox: string;
}

export function offboardCard({ locale, pairingId, mailbox }: OffboardCardInput): Card {
  return card([heading(t(locale, 'offboard.title')), text(t(locale, 'offboard.explain', { mailbox })), statusText('warning', t(locale, 'offboard.irreversible'))], {
    actions: [
      execute(t(locale, 'offboard.action.confirm'), 'offboard.confirm', { pairingId }, { style: 'destructive' }),
      execute(t(locale, 'offboard.action.cancel'), 'offboard.cancel', { pairingId }),
    ],
    fallbackText: t(locale, 'offboard.title'),
  });
}
