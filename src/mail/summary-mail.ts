// The weekly summary e-mail to the owner: subject, HTML and plain text from the same week result, trend and
// feedback as the scorecard (no second computation). Pure: plain data in, plain data out.
import { summaryHtml } from './summary-html.ts';
import { summaryText } from './summary-text.ts';
import type { SummaryMailInput } from '../reports/summary.ts';
import { summaryView } from './summary-view.ts';

export type { SummaryMailInput } from '../reports/summary.ts';

export interface SummaryMail {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

export function summaryMail(input: SummaryMailInput): SummaryMail {
  const view = summaryView(input);
  return { subject: view.subject, html: summaryHtml(view, input.locale), text: summaryText(view) };
}
