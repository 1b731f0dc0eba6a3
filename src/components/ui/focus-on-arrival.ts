/**
 * Feedback where the eyes are: a message that appears (a failure, a pause, a question, a report)
 * takes the focus, so a screen reader reads it and a keyboard user acts on it next, and is scrolled
 * into view once, from wherever the user was; "nearest" moves the page no more than needed, and
 * nothing moves it again afterwards. Used as a callback ref: React calls it when the element mounts.
 */
export function focusOnArrival(element: HTMLElement | null): void {
  if (!element) return
  element.focus({ preventScroll: true })
  element.scrollIntoView({ block: 'nearest' })
}
