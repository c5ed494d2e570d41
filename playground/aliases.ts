import { fileURLToPath } from 'node:url'

const source = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url))

/**
 * `togglkit` and its entries as the playground imports them, resolved to this repository's sources
 * (tsconfig.json's `paths` say the same to TypeScript): the playground is written as an app would be.
 */
export const togglkitAliases = [
  { find: /^togglkit$/, replacement: source('index.ts') },
  { find: /^togglkit\/mock$/, replacement: source('mock/index.ts') },
  { find: /^togglkit\/webhooks$/, replacement: source('receiver/index.ts') },
]
