// Types for test-deno.js, which stays JavaScript so it runs on plain Node.
export declare function runDenoSuite(options?: { junitPath?: string }): number
