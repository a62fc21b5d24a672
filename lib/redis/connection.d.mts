import type { RedisClientType } from "redis";

/** Types for connection.mjs (plain JavaScript so Next's server can import it unbundled). */
export declare function logRedisProblem(what: string, err: unknown): void;
export declare function redisConnection(url: string): Promise<RedisClientType>;
export declare function redisClient(url: string): RedisClientType;
export declare function closeRedisConnections(): Promise<void>;
