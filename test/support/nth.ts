/** The item at `index`, or a test failure naming what is missing (instead of a TypeError later). */
export function nth<T>(items: ArrayLike<T>, index: number): T {
  const item = items[index]
  if (item === undefined) {
    throw new Error(`expected an item at index ${index}, found ${items.length} items`)
  }
  return item
}
