/**
 * A Storage that lives in this page's memory, for a browser that denies web storage (a sandboxed
 * frame, some private modes): the app still runs, and nothing survives a reload or a redirect.
 */
export function createMemoryStorage(): Storage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    clear: () => {
      items.clear()
    },
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => {
      items.delete(key)
    },
    setItem: (key, value) => {
      items.set(key, value)
    },
  }
}

/** The browser's storage, or undefined when reading it is denied (it throws a SecurityError). */
export function browserStorage(read: () => Storage): Storage | undefined {
  try {
    const storage = read()
    storage.getItem('pkce-lab:probe')
    return storage
  } catch {
    return undefined
  }
}

/** The keys a Storage holds now. */
export function storageKeys(storage: Storage): string[] {
  return Array.from({ length: storage.length }, (_, index) => storage.key(index)).filter(
    (key): key is string => key !== null,
  )
}
