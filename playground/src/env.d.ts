/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Whether `vite` (serve) runs this page, with the fake mounted and the real API proxied; see vite.config.ts. */
  readonly PLAYGROUND_ON_DEV_SERVER: boolean
}
