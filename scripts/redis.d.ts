// Types for redis.js, which stays JavaScript so plain Node scripts and benchmarks can import it.
export declare const redisServerPath: string
export declare function hasRedisServer(): boolean
export declare function freePort(): Promise<number>

export interface RedisServer {
  port: number
  url: string
  /** Shuts the server down and waits for it to exit. */
  stop(): Promise<void>
  /** Kills it at once, as a crash would (its data is gone: nothing persists). */
  kill(): Promise<void>
}

export declare function startRedisServer(port?: number): Promise<RedisServer>
