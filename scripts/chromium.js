// Debian's Chromium and the flags every tool here launches it with: tools must never download a
// browser of their own on these machines. Plain JavaScript, so Node scripts and configs share it.

/** Where the browser is; CHROMIUM_PATH overrides it. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

// Without the networking flags Chromium keeps dialling Google's hosts, which this network refuses.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]
