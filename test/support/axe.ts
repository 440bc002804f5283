// Accessibility checks for browser tests: axe's serious and critical violations on a page, as readable lines.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * Fluent's focus manager (tabster) inserts `<i data-tabster-dummy aria-hidden tabindex=0>` sentinels that
 * pass focus on at once; Fluent lists them as a known aria-hidden-focus false positive and Accessibility
 * Insights suppresses exactly those nodes (microsoft/accessibility-insights-web#7605). Only those are dropped.
 */
const tabsterSentinel = (id: string, html: string) => id === 'aria-hidden-focus' && html.includes('data-tabster-dummy');

export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ ...violation, nodes: violation.nodes.filter((node) => !tabsterSentinel(violation.id, node.html)) }))
    .filter((violation) => violation.nodes.length > 0)
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')})`);
}
