import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/** Collects garbage until finalizers have had their turn (they run in later tasks). */
export async function collectGarbage(): Promise<void> {
  for (let round = 0; round < 5; round++) {
    await new Promise((resolve) => setTimeout(resolve, 10))
    gc()
  }
  await new Promise((resolve) => setTimeout(resolve, 10))
}
