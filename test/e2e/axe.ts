import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'

/** One rule axe found broken, with every element that breaks it. */
type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number]

/** The impacts the gate fails on; moderate and minor findings are left to review. */
const BLOCKING = new Set(['serious', 'critical'])

/**
 * One violation as a line a developer can act on without rerunning: rule id, impact, what
 * the rule asks (and where axe explains it), then each offending element as axe's CSS
 * selector with its own failure summary.
 */
export function describeViolation(violation: Violation): string {
  const nodes = violation.nodes.map((node) => {
    const selector = node.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' ')
    const why = (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ')
    return `\n  - ${selector}: ${why}`
  })
  const impact = violation.impact ?? 'unknown impact'
  return `${violation.id} (${impact}): ${violation.help} [${violation.helpUrl}]${nodes.join('')}`
}

/**
 * Runs axe-core over the whole page as it is now, with the rules axe enables by default
 * (WCAG 2.x A and AA plus best practices), and describes each serious or critical violation
 * (see {@link describeViolation}); an accessible page gives an empty list.
 */
export async function seriousFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations.filter((v) => BLOCKING.has(v.impact ?? '')).map(describeViolation)
}
