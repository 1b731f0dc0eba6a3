/**
 * Accessibility helpers for the end-to-end run: an axe-core scan held to WCAG 2.0, 2.1 and 2.2 A and
 * AA, and keyboard-only navigation that checks every control it lands on shows where focus is.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

import { expect, test } from './fixtures'

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']

/**
 * What one scan adds to its test's time limit: a scan of the signed-in page runs axe's every rule
 * over thousands of nodes, which took more than 20 s on a machine busy with other work, and a test
 * that scans six screens would otherwise be bounded by how fast the machine is.
 */
const SCAN_ALLOWANCE_MS = 30_000

/** Scans the whole page and fails with each violation's id, impact, target and help. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const info = test.info()
  info.setTimeout(info.timeout + SCAN_ALLOWANCE_MS)
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  const violations = results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'unknown impact'}) at ${node.target.join(' ')}: ${violation.help}`,
    ),
  )
  expect(violations, `axe found violations on ${screen}:\n${violations.join('\n')}`).toEqual([])
}

/** What keyboard focus is on, and whether it can be seen. */
export interface FocusedElement {
  /** The aria-label, or else the visible text, the placeholder or the name attribute. */
  name: string
  tag: string
  /** An outline, a box shadow, or (on an SVG link) a stroke on the label behind it. */
  indicator: string | undefined
}

/** The element that has focus; undefined while focus is on the page itself. */
export async function focusedElement(page: Page): Promise<FocusedElement | undefined> {
  return page.evaluate(() => {
    const element = document.activeElement
    if (element === null || element === document.body) return undefined
    const style = getComputedStyle(element)
    let indicator: string | undefined
    if (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') {
      indicator = `outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`
    } else if (style.boxShadow !== 'none') {
      indicator = `box-shadow ${style.boxShadow}`
    } else if (element instanceof SVGElement) {
      // The sequence diagram's arrows draw their focus as a stroke around their label.
      const label = element.querySelector('rect')
      const stroke = label === null ? 'none' : getComputedStyle(label).stroke
      if (stroke !== 'none') indicator = `stroke ${stroke} on the label`
    }
    const text = element.textContent.replace(/\s+/g, ' ').trim()
    const name =
      element.getAttribute('aria-label') ??
      (text === '' ? (element.getAttribute('placeholder') ?? element.getAttribute('name')) : text)
    return { name: name ?? '', tag: element.tagName.toLowerCase(), indicator }
  })
}

/**
 * Presses Tab (or Shift+Tab) until the focused element's name matches, stopping at once if it already
 * does. Every element focus lands on on the way must show a focus indicator.
 */
export async function tabTo(
  page: Page,
  name: string | RegExp,
  options: { backwards?: boolean; maxPresses?: number } = {},
): Promise<FocusedElement> {
  const matches = (focused: FocusedElement | undefined): focused is FocusedElement =>
    focused !== undefined &&
    (typeof name === 'string' ? focused.name === name : name.test(focused.name))
  const visited: string[] = []
  const maxPresses = options.maxPresses ?? 80
  for (let presses = 0; presses <= maxPresses; presses += 1) {
    const focused = await focusedElement(page)
    if (focused !== undefined) {
      visited.push(`${focused.tag} "${focused.name}"`)
      expect(
        focused.indicator,
        `no visible focus indicator on ${focused.tag} "${focused.name}"`,
      ).toBeDefined()
    }
    if (matches(focused)) return focused
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(
    `"${String(name)}" not reached in ${maxPresses} presses; focus went to:\n${visited.join('\n')}`,
  )
}
