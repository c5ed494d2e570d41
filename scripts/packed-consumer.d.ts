// Types for packed-consumer.js, which stays JavaScript so `npm run size` runs on plain Node.

export declare const repoRoot: string
export declare const manifest: {
  version: string
  license: string
  scripts: Record<string, string>
  exports: Record<string, { types: string; import: string }>
  files: string[]
  dependencies: Record<string, string>
  /** Optional peers (unstorage, for togglkit/storage only), pinned for this repository in devDependencies. */
  peerDependencies: Record<string, string>
  peerDependenciesMeta: Record<string, { optional?: boolean }>
  devDependencies: Record<string, string>
  /** Per fixture app in test/fixtures: the most its browser bundle may weigh, gzipped. */
  sizeBudget: Record<string, { maxGzipBytes: number; maxEntryGzipBytes?: number }>
}

export interface ConsumerProject {
  /** The temporary project; togglkit is in its node_modules as npm would install it. */
  dir: string
  /** The paths `npm pack` put in the tarball, e.g. `dist/index.js`. */
  packedFiles: string[]
  addFixture(name: string): string
  remove(): void
}

/** Throws unless dist/ is newer than every file in src/. */
export declare function assertBuildIsFresh(): void

export declare function createConsumerProject(extraPackages?: string[], options?: { freshClone?: boolean }): ConsumerProject

export interface BundledChunk {
  fileName: string
  isEntry: boolean
  code: string
  /** Absolute paths of the modules in this chunk (symlinks resolved). */
  moduleIds: string[]
  /** File names of the chunks this one imports statically. */
  imports: string[]
  /** File names of the chunks this one loads with `import()`. */
  dynamicImports: string[]
  gzipBytes: number
}

export declare function bundleForBrowser(appDir: string): Promise<BundledChunk[]>
export declare function totalGzipBytes(chunks: BundledChunk[]): number
export declare function describeBundle(app: string, chunks: BundledChunk[]): string
