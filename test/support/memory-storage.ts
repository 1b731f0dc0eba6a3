/** A Web Storage stand-in for Node tests; it stores strings exactly as sessionStorage would. */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>()

  get length(): number {
    return this.items.size
  }

  clear(): void {
    this.items.clear()
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null
  }

  removeItem(key: string): void {
    this.items.delete(key)
  }

  setItem(key: string, value: string): void {
    this.items.set(key, value)
  }

  /** Everything stored, for assertions that no token or secret is in it. */
  dump(): string {
    return JSON.stringify([...this.items.entries()])
  }
}
