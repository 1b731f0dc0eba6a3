/**
 * Feedback where the eyes are: a message that appears (a failure, a pause, a question, a report)
 * takes the focus, so a screen reader reads it and a keyboard user acts on it next, and is brought
 * into view once, from wherever the user was. A message already in full view does not move the
 * page; one taller than the view shows its start. Nothing moves the page again afterwards. Used as
 * a callback ref: React calls it when the element mounts.
 */
export function focusOnArrival(element: HTMLElement | null): void {
  if (!element) return
  element.focus({ preventScroll: true })
  const viewHeight = element.ownerDocument.documentElement.clientHeight
  const box = element.getBoundingClientRect()
  if (box.top >= 0 && box.bottom <= viewHeight) return
  element.scrollIntoView({ block: box.height > viewHeight ? 'start' : 'nearest' })
}
