// Types for chromium.js, which stays JavaScript so plain Node scripts can import it.
export declare const chromiumPath: string
export declare const chromiumArgs: string[]
