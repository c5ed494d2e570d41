const held = new Map<string, Promise<unknown>>()

/** Runs `task` once no other task of this realm holds `name`; tasks of one name run in call order. */
export function realmLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const before = held.get(name) ?? Promise.resolve()
  const run = before.then(task, task)
  const settled = run.then(
    () => undefined,
    () => undefined,
  )
  held.set(name, settled)
  void settled.then(() => held.get(name) === settled && held.delete(name))
  return run
}

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>
}

/**
 * Runs `task` holding `name` across every tab and worker of the origin (Web Locks), where the
 * runtime has them; elsewhere within this realm.
 */
export function originLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks
  return typeof locks?.request === 'function' ? locks.request(name, task) : realmLock(name, task)
}
